#include "kernel/stack_protector/guard_value.h"

#include <cstdint>
#include <set>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/result/optional.h"

namespace kernel::stack_protector {
namespace {

constexpr std::uint64_t kLowByte = 0xff;

RC_GTEST_PROP(ChooseStackGuard, TakesTheRandomBitsAboveTheLowestByte,
              (std::uint64_t random, std::uint64_t tsc)) {
  const StackGuard guard = ChooseStackGuard(random, tsc);
  RC_ASSERT(guard.source == GuardSource::kRdrand);
  RC_ASSERT((guard.value & kLowByte) == 0);
  RC_ASSERT(guard.value != 0);
  if ((random & ~kLowByte) != 0) RC_ASSERT(guard.value == (random & ~kLowByte));
}

RC_GTEST_PROP(ChooseStackGuard, FallsBackToTheCounter, (std::uint64_t tsc)) {
  const StackGuard guard = ChooseStackGuard(libk::kNone, tsc);
  RC_ASSERT(guard.source == GuardSource::kTimeStampCounter);
  RC_ASSERT((guard.value & kLowByte) == 0);
  RC_ASSERT(guard.value != 0);
}

// Consecutive counter readings, as two boots a few cycles apart would see, give canaries
// that differ in many bits (the raw counter would differ only in its lowest ones).
TEST(ChooseStackGuard, NearbyCounterValuesGiveUnrelatedCanaries) {
  std::set<std::uint64_t> seen;
  for (std::uint64_t tsc = 1'000'000; tsc < 1'001'000; ++tsc) {
    const std::uint64_t value = ChooseStackGuard(libk::kNone, tsc).value;
    const std::uint64_t next = ChooseStackGuard(libk::kNone, tsc + 1).value;
    EXPECT_GE(__builtin_popcountll(value ^ next), 12) << tsc;
    seen.insert(value);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(ChooseStackGuard, NeverZero) {
  EXPECT_NE(ChooseStackGuard(std::uint64_t{0}, 0).value, 0U);
  EXPECT_NE(ChooseStackGuard(std::uint64_t{0xff}, 0).value, 0U);
}

}  // namespace
}  // namespace kernel::stack_protector
