// Typed memory-mapped device registers. An Mmio<T> is one register of width T at a linear
// address; reading and writing it are single volatile accesses, done in raw/mmio.h, so no
// volatile pointer exists outside raw/. Registers come only out of an MmioRange, and an
// MmioRange only out of raw::ClaimMmio (raw/claim.h): choosing the address of device memory
// is the one unsafe step, taken once by the device's owner. Ready for register blocks such
// as the local APIC's (32-bit registers, 16 bytes apart) and for buffers such as VGA text.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/mmio.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

template <typename T>
concept MmioWidth = __is_same(T, std::uint8_t) || __is_same(T, std::uint16_t) ||
                    __is_same(T, std::uint32_t) || __is_same(T, std::uint64_t);

class MmioRange;

namespace raw {
// Claims device memory [address, address + size); defined, with its Safety contract, in
// raw/claim.h, whose visibility lists the packages that own devices.
constexpr MmioRange ClaimMmio(std::uint64_t address, std::uint64_t size);
}  // namespace raw

// One memory-mapped register of width T. Invariant: it lies, naturally aligned, in a range
// its owner claimed with raw::ClaimMmio, so accesses through it touch only that device.
template <MmioWidth T>
class Mmio {
 public:
  // Reads the register (one volatile load of sizeof(T) bytes).
  T Read() const {
    // SAFETY: the claim that made this register (raw::ClaimMmio) keeps the range mapped
    // device memory that nothing else treats as objects; MmioRange::At checked that the
    // register lies in it and is aligned for T.
    return raw::VolatileLoad<T>(address_);
  }

  // Writes `value` to the register (one volatile store of sizeof(T) bytes).
  void Write(T value) const {
    // SAFETY: as for Read.
    raw::VolatileStore<T>(address_, value);
  }

  constexpr std::uint64_t address() const { return address_; }

 private:
  friend class MmioRange;

  explicit constexpr Mmio(std::uint64_t address) : address_(address) {}

  std::uint64_t address_;
};

// The device memory [base, base + size) of one device, claimed by its owner. Move-only: a
// claim has one owner.
class MmioRange {
 public:
  MmioRange(const MmioRange&) = delete;
  MmioRange& operator=(const MmioRange&) = delete;
  constexpr MmioRange(MmioRange&&) = default;
  constexpr MmioRange& operator=(MmioRange&&) = default;
  constexpr ~MmioRange() = default;

  // Returns the register of width T at byte `offset` from the base. Panics unless it lies
  // wholly in the range and is aligned for T (a compile error in constant evaluation).
  template <MmioWidth T>
  constexpr Mmio<T> At(std::uint64_t offset) const {
    LIBK_ASSERT(offset <= size_ && sizeof(T) <= size_ - offset,
                "register at offset {:#x} outside the claimed {:#x} bytes", offset, size_);
    LIBK_ASSERT((base_ + offset) % sizeof(T) == 0, "misaligned register at {:#x}", base_ + offset);
    return Mmio<T>(base_ + offset);
  }

  constexpr std::uint64_t base() const { return base_; }
  constexpr std::uint64_t size() const { return size_; }

 private:
  friend constexpr MmioRange raw::ClaimMmio(std::uint64_t address, std::uint64_t size);

  constexpr MmioRange(std::uint64_t base, std::uint64_t size) : base_(base), size_(size) {
    LIBK_ASSERT(base + size >= base, "the range wraps around the address space");
  }

  std::uint64_t base_;
  std::uint64_t size_;
};

}  // namespace libk::x86_64
