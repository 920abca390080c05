#include "kernel/ubsan/report.h"

#include <bit>
#include <cstdint>

#include "libk/fmt/format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

#include "kernel/ubsan/abi.h"

namespace kernel::ubsan {
namespace {

std::uint64_t Bits(ValueHandle handle) { return std::bit_cast<std::uintptr_t>(handle); }

bool IsInteger(const TypeDescriptor& type) {
  return type.kind == TypeDescriptor::kInteger || type.kind == TypeDescriptor::kBitInt;
}

bool IsSigned(const TypeDescriptor& type) { return IsInteger(type) && (type.info & 1) != 0; }

// Returns the integer type's width in bits (its storage width for _BitInt).
unsigned BitWidth(const TypeDescriptor& type) {
  const unsigned log2 = type.info >> 1;
  return log2 < 16 ? 1U << log2 : 0;
}

// Returns an integer value of at most 64 bits, sign-extended from its width.
std::int64_t SignedValue(const TypeDescriptor& type, ValueHandle handle) {
  const unsigned width = BitWidth(type);
  if (width == 0 || width >= 64) return static_cast<std::int64_t>(Bits(handle));
  const unsigned extra = 64 - width;
  return static_cast<std::int64_t>(Bits(handle) << extra) >> extra;
}

// Returns an integer value of at most 64 bits, zero-extended from its width.
std::uint64_t UnsignedValue(const TypeDescriptor& type, ValueHandle handle) {
  const unsigned width = BitWidth(type);
  if (width == 0 || width >= 64) return Bits(handle);
  return Bits(handle) & ((std::uint64_t{1} << width) - 1);
}

bool IsNegative(const TypeDescriptor& type, ValueHandle handle) {
  return IsSigned(type) && BitWidth(type) <= 64 && SignedValue(type, handle) < 0;
}

// A value as the compiler passed it, with its type.
struct TypedValue {
  const TypeDescriptor* type;
  ValueHandle handle;
};

TypedValue Typed(const TypeDescriptor* type, ValueHandle handle) { return {type, handle}; }

const char* const kTypeCheckKinds[] = {
    "load of",
    "store to",
    "reference binding to",
    "member access within",
    "member call on",
    "constructor call on",
    "downcast of",
    "downcast of",
    "upcast of",
    "cast to virtual base of",
    "_Nonnull binding to",
    "dynamic operation on",
};

const char* TypeCheckKindName(std::uint8_t kind) {
  constexpr auto kCount = sizeof(kTypeCheckKinds) / sizeof(kTypeCheckKinds[0]);
  return kind < kCount ? kTypeCheckKinds[kind] : "access to";
}

}  // namespace
}  // namespace kernel::ubsan

// Prints a value as its type says: decimal for integers up to 64 bits, hex for wider ones
// (128-bit division is not available in the kernel), and the raw bits otherwise.
template <>
struct libk::Formatter<kernel::ubsan::TypedValue> {
  static void Format(const kernel::ubsan::TypedValue& value, const FormatSpec& /*spec*/,
                     Sink& sink) {
    using kernel::ubsan::TypeDescriptor;
    const TypeDescriptor& type = *value.type;
    if (kernel::ubsan::IsInteger(type) && kernel::ubsan::BitWidth(type) > 64) {
      // SAFETY: the compiler passes a value wider than a pointer by the address of a copy
      // of it, of the type the descriptor names: 128 bits, as IsInteger and BitWidth say.
      const auto wide = *static_cast<const unsigned __int128*>(value.handle);
      libk::Format(sink, "{:#018x}{:016x}", static_cast<std::uint64_t>(wide >> 64),
                   static_cast<std::uint64_t>(wide));
    } else if (kernel::ubsan::IsSigned(type)) {
      libk::Format(sink, "{}", kernel::ubsan::SignedValue(type, value.handle));
    } else if (kernel::ubsan::IsInteger(type)) {
      libk::Format(sink, "{}", kernel::ubsan::UnsignedValue(type, value.handle));
    } else if (type.kind == TypeDescriptor::kFloat) {
      libk::Format(sink, "(a {}-bit floating-point value)", type.info);
    } else {
      libk::Format(sink, "{:#x}", kernel::ubsan::Bits(value.handle));
    }
  }
};

