// TickingClock: the kernel's timer interrupt, simulated for host tests. A tick advances the
// clock and runs the tick hook (Executor::WakeIfTimerDue, as kernel/async's does); ticks
// come from halts (HaltUntilWoken idles this simulated CPU) and, if the test says so, right
// after a read of the clock with interrupts enabled -- in the middle of a task's Sleep,
// between reading the time and publishing its deadline. It records what the laws of the
// tick hook forbid: a hook answer that differs from the timer queue's truth, and a halt
// while a timer is due (a lost wake).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "libk/async/executor.h"
#include "libk/async/idle.h"
#include "libk/async/time.h"
#include "libk/result/optional.h"

namespace libk::async::testing {

class TickingClock {
 public:
  // Halts at most `max_ticks` times: then the CPU reports that no interrupt comes, so a
  // run loop that would wait for good ends instead.
  explicit TickingClock(std::uint64_t max_ticks) : max_ticks_(max_ticks) {}

  // Sets the executor whose tick hook runs on each tick; call before running it.
  void Attach(Executor& executor) { executor_ = &executor; }

  // Makes a tick strike right after the n-th read of the clock (counting from 0) if
  // `plan[n % plan.size()]` holds and interrupts are enabled then; an empty plan: never.
  void StrikeAfterReads(std::vector<bool> plan) { plan_ = std::move(plan); }

  // Returns a Clock that reads this one (and may strike a tick after the read).
  Clock clock() {
    return Clock{[](void* context) {
                   // SAFETY: the Clock's context is `this`, set just below.
                   return static_cast<TickingClock*>(context)->Read();
                 },
                 this};
  }

  // Returns the idle step the kernel takes: HaltUntilWoken on this simulated CPU.
  IdleStep idle() {
    return IdleStep{[](void* context, Executor& executor) {
                      // SAFETY: the IdleStep's context is `this`, set just below.
                      return HaltUntilWoken(executor, *static_cast<TickingClock*>(context));
                    },
                    this};
  }

  // The CPU interface of HaltUntilWoken.
  void DisableInterrupts() { interrupts_enabled_ = false; }
  void EnableInterrupts() { interrupts_enabled_ = true; }
  bool HaltUntilInterrupt() {
    if (interrupts_enabled_) ++halts_with_interrupts_enabled_;
    if (TimerDue()) ++halts_with_a_due_timer_;
    if (halts_ == max_ticks_) return false;
    ++halts_;
    interrupts_enabled_ = true;  // sti; hlt
    Tick();
    return true;
  }

  // Returns the time without striking a tick (for the test's own bookkeeping).
  Instant now() const { return now_; }
  std::uint64_t halts() const { return halts_; }
  std::uint64_t ticks() const { return now_.ticks(); }
  // Ticks whose hook found a timer due.
  std::uint64_t due_ticks() const { return due_ticks_; }
  // Ticks whose hook answered differently from the timer queue itself.
  std::uint64_t hook_mismatches() const { return hook_mismatches_; }
  // Halts entered while a timer was due: each one a wake lost or delayed.
  std::uint64_t halts_with_a_due_timer() const { return halts_with_a_due_timer_; }
  // Halts entered with interrupts enabled, which the kernel's loop never does.
  std::uint64_t halts_with_interrupts_enabled() const { return halts_with_interrupts_enabled_; }

 private:
  Instant Read() {
    const Instant read = now_;
    const std::size_t n = reads_++;
    if (interrupts_enabled_ && !plan_.empty() && plan_[n % plan_.size()]) Tick();
    return read;
  }

  // The timer interrupt: a new tick, then the hook.
  void Tick() {
    now_ = now_ + Duration::Ticks(1);
    if (executor_ == nullptr) return;
    const bool truth = TimerDue();
    const bool answer = executor_->WakeIfTimerDue(now_);
    if (answer) ++due_ticks_;
    if (answer != truth) ++hook_mismatches_;
  }

  // Returns whether the timer queue itself (not its published deadline) holds a due timer.
  bool TimerDue() const {
    if (executor_ == nullptr) return false;
    const Optional<Instant> next = executor_->NextDeadline();
    return next.has_value() && *next <= now_ && *next != Instant::FromTicks(~std::uint64_t{0});
  }

  std::uint64_t max_ticks_;
  Executor* executor_ = nullptr;
  Instant now_;
  std::vector<bool> plan_;
  std::size_t reads_ = 0;
  bool interrupts_enabled_ = true;
  std::uint64_t halts_ = 0;
  std::uint64_t due_ticks_ = 0;
  std::uint64_t hook_mismatches_ = 0;
  std::uint64_t halts_with_a_due_timer_ = 0;
  std::uint64_t halts_with_interrupts_enabled_ = 0;
};

}  // namespace libk::async::testing
