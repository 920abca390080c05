// The data clang (19) passes to the UBSan handlers: for every check it emits a static
// record with the source location and the types involved, and calls
// __ubsan_handle_<check>(record, values...) when the check fails. These layouts are an ABI
// between the compiler and the runtime; the static_asserts pin their sizes, and the QEMU
// tests in tests/integration/ubsan_*.cc check every handler against real compiler output.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kernel::ubsan {

// A check's place in the source. `file` is the path the compiler was given.
struct SourceLocation {
  const char* file;
  std::uint32_t line;
  std::uint32_t column;
};

// How a value is passed: its bits, when its type fits in a pointer, otherwise its address.
// (The compiler passes a pointer-sized integer; a pointer type lets a wide value be read
// without turning an integer into a pointer.)
using ValueHandle = const void*;

// A type as the compiler describes it: its kind, kind-specific information and, right
// after these two fields, its name (TypeName).
struct TypeDescriptor {
  enum Kind : std::uint16_t {
    kInteger = 0,  // info: log2(bit width) << 1 | signed
    kFloat = 1,    // info: bit width
    kBitInt = 2,   // A signed _BitInt; info as for kInteger (storage width).
    kUnknown = 0xffff,
  };
  std::uint16_t kind;
  std::uint16_t info;
};

// Returns the type's name, quoted ("'int'"): a NUL-terminated string that the compiler
// stores right after the descriptor's fields.
inline const char* TypeName(const TypeDescriptor& type) {
  // SAFETY: `type` is a descriptor the compiler emitted (or a test laid out the same way),
  // so the name's bytes follow its fields, and chars may view any bytes.
  // NOLINTNEXTLINE(bugprone-casting-through-void): the name is stored after the fields.
  return static_cast<const char*>(static_cast<const void*>(&type + 1));
}

struct TypeMismatchData {
  SourceLocation location;
  const TypeDescriptor* type;
  std::uint8_t log_alignment;  // log2 of the alignment the type requires.
  std::uint8_t check_kind;     // What the access was: see TypeCheckKindName.
};

struct AlignmentAssumptionData {
  SourceLocation location;
  SourceLocation assumption_location;
  const TypeDescriptor* type;
};

// Signed overflow of +, -, *, unary -, and division (/, %) by zero or of the minimum by -1.
struct OverflowData {
  SourceLocation location;
  const TypeDescriptor* type;
};

struct ShiftOutOfBoundsData {
  SourceLocation location;
  const TypeDescriptor* left_type;
  const TypeDescriptor* right_type;
};

struct OutOfBoundsData {
  SourceLocation location;
  const TypeDescriptor* array_type;
  const TypeDescriptor* index_type;
};

// __builtin_unreachable() reached, or the end of a value-returning function.
struct UnreachableData {
  SourceLocation location;
};

struct VlaBoundData {
  SourceLocation location;
  const TypeDescriptor* type;
};

// A bool or enum loaded with a value outside its range.
struct InvalidValueData {
  SourceLocation location;
  const TypeDescriptor* type;
};

// __builtin_ctz/clz of zero (kind 0/1), or a false assumption (kind 2).
struct InvalidBuiltinData {
  SourceLocation location;
  std::uint8_t kind;
};

// A null argument for a parameter declared nonnull (index counts from 1).
struct NonNullArgData {
  SourceLocation location;
  SourceLocation attribute_location;
  int argument_index;
};

// A null return from a function declared returns_nonnull; the return statement's
// location is passed separately.
struct NonNullReturnData {
  SourceLocation attribute_location;
};

struct PointerOverflowData {
  SourceLocation location;
};

static_assert(sizeof(SourceLocation) == 16);
static_assert(sizeof(TypeDescriptor) == 4);
static_assert(sizeof(TypeMismatchData) == 32);
static_assert(sizeof(AlignmentAssumptionData) == 40);
static_assert(sizeof(OverflowData) == 24);
static_assert(sizeof(ShiftOutOfBoundsData) == 32);
static_assert(sizeof(OutOfBoundsData) == 32);
static_assert(sizeof(InvalidBuiltinData) == 24);
static_assert(sizeof(NonNullArgData) == 40);

}  // namespace kernel::ubsan
