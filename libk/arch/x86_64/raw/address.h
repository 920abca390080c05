// Addresses of objects as integers, for hardware tables that store linear addresses
// (descriptor table registers, TSS descriptors, IST stack tops), and the reverse: objects
// at a linear address (page tables reached through a window onto physical memory).
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Returns the linear address of `object` as an integer. Safe: converting a pointer to an
// integer reads and writes nothing; it is only the reverse that can break memory safety.
inline std::uint64_t AddressOf(const volatile void* object) {
  return reinterpret_cast<std::uintptr_t>(object);
}

// Returns a pointer to the T at linear address `address`.
// Safety: `address` must be mapped (writable, if the caller writes), aligned for T, and
// hold a T that nothing else accesses in a conflicting way for as long as the pointer is
// used.
template <typename T>
T* ObjectAt(std::uint64_t address) {
  return reinterpret_cast<T*>(address);
}

// Calls the code at linear address `address` as a function that takes and returns nothing
// (tests use it to show that data pages are not executable).
// Safety: `address` must hold such a function's code, mapped executable, or the call must
// be meant to fault (and the fault handler must not return to it).
inline void CallAt(std::uint64_t address) { reinterpret_cast<void (*)()>(address)(); }

}  // namespace libk::x86_64::raw
