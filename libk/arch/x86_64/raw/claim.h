// Claiming a device: the one place where an I/O port number or a device-memory address
// becomes a typed handle (PortRange, MmioRange) from which drivers make their registers.
// The packages that may claim devices are this target's visibility list in raw/BUILD;
// every claim carries a SAFETY comment naming why its caller owns the device.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/mmio.h"
#include "libk/arch/x86_64/port.h"

namespace libk::x86_64::raw {

// Returns the I/O ports [first, first + count) as a range the caller owns.
// Safety: the caller must own the devices behind those ports (nothing else in the kernel
// drives them) and drive them only as the hardware allows: a device can be told to DMA
// over any memory or to reset the machine, and reads can have side effects.
constexpr PortRange ClaimPorts(std::uint16_t first, std::uint16_t count) {
  return PortRange(first, count);
}

// Returns the device memory [address, address + size) as a range the caller owns.
// Safety: the range must stay mapped at `address` for as long as the range or any register
// made from it is used, and be device memory that no other code treats as ordinary
// objects; the caller must own the device behind it, as for ClaimPorts.
constexpr MmioRange ClaimMmio(std::uint64_t address, std::uint64_t size) {
  return MmioRange(address, size);
}

}  // namespace libk::x86_64::raw
