// The 32 architecturally defined exception vectors (Intel SDM vol. 3A, table 6-1, plus
// AMD's #HV, #VC and #SX), which of them push an error code, and their names.
#pragma once

#include <cstdint>

namespace libk::x86_64 {

// The number of IDT entries; vectors 32..255 are free for hardware and software interrupts.
inline constexpr int kIdtEntries = 256;
// The first vector that is not an exception.
inline constexpr int kFirstInterruptVector = 32;

// An exception vector number.
enum class ExceptionVector : std::uint8_t {
  kDivideError = 0,                // #DE
  kDebug = 1,                      // #DB
  kNonMaskableInterrupt = 2,       // NMI
  kBreakpoint = 3,                 // #BP (int3)
  kOverflow = 4,                   // #OF (into)
  kBoundRangeExceeded = 5,         // #BR
  kInvalidOpcode = 6,              // #UD
  kDeviceNotAvailable = 7,         // #NM
  kDoubleFault = 8,                // #DF, error code always 0, never returns
  kCoprocessorSegmentOverrun = 9,  // Reserved since the 486.
  kInvalidTss = 10,                // #TS
  kSegmentNotPresent = 11,         // #NP
  kStackSegmentFault = 12,         // #SS
  kGeneralProtection = 13,         // #GP
  kPageFault = 14,                 // #PF
  kReserved15 = 15,
  kX87FloatingPoint = 16,   // #MF
  kAlignmentCheck = 17,     // #AC
  kMachineCheck = 18,       // #MC, never returns
  kSimdFloatingPoint = 19,  // #XM
  kVirtualization = 20,     // #VE
  kControlProtection = 21,  // #CP
  kReserved22 = 22,
  kReserved23 = 23,
  kReserved24 = 24,
  kReserved25 = 25,
  kReserved26 = 26,
  kReserved27 = 27,
  kHypervisorInjection = 28,  // #HV
  kVmmCommunication = 29,     // #VC
  kSecurity = 30,             // #SX
  kReserved31 = 31,
};

// Returns whether the CPU pushes an error code for `vector`: 8, 10-14, 17, 21, 29, 30.
// Vectors 32..255 never get one from the CPU.
constexpr bool HasErrorCode(ExceptionVector vector) {
  switch (vector) {
    case ExceptionVector::kDoubleFault:
    case ExceptionVector::kInvalidTss:
    case ExceptionVector::kSegmentNotPresent:
    case ExceptionVector::kStackSegmentFault:
    case ExceptionVector::kGeneralProtection:
    case ExceptionVector::kPageFault:
    case ExceptionVector::kAlignmentCheck:
    case ExceptionVector::kControlProtection:
    case ExceptionVector::kVmmCommunication:
    case ExceptionVector::kSecurity:
      return true;
    default:
      return false;
  }
}

// Returns whether `vector` is reserved (no handler can be installed for it).
constexpr bool IsReserved(ExceptionVector vector) {
  switch (vector) {
    case ExceptionVector::kCoprocessorSegmentOverrun:
    case ExceptionVector::kReserved15:
    case ExceptionVector::kReserved22:
    case ExceptionVector::kReserved23:
    case ExceptionVector::kReserved24:
    case ExceptionVector::kReserved25:
    case ExceptionVector::kReserved26:
    case ExceptionVector::kReserved27:
    case ExceptionVector::kReserved31:
      return true;
    default:
      return false;
  }
}

// Returns a human-readable name for `vector`, e.g. "page fault"; "interrupt" for 32..255.
constexpr const char* ExceptionName(ExceptionVector vector) {
  switch (vector) {
    case ExceptionVector::kDivideError:
      return "divide error";
    case ExceptionVector::kDebug:
      return "debug";
    case ExceptionVector::kNonMaskableInterrupt:
      return "non-maskable interrupt";
    case ExceptionVector::kBreakpoint:
      return "breakpoint";
    case ExceptionVector::kOverflow:
      return "overflow";
    case ExceptionVector::kBoundRangeExceeded:
      return "bound range exceeded";
    case ExceptionVector::kInvalidOpcode:
      return "invalid opcode";
    case ExceptionVector::kDeviceNotAvailable:
      return "device not available";
    case ExceptionVector::kDoubleFault:
      return "double fault";
    case ExceptionVector::kCoprocessorSegmentOverrun:
      return "coprocessor segment overrun";
    case ExceptionVector::kInvalidTss:
      return "invalid TSS";
    case ExceptionVector::kSegmentNotPresent:
      return "segment not present";
    case ExceptionVector::kStackSegmentFault:
      return "stack-segment fault";
    case ExceptionVector::kGeneralProtection:
      return "general protection";
    case ExceptionVector::kPageFault:
      return "page fault";
    case ExceptionVector::kReserved15:
      return "reserved (15)";
    case ExceptionVector::kX87FloatingPoint:
      return "x87 floating-point";
    case ExceptionVector::kAlignmentCheck:
      return "alignment check";
    case ExceptionVector::kMachineCheck:
      return "machine check";
    case ExceptionVector::kSimdFloatingPoint:
      return "SIMD floating-point";
    case ExceptionVector::kVirtualization:
      return "virtualization";
    case ExceptionVector::kControlProtection:
      return "control protection";
    case ExceptionVector::kReserved22:
      return "reserved (22)";
    case ExceptionVector::kReserved23:
      return "reserved (23)";
    case ExceptionVector::kReserved24:
      return "reserved (24)";
    case ExceptionVector::kReserved25:
      return "reserved (25)";
    case ExceptionVector::kReserved26:
      return "reserved (26)";
    case ExceptionVector::kReserved27:
      return "reserved (27)";
    case ExceptionVector::kHypervisorInjection:
      return "hypervisor injection";
    case ExceptionVector::kVmmCommunication:
      return "VMM communication";
    case ExceptionVector::kSecurity:
      return "security";
    case ExceptionVector::kReserved31:
      return "reserved (31)";
  }
  return "interrupt";
}

}  // namespace libk::x86_64
