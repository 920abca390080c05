// The CPU features keel cares about, decoded from CPUID's registers into Flags, so code
// asks `info.features.Contains(CpuFeature::kPdpe1Gb)` and a features line prints by name.
// Decoding is pure and host-tested; reading CPUID on the running CPU is cpuid.h.
#pragma once

#include <cstdint>

#include "libk/flags/flags.h"
#include "libk/flags/flags_format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

namespace libk::x86_64 {

// Features, each one CPUID bit (the comment names the leaf, register and bit). The
// values are keel's own numbering, not CPUID's.
enum class CpuFeature : std::uint64_t {
  kPse = std::uint64_t{1} << 0,            // 1 EDX 3: 4 MiB pages in 32-bit paging.
  kPae = std::uint64_t{1} << 1,            // 1 EDX 6: physical address extension.
  kApic = std::uint64_t{1} << 2,           // 1 EDX 9: a local APIC.
  kPge = std::uint64_t{1} << 3,            // 1 EDX 13: global pages (CR4.PGE).
  kPat = std::uint64_t{1} << 4,            // 1 EDX 16: page attribute table.
  kPcid = std::uint64_t{1} << 5,           // 1 ECX 17: process-context identifiers.
  kX2Apic = std::uint64_t{1} << 6,         // 1 ECX 21: x2APIC mode.
  kTscDeadline = std::uint64_t{1} << 7,    // 1 ECX 24: APIC timer TSC-deadline mode.
  kXsave = std::uint64_t{1} << 8,          // 1 ECX 26: XSAVE and XCR0.
  kRdrand = std::uint64_t{1} << 9,         // 1 ECX 30: RDRAND.
  kHypervisor = std::uint64_t{1} << 10,    // 1 ECX 31: running under a hypervisor.
  kFsGsBase = std::uint64_t{1} << 11,      // 7.0 EBX 0: RDFSBASE and friends.
  kSmep = std::uint64_t{1} << 12,          // 7.0 EBX 7: supervisor-mode execution prevention.
  kInvpcid = std::uint64_t{1} << 13,       // 7.0 EBX 10: INVPCID.
  kSmap = std::uint64_t{1} << 14,          // 7.0 EBX 20: supervisor-mode access prevention.
  kUmip = std::uint64_t{1} << 15,          // 7.0 ECX 2: user-mode instruction prevention.
  kPku = std::uint64_t{1} << 16,           // 7.0 ECX 3: protection keys for user pages.
  kLa57 = std::uint64_t{1} << 17,          // 7.0 ECX 16: 5-level paging.
  kSyscall = std::uint64_t{1} << 18,       // 0x80000001 EDX 11: SYSCALL/SYSRET.
  kNx = std::uint64_t{1} << 19,            // 0x80000001 EDX 20: the no-execute bit.
  kPdpe1Gb = std::uint64_t{1} << 20,       // 0x80000001 EDX 26: 1 GiB pages.
  kRdtscp = std::uint64_t{1} << 21,        // 0x80000001 EDX 27: RDTSCP.
  kLongMode = std::uint64_t{1} << 22,      // 0x80000001 EDX 29: 64-bit mode.
  kInvariantTsc = std::uint64_t{1} << 23,  // 0x80000007 EDX 8: the TSC ticks at a constant rate.
};
LIBK_DEFINE_FLAGS(CpuFeature, {CpuFeature::kPse, "PSE"}, {CpuFeature::kPae, "PAE"},
                  {CpuFeature::kApic, "APIC"}, {CpuFeature::kPge, "PGE"}, {CpuFeature::kPat, "PAT"},
                  {CpuFeature::kPcid, "PCID"}, {CpuFeature::kX2Apic, "X2APIC"},
                  {CpuFeature::kTscDeadline, "TSC_DEADLINE"}, {CpuFeature::kXsave, "XSAVE"},
                  {CpuFeature::kRdrand, "RDRAND"}, {CpuFeature::kHypervisor, "HYPERVISOR"},
                  {CpuFeature::kFsGsBase, "FSGSBASE"}, {CpuFeature::kSmep, "SMEP"},
                  {CpuFeature::kInvpcid, "INVPCID"}, {CpuFeature::kSmap, "SMAP"},
                  {CpuFeature::kUmip, "UMIP"}, {CpuFeature::kPku, "PKU"},
                  {CpuFeature::kLa57, "LA57"}, {CpuFeature::kSyscall, "SYSCALL"},
                  {CpuFeature::kNx, "NX"}, {CpuFeature::kPdpe1Gb, "PDPE1GB"},
                  {CpuFeature::kRdtscp, "RDTSCP"}, {CpuFeature::kLongMode, "LONG_MODE"},
                  {CpuFeature::kInvariantTsc, "INVARIANT_TSC"});

using CpuFeatures = Flags<CpuFeature>;

// The registers of one CPUID leaf.
struct CpuidValues {
  std::uint32_t eax = 0;
  std::uint32_t ebx = 0;
  std::uint32_t ecx = 0;
  std::uint32_t edx = 0;

  friend constexpr bool operator==(const CpuidValues&, const CpuidValues&) = default;
};

// The CPUID leaves the decoder reads. A leaf above the CPU's maximum must be left zero
// (the CPU would answer with another leaf's data).
struct CpuidLeaves {
  CpuidValues leaf0;      // Maximum basic leaf (EAX) and vendor (EBX, EDX, ECX).
  CpuidValues leaf1;      // Feature bits.
  CpuidValues leaf7;      // Structured extended features, sub-leaf 0.
  CpuidValues extended0;  // 0x80000000: maximum extended leaf (EAX).
  CpuidValues extended1;  // 0x80000001: extended feature bits.
  CpuidValues extended7;  // 0x80000007: power management (invariant TSC).
  CpuidValues extended8;  // 0x80000008: address sizes.
};

// What keel knows about the CPU.
struct CpuInfo {
  CpuFeatures features;
  // Physical and linear address widths in bits (from 0x80000008; 36 and 48 without it).
  std::uint8_t physical_address_bits = 36;
  std::uint8_t linear_address_bits = 48;
  // The vendor string ("GenuineIntel", "AuthenticAMD"), NUL-terminated.
  char vendor[13] = {};
};

// Returns the features and sizes that `leaves` report.
CpuInfo DecodeCpuid(const CpuidLeaves& leaves);

}  // namespace libk::x86_64

// Prints "GenuineIntel, 40-bit physical, 48-bit linear: PSE | PAE | ...".
template <>
struct libk::Formatter<libk::x86_64::CpuInfo> {
  static void Format(const x86_64::CpuInfo& info, const FormatSpec& spec, Sink& sink);
};
