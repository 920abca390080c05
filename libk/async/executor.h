// Executor: runs tasks (Task<T> coroutines) cooperatively on one CPU. A task runs until it
// suspends at a co_await; it runs again when something wakes it. Wakes — from tasks, from
// interrupt handlers, later from other CPUs — go through a bounded lock-free queue; the run
// loop drains it into a FIFO ready queue, fires expired timers, resumes the first ready
// task, and calls an injected idle step when nothing is ready. docs/async.md tells the
// whole story: the task model, wakers, who owns a frame, and the pitfalls.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>

#include "libk/async/internal/slot.h"
#include "libk/async/internal/slot_table.h"
#include "libk/async/internal/timer_queue.h"
#include "libk/async/mpsc_queue.h"
#include "libk/async/time.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::async {

template <typename T>
class Task;
template <typename T>
class JoinHandle;
class Executor;

namespace internal {
class PromiseBase;
template <typename T>
class Promise;
struct ExecutorAccess;
}  // namespace internal

// The queue that carries wakes (packed task tokens) to an executor.
using WakeQueue = MpscQueue<std::uint64_t>;
// A wake queue with room for `kCapacity` pending wakes. A wake that finds it full is
// counted and still delivered, by a scan of every task (see Executor::Wake).
template <std::size_t kCapacity>
using BoundedWakeQueue = BoundedMpscQueue<std::uint64_t, kCapacity>;

// What the run loop does when no task is ready. The kernel's (HaltUntilWoken, idle.h)
// halts until an interrupt wakes a task or finds a timer due (WakeIfTimerDue); a host
// test's advances a fake clock to NextDeadline(). Returns false when nothing can wake a task
// any more.
struct IdleStep {
  bool (*step)(void* context, Executor& executor) = nullptr;
  void* context = nullptr;
};

// Counters for tests, benchmarks and a `tasks` shell command.
struct ExecutorStats {
  std::uint64_t spawned = 0;
  std::uint64_t completed = 0;       // Returned from their coroutine.
  std::uint64_t cancelled = 0;       // Ended by Cancel.
  std::uint64_t aborted = 0;         // Ended because a sub-task frame could not be allocated.
  std::uint64_t resumes = 0;         // Times a task was run.
  std::uint64_t wake_overflows = 0;  // Wakes that found the wake queue full.
  std::uint64_t rescans = 0;         // Scans of all tasks that delivered those wakes.
  std::uint64_t timer_wakes = 0;     // Times WakeIfTimerDue woke the run loop.
  std::uint32_t live = 0;            // Spawned and not yet ended.
  std::uint32_t slots = 0;           // Task slots made so far (in use or free).
};

// Owns every spawned task's frames until the task ends (see docs/async.md, "Who owns a
// frame"). Not thread-safe except Wake() and WakeIfTimerDue(): one CPU (or host thread)
// spawns, cancels and runs, and calls the idle step; any CPU or interrupt handler may wake.
class Executor {
 public:
  // Takes the queue that carries wakes to it (which must outlive it and serve no other
  // executor), the clock that timers read, and the step to take when idle.
  explicit Executor(WakeQueue& wakes, Clock clock = {}, IdleStep idle = {});
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;
  // Cancels every task still alive (destroying its frames). Panics if a JoinHandle still
  // refers to one of its tasks: handles must not outlive their executor.
  ~Executor();

  // Makes `task` runnable (last in the ready queue) and gives up interest in its result:
  // the executor destroys its frame when it ends.
  // Errors: kOutOfMemory if the task's frame could not be allocated (an empty Task) or the
  // slot table could not grow; the task's frame is destroyed then.
  template <typename T>
  Result<TaskId> Spawn(Task<T> task);

  // Like Spawn, and returns a handle that can be awaited for the result (join_handle.h).
  template <typename T>
  Result<JoinHandle<T>> SpawnJoinable(Task<T> task);

  // Cancels the task `id`: a ready or suspended task's frames are destroyed at once (their
  // destructors run, so timers, mutex waits and sub-tasks are released); a running task —
  // the caller itself — stops at its next suspension point instead. A JoinHandle then
  // yields kCancelled. Cancelling a task that has already ended does nothing.
  // Errors: kNotFound if `id` names no task (it ended and its slot was freed).
  Result<void> Cancel(TaskId id);

