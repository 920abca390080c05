// PitSettingFor: the chosen divisor is the best one available, within the PIT's range.
#include "kernel/time/pit_divisor.h"

#include <cmath>
#include <cstdint>

#include <gtest/gtest.h>
#include <rapidcheck.h>

namespace kernel::time {
namespace {

double RateOf(std::uint32_t divisor) { return static_cast<double>(kPitInputHz) / divisor; }

TEST(PitDivisorTest, ChoosesTheNearestAllowedDivisor) {
  const bool ok = rc::check("the divisor is the ideal one rounded, or the nearest bound", [] {
    const auto hz = *rc::gen::inRange<std::uint32_t>(1, 2000000);
    const PitSetting s = PitSettingFor(hz);
    const std::uint32_t divisor = s.reload == 0 ? 65536 : s.reload;
    const double ideal = static_cast<double>(kPitInputHz) / hz;
    if (ideal < 2) {
      RC_ASSERT(divisor == 2U);
    } else if (ideal > 65536) {
      RC_ASSERT(divisor == 65536U);
    } else {
      RC_ASSERT(std::fabs(divisor - ideal) <= 0.5 + 1e-9);
    }
    RC_ASSERT(std::fabs((s.actual_millihertz / 1000.0) - RateOf(divisor)) <= 0.001);
  });
  EXPECT_TRUE(ok);
}

TEST(PitDivisorTest, KnownRates) {
  EXPECT_EQ(PitSettingFor(100).reload, 11932);
  EXPECT_EQ(PitSettingFor(1000).reload, 1193);
  EXPECT_EQ(PitSettingFor(1).reload, 0);  // 65536: the slowest the PIT goes.
  EXPECT_EQ(PitSettingFor(0).reload, 0);
  EXPECT_EQ(PitSettingFor(5000000).reload, 2);
}

}  // namespace
}  // namespace kernel::time
