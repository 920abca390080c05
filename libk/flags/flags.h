// Flags<E>: a set of bits named by an enum, the job Rust's bitflags crate does. An enum
// opts in with LIBK_DEFINE_FLAGS, which lists its flags and their names; then `A | B`
// makes a Flags<E>, set algebra stays within the defined bits, and flags print by name.
#pragma once

#include <cstddef>
#include <type_traits>

#include "libk/fmt/digits.h"
#include "libk/result/optional.h"

namespace libk {

// One named flag of an enum: the value (usually a single bit) and its printed name.
template <typename E>
struct FlagName {
  E flag;
  const char* name;
};

// The flags an enum defines, in the order they print.
template <typename E, size_t N>
struct FlagsDefinition {
  FlagName<E> names[N];
};

// Returns the definition listing `names`; used by LIBK_DEFINE_FLAGS.
template <typename E, size_t N>
constexpr FlagsDefinition<E, N> DefineFlags(const FlagName<E> (&names)[N]) {
  FlagsDefinition<E, N> definition{};
  for (size_t i = 0; i < N; ++i) definition.names[i] = names[i];
  return definition;
}

// An enum with an unsigned underlying type that opted in with LIBK_DEFINE_FLAGS.
template <typename E>
concept FlagEnum = std::is_enum_v<E> && std::is_unsigned_v<std::underlying_type_t<E>> &&
                   requires { LibkFlagsDefinition(E{}); };

// A set of E's flags. Invariant: only defined bits are set, unless the set was made by
// FromBitsRetain (or from an enum value outside the definition); every operation except
// complement then keeps the unknown bits as they are. Flags of different enums never mix.
template <FlagEnum E>
class Flags {
 public:
  using Enum = E;
  using Underlying = std::underlying_type_t<E>;

  // The defined flags and their names: `for (auto [flag, name] : Flags<E>::kDefinition.names)`.
  static constexpr auto kDefinition = LibkFlagsDefinition(E{});
  // Every defined bit.
  static constexpr Underlying kAllBits = [] {
    Underlying all = 0;
    for (const auto& entry : kDefinition.names) all |= static_cast<Underlying>(entry.flag);
    return all;
  }();
  static_assert(
      [] {
        for (const auto& entry : kDefinition.names) {
          if (static_cast<Underlying>(entry.flag) == 0) return false;
          if (entry.name == nullptr || entry.name[0] == '\0') return false;
        }
        return true;
      }(),
      "every defined flag needs a nonzero value and a name");

  // Constructs the empty set.
  constexpr Flags() = default;
  // Constructs the set holding `flag`; implicit, so a single flag works wherever a set does.
  constexpr Flags(E flag) : bits_(static_cast<Underlying>(flag)) {}

  static constexpr Flags Empty() { return Flags(); }
  static constexpr Flags All() { return FromBitsRetain(kAllBits); }

  // Returns the set with exactly `bits`, or nothing if any bit is not a defined flag.
  static constexpr Optional<Flags> FromBits(Underlying bits) {
    if ((bits & ~kAllBits) != 0) return kNone;
    return FromBitsRetain(bits);
  }
  // Returns the set of the defined flags among `bits`, dropping the others.
  static constexpr Flags FromBitsTruncate(Underlying bits) {
    return FromBitsRetain(bits & kAllBits);
  }
  // Returns the set with exactly `bits`, unknown ones included (for hardware registers
  // whose reserved bits must be written back unchanged).
  static constexpr Flags FromBitsRetain(Underlying bits) {
    Flags flags;
    flags.bits_ = bits;
    return flags;
  }

  constexpr Underlying bits() const { return bits_; }
  constexpr bool IsEmpty() const { return bits_ == 0; }
  constexpr bool IsAll() const { return (bits_ & kAllBits) == kAllBits; }
  // Returns whether every flag of `other` is in this set.
  constexpr bool Contains(Flags other) const { return (bits_ & other.bits_) == other.bits_; }
  // Returns whether this set and `other` share a flag.
  constexpr bool Intersects(Flags other) const { return (bits_ & other.bits_) != 0; }

  // Add, remove or flip the flags of `other`.
  constexpr void Insert(Flags other) { bits_ |= other.bits_; }
  constexpr void Remove(Flags other) { bits_ &= static_cast<Underlying>(~other.bits_); }
  constexpr void Toggle(Flags other) { bits_ ^= other.bits_; }
  // Inserts `other` if `value` is true, removes it otherwise.
  constexpr void Set(Flags other, bool value) {
    if (value) {
      Insert(other);
    } else {
      Remove(other);
    }
  }

