// Time as the executor sees it: Instant (a point on its clock) and Duration, both in the
// clock's ticks, and Clock, the injected time source — the PIT's tick counter in the
// kernel, a fake clock in host tests. What a tick is (10 ms at 100 Hz) is the clock's
// business; converting from milliseconds belongs next to the clock that knows the rate.
#pragma once

#include <compare>
#include <cstdint>

namespace libk::async {

// A span of clock ticks.
class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration Ticks(std::uint64_t ticks) { return Duration(ticks); }

  constexpr std::uint64_t ticks() const { return ticks_; }

  friend constexpr Duration operator+(Duration a, Duration b) {
    return Duration(a.ticks_ + b.ticks_);
  }
  friend constexpr auto operator<=>(Duration, Duration) = default;

 private:
  constexpr explicit Duration(std::uint64_t ticks) : ticks_(ticks) {}
  std::uint64_t ticks_ = 0;
};

// A point on a clock, in ticks since the clock's start.
class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant FromTicks(std::uint64_t ticks) { return Instant(ticks); }

  constexpr std::uint64_t ticks() const { return ticks_; }

  // Returns the instant `d` later, or the last representable instant if that overflows
  // (so a huge timeout means "never" rather than "long ago").
  friend constexpr Instant operator+(Instant t, Duration d) {
    const std::uint64_t sum = t.ticks_ + d.ticks();
    return Instant(sum < t.ticks_ ? ~std::uint64_t{0} : sum);
  }
  friend constexpr auto operator<=>(Instant, Instant) = default;

 private:
  constexpr explicit Instant(std::uint64_t ticks) : ticks_(ticks) {}
  std::uint64_t ticks_ = 0;
};

// A monotonic time source: a function and the context it reads.
struct Clock {
  Instant (*now)(void* context) = nullptr;
  void* context = nullptr;

  // Returns the current time; a Clock without a function always says tick 0.
  Instant Now() const { return now != nullptr ? now(context) : Instant(); }
};

}  // namespace libk::async
