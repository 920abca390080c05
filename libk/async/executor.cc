#include "libk/async/executor.h"

#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>

#include "libk/async/awaiter.h"
#include "libk/async/internal/slot.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::async {

using internal::kNoIndex;
using internal::SlotState;
using internal::TaskToken;

namespace {
constexpr std::uint64_t kNotified = 1;
}  // namespace

Executor::Executor(WakeQueue& wakes, Clock clock, IdleStep idle)
    : wakes_(wakes), clock_(clock), idle_(idle) {}

Executor::~Executor() {
  LIBK_ASSERT(current_ == nullptr, "an executor was destroyed by one of its own tasks");
  // Destroying a frame may end other tasks (a WhenAll cancels its children) or release
  // handles; repeat until a sweep finds nothing alive.
  while (stats_.live != 0) {
    for (std::uint32_t i = 0; i < slots_.size(); ++i) {
      Slot& slot = slots_[i];
      if (slot.state == SlotState::kReady || slot.state == SlotState::kSuspended) {
        End(slot, Error::kCancelled);
      }
    }
  }
  for (std::uint32_t i = 0; i < slots_.size(); ++i) {
    LIBK_ASSERT(!slots_[i].has_handle, "a JoinHandle outlives its Executor (task slot {})", i);
  }
  // Tokens left in the queue name slots of this executor; another must not see them.
  while (wakes_.TryPop().has_value()) {
  }
}

Result<TaskId> Executor::SpawnFrame(std::coroutine_handle<> root, internal::PromiseBase& promise,
                                    bool with_handle) {
  Result<Slot*> acquired = slots_.Acquire();
  if (acquired.is_error()) {
    root.destroy();
    return Err(acquired.error());
  }
  Slot& slot = *acquired.value();
  slot.root = root;
  slot.leaf = root;
  slot.has_handle = with_handle;
  slot.stop_requested = false;
  slot.listener = nullptr;
  promise.Attach(*this, slot, nullptr);
  ++stats_.spawned;
  ++stats_.live;
  // Wakes that arrived before this spawn queue their tasks before it. (Inside a task the
  // drain waits for the run loop: the running task's own wake must find it suspended.)
  if (current_ == nullptr) DrainWakes();
  slot.state = SlotState::kReady;
  PushReady(slot);
  return slot.id();
}

Executor::Slot* Executor::Lookup(TaskId id) const {
  Slot* slot = slots_.Find(id.index);
  if (slot == nullptr || slot->generation != id.generation || slot->state == SlotState::kFree) {
    return nullptr;
  }
  return slot;
}

Result<void> Executor::Cancel(TaskId id) {
  Slot* slot = Lookup(id);
  if (slot == nullptr) return Err(Error::kNotFound);
  switch (slot->state) {
    case SlotState::kReady:
    case SlotState::kSuspended:
      End(*slot, Error::kCancelled);
      break;
    case SlotState::kRunning:
      slot->stop_requested = true;
      slot->end_error = Error::kCancelled;
      break;
    default:  // Ending or ended already.
      break;
  }
  return Ok();
}

bool Executor::IsAlive(TaskId id) const {
  const Slot* slot = Lookup(id);
  return slot != nullptr && slot->state != SlotState::kCompleted &&
         slot->state != SlotState::kCancelled;
}

void Executor::Wake(TaskToken token) {
  Slot* slot = slots_.Find(token.index);
  if (slot == nullptr) return;
  std::uint64_t word = slot->wake_word.load(std::memory_order_relaxed);
  while (true) {
    if (static_cast<std::uint32_t>(word >> 1) != token.stamp) return;  // A stale wake.
    if ((word & kNotified) != 0) return;  // Already woken for this wait.
    if (slot->wake_word.compare_exchange_weak(word, word | kNotified, std::memory_order_acq_rel,
                                              std::memory_order_relaxed)) {
      break;
    }
  }
  if (!wakes_.TryPush(token.Pack())) {
    // The slot's notified bit records the wake; the scan at the next drain finds it.
    rescan_.store(true, std::memory_order_release);
  }
}

bool Executor::WakeIfTimerDue(Instant now) {
  if (!timers_.DueAt(now)) return false;
  if (!timers_due_.load(std::memory_order_relaxed) &&
      !timers_due_.exchange(true, std::memory_order_release)) {
    timer_wakes_.fetch_add(1, std::memory_order_relaxed);
  }
  return true;
}

bool Executor::HasPendingWakes() const {
  return !wakes_.IsEmpty() || rescan_.load(std::memory_order_acquire) ||
         timers_due_.load(std::memory_order_acquire);
}

void Executor::DrainWakes() {
  while (Optional<std::uint64_t> packed = wakes_.TryPop()) {
    MakeReady(TaskToken::Unpack(*packed));
  }
  if (rescan_.load(std::memory_order_relaxed) &&
      rescan_.exchange(false, std::memory_order_acquire)) {
    ++stats_.rescans;
    for (std::uint32_t i = 0; i < slots_.size(); ++i) {
      Slot& slot = slots_[i];
      if (slot.state == SlotState::kSuspended &&
          (slot.wake_word.load(std::memory_order_acquire) & kNotified) != 0) {
        slot.state = SlotState::kReady;
        PushReady(slot);
      }
    }
  }
}

void Executor::MakeReady(TaskToken token) {
  Slot* slot = slots_.Find(token.index);
  if (slot == nullptr || slot->state != SlotState::kSuspended) return;
  const std::uint64_t word = slot->wake_word.load(std::memory_order_acquire);
  if (static_cast<std::uint32_t>(word >> 1) != token.stamp || (word & kNotified) == 0) return;
  slot->state = SlotState::kReady;
  PushReady(*slot);
}