  // Returns whether `id` names a task that has not ended.
  bool IsAlive(TaskId id) const;

  // Fires the expired timers if the run loop was woken for them (WakeIfTimerDue), drains
  // wakes and runs the first ready task, if any; returns whether a task ran. Must not be
  // called from inside a task.
  bool RunOnce();

  // Runs tasks until none is ready and no wake is pending (sleeping tasks stay asleep);
  // returns how many times a task ran.
  std::size_t RunUntilIdle();

  // Runs tasks until `done()` holds (it is checked before each step), calling the idle step
  // whenever nothing is ready. Returns false if the idle step (or its absence) says
  // nothing can happen any more and `done()` still does not hold.
  template <typename Predicate>
  bool RunUntil(Predicate done) {
    while (!done()) {
      if (RunOnce() || HasPendingWakes()) continue;
      if (idle_.step == nullptr || !idle_.step(idle_.context, *this)) return done();
    }
    return true;
  }

  // Wakes the wait that `token` names, if it is still the task's current wait; otherwise
  // (the await completed, the task ended, the slot was reused) does nothing. Safe from any
  // CPU, thread or interrupt handler; never blocks or allocates. A task is queued at most
  // once per wait. If the wake queue is full, the wake is counted in
  // stats().wake_overflows and delivered by a scan of all tasks at the next drain.
  void Wake(internal::TaskToken token);

  // Wakes the run loop if the earliest timer's deadline is at or before `now`, and returns
  // whether it is: the check a tick hook makes in the timer interrupt (kernel), or an idle
  // step that moved a fake clock (host tests). Timers fire only when the run loop was woken
  // for them this way. Safe from any CPU, thread or interrupt handler; never blocks,
  // allocates or takes a lock (it reads the deadline the timer queue publishes in one
  // atomic word). The run loop fires the due timers at its next step; until then
  // HasPendingWakes() holds.
  bool WakeIfTimerDue(Instant now);

  // Returns whether a wake is waiting to be drained (or being pushed by another CPU), or
  // the run loop was woken for due timers: for the idle step, which must check it with
  // interrupts disabled before it halts.
  bool HasPendingWakes() const;

  // Returns the time on the executor's clock.
  Instant Now() const { return clock_.Now(); }

  // Returns the earliest deadline of a sleeping task, if any.
  Optional<Instant> NextDeadline() const { return timers_.Earliest(); }

  ExecutorStats stats() const;

 private:
  friend struct internal::ExecutorAccess;
  using Slot = internal::Slot;

  Result<TaskId> SpawnFrame(std::coroutine_handle<> root, internal::PromiseBase& promise,
                            bool with_handle);
  Slot* Lookup(TaskId id) const;
  void DrainWakes();
  void MakeReady(internal::TaskToken token);
  void AddTimer(internal::TimerNode& node);
  void FireTimers();
  void RunTask(Slot& slot);
  void Complete(Slot& slot);
  void End(Slot& slot, Error reason);
  void Notify(Slot& slot);
  void FreeSlot(Slot& slot);
  void ReleaseHandle(TaskId id);
  void PushReady(Slot& slot);
  Slot* PopReady();
  void UnlinkReady(Slot& slot);

  WakeQueue& wakes_;
  Clock clock_;
  IdleStep idle_;
  internal::SlotTable slots_;
  internal::TimerQueue timers_;
  std::uint32_t ready_head_ = internal::kNoIndex;
  std::uint32_t ready_tail_ = internal::kNoIndex;
  // Set by a wake that found the queue full: the next drain scans every slot.
  std::atomic<bool> rescan_{false};
  // Set by WakeIfTimerDue, cleared by the run loop before it fires timers.
  std::atomic<bool> timers_due_{false};
  std::atomic<std::uint64_t> timer_wakes_{0};
  Slot* current_ = nullptr;  // The running task's slot.
  ExecutorStats stats_;
};

}  // namespace libk::async
