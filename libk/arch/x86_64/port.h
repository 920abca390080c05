// Typed x86 I/O ports. A Port<T, Access> names one device register: its width is the
// type T (uint8_t, uint16_t, uint32_t) and its direction is a type, so reading a
// write-only register or writing a read-only one does not compile. Ports come only out of
// a PortRange, and a PortRange only out of raw::ClaimPorts (raw/claim.h): choosing an I/O
// address is the one unsafe step, taken once by the device's owner.
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>

#include "libk/arch/x86_64/raw/io.h"
#include "libk/flags/flags.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

struct ReadOnly {
  static constexpr bool kReadable = true;
  static constexpr bool kWritable = false;
};
struct WriteOnly {
  static constexpr bool kReadable = false;
  static constexpr bool kWritable = true;
};
struct ReadWrite {
  static constexpr bool kReadable = true;
  static constexpr bool kWritable = true;
};

template <typename T>
concept PortWidth =
    __is_same(T, std::uint8_t) || __is_same(T, std::uint16_t) || __is_same(T, std::uint32_t);

class PortRange;

namespace raw {
// Claims I/O ports [first, first + count); defined, with its Safety contract, in
// raw/claim.h, whose visibility lists the packages that own devices.
constexpr PortRange ClaimPorts(std::uint16_t first, std::uint16_t count);
}  // namespace raw

// One I/O port of width T. Invariant: the port lies in a range that its owner claimed
// with raw::ClaimPorts, so reads and writes through it cannot corrupt memory the kernel
// relies on; afterwards Read and Write are safe.
template <PortWidth T, typename Access>
class Port {
 public:
  constexpr std::uint16_t number() const { return number_; }

  // Reads the register.
  T Read() const
    requires(Access::kReadable)
  {
    // The claim that made this port (raw::ClaimPorts) makes its device ours to drive,
    // which is what each raw access below requires.
    if constexpr (__is_same(T, std::uint8_t)) {
      // SAFETY: see above.
      return raw::InB(number_);
    } else if constexpr (__is_same(T, std::uint16_t)) {
      // SAFETY: see above.
      return raw::InW(number_);
    } else {
      // SAFETY: see above.
      return raw::InL(number_);
    }
  }

  // Writes `value` to the register.
  void Write(T value) const
    requires(Access::kWritable)
  {
    // The claim that made this port (raw::ClaimPorts) makes its device ours to drive,
    // which is what each raw access below requires.
    if constexpr (__is_same(T, std::uint8_t)) {
      // SAFETY: see above.
      raw::OutB(number_, value);
    } else if constexpr (__is_same(T, std::uint16_t)) {
      // SAFETY: see above.
      raw::OutW(number_, value);
    } else {
      // SAFETY: see above.
      raw::OutL(number_, value);
    }
  }

 private:
  friend class PortRange;

  explicit constexpr Port(std::uint16_t number) : number_(number) {}

  std::uint16_t number_;
};

// The I/O ports [first, first + size) of one device, claimed by its owner. Move-only: a
// claim has one owner, who hands it to the driver that makes its ports.
class PortRange {
 public:
  PortRange(const PortRange&) = delete;
  PortRange& operator=(const PortRange&) = delete;
  constexpr PortRange(PortRange&&) = default;
  constexpr PortRange& operator=(PortRange&&) = default;
  constexpr ~PortRange() = default;

  // Returns the port of width T at `offset` from the first port. Panics unless all of its
  // sizeof(T) bytes lie in the range (a compile error in constant evaluation).
  template <PortWidth T, typename Access>
  constexpr Port<T, Access> At(std::uint16_t offset) const {
    LIBK_ASSERT(offset + sizeof(T) <= size_, "port {} + {} outside the claimed range of {} ports",
                first_, offset, size_);
    return Port<T, Access>(static_cast<std::uint16_t>(first_ + offset));
  }

  constexpr std::uint16_t first() const { return first_; }
  constexpr std::uint16_t size() const { return size_; }

 private:
  friend constexpr PortRange raw::ClaimPorts(std::uint16_t first, std::uint16_t count);

  constexpr PortRange(std::uint16_t first, std::uint16_t size) : first_(first), size_(size) {
    LIBK_ASSERT(first + size <= 0x10000, "I/O ports end at 0xffff");
  }

  std::uint16_t first_;
  std::uint16_t size_;
};

// A port register that holds a set of flags (a status or control register): reads decode
// to Flags<E>, keeping bits the enum does not name, and writes take a Flags<E>. The port's
// width is the enum's underlying type.
template <FlagEnum E, typename Access>
  requires PortWidth<std::underlying_type_t<E>>
class FlagsPort {
 public:
  using Value = Flags<E>;

  explicit constexpr FlagsPort(Port<std::underlying_type_t<E>, Access> port) : port_(port) {}

  // Reads the register.
  Value Read() const
    requires(Access::kReadable)
  {
    return Value::FromBitsRetain(port_.Read());
  }

  // Writes `value` to the register.
  void Write(Value value) const
    requires(Access::kWritable)
  {
    port_.Write(value.bits());
  }

 private:
  Port<std::underlying_type_t<E>, Access> port_;
};

}  // namespace libk::x86_64
