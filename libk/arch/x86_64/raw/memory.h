// Raw reads of memory named by an integer address, for code that inspects memory it did
// not allocate: the panic handler walking a stack's frame records.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Returns the 8-byte word at virtual address `address`.
// Safety: [address, address + 8) must be mapped, readable and 8-byte aligned (a kernel
// stack the caller has bounds for, for example); the value may be stale if another CPU
// writes it.
inline std::uint64_t ReadWord(std::uint64_t address) {
  return *reinterpret_cast<const volatile std::uint64_t*>(address);
}

}  // namespace libk::x86_64::raw
