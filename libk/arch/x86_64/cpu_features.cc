#include "libk/arch/x86_64/cpu_features.h"

#include <cstdint>

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"

namespace libk::x86_64 {
namespace {

// One feature: where CPUID reports it.
enum class Leaf : std::uint8_t { kOne, kSeven, kExtendedOne, kExtendedSeven };
enum class Register : std::uint8_t { kEbx, kEcx, kEdx };
struct FeatureBit {
  CpuFeature feature;
  Leaf leaf;
  Register reg;
  std::uint8_t bit;
};

constexpr FeatureBit kFeatureBits[] = {
    {CpuFeature::kPse, Leaf::kOne, Register::kEdx, 3},
    {CpuFeature::kPae, Leaf::kOne, Register::kEdx, 6},
    {CpuFeature::kApic, Leaf::kOne, Register::kEdx, 9},
    {CpuFeature::kPge, Leaf::kOne, Register::kEdx, 13},
    {CpuFeature::kPat, Leaf::kOne, Register::kEdx, 16},
    {CpuFeature::kPcid, Leaf::kOne, Register::kEcx, 17},
    {CpuFeature::kX2Apic, Leaf::kOne, Register::kEcx, 21},
    {CpuFeature::kTscDeadline, Leaf::kOne, Register::kEcx, 24},
    {CpuFeature::kXsave, Leaf::kOne, Register::kEcx, 26},
    {CpuFeature::kRdrand, Leaf::kOne, Register::kEcx, 30},
    {CpuFeature::kHypervisor, Leaf::kOne, Register::kEcx, 31},
    {CpuFeature::kFsGsBase, Leaf::kSeven, Register::kEbx, 0},
    {CpuFeature::kSmep, Leaf::kSeven, Register::kEbx, 7},
    {CpuFeature::kInvpcid, Leaf::kSeven, Register::kEbx, 10},
    {CpuFeature::kSmap, Leaf::kSeven, Register::kEbx, 20},
    {CpuFeature::kUmip, Leaf::kSeven, Register::kEcx, 2},
    {CpuFeature::kPku, Leaf::kSeven, Register::kEcx, 3},
    {CpuFeature::kLa57, Leaf::kSeven, Register::kEcx, 16},
    {CpuFeature::kSyscall, Leaf::kExtendedOne, Register::kEdx, 11},
    {CpuFeature::kNx, Leaf::kExtendedOne, Register::kEdx, 20},
    {CpuFeature::kPdpe1Gb, Leaf::kExtendedOne, Register::kEdx, 26},
    {CpuFeature::kRdtscp, Leaf::kExtendedOne, Register::kEdx, 27},
    {CpuFeature::kLongMode, Leaf::kExtendedOne, Register::kEdx, 29},
    {CpuFeature::kInvariantTsc, Leaf::kExtendedSeven, Register::kEdx, 8},
};

const CpuidValues& LeafOf(const CpuidLeaves& leaves, Leaf leaf) {
  switch (leaf) {
    case Leaf::kOne:
      return leaves.leaf1;
    case Leaf::kSeven:
      return leaves.leaf7;
    case Leaf::kExtendedOne:
      return leaves.extended1;
    case Leaf::kExtendedSeven:
      return leaves.extended7;
  }
  return leaves.leaf1;
}

std::uint32_t RegisterOf(const CpuidValues& values, Register reg) {
  switch (reg) {
    case Register::kEbx:
      return values.ebx;
    case Register::kEcx:
      return values.ecx;
    case Register::kEdx:
      return values.edx;
  }
  return 0;
}

void CopyVendorWord(std::uint32_t word, char* out) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((word >> (8 * i)) & 0xff);
}

}  // namespace

CpuInfo DecodeCpuid(const CpuidLeaves& leaves) {
  CpuInfo info;
  for (const FeatureBit& entry : kFeatureBits) {
    if ((RegisterOf(LeafOf(leaves, entry.leaf), entry.reg) >> entry.bit) & 1U) {
      info.features |= entry.feature;
    }
  }
  if (leaves.extended0.eax >= 0x80000008U) {
    info.physical_address_bits = static_cast<std::uint8_t>(leaves.extended8.eax & 0xff);
    info.linear_address_bits = static_cast<std::uint8_t>((leaves.extended8.eax >> 8) & 0xff);
  }
  CopyVendorWord(leaves.leaf0.ebx, info.vendor);
  CopyVendorWord(leaves.leaf0.edx, info.vendor + 4);
  CopyVendorWord(leaves.leaf0.ecx, info.vendor + 8);
  info.vendor[12] = '\0';
  return info;
}

}  // namespace libk::x86_64

void libk::Formatter<libk::x86_64::CpuInfo>::Format(const x86_64::CpuInfo& info,
                                                    const FormatSpec& /*spec*/, Sink& sink) {
  libk::Format(sink, "{}, {}-bit physical, {}-bit linear: {}", info.vendor,
               info.physical_address_bits, info.linear_address_bits, info.features);
}
