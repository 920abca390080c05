#include "kernel/time/tick_rate.h"

#include <cstdint>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace kernel::time {
namespace {

using U128 = unsigned __int128;

// Models: the same quantities in long double, which is exact enough to check rounding of
// realistic values (below 2^63) to within one unit.
long double ModelTscHz(std::uint64_t cycles, std::uint32_t pit_counts) {
  return static_cast<long double>(cycles) * kPitInputHz / pit_counts;
}

RC_GTEST_PROP(TscHzFromPitCountdown, MatchesTheModel, ()) {
  const auto cycles = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << 40);
  const auto counts = *rc::gen::inRange<std::uint32_t>(1, 65536);
  const std::uint64_t hz = TscHzFromPitCountdown(cycles, counts);
  const long double model = ModelTscHz(cycles, counts);
  RC_ASSERT(static_cast<long double>(hz) <= model);
  RC_ASSERT(model - static_cast<long double>(hz) < 1.0L);
}

// Round trip: a timer at `millihertz`, observed for `events` ticks on a TSC at `tsc_hz`,
// takes events / rate seconds; measuring those cycles gives the rate back, up to the
// rounding of the cycle count.
RC_GTEST_PROP(RateMillihertz, RecoversTheRateFromCycles, ()) {
  const auto tsc_hz = *rc::gen::inRange<std::uint64_t>(1000000, 10000000000);  // 1 MHz-10 GHz
  const auto millihertz = *rc::gen::inRange<std::uint64_t>(18000, 1200000000);
  const auto events = *rc::gen::inRange<std::uint64_t>(1, 100000);
  const U128 cycles = static_cast<U128>(events) * tsc_hz * 1000 / millihertz;
  RC_PRE(cycles > 0);
  const std::uint64_t measured = RateMillihertz(events, static_cast<std::uint64_t>(cycles), tsc_hz);
  // One cycle of error in `cycles` moves the rate by at most rate / cycles (+1 rounding).
  const U128 tolerance = (millihertz / cycles) + 1;
  const U128 difference = measured > millihertz ? measured - millihertz : millihertz - measured;
  RC_ASSERT(difference <= tolerance);
}

// Against exact 128-bit arithmetic (the host has __udivti3), on any inputs.
RC_GTEST_PROP(RateMillihertz, MatchesExactArithmetic,
              (std::uint64_t events, std::uint64_t cycles, std::uint64_t tsc_hz)) {
  const std::uint64_t rate = RateMillihertz(events, cycles, tsc_hz);
  if (cycles == 0) {
    RC_ASSERT(rate == 0U);
  } else if (events > kMaxU64 / 1000) {
    RC_ASSERT(rate == kMaxU64);
  } else {
    const U128 exact = (static_cast<U128>(events * 1000) * tsc_hz + cycles / 2) / cycles;
    RC_ASSERT(static_cast<U128>(rate) == (exact > kMaxU64 ? U128{kMaxU64} : exact));
  }
}

RC_GTEST_PROP(DivideSaturating, MatchesExactDivision, (std::uint64_t high, std::uint64_t low)) {
  const auto divisor = *rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(1, 1000),
                                       rc::gen::suchThat(rc::gen::arbitrary<std::uint64_t>(),
                                                         [](std::uint64_t d) { return d > 0; }));
  const U128 n = (static_cast<U128>(high) << 64) | low;
  const U128 exact = n / divisor;
  RC_ASSERT(static_cast<U128>(DivideSaturating(n, divisor)) ==
            (exact > kMaxU64 ? U128{kMaxU64} : exact));
}

RC_GTEST_PROP(WithinPercent, IsTheRelativeDistance, ()) {
  const auto expected = *rc::gen::inRange<std::uint64_t>(1, std::uint64_t{1} << 40);
  const auto percent = *rc::gen::inRange<std::uint32_t>(0, 101);
  const auto measured = *rc::gen::inRange<std::uint64_t>(0, expected * 3);
  const long double distance =
      (measured > expected ? measured - expected : expected - measured) * 100.0L / expected;
  RC_ASSERT(WithinPercent(measured, expected, percent) == (distance <= percent));
}

TEST(TickRate, KnownValues) {
  // 1e8 cycles while the PIT counted 59659 periods (50 ms): a TSC at about 2 GHz.
  EXPECT_EQ(TscHzFromPitCountdown(100000000, 59659), 2000003352U);
  EXPECT_EQ(TscHzFromPitCountdown(12345, 0), 0U);
  // 100 ticks in 2e9 cycles at 2 GHz: 100 Hz.
  EXPECT_EQ(RateMillihertz(100, 2000000000, 2000000000), 100000U);
  EXPECT_EQ(RateMillihertz(100, 0, 2000000000), 0U);
  EXPECT_TRUE(WithinPercent(150, 100, 50));
  EXPECT_FALSE(WithinPercent(151, 100, 50));
  EXPECT_TRUE(WithinPercent(50, 100, 50));
  EXPECT_FALSE(WithinPercent(49, 100, 50));
}

}  // namespace
}  // namespace kernel::time
