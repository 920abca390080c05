// Puts a failed UBSan check into words: what went wrong, with the values involved where
// the compiler passes them ("shift exponent 40 is too large for 32-bit type 'int'"). Pure
// and allocation-free, so the kernel's handlers (handlers.cc) and host tests share it.
#pragma once

#include "libk/fmt/sink.h"

#include "kernel/ubsan/abi.h"

namespace kernel::ubsan {

// The arithmetic a signed overflow came from.
enum class Operation : char { kAdd = '+', kSubtract = '-', kMultiply = '*' };

// Each writes the description of one kind of failed check to `out`.
void DescribeTypeMismatch(libk::Sink& out, const TypeMismatchData& data, ValueHandle pointer);
void DescribeAlignmentAssumption(libk::Sink& out, const AlignmentAssumptionData& data,
                                 ValueHandle pointer, ValueHandle alignment, ValueHandle offset);
void DescribeOverflow(libk::Sink& out, const OverflowData& data, Operation operation,
                      ValueHandle left, ValueHandle right);
void DescribeNegateOverflow(libk::Sink& out, const OverflowData& data, ValueHandle value);
void DescribeDivisionOverflow(libk::Sink& out, const OverflowData& data, ValueHandle left,
                              ValueHandle right);
void DescribeShiftOutOfBounds(libk::Sink& out, const ShiftOutOfBoundsData& data, ValueHandle left,
                              ValueHandle right);
void DescribeOutOfBounds(libk::Sink& out, const OutOfBoundsData& data, ValueHandle index);
void DescribeVlaBound(libk::Sink& out, const VlaBoundData& data, ValueHandle bound);
void DescribeInvalidValue(libk::Sink& out, const InvalidValueData& data, ValueHandle value);
void DescribeInvalidBuiltin(libk::Sink& out, const InvalidBuiltinData& data);
void DescribeNonNullArgument(libk::Sink& out, const NonNullArgData& data);
void DescribeNonNullReturn(libk::Sink& out, const NonNullReturnData& data);
void DescribePointerOverflow(libk::Sink& out, ValueHandle base, ValueHandle result);

}  // namespace kernel::ubsan
