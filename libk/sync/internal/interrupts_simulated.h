// The host backend of libk/sync/interrupts.h: a simulated interrupt flag per thread, so
// that host tests can check that interrupt-safe locks disable "interrupts" while held and
// restore the previous state. Include libk/sync/interrupts.h instead.
#pragma once

namespace libk::interrupts {

namespace internal {
// The calling thread's simulated interrupt flag. Each thread starts with it set, as a CPU
// runs ordinary kernel code with interrupts enabled.
inline thread_local constinit bool simulated_interrupt_flag = true;
}  // namespace internal

inline bool AreEnabled() { return internal::simulated_interrupt_flag; }

inline void Disable() { internal::simulated_interrupt_flag = false; }

inline void Enable() { internal::simulated_interrupt_flag = true; }

}  // namespace libk::interrupts
