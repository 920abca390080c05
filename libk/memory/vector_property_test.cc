// Vector against std::vector over random operation sequences, with element types that
// count their live instances: after every step the contents match the model and the live
// count equals the number of elements; at the end nothing is alive and nothing was
// destroyed twice.
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/memory/vector.h"
#include "libk/result/optional.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::MoveOnly;

template <typename T>
void CheckMatches(const Vector<T>& vec, const std::vector<int>& model) {
  RC_ASSERT(vec.size() == model.size());
  RC_ASSERT(vec.empty() == model.empty());
  RC_ASSERT(vec.capacity() >= vec.size());
  std::size_t i = 0;
  for (const T& element : vec) {
    RC_ASSERT(element.value() == model[i]);
    RC_ASSERT(vec[i].value() == model[i]);
    RC_ASSERT(vec.At(i).value().value() == model[i]);
    ++i;
  }
  RC_ASSERT(!vec.At(model.size()).has_value());
  if (!model.empty()) {
    RC_ASSERT(vec.front().value() == model.front());
    RC_ASSERT(vec.back().value() == model.back());
  }
}

template <typename T>
void RunOperations(  // NOLINT(readability-function-cognitive-complexity)
    const std::vector<std::pair<std::uint16_t, int>>& ops) {
  const int errors_before = Counted::errors();
  const int live_before = Counted::live();
  {
    Vector<T> vecs[2];
    std::vector<int> models[2];
    for (const auto& [code, arg] : ops) {
      const int which = code % 2;
      Vector<T>& vec = vecs[which];
      Vector<T>& other = vecs[1 - which];
      std::vector<int>& model = models[which];
      std::vector<int>& other_model = models[1 - which];
      const std::size_t index = code / 32;
      switch ((code / 2) % 14) {
        case 0:
          RC_ASSERT(vec.TryPush(T(arg)).is_ok());
          model.push_back(arg);
          break;
        case 1:
          vec.Push(T(arg));
          model.push_back(arg);
          break;
        case 2:
          RC_ASSERT(vec.Emplace(arg).value() == arg);
          model.push_back(arg);
          break;
        case 3: {
          Optional<T> popped = vec.Pop();
          RC_ASSERT(popped.has_value() == !model.empty());
          if (!model.empty()) {
            RC_ASSERT(popped.value().value() == model.back());
            model.pop_back();
          }
          break;
        }
        case 4:
          if (!model.empty()) {
            vec.Erase(index % model.size());
            model.erase(model.begin() + static_cast<std::ptrdiff_t>(index % model.size()));
          }
          break;
        case 5: {
          const std::size_t at = index % (model.size() + 1);
          vec.Insert(at, T(arg));
          model.insert(model.begin() + static_cast<std::ptrdiff_t>(at), arg);
          break;
        }
        case 6:
          vec.Clear();
          model.clear();
          break;
        case 7:
          if (!model.empty()) {
            vec[index % model.size()] = T(arg);
            model[index % model.size()] = arg;
          }
          break;
        case 8:
          if constexpr (std::is_copy_constructible_v<T>) {
            other = vec.TryClone().UnwrapOrPanic();
            other_model = model;
          }
          break;
        case 9:
          other = std::move(vec);
          other_model = std::move(model);
          model.clear();
          RC_ASSERT(vec.empty());  // NOLINT(bugprone-use-after-move): specified state.
          break;
        case 10: {
          Vector<T> moved(std::move(vec));
          other = std::move(moved);
          other_model = model;
          model.clear();
          break;
        }
        case 11: {
          const std::size_t capacity = index % 64;
          const std::size_t before = vec.capacity();
          RC_ASSERT(vec.TryReserve(capacity).is_ok());
          RC_ASSERT(vec.capacity() >= capacity && vec.capacity() >= before);
          break;
        }
        case 12:
          std::swap(vec, other);
          std::swap(model, other_model);
          break;
        case 13:
          // Push an element of the vector itself: must survive the vector's growth.
          if constexpr (std::is_copy_constructible_v<T>) {
            if (!model.empty()) {
              const std::size_t at = index % model.size();
              vec.Push(vec[at]);
              model.push_back(model[at]);
            }
          }
          break;
        default:
          break;
      }
      CheckMatches(vecs[0], models[0]);
      CheckMatches(vecs[1], models[1]);
      RC_ASSERT(Counted::live() - live_before ==
                static_cast<int>(models[0].size() + models[1].size()));
      RC_ASSERT(Counted::errors() == errors_before);
      if constexpr (std::is_copy_constructible_v<T>) {
        RC_ASSERT((vecs[0] == vecs[1]) == (models[0] == models[1]));
      }
    }
  }
  RC_ASSERT(Counted::live() == live_before);
  RC_ASSERT(Counted::errors() == errors_before);
}

TEST(VectorProperty, CopyableElementsMatchStdVector) {
  EXPECT_TRUE(rc::check(RunOperations<Counted>));
}

TEST(VectorProperty, MoveOnlyElementsMatchStdVector) {
  EXPECT_TRUE(rc::check(RunOperations<MoveOnly>));
}

}  // namespace
}  // namespace libk