void Executor::AddTimer(internal::TimerNode& node) {
  // Linking publishes the new earliest deadline. A tick that struck since the caller read
  // the clock ran its hook before that, so it could not see this timer: ask the hook's
  // question again now. Either the tick came first and this sees it, or the publication
  // came first and the tick's hook sees it (docs/async.md, "Timers"). The fence orders the
  // publication before the clock read for a tick counted on another CPU.
  timers_.Insert(node);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  WakeIfTimerDue(clock_.Now());
}

void Executor::FireTimers() {
  // Cleared before the timers fire: a tick that finds a timer due while they fire wakes the
  // run loop again (a spurious wake at worst, never a lost one).
  if (!timers_due_.load(std::memory_order_relaxed) ||
      !timers_due_.exchange(false, std::memory_order_acquire)) {
    return;
  }
  timers_.Expire(clock_.Now(), [this](TaskToken token) { Wake(token); });
}

bool Executor::RunOnce() {
  LIBK_ASSERT(current_ == nullptr, "an executor was run from inside one of its tasks");
  FireTimers();
  DrainWakes();
  Slot* slot = PopReady();
  if (slot == nullptr) return false;
  RunTask(*slot);
  return true;
}

std::size_t Executor::RunUntilIdle() {
  std::size_t runs = 0;
  while (true) {
    if (RunOnce()) {
      ++runs;
    } else if (!HasPendingWakes()) {
      return runs;
    }
  }
}

void Executor::RunTask(Slot& slot) {
  slot.state = SlotState::kRunning;
  current_ = &slot;
  ++stats_.resumes;
  slot.leaf.resume();
  current_ = nullptr;
  if (slot.root.done()) {
    Complete(slot);
  } else if (slot.stop_requested) {
    End(slot, slot.end_error);
  } else {
    slot.state = SlotState::kSuspended;
  }
}

void Executor::Complete(Slot& slot) {
  slot.BumpStamp();
  slot.state = SlotState::kCompleted;
  slot.stop_requested = false;
  ++stats_.completed;
  --stats_.live;
  Notify(slot);
  if (!slot.has_handle) {
    slot.root.destroy();
    FreeSlot(slot);
  }
}

void Executor::End(Slot& slot, Error reason) {
  if (slot.state == SlotState::kReady) UnlinkReady(slot);
  slot.state = SlotState::kEnding;
  slot.BumpStamp();
  const std::coroutine_handle<> root = slot.root;
  slot.root = nullptr;
  slot.leaf = nullptr;
  // Runs the destructors of everything alive in the task's frames; they may call back into
  // the executor (cancel other tasks, wake, release handles), which sees kEnding here.
  root.destroy();
  slot.stop_requested = false;
  slot.end_error = reason;
  ++(reason == Error::kCancelled ? stats_.cancelled : stats_.aborted);
  --stats_.live;
  slot.state = SlotState::kCancelled;
  Notify(slot);
  if (!slot.has_handle) FreeSlot(slot);
}

void Executor::Notify(Slot& slot) {
  internal::JoinListener* listener = slot.listener;
  if (listener == nullptr) return;
  slot.listener = nullptr;
  if (listener->first == kNoIndex) listener->first = slot.listener_tag;
  if (listener->remaining == 0) return;  // Woken already (WhenAny: another ended first).
  --listener->remaining;
  if (listener->remaining == 0) Wake(listener->waker);
}

void Executor::FreeSlot(Slot& slot) {
  slot.state = SlotState::kFree;
  ++slot.generation;
  slot.BumpStamp();
  slot.root = nullptr;
  slot.leaf = nullptr;
  slot.listener = nullptr;
  slot.has_handle = false;
  slot.stop_requested = false;
  slots_.Release(slot);
}

void Executor::ReleaseHandle(TaskId id) {
  Slot* slot = Lookup(id);
  if (slot == nullptr) return;
  slot->has_handle = false;
  if (slot->state == SlotState::kCompleted) {
    slot->root.destroy();
    FreeSlot(*slot);
  } else if (slot->state == SlotState::kCancelled) {
    FreeSlot(*slot);
  }
}

void Executor::PushReady(Slot& slot) {
  slot.next = kNoIndex;
  slot.prev = ready_tail_;
  if (ready_tail_ == kNoIndex) {
    ready_head_ = slot.index;
  } else {
    slots_[ready_tail_].next = slot.index;
  }
  ready_tail_ = slot.index;
}

Executor::Slot* Executor::PopReady() {
  if (ready_head_ == kNoIndex) return nullptr;
  Slot& slot = slots_[ready_head_];
  UnlinkReady(slot);
  return &slot;
}

void Executor::UnlinkReady(Slot& slot) {
  (slot.prev == kNoIndex ? ready_head_ : slots_[slot.prev].next) = slot.next;
  (slot.next == kNoIndex ? ready_tail_ : slots_[slot.next].prev) = slot.prev;
  slot.next = kNoIndex;
  slot.prev = kNoIndex;
}

ExecutorStats Executor::stats() const {
  ExecutorStats stats = stats_;
  stats.wake_overflows = wakes_.overflows();
  stats.timer_wakes = timer_wakes_.load(std::memory_order_relaxed);
  stats.slots = slots_.size();
  return stats;
}

}  // namespace libk::async
