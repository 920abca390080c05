// Tick hooks: code that subsystems above kernel/time run in the timer interrupt (the
// executor's timer queue, a profiler, a test). A fixed table of slots, so that registering
// never allocates and the interrupt reads it without a lock. Pure: host-tested.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "libk/result/error.h"
#include "libk/result/result.h"

namespace kernel::time {

// Something to run on every timer tick. OnTick runs in the timer interrupt, with
// interrupts disabled, so it must be short and must not block, allocate, take a lock that
// task code may hold with interrupts enabled (a plain Mutex or SpinLock), or wait for
// anything: the code it interrupted may hold whatever it would wait for. What it may do:
// read and write atomics, push into a lock-free queue, wake a task (libk/async's Waker and
// Executor::WakeIfTimerDue are interrupt-safe), take an IrqMutex (whose holders keep
// interrupts disabled), print with kprint (the console's lock is an IrqMutex).
class TickHook {
 public:
  // Runs in the timer interrupt after the tick counter reached `ticks`.
  virtual void OnTick(std::uint64_t ticks) = 0;

 protected:
  TickHook() = default;
  TickHook(const TickHook&) = default;
  TickHook(TickHook&&) = default;
  TickHook& operator=(const TickHook&) = default;
  TickHook& operator=(TickHook&&) = default;
  ~TickHook() = default;
};

// At most kSlots registered hooks, run in slot order (a new hook takes the first free
// slot). Add and Remove are called from task context, never from an interrupt handler;
// Run is the interrupt's. Each slot is one atomic pointer, so the interrupt sees a hook
// either whole or not at all. On one CPU, once Remove returns, no call of the removed hook
// is running (the interrupt cannot be preempted by the code that removed it) or will start.
template <std::size_t kSlots>
class TickHooks {
 public:
  TickHooks() = default;
  TickHooks(const TickHooks&) = delete;
  TickHooks& operator=(const TickHooks&) = delete;
  ~TickHooks() = default;

  // Registers `hook`, which must stay alive until it is removed.
  // Errors: kAlreadyExists if `hook` is registered; kFull if all kSlots slots are taken.
  libk::Result<void> Add(TickHook& hook) {
    if (Find(hook) != kSlots) return libk::Err(libk::Error::kAlreadyExists);
    for (std::atomic<TickHook*>& slot : slots_) {
      TickHook* expected = nullptr;
      // Release: whatever `hook` was set up with is visible to the interrupt that loads it.
      if (slot.compare_exchange_strong(expected, &hook, std::memory_order_release,
                                       std::memory_order_relaxed)) {
        return libk::Ok();
      }
    }
    return libk::Err(libk::Error::kFull);
  }

  // Unregisters `hook`. Errors: kNotFound if it is not registered.
  libk::Result<void> Remove(TickHook& hook) {
    const std::size_t index = Find(hook);
    if (index == kSlots) return libk::Err(libk::Error::kNotFound);
    slots_[index].store(nullptr, std::memory_order_relaxed);
    return libk::Ok();
  }

  // Calls every registered hook's OnTick(ticks), in slot order. Interrupt context.
  void Run(std::uint64_t ticks) const {
    for (const std::atomic<TickHook*>& slot : slots_) {
      TickHook* hook = slot.load(std::memory_order_acquire);
      if (hook != nullptr) hook->OnTick(ticks);
    }
  }

  // Returns how many hooks are registered.
  std::size_t size() const {
    std::size_t count = 0;
    for (const std::atomic<TickHook*>& slot : slots_) {
      if (slot.load(std::memory_order_relaxed) != nullptr) ++count;
    }
    return count;
  }

  static constexpr std::size_t capacity() { return kSlots; }

 private:
  // Returns the slot that holds `hook`, or kSlots.
  std::size_t Find(const TickHook& hook) const {
    for (std::size_t i = 0; i < kSlots; ++i) {
      if (slots_[i].load(std::memory_order_relaxed) == &hook) return i;
    }
    return kSlots;
  }

  std::array<std::atomic<TickHook*>, kSlots> slots_{};
};

}  // namespace kernel::time
