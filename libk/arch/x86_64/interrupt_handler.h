// The C++ signatures of interrupt handlers, chosen by vector: a handler gets the typed
// error code exactly when the CPU pushes one, and handlers for #DF and #MC must diverge.
// HandlerFor<V>::type is the only signature IdtTable::Set<V> accepts.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/error_codes.h"
#include "libk/arch/x86_64/exception_vector.h"
#include "libk/arch/x86_64/interrupt_frame.h"

namespace libk::x86_64 {

// The return type of a function that never returns. No value of it can be made, so a
// function returning Never cannot `return` (a compile error) and cannot fall off its end
// (-Wreturn-type, an error here); it can only end by calling a [[noreturn]] function.
// FIXME: move to libk/base when a second user appears.
class Never {
 public:
  Never() = delete;
  Never(const Never&) = delete;
  Never& operator=(const Never&) = delete;
  ~Never() = default;
};

// Handles an exception or interrupt without an error code.
using HandlerFunc = void (*)(InterruptFrame&);
// Handles an exception with a raw error code (#AC, #CP, #VC, #SX).
using HandlerWithErrorCode = void (*)(InterruptFrame&, std::uint64_t);
// Handles a fault whose error code names a selector (#TS, #NP, #SS, #GP).
using SelectorFaultHandler = void (*)(InterruptFrame&, SelectorErrorCode);
// Handles a page fault; the faulting address is in CR2.
using PageFaultHandler = void (*)(InterruptFrame&, PageFaultErrorCode);
// Handles an abort without an error code (#MC); must not return.
using DivergingHandler = Never (*)(InterruptFrame&);
// Handles an abort with an error code (#DF); must not return.
using DivergingHandlerWithErrorCode = Never (*)(InterruptFrame&, std::uint64_t);

// Which of the signatures above a vector takes.
enum class HandlerKind : std::uint8_t {
  kReserved,  // No handler may be installed.
  kPlain,
  kWithErrorCode,
  kSelectorFault,
  kPageFault,
  kDiverging,
  kDivergingWithErrorCode,
};

// Returns the handler kind of `vector`.
constexpr HandlerKind KindOf(ExceptionVector vector) {
  if (IsReserved(vector)) return HandlerKind::kReserved;
  switch (vector) {
    case ExceptionVector::kDoubleFault:
      return HandlerKind::kDivergingWithErrorCode;
    case ExceptionVector::kMachineCheck:
      return HandlerKind::kDiverging;
    case ExceptionVector::kInvalidTss:
    case ExceptionVector::kSegmentNotPresent:
    case ExceptionVector::kStackSegmentFault:
    case ExceptionVector::kGeneralProtection:
      return HandlerKind::kSelectorFault;
    case ExceptionVector::kPageFault:
      return HandlerKind::kPageFault;
    default:
      return HasErrorCode(vector) ? HandlerKind::kWithErrorCode : HandlerKind::kPlain;
  }
}

// Maps a handler kind to its function pointer type; kReserved has none.
template <HandlerKind K>
struct HandlerOfKind {};
template <>
struct HandlerOfKind<HandlerKind::kPlain> {
  using type = HandlerFunc;
};
template <>
struct HandlerOfKind<HandlerKind::kWithErrorCode> {
  using type = HandlerWithErrorCode;
};
template <>
struct HandlerOfKind<HandlerKind::kSelectorFault> {
  using type = SelectorFaultHandler;
};
template <>
struct HandlerOfKind<HandlerKind::kPageFault> {
  using type = PageFaultHandler;
};
template <>
struct HandlerOfKind<HandlerKind::kDiverging> {
  using type = DivergingHandler;
};
template <>
struct HandlerOfKind<HandlerKind::kDivergingWithErrorCode> {
  using type = DivergingHandlerWithErrorCode;
};

// The handler signature for exception vector V (`type` is absent for reserved vectors).
template <ExceptionVector V>
struct HandlerFor : HandlerOfKind<KindOf(V)> {};

// The error-code rule and the signatures agree: a handler takes an error code exactly when
// the CPU pushes one.
constexpr bool KindsMatchErrorCodes() {
  for (int v = 0; v < kFirstInterruptVector; ++v) {
    const auto vector = static_cast<ExceptionVector>(v);
    const HandlerKind kind = KindOf(vector);
    const bool takes_code =
        kind == HandlerKind::kWithErrorCode || kind == HandlerKind::kSelectorFault ||
        kind == HandlerKind::kPageFault || kind == HandlerKind::kDivergingWithErrorCode;
    if (kind != HandlerKind::kReserved && takes_code != HasErrorCode(vector)) return false;
  }
  return true;
}
static_assert(KindsMatchErrorCodes());

}  // namespace libk::x86_64
