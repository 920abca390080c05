// DecodeCpuid: each feature comes from its documented CPUID bit, address widths from leaf
// 0x80000008 only when the CPU has it, and the vendor string from leaf 0.
#include "libk/arch/x86_64/cpu_features.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "libk/testing/format_to_string.h"

namespace libk::x86_64 {
namespace {

// Leaf 0 of an Intel CPU: "GenuineIntel" in EBX, EDX, ECX.
constexpr CpuidValues kIntelLeaf0{0xd, 0x756e6547, 0x6c65746e, 0x49656e69};

// Returns leaves with only bit `bit` of register `reg` of leaf `leaf` set.
CpuidLeaves WithBit(CpuidValues CpuidLeaves::* leaf, std::uint32_t CpuidValues::* reg,
                    unsigned bit) {
  CpuidLeaves leaves;
  CpuidValues& values = leaves.*leaf;
  values.*reg = std::uint32_t{1} << bit;
  return leaves;
}

TEST(DecodeCpuid, EachFeatureComesFromItsBit) {
  struct Case {
    CpuFeature feature;
    CpuidValues CpuidLeaves::* leaf;
    std::uint32_t CpuidValues::* reg;
    unsigned bit;
  };
  const Case cases[] = {
      {CpuFeature::kPge, &CpuidLeaves::leaf1, &CpuidValues::edx, 13},
      {CpuFeature::kPcid, &CpuidLeaves::leaf1, &CpuidValues::ecx, 17},
      {CpuFeature::kSmep, &CpuidLeaves::leaf7, &CpuidValues::ebx, 7},
      {CpuFeature::kSmap, &CpuidLeaves::leaf7, &CpuidValues::ebx, 20},
      {CpuFeature::kUmip, &CpuidLeaves::leaf7, &CpuidValues::ecx, 2},
      {CpuFeature::kNx, &CpuidLeaves::extended1, &CpuidValues::edx, 20},
      {CpuFeature::kPdpe1Gb, &CpuidLeaves::extended1, &CpuidValues::edx, 26},
      {CpuFeature::kLongMode, &CpuidLeaves::extended1, &CpuidValues::edx, 29},
      {CpuFeature::kInvariantTsc, &CpuidLeaves::extended7, &CpuidValues::edx, 8},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DecodeCpuid(WithBit(c.leaf, c.reg, c.bit)).features, CpuFeatures(c.feature))
        << libk::testing::FormatToString("{}", CpuFeatures(c.feature));
  }
}

TEST(DecodeCpuid, EveryBitOfEveryLeafDecodesToAtMostOneFeature) {
  std::uint64_t seen = 0;
  for (CpuidValues CpuidLeaves::* const leaf : {&CpuidLeaves::leaf1, &CpuidLeaves::leaf7,
                                                &CpuidLeaves::extended1, &CpuidLeaves::extended7}) {
    for (std::uint32_t CpuidValues::* const reg :
         {&CpuidValues::ebx, &CpuidValues::ecx, &CpuidValues::edx}) {
      for (unsigned bit = 0; bit < 32; ++bit) {
        const std::uint64_t bits = DecodeCpuid(WithBit(leaf, reg, bit)).features.bits();
        EXPECT_LE(__builtin_popcountll(bits), 1);
        EXPECT_EQ(bits & seen, 0U);
        seen |= bits;
      }
    }
  }
  EXPECT_EQ(seen, CpuFeatures::All().bits());  // Every feature is reachable.
}

TEST(DecodeCpuid, AddressWidthsAndVendor) {
  CpuidLeaves leaves;
  leaves.leaf0 = kIntelLeaf0;
  leaves.extended8.eax = 0x3028;  // 40-bit physical, 48-bit linear.
  CpuInfo info = DecodeCpuid(leaves);
  EXPECT_EQ(info.physical_address_bits, 36);  // 0x80000008 is above the maximum (0).
  EXPECT_EQ(std::string(info.vendor), "GenuineIntel");
  leaves.extended0.eax = 0x80000008;
  info = DecodeCpuid(leaves);
  EXPECT_EQ(info.physical_address_bits, 40);
  EXPECT_EQ(info.linear_address_bits, 48);
}

TEST(DecodeCpuid, Formatting) {
  CpuidLeaves leaves;
  leaves.leaf0 = kIntelLeaf0;
  leaves.extended0.eax = 0x80000008;
  leaves.extended1.edx = (1U << 20) | (1U << 26);
  leaves.extended8.eax = 0x3028;
  EXPECT_EQ(libk::testing::FormatToString("{}", DecodeCpuid(leaves)),
            "GenuineIntel, 40-bit physical, 48-bit linear: NX | PDPE1GB");
}

}  // namespace
}  // namespace libk::x86_64