namespace kernel::ubsan {

using libk::Format;

void DescribeTypeMismatch(libk::Sink& out, const TypeMismatchData& data, ValueHandle pointer) {
  const char* kind = TypeCheckKindName(data.check_kind);
  const char* type = TypeName(*data.type);
  const std::uint64_t alignment = data.log_alignment < 64 ? 1ULL << data.log_alignment : 0;
  if (pointer == nullptr) {
    Format(out, "{} null pointer of type {}", kind, type);
  } else if (alignment > 1 && (Bits(pointer) & (alignment - 1)) != 0) {
    Format(out, "{} misaligned address {:p} for type {}, which requires {}-byte alignment", kind,
           pointer, type, alignment);
  } else {
    Format(out, "{} address {:p} with insufficient space for an object of type {}", kind, pointer,
           type);
  }
}

void DescribeAlignmentAssumption(libk::Sink& out, const AlignmentAssumptionData& data,
                                 ValueHandle pointer, ValueHandle alignment, ValueHandle offset) {
  Format(out, "assumption of {}-byte alignment for pointer {:p}", Bits(alignment), pointer);
  if (offset != nullptr) Format(out, " (offset {})", Bits(offset));
  Format(out, " failed");
  if (data.assumption_location.file != nullptr) {
    Format(out, " (assumed at {}:{}:{})", data.assumption_location.file,
           data.assumption_location.line, data.assumption_location.column);
  }
}

void DescribeOverflow(libk::Sink& out, const OverflowData& data, Operation operation,
                      ValueHandle left, ValueHandle right) {
  Format(out, "{} integer overflow: {} {} {} cannot be represented in type {}",
         IsSigned(*data.type) ? "signed" : "unsigned", Typed(data.type, left),
         static_cast<char>(operation), Typed(data.type, right), TypeName(*data.type));
}

void DescribeNegateOverflow(libk::Sink& out, const OverflowData& data, ValueHandle value) {
  Format(out, "negation of {} cannot be represented in type {}", Typed(data.type, value),
         TypeName(*data.type));
}

void DescribeDivisionOverflow(libk::Sink& out, const OverflowData& data, ValueHandle left,
                              ValueHandle right) {
  if (IsInteger(*data.type) && BitWidth(*data.type) <= 64 &&
      UnsignedValue(*data.type, right) == 0) {
    Format(out, "division of {} by zero", Typed(data.type, left));
    return;
  }
  Format(out, "division of {} by {} cannot be represented in type {}", Typed(data.type, left),
         Typed(data.type, right), TypeName(*data.type));
}

void DescribeShiftOutOfBounds(libk::Sink& out, const ShiftOutOfBoundsData& data, ValueHandle left,
                              ValueHandle right) {
  const TypedValue shifted = Typed(data.left_type, left);
  const TypedValue exponent = Typed(data.right_type, right);
  if (IsNegative(*data.right_type, right)) {
    Format(out, "shift exponent {} is negative", exponent);
  } else if (UnsignedValue(*data.right_type, right) >= BitWidth(*data.left_type)) {
    Format(out, "shift exponent {} is too large for {}-bit type {}", exponent,
           BitWidth(*data.left_type), TypeName(*data.left_type));
  } else if (IsNegative(*data.left_type, left)) {
    Format(out, "left shift of negative value {}", shifted);
  } else {
    Format(out, "left shift of {} by {} places cannot be represented in type {}", shifted, exponent,
           TypeName(*data.left_type));
  }
}

void DescribeOutOfBounds(libk::Sink& out, const OutOfBoundsData& data, ValueHandle index) {
  Format(out, "index {} out of bounds for type {}", Typed(data.index_type, index),
         TypeName(*data.array_type));
}

void DescribeVlaBound(libk::Sink& out, const VlaBoundData& data, ValueHandle bound) {
  Format(out, "variable length array bound evaluates to non-positive value {}",
         Typed(data.type, bound));
}

void DescribeInvalidValue(libk::Sink& out, const InvalidValueData& data, ValueHandle value) {
  Format(out, "load of value {}, which is not a valid value for type {}", Typed(data.type, value),
         TypeName(*data.type));
}

void DescribeInvalidBuiltin(libk::Sink& out, const InvalidBuiltinData& data) {
  switch (data.kind) {
    case 0:
    case 1:
      Format(out, "passing zero to __builtin_{}(), which is not a valid argument",
             data.kind == 0 ? "ctz" : "clz");
      return;
    case 2:
      Format(out, "assumption is violated during execution");
      return;
    default:
      Format(out, "invalid use of a builtin (check kind {})", data.kind);
      return;
  }
}

void DescribeNonNullArgument(libk::Sink& out, const NonNullArgData& data) {
  Format(out, "null pointer passed as argument {}, which is declared to never be null",
         data.argument_index);
  if (data.attribute_location.file != nullptr) {
    Format(out, " (nonnull attribute at {}:{}:{})", data.attribute_location.file,
           data.attribute_location.line, data.attribute_location.column);
  }
}

void DescribeNonNullReturn(libk::Sink& out, const NonNullReturnData& data) {
  Format(out, "null pointer returned from a function declared to never return null");
  if (data.attribute_location.file != nullptr) {
    Format(out, " (returns_nonnull attribute at {}:{}:{})", data.attribute_location.file,
           data.attribute_location.line, data.attribute_location.column);
  }
}

void DescribePointerOverflow(libk::Sink& out, ValueHandle base, ValueHandle result) {
  if (base == nullptr && result == nullptr) {
    Format(out, "applying zero offset to null pointer");
  } else if (base == nullptr) {
    Format(out, "applying non-zero offset {:p} to null pointer", result);
  } else if (result == nullptr) {
    Format(out, "applying non-zero offset to non-null pointer {:p} produced null pointer", base);
  } else if ((static_cast<std::int64_t>(Bits(base)) >= 0) ==
             (static_cast<std::int64_t>(Bits(result)) >= 0)) {
    Format(out, "{} of unsigned offset {} {:p} overflowed to {:p}",
           Bits(base) > Bits(result) ? "addition" : "subtraction",
           Bits(base) > Bits(result) ? "to" : "from", base, result);
  } else {
    Format(out, "pointer index expression with base {:p} overflowed to {:p}", base, result);
  }
}

}  // namespace kernel::ubsan
