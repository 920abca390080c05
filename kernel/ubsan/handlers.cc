// The kernel's UBSan runtime: the __ubsan_handle_* functions clang calls when a check
// fails. Each one puts the failure into words (report.h) and panics through libk's panic
// path at the check's file, line and column, with the code address of the check; the
// panic's backtrace names the function with the check (the frame after the handler's).
// The kernel is built with -fno-sanitize-recover (platforms/bare_metal_toolchain_config.bzl),
// so the compiler calls the _abort names and treats them as not returning; the recoverable
// names are left undefined, and a build that asks for them fails to link instead of
// carrying on after undefined behaviour. This file is built without sanitizers (BUILD): a
// check inside the runtime would call the runtime again.
#include <bit>
#include <cstddef>
#include <cstdint>

#include "libk/base/source_location.h"
#include "libk/fmt/format.h"
#include "libk/fmt/sink.h"
#include "libk/panic/panic.h"

#include "kernel/ubsan/abi.h"
#include "kernel/ubsan/report.h"

namespace kernel::ubsan {
namespace {

// Longer than libk's panic messages: a report names up to two types and two locations.
constexpr std::size_t kMessageCapacity = 384;

// What the panic line says in place of the function's name, as addr2line does: the check
// records no function (the backtrace below the line names it).
constexpr const char* kUnknownFunction = "??";

// Set while a report is being written: the formatting code is itself checked, and a check
// failing there must not start another report.
bool reporting = false;

// One failed check being reported: the handler writes what went wrong to out(), then
// Panic() ends the kernel's (or the test's) run at the check's source location.
class Report {
 public:
  explicit Report(const SourceLocation& location)
      : file_(location.file != nullptr ? location.file : "(unknown file)"),
        line_(location.line),
        column_(location.column) {
    if (reporting) {
      libk::internal::HandlePanic({"undefined behaviour while reporting undefined behaviour",
                                   {file_, line_, kUnknownFunction, column_}});
    }
    reporting = true;
    out_.Write("undefined behaviour: ");
  }
  ~Report() = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;
  Report(Report&&) = delete;
  Report& operator=(Report&&) = delete;

  libk::Sink& out() { return out_; }

  // Panics with the message. `caller` is the handler's return address: the check's call
  // of the handler ends just before it, so caller - 1 lies in the function with the check,
  // which gdb or llvm-symbolizer turn into a line (docs/hardening.md).
  [[noreturn]] void Panic(const void* caller) {
    libk::Format(out_, " (pc {:#x})", std::bit_cast<std::uintptr_t>(caller) - 1);
    reporting = false;
    libk::internal::HandlePanic({message_, {file_, line_, kUnknownFunction, column_}});
  }

 private:
  const char* file_;
  unsigned line_;
  unsigned column_;
  char message_[kMessageCapacity] = {};
  libk::BufferSink out_{message_};
};

}  // namespace
}  // namespace kernel::ubsan

// The entry points keep the names and signatures the compiler calls. Each reads its own
// return address, which must be done in the entry point itself.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
namespace ubsan = kernel::ubsan;
using ubsan::Report;
using ubsan::ValueHandle;

extern "C" {

[[noreturn]] void __ubsan_handle_type_mismatch_v1_abort(const ubsan::TypeMismatchData* data,
                                                        ValueHandle pointer) {
  Report report(data->location);
  ubsan::DescribeTypeMismatch(report.out(), *data, pointer);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_alignment_assumption_abort(
    const ubsan::AlignmentAssumptionData* data, ValueHandle pointer, ValueHandle alignment,
    ValueHandle offset) {
  Report report(data->location);
  ubsan::DescribeAlignmentAssumption(report.out(), *data, pointer, alignment, offset);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_add_overflow_abort(const ubsan::OverflowData* data,
                                                    ValueHandle left, ValueHandle right) {
  Report report(data->location);
  ubsan::DescribeOverflow(report.out(), *data, ubsan::Operation::kAdd, left, right);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_sub_overflow_abort(const ubsan::OverflowData* data,
                                                    ValueHandle left, ValueHandle right) {
  Report report(data->location);
  ubsan::DescribeOverflow(report.out(), *data, ubsan::Operation::kSubtract, left, right);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_mul_overflow_abort(const ubsan::OverflowData* data,
                                                    ValueHandle left, ValueHandle right) {
  Report report(data->location);
  ubsan::DescribeOverflow(report.out(), *data, ubsan::Operation::kMultiply, left, right);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_negate_overflow_abort(const ubsan::OverflowData* data,
                                                       ValueHandle value) {
  Report report(data->location);
  ubsan::DescribeNegateOverflow(report.out(), *data, value);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_divrem_overflow_abort(const ubsan::OverflowData* data,
                                                       ValueHandle left, ValueHandle right) {
  Report report(data->location);
  ubsan::DescribeDivisionOverflow(report.out(), *data, left, right);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_shift_out_of_bounds_abort(const ubsan::ShiftOutOfBoundsData* data,
                                                           ValueHandle left, ValueHandle right) {
  Report report(data->location);
  ubsan::DescribeShiftOutOfBounds(report.out(), *data, left, right);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_out_of_bounds_abort(const ubsan::OutOfBoundsData* data,
                                                     ValueHandle index) {
  Report report(data->location);
  ubsan::DescribeOutOfBounds(report.out(), *data, index);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_vla_bound_not_positive_abort(const ubsan::VlaBoundData* data,
                                                              ValueHandle bound) {
  Report report(data->location);
  ubsan::DescribeVlaBound(report.out(), *data, bound);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_load_invalid_value_abort(const ubsan::InvalidValueData* data,
                                                          ValueHandle value) {
  Report report(data->location);
  ubsan::DescribeInvalidValue(report.out(), *data, value);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_invalid_builtin_abort(const ubsan::InvalidBuiltinData* data) {
  Report report(data->location);
  ubsan::DescribeInvalidBuiltin(report.out(), *data);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_nonnull_arg_abort(const ubsan::NonNullArgData* data) {
  Report report(data->location);
  ubsan::DescribeNonNullArgument(report.out(), *data);
  report.Panic(__builtin_return_address(0));
}

// The return statement's location comes separately from the attribute's.
[[noreturn]] void __ubsan_handle_nonnull_return_v1_abort(const ubsan::NonNullReturnData* data,
                                                         const ubsan::SourceLocation* location) {
  Report report(*location);
  ubsan::DescribeNonNullReturn(report.out(), *data);
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_pointer_overflow_abort(const ubsan::PointerOverflowData* data,
                                                        ValueHandle base, ValueHandle result) {
  Report report(data->location);
  ubsan::DescribePointerOverflow(report.out(), base, result);
  report.Panic(__builtin_return_address(0));
}

// These two have no _abort variant: they never return in any mode.
[[noreturn]] void __ubsan_handle_builtin_unreachable(const ubsan::UnreachableData* data) {
  Report report(data->location);
  report.out().Write("execution reached an unreachable program point");
  report.Panic(__builtin_return_address(0));
}

[[noreturn]] void __ubsan_handle_missing_return(const ubsan::UnreachableData* data) {
  Report report(data->location);
  report.out().Write(
      "execution reached the end of a value-returning function without returning a value");
  report.Panic(__builtin_return_address(0));
}

}  // extern "C"
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
