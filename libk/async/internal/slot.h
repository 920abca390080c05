// The executor's record of one task (Slot) and the small values that name a task or one
// of its waits (TaskId, TaskToken). Slots live in a SlotTable whose storage never moves,
// so an interrupt handler may reach a slot's wake word while the table grows.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdint>

#include "libk/result/error.h"

namespace libk::async {

// Names a spawned task for its whole life: its slot and the slot's generation, which
// changes whenever the slot is freed, so the id of an ended task matches no other task.
struct TaskId {
  std::uint32_t index = 0;
  std::uint32_t generation = 0;
  friend constexpr bool operator==(TaskId, TaskId) = default;
};

namespace internal {

inline constexpr std::uint32_t kNoIndex = ~std::uint32_t{0};

// Names one wait of one task: a slot and the slot's stamp when the waker was made. The
// stamp changes when an await completes and when the slot is freed, so a token outlives
// neither the wait it was made for nor the task. Packs into 64 bits to pass through
// lock-free queues and atomics.
struct TaskToken {
  std::uint32_t index = kNoIndex;
  std::uint32_t stamp = 0;

  constexpr std::uint64_t Pack() const { return (std::uint64_t{index} << 32) | stamp; }
  static constexpr TaskToken Unpack(std::uint64_t packed) {
    return TaskToken{static_cast<std::uint32_t>(packed >> 32), static_cast<std::uint32_t>(packed)};
  }
  friend constexpr bool operator==(TaskToken, TaskToken) = default;
};

// The packed value of no token (no slot has index kNoIndex).
inline constexpr std::uint64_t kNoToken = TaskToken{}.Pack();

// Told when awaited tasks end; lives in the frame of the task that waits (a JoinHandle's
// awaiter, WhenAll, WhenAny). The task is woken when `remaining` reaches zero.
struct JoinListener {
  TaskToken waker;
  std::uint32_t remaining = 0;
  // The tag of the first task to end (its position in WhenAny), or kNoIndex.
  std::uint32_t first = kNoIndex;
};

enum class SlotState : std::uint8_t {
  kFree,       // On the free list.
  kReady,      // In the ready queue.
  kRunning,    // Being resumed now.
  kSuspended,  // Waiting for a wake.
  kEnding,     // Its frames are being destroyed (cancellation in progress).
  kCompleted,  // Returned; its frame holds the result until its JoinHandle takes it.
  kCancelled,  // Ended without a result (cancelled or aborted); kept for its JoinHandle.
};

// One task's bookkeeping. Only `wake_word` is shared with other CPUs and interrupt
// handlers; every other field belongs to the executor's thread.
struct Slot {
  Slot() = default;
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot() = default;

  // Bit 0: a wake for the current stamp has arrived (the task is queued to run or will be).
  // Bits 1..32: the stamp. Wakes set bit 0 by compare-and-swap if the stamp matches theirs.
  std::atomic<std::uint64_t> wake_word{0};
  // The task's outermost frame, which the executor owns and destroys.
  std::coroutine_handle<> root;
  // The innermost frame, the one to resume: a task awaiting a sub-task runs in the
  // sub-task's frame until it returns.
  std::coroutine_handle<> leaf;
  // Who to tell when the task ends (null: nobody waits).
  JoinListener* listener = nullptr;
  std::uint32_t listener_tag = 0;
  std::uint32_t index = 0;
  std::uint32_t generation = 0;
  // Ready-queue links while kReady; `next` links the free list while kFree.
  std::uint32_t next = kNoIndex;
  std::uint32_t prev = kNoIndex;
  SlotState state = SlotState::kFree;
  // A JoinHandle refers to this task: the slot (and a completed frame) waits for it.
  bool has_handle = false;
  // The running task asked to stop at its next suspension (cancelled while running, or a
  // sub-task frame that could not be allocated), with `end_error` as the reason.
  bool stop_requested = false;
  // Why a kCancelled task ended: kCancelled or kOutOfMemory.
  Error end_error = Error::kCancelled;

  std::uint32_t stamp() const {
    return static_cast<std::uint32_t>(wake_word.load(std::memory_order_relaxed) >> 1);
  }
  TaskToken token() const { return TaskToken{index, stamp()}; }
  TaskId id() const { return TaskId{index, generation}; }

  // Invalidates every token made so far and forgets a pending wake. Executor thread only.
  void BumpStamp() {
    const std::uint32_t next_stamp = stamp() + 1;  // Wraps after 2^32 waits.
    wake_word.store(std::uint64_t{next_stamp} << 1, std::memory_order_release);
  }
};

}  // namespace internal
}  // namespace libk::async
