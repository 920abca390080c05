#include "libk/arch/x86_64/gate_descriptor.h"

#include <array>
#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace libk::x86_64 {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

GateDescription GenGateDescription() {
  GateDescription d;
  d.offset = *rc::gen::arbitrary<std::uint64_t>();
  d.selector = SegmentSelector::FromRaw(*rc::gen::arbitrary<std::uint16_t>());
  d.stack = static_cast<InterruptStack>(*rc::gen::inRange(0, 8));
  d.type = *rc::gen::element(GateType::kInterrupt, GateType::kTrap);
  d.dpl = static_cast<PrivilegeLevel>(*rc::gen::inRange(0, 4));
  d.present = *rc::gen::arbitrary<bool>();
  return d;
}

// The reference layout, byte by byte from Intel SDM vol. 3A figure 6-8.
Bytes ModelGateBytes(const GateDescription& d) {
  Bytes b{};
  b[0] = d.offset & 0xff;
  b[1] = (d.offset >> 8) & 0xff;
  b[2] = d.selector.raw() & 0xff;
  b[3] = d.selector.raw() >> 8;
  b[4] = static_cast<int>(d.stack);  // Bits 3-7 are zero.
  b[5] = static_cast<int>(d.type) | (static_cast<int>(d.dpl) << 5) | (d.present << 7);
  for (int i = 2; i < 8; ++i) b[4 + i] = (d.offset >> (8 * i)) & 0xff;
  return b;  // Bytes 12-15 are reserved and zero.
}

RC_GTEST_PROP(GateDescriptor, DecodeInvertsEncode, ()) {
  const GateDescription d = GenGateDescription();
  RC_ASSERT(GateDescriptor::Encode(d).Decode() == d);
}

RC_GTEST_PROP(GateDescriptor, EncodeMatchesByteLayout, ()) {
  const GateDescription d = GenGateDescription();
  const GateDescriptor gate = GateDescriptor::Encode(d);
  Bytes bytes;
  std::memcpy(bytes.data(), &gate, sizeof(gate));
  RC_ASSERT(bytes == ModelGateBytes(d));
  RC_ASSERT(gate.present() == d.present);
}

TEST(GateDescriptor, InterruptGateKnownAnswer) {
  const GateDescriptor gate = GateDescriptor::Encode({.offset = 0xffffffff80101234,
                                                      .selector = SegmentSelector::FromRaw(0x08),
                                                      .stack = InterruptStack::kIst1,
                                                      .type = GateType::kInterrupt,
                                                      .present = true});
  EXPECT_EQ(gate.low(), 0x80108e0100081234U);
  EXPECT_EQ(gate.high(), 0x00000000ffffffffU);
}

TEST(GateDescriptor, TrapGateForUserKnownAnswer) {
  // A ring-3 reachable trap gate (e.g. for int3), handler 0x00401000, selector 0x08.
  const GateDescriptor gate = GateDescriptor::Encode({.offset = 0x00401000,
                                                      .selector = SegmentSelector::FromRaw(0x08),
                                                      .type = GateType::kTrap,
                                                      .dpl = PrivilegeLevel::kRing3,
                                                      .present = true});
  EXPECT_EQ(gate.low(), 0x0040ef0000081000U);
  EXPECT_EQ(gate.high(), 0U);
}

TEST(GateDescriptor, DefaultIsNotPresent) {
  EXPECT_FALSE(GateDescriptor().present());
  EXPECT_EQ(GateDescriptor().low(), 0U);
}

}  // namespace
}  // namespace libk::x86_64