  // Union, intersection, symmetric difference and difference.
  friend constexpr Flags operator|(Flags a, Flags b) { return FromBitsRetain(a.bits_ | b.bits_); }
  friend constexpr Flags operator&(Flags a, Flags b) { return FromBitsRetain(a.bits_ & b.bits_); }
  friend constexpr Flags operator^(Flags a, Flags b) { return FromBitsRetain(a.bits_ ^ b.bits_); }
  friend constexpr Flags operator-(Flags a, Flags b) {
    return FromBitsRetain(a.bits_ & static_cast<Underlying>(~b.bits_));
  }
  // Returns the defined flags that are not in `a` (unknown bits are dropped).
  friend constexpr Flags operator~(Flags a) {
    return FromBitsRetain(static_cast<Underlying>(~a.bits_) & kAllBits);
  }
  friend constexpr Flags& operator|=(Flags& a, Flags b) { return a = a | b; }
  friend constexpr Flags& operator&=(Flags& a, Flags b) { return a = a & b; }
  friend constexpr Flags& operator^=(Flags& a, Flags b) { return a = a ^ b; }
  friend constexpr Flags& operator-=(Flags& a, Flags b) { return a = a - b; }
  friend constexpr bool operator==(Flags a, Flags b) { return a.bits_ == b.bits_; }

 private:
  Underlying bits_ = 0;
};

// Writes the names of the flags in `flags` to `write`, which is called with
// NUL-terminated strings: "PRESENT | WRITABLE". Named flags print in definition order (a
// multi-bit name prints when all its bits are set and some are not printed yet); bits
// with no name follow as one hex number ("PRESENT | 0x80"); the empty set is "(empty)".
template <typename E, typename Write>
constexpr void AppendNames(
    Flags<E> flags,
    Write&& write) {  // NOLINT(cppcoreguidelines-missing-std-forward): called once per name.
  using Underlying = typename Flags<E>::Underlying;
  Underlying remaining = flags.bits();
  bool first = true;
  auto separate = [&] {
    if (!first) write(" | ");
    first = false;
  };
  for (const auto& entry : Flags<E>::kDefinition.names) {
    const auto bits = static_cast<Underlying>(entry.flag);
    if ((flags.bits() & bits) == bits && (remaining & bits) != 0) {
      separate();
      write(entry.name);
      remaining &= static_cast<Underlying>(~bits);
    }
  }
  if (remaining != 0) {
    // "0x", the hex digits and a NUL, written backwards from the end.
    char hex[2 + kMaxPowerOfTwoDigits<4> + 1] = {};
    char* first = WritePowerOfTwoDigits<4>(hex + sizeof(hex) - 1, remaining);
    *--first = 'x';
    *--first = '0';
    separate();
    const char* text = first;
    write(text);
  }
  if (first) write("(empty)");
}

}  // namespace libk

// Opts the enum `Enum` (an enum with an unsigned underlying type, declared in the current
// namespace) into Flags: lists its flags as {Enum::kX, "X"} pairs, in print order, and
// makes `Enum | Enum` and `~Enum` produce Flags<Enum>. Use at namespace scope, next to the
// enum:
//   enum class PageFlag : uint64_t { kPresent = 1 << 0, kWritable = 1 << 1 };
//   LIBK_DEFINE_FLAGS(PageFlag, {PageFlag::kPresent, "PRESENT"},
//                     {PageFlag::kWritable, "WRITABLE"});
// `Enum` names a type, which cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define LIBK_DEFINE_FLAGS(Enum, ...)                                         \
  [[maybe_unused]] constexpr auto LibkFlagsDefinition(Enum) {                \
    return ::libk::DefineFlags<Enum>({__VA_ARGS__});                         \
  }                                                                          \
  [[maybe_unused]] constexpr ::libk::Flags<Enum> operator|(Enum a, Enum b) { \
    return ::libk::Flags<Enum>(a) | ::libk::Flags<Enum>(b);                  \
  }                                                                          \
  [[maybe_unused]] constexpr ::libk::Flags<Enum> operator~(Enum a) {         \
    return ~::libk::Flags<Enum>(a);                                          \
  }                                                                          \
  static_assert(true, "require a semicolon after LIBK_DEFINE_FLAGS(...)")
// NOLINTEND(bugprone-macro-parentheses)
