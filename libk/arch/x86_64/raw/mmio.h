// Raw access to memory-mapped device memory: single volatile loads and stores at a linear
// address. The typed registers of libk/arch/x86_64/mmio.h are built on them.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Returns the T at linear address `address`, read with one volatile load.
// Safety: [address, address + sizeof(T)) must be mapped and aligned for T, and be device
// memory (or memory the caller owns) that no other code treats as an ordinary object while
// it is accessed; a device register read may have side effects the caller accounts for.
template <typename T>
T VolatileLoad(std::uint64_t address) {
  return *reinterpret_cast<const volatile T*>(address);
}

// Writes `value` to linear address `address` with one volatile store.
// Safety: as for VolatileLoad, and the memory must be writable; a device register write
// may make the device act (DMA, reset), which the caller must account for.
template <typename T>
void VolatileStore(std::uint64_t address, T value) {
  *reinterpret_cast<volatile T*>(address) = value;
}

}  // namespace libk::x86_64::raw
