// UniquePtr against std::unique_ptr over random operation sequences, with elements that
// count their live instances; and the conversions and misuse it must handle.
#include "libk/memory/unique_ptr.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/memory/allocation.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;

constexpr int kSlots = 3;

void Matches(const UniquePtr<Counted> (&ours)[kSlots],
             const std::unique_ptr<int> (&model)[kSlots]) {
  for (int i = 0; i < kSlots; ++i) {
    RC_ASSERT(static_cast<bool>(ours[i]) == static_cast<bool>(model[i]));
    RC_ASSERT((ours[i] == nullptr) == (model[i] == nullptr));
    if (model[i]) RC_ASSERT(ours[i]->value() == *model[i]);
  }
}

TEST(UniquePtrProperty, MatchesStdUniquePtr) {
  EXPECT_TRUE(rc::check([](const std::vector<std::pair<std::uint8_t, int>>& ops) {
    const int live_before = Counted::live();
    const int errors_before = Counted::errors();
    {
      UniquePtr<Counted> ours[kSlots];
      std::unique_ptr<int> model[kSlots];
      for (const auto& [code, value] : ops) {
        const int a = code % kSlots;
        const int b = (code / kSlots) % kSlots;
        switch ((code / (kSlots * kSlots)) % 7) {
          case 0:
            ours[a] = MakeUnique<Counted>(value);
            model[a] = std::make_unique<int>(value);
            break;
          case 1:
            ours[a] = std::move(ours[b]);  // Includes moving a slot into itself.
            model[a] = std::move(model[b]);
            break;
          case 2:
            ours[a].Reset();
            model[a].reset();
            break;
          case 3: {
            // SAFETY: the pointer just released from a UniquePtr.
            UniquePtr<Counted> back = UniquePtr<Counted>::FromRaw(ours[a].Release());
            ours[a] = std::move(back);
            break;
          }
          case 4:
            std::swap(ours[a], ours[b]);
            std::swap(model[a], model[b]);
            break;
          case 5: {
            const UniquePtr<Counted> taken(std::move(ours[a]));
            const std::unique_ptr<int> model_taken(std::move(model[a]));
            RC_ASSERT(static_cast<bool>(taken) == static_cast<bool>(model_taken));
            break;
          }
          case 6:
            if (model[a]) {
              ours[a]->operator=(Counted(value));
              *model[a] = value;
            }
            break;
          default:
            break;
        }
        Matches(ours, model);
        int expected_live = 0;
        for (const auto& slot : model) expected_live += slot ? 1 : 0;
        RC_ASSERT(Counted::live() - live_before == expected_live);
        for (int i = 0; i < kSlots; ++i) {
          for (int j = 0; j < kSlots; ++j) {
            if (i != j && ours[i]) RC_ASSERT(!(ours[i] == ours[j]));
          }
        }
      }
    }
    RC_ASSERT(Counted::live() == live_before);
    RC_ASSERT(Counted::errors() == errors_before);
  }));
}

struct Base {
  Base() = default;
  Base(const Base&) = delete;
  Base& operator=(const Base&) = delete;
  virtual ~Base() = default;
  virtual int Kind() const { return 1; }
};

struct Derived final : Base {
  explicit Derived(int* destroyed) : destroyed(destroyed) {}
  Derived(const Derived&) = delete;
  Derived& operator=(const Derived&) = delete;
  ~Derived() override { ++*destroyed; }
  int Kind() const override { return 2; }
  int* destroyed;
  std::uint64_t payload[8] = {};  // Bigger than Base: sized delete must use Derived's size.
};

TEST(UniquePtrTest, OwnsADerivedObjectThroughItsBase) {
  int destroyed = 0;
  {
    UniquePtr<Base> base = MakeUnique<Derived>(&destroyed);
    EXPECT_EQ(base->Kind(), 2);
  }
  EXPECT_EQ(destroyed, 1);
}

TEST(UniquePtrTest, TryMakeUniqueSucceedsWhenMemoryIsThere) {
  Result<UniquePtr<Counted>> made = TryMakeUnique<Counted>(7);
  ASSERT_TRUE(made.is_ok());
  EXPECT_EQ(made.value()->value(), 7);
}

TEST(UniquePtrTest, OverAlignedObjectsAreAligned) {
  struct alignas(256) Page {
    std::uint8_t bytes[256];
  };
  const UniquePtr<Page> page = MakeUnique<Page>();
  EXPECT_TRUE(__builtin_is_aligned(page.get(), 256));
}

TEST(UniquePtrDeathTest, DereferencingAnEmptyOnePanics) {
  const UniquePtr<int> empty;
  EXPECT_DEATH((void)*empty, "dereferencing an empty UniquePtr");
}

}  // namespace
}  // namespace libk
