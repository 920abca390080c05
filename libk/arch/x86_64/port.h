// Typed x86 I/O ports. A Port<T, Access> names one device register: its width is the
// type T (uint8_t, uint16_t, uint32_t) and its direction is a type, so reading a
// write-only register or writing a read-only one does not compile.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/io.h"

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

// One I/O port of width T. Invariant: the port belongs to a device that the owner of this
// object drives, so reads and writes through it cannot corrupt memory the kernel relies
// on. That is established once, at construction; afterwards Read and Write are safe.
template <PortWidth T, typename Access>
class Port {
 public:
  // Names I/O port `number`.
  // Safety: the caller must own the device register at `number` and know that accessing
  // it with this width and direction has no effect on memory safety (no DMA set-up, no
  // reset of the machine) beyond what the caller's own code accounts for.
  explicit constexpr Port(std::uint16_t number) : number_(number) {}

  constexpr std::uint16_t number() const { return number_; }

  // Reads the register.
  T Read() const
    requires(Access::kReadable)
  {
    // The constructor's contract makes this port's device ours to drive, which is what
    // each raw access below requires.
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
    // The constructor's contract makes this port's device ours to drive, which is what
    // each raw access below requires.
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
  std::uint16_t number_;
};

}  // namespace libk::x86_64
