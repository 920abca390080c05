// FakeClock: a clock that host tests move by hand, and an idle step that moves it to the
// executor's next timer deadline and wakes the run loop for it (as the kernel's tick hook
// does), so that RunUntil runs sleeping tasks without waiting. A test that moves the clock
// itself calls Executor::WakeIfTimerDue, as the hook would.
#pragma once

#include <cstdint>

#include "libk/async/executor.h"
#include "libk/async/time.h"

namespace libk::async::testing {

class FakeClock {
 public:
  Instant now() const { return now_; }
  void Set(Instant now) { now_ = now; }
  void Advance(Duration d) { now_ = now_ + d; }

  // Returns a Clock that reads this one.
  Clock clock() {
    return Clock{[](void* context) {
                   // SAFETY: the Clock's context is `this`, set just below.
                   return static_cast<FakeClock*>(context)->now_;
                 },
                 this};
  }

  // Returns an idle step that advances this clock to the executor's next deadline (and
  // counts the steps), or reports that nothing can happen if no task sleeps.
  IdleStep AdvanceToNextDeadline() {
    return IdleStep{[](void* context, Executor& executor) {
                      // SAFETY: the IdleStep's context is `this`, set just below.
                      auto* self = static_cast<FakeClock*>(context);
                      ++self->idle_steps_;
                      const Optional<Instant> next = executor.NextDeadline();
                      if (!next.has_value()) return false;
                      if (*next > self->now_) self->now_ = *next;
                      executor.WakeIfTimerDue(self->now_);  // As a tick hook would.
                      return true;
                    },
                    this};
  }

  std::uint64_t idle_steps() const { return idle_steps_; }

 private:
  Instant now_;
  std::uint64_t idle_steps_ = 0;
};

}  // namespace libk::async::testing
