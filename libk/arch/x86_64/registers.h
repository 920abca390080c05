// Typed, safe reads of the CPU's mode registers: CR0, CR4 and EFER as Flags<E>, so
// code asks `ReadCr0().Contains(Cr0Flag::kPaging)` instead of testing raw bits, and the
// values print by name ("PROTECTED_MODE | WRITE_PROTECT | PAGING").
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/control_registers.h"
#include "libk/flags/flags.h"
#include "libk/flags/flags_format.h"

namespace libk::x86_64 {

enum class Cr0Flag : std::uint64_t {
  kProtectedMode = std::uint64_t{1} << 0,
  kMonitorCoprocessor = std::uint64_t{1} << 1,
  kEmulateCoprocessor = std::uint64_t{1} << 2,
  kTaskSwitched = std::uint64_t{1} << 3,
  kExtensionType = std::uint64_t{1} << 4,
  kNumericError = std::uint64_t{1} << 5,
  kWriteProtect = std::uint64_t{1} << 16,
  kAlignmentMask = std::uint64_t{1} << 18,
  kNotWriteThrough = std::uint64_t{1} << 29,
  kCacheDisable = std::uint64_t{1} << 30,
  kPaging = std::uint64_t{1} << 31,
};
LIBK_DEFINE_FLAGS(Cr0Flag, {Cr0Flag::kProtectedMode, "PROTECTED_MODE"},
                  {Cr0Flag::kMonitorCoprocessor, "MONITOR_COPROCESSOR"},
                  {Cr0Flag::kEmulateCoprocessor, "EMULATE_COPROCESSOR"},
                  {Cr0Flag::kTaskSwitched, "TASK_SWITCHED"},
                  {Cr0Flag::kExtensionType, "EXTENSION_TYPE"},
                  {Cr0Flag::kNumericError, "NUMERIC_ERROR"},
                  {Cr0Flag::kWriteProtect, "WRITE_PROTECT"},
                  {Cr0Flag::kAlignmentMask, "ALIGNMENT_MASK"},
                  {Cr0Flag::kNotWriteThrough, "NOT_WRITE_THROUGH"},
                  {Cr0Flag::kCacheDisable, "CACHE_DISABLE"}, {Cr0Flag::kPaging, "PAGING"});

enum class Cr4Flag : std::uint64_t {
  kVirtual8086Extensions = std::uint64_t{1} << 0,
  kProtectedVirtualInterrupts = std::uint64_t{1} << 1,
  kTimestampDisable = std::uint64_t{1} << 2,
  kDebuggingExtensions = std::uint64_t{1} << 3,
  kPageSizeExtension = std::uint64_t{1} << 4,
  kPhysicalAddressExtension = std::uint64_t{1} << 5,
  kMachineCheckException = std::uint64_t{1} << 6,
  kPageGlobal = std::uint64_t{1} << 7,
  kOsFxsr = std::uint64_t{1} << 9,
  kOsXmmExceptions = std::uint64_t{1} << 10,
  kUserModeInstructionPrevention = std::uint64_t{1} << 11,
  kFiveLevelPaging = std::uint64_t{1} << 12,
  kFsGsBase = std::uint64_t{1} << 16,
  kPcid = std::uint64_t{1} << 17,
  kOsXsave = std::uint64_t{1} << 18,
  kSupervisorModeExecutionPrevention = std::uint64_t{1} << 20,
  kSupervisorModeAccessPrevention = std::uint64_t{1} << 21,
  kProtectionKeys = std::uint64_t{1} << 22,
};
LIBK_DEFINE_FLAGS(Cr4Flag, {Cr4Flag::kVirtual8086Extensions, "VME"},
                  {Cr4Flag::kProtectedVirtualInterrupts, "PVI"},
                  {Cr4Flag::kTimestampDisable, "TSD"}, {Cr4Flag::kDebuggingExtensions, "DE"},
                  {Cr4Flag::kPageSizeExtension, "PSE"}, {Cr4Flag::kPhysicalAddressExtension, "PAE"},
                  {Cr4Flag::kMachineCheckException, "MCE"}, {Cr4Flag::kPageGlobal, "PGE"},
                  {Cr4Flag::kOsFxsr, "OSFXSR"}, {Cr4Flag::kOsXmmExceptions, "OSXMMEXCPT"},
                  {Cr4Flag::kUserModeInstructionPrevention, "UMIP"},
                  {Cr4Flag::kFiveLevelPaging, "LA57"}, {Cr4Flag::kFsGsBase, "FSGSBASE"},
                  {Cr4Flag::kPcid, "PCIDE"}, {Cr4Flag::kOsXsave, "OSXSAVE"},
                  {Cr4Flag::kSupervisorModeExecutionPrevention, "SMEP"},
                  {Cr4Flag::kSupervisorModeAccessPrevention, "SMAP"},
                  {Cr4Flag::kProtectionKeys, "PKE"});

// The extended feature enable register (MSR 0xC0000080).
enum class EferFlag : std::uint64_t {
  kSystemCallExtensions = std::uint64_t{1} << 0,
  kLongModeEnable = std::uint64_t{1} << 8,
  kLongModeActive = std::uint64_t{1} << 10,
  kNoExecuteEnable = std::uint64_t{1} << 11,
};
LIBK_DEFINE_FLAGS(EferFlag, {EferFlag::kSystemCallExtensions, "SYSCALL"},
                  {EferFlag::kLongModeEnable, "LONG_MODE_ENABLE"},
                  {EferFlag::kLongModeActive, "LONG_MODE_ACTIVE"},
                  {EferFlag::kNoExecuteEnable, "NO_EXECUTE_ENABLE"});

inline constexpr std::uint32_t kEferMsr = 0xc0000080;

// Returns CR0; bits without a name are kept (FromBitsRetain) so nothing is hidden.
inline Flags<Cr0Flag> ReadCr0() { return Flags<Cr0Flag>::FromBitsRetain(raw::ReadCr0()); }

// Returns CR4; bits without a name are kept.
inline Flags<Cr4Flag> ReadCr4() { return Flags<Cr4Flag>::FromBitsRetain(raw::ReadCr4()); }

// Returns EFER; bits without a name are kept.
inline Flags<EferFlag> ReadEfer() {
  // SAFETY: EFER is architectural: every x86_64 CPU has it (the kernel runs in long mode,
  // which EFER.LMA reports).
  return Flags<EferFlag>::FromBitsRetain(raw::ReadMsr(kEferMsr));
}

}  // namespace libk::x86_64
