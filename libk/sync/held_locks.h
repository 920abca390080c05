// A count of the spinlocks this CPU holds (host: this thread) and where the outermost one
// was taken. Code that must never run with a spinlock held — a coroutine about to suspend
// at co_await, which would leave the lock held while other tasks run — checks it and names
// the lock's acquisition site in its panic. SpinLock (and so IrqSpinLock, Mutex, IrqMutex
// and ScopedLock) report every acquisition and release here.
#pragma once

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"

namespace libk::held_locks {

// What one CPU holds. Interrupt handlers take and release locks in pairs before they
// return, so plain (non-atomic) updates stay consistent when a handler interrupts one:
// whatever it changed, it has put back.
struct State {
  unsigned count = 0;
  // Where the outermost held lock was taken; meaningful while count > 0 and locks are
  // released in reverse order (which scopes and guards ensure).
  SourceLocation outermost;
};

namespace internal {
#if defined(__KEEL_KERNEL__)
// FIXME: one State per CPU (reached through the per-CPU area) once there is SMP; while the
// kernel runs on one CPU, a global is that CPU's state.
inline constinit State state;
#else
// On the host each thread plays a CPU.
inline thread_local constinit State state;
#endif
}  // namespace internal

// Records that the caller has just acquired a spinlock at `where`.
inline void NoteAcquired(SourceLocation where) {
  State& state = internal::state;
  if (state.count == 0) state.outermost = where;
  ++state.count;
}

// Records that the caller has just released a spinlock it holds.
inline void NoteReleased() {
  State& state = internal::state;
  LIBK_ASSERT(state.count > 0, "a spinlock was released that this CPU did not hold");
  --state.count;
}

// Returns how many spinlocks the caller holds.
inline unsigned Count() { return internal::state.count; }

// Panics, reporting `where`, if the caller holds any spinlock: `operation` (such as
// "co_await") must not happen with one held. The message names where the outermost held
// lock was taken.
inline void AssertNoneHeld(const char* operation,
                           SourceLocation where = SourceLocation::Current()) {
  const State& state = internal::state;
  if (state.count != 0) [[unlikely]] {
    ::libk::internal::PanicFormatted(
        where, "", "{} with {} spinlock(s) held; the outermost was taken at {}:{} in {}", operation,
        state.count, state.outermost.file, state.outermost.line, state.outermost.function);
  }
}

}  // namespace libk::held_locks
