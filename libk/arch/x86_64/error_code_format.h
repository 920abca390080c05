// Human-readable error codes for fault reports: "{}" of a PageFaultDescription prints what
// the access was and why it faulted ("write, not present, kernel"), of a SelectorErrorCode
// the descriptor it names ("GDT index 5", "IDT vector 128, external", "no selector"). A bare
// PageFaultErrorCode is a Flags<PageFaultFlag> and prints its flag names ("WRITE | USER").
#pragma once

#include "libk/arch/x86_64/error_codes.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"

namespace libk::x86_64 {

// Writes `code` as comma-separated words: the access ("read", or "write" and/or
// "instruction fetch"), the cause ("not present" or "protection violation"), the mode
// ("kernel" or "user"), then "reserved bit set", "protection key", "shadow stack", "SGX"
// for those flags and "unknown bits 0x..." for bits no flag names.
void DescribePageFault(PageFaultErrorCode code, libk::Sink& sink);

// A page-fault error code to be printed in words, by DescribePageFault.
struct PageFaultDescription {
  PageFaultErrorCode code;
};

// Writes the descriptor `code` names: "GDT index N", "LDT index N" or "IDT vector N",
// followed by ", external" when EXT is set; the all-zero code, which means the fault was
// not caused by a selector, as "no selector".
void DescribeSelector(SelectorErrorCode code, libk::Sink& sink);

}  // namespace libk::x86_64

template <>
struct libk::Formatter<libk::x86_64::PageFaultDescription> {
  static void Format(const libk::x86_64::PageFaultDescription& description,
                     const FormatSpec& /*spec*/, Sink& sink) {
    libk::x86_64::DescribePageFault(description.code, sink);
  }
};

template <>
struct libk::Formatter<libk::x86_64::SelectorErrorCode> {
  static void Format(const libk::x86_64::SelectorErrorCode& code, const FormatSpec& /*spec*/,
                     Sink& sink) {
    libk::x86_64::DescribeSelector(code, sink);
  }
};
