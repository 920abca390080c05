// ArrayVec against std::vector over random operation sequences, with element types that
// count their live instances: after every step the contents match the model and the live
// count equals the number of elements; at the end nothing is alive and nothing was
// destroyed twice.
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/containers/array_vec.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::MoveOnly;

constexpr size_t kCapacity = 6;

template <typename T>
void CheckMatches(const ArrayVec<T, kCapacity>& vec, const std::vector<int>& model) {
  RC_ASSERT(vec.size() == model.size());
  RC_ASSERT(vec.empty() == model.empty());
  RC_ASSERT(vec.full() == (model.size() == kCapacity));
  size_t i = 0;
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

// One switch over the operations mirrors the model most directly.
template <typename T>
void RunOperations(  // NOLINT(readability-function-cognitive-complexity)
    const std::vector<std::pair<uint16_t, int>>& ops) {
  const int errors_before = Counted::errors();
  // Relative counts: a failed run (unwound mid-way) must not spoil the next one.
  const int live_before = Counted::live();
  {
    ArrayVec<T, kCapacity> vecs[2];
    std::vector<int> models[2];
    for (const auto& [code, arg] : ops) {
      const int which = code % 2;
      ArrayVec<T, kCapacity>& vec = vecs[which];
      ArrayVec<T, kCapacity>& other = vecs[1 - which];
      std::vector<int>& model = models[which];
      std::vector<int>& other_model = models[1 - which];
      const size_t index = code / 32;
      const bool full = model.size() == kCapacity;
      switch ((code / 2) % 16) {
        case 0: {
          const Result<void> pushed = vec.TryPush(T(arg));
          RC_ASSERT(pushed.is_ok() == !full);
          if (full) RC_ASSERT(pushed.error() == Error::kFull);
          if (!full) model.push_back(arg);
          break;
        }
        case 1:
          if (!full) {
            vec.Push(T(arg));
            model.push_back(arg);
          }
          break;
        case 2:
          if (!full) {
            RC_ASSERT(vec.Emplace(arg).value() == arg);
            model.push_back(arg);
          }
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
            model.erase(model.begin() + static_cast<ptrdiff_t>(index % model.size()));
          }
          break;
        case 5:
          if (!model.empty()) {
            const size_t at = index % model.size();
            T* next = vec.Erase(vec.begin() + at);
            RC_ASSERT(next == vec.begin() + at);
            model.erase(model.begin() + static_cast<ptrdiff_t>(at));
          }
          break;
        case 6:
          if (!full) {
            const size_t at = index % (model.size() + 1);
            vec.Insert(at, T(arg));
            model.insert(model.begin() + static_cast<ptrdiff_t>(at), arg);
          }
          break;
        case 7:
          vec.Clear();
          model.clear();
          break;
        case 8:
          if (!model.empty()) {
            vec[index % model.size()] = T(arg);
            model[index % model.size()] = arg;
          }
          break;
        case 9:
          if constexpr (std::is_copy_constructible_v<T>) {
            other = vec;
            other_model = model;
          }
          break;
        case 10:
          other = std::move(vec);
          other_model = model;
          model.clear();
          break;
        case 11: {
          ArrayVec<T, kCapacity> moved(std::move(vec));
          RC_ASSERT(vec.empty());  // NOLINT(bugprone-use-after-move): specified state.
          other = std::move(moved);
          other_model = model;
          model.clear();
          break;
        }
        case 12:
          if constexpr (std::is_copy_constructible_v<T>) {
            ArrayVec<T, kCapacity> copy(vec);
            RC_ASSERT(copy == vec);
            other = std::move(copy);
            other_model = model;
          }
          break;
        case 13: {
          ArrayVec<T, kCapacity>& alias = vecs[which];
          vec = std::move(alias);  // Self-move leaves the vector unchanged.
          if constexpr (std::is_copy_constructible_v<T>) {
            vec = alias;  // NOLINT(bugprone-use-after-move): alias is vec, self-moved.
          }
          break;
        }
        case 14:
          std::swap(vec, other);
          std::swap(model, other_model);
          break;
        case 15:
          // Inserting an element of the vector itself (taken by value before shifting).
          if (model.size() >= 2 && !full) {
            vec.Insert(1, std::move(vec[0]));
            model.insert(model.begin() + 1, model[0]);
            model[0] = Counted::kMovedFrom;
          }
          break;
        default:
          RC_FAIL("no such operation");
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
  RC_ASSERT(Counted::live() - live_before == 0);
  RC_ASSERT(Counted::errors() == errors_before);
}

TEST(ArrayVecProperty, CopyableElementsMatchStdVector) {
  EXPECT_TRUE(rc::check(RunOperations<Counted>));
}

TEST(ArrayVecProperty, MoveOnlyElementsMatchStdVector) {
  EXPECT_TRUE(rc::check(RunOperations<MoveOnly>));
}

}  // namespace
}  // namespace libk
