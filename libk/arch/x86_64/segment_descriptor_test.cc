#include "libk/arch/x86_64/segment_descriptor.h"

#include <array>
#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/arch/x86_64/gdt_table.h"
#include "libk/arch/x86_64/segment_selector.h"
#include "libk/arch/x86_64/task_state_segment.h"

namespace libk::x86_64 {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

template <typename T>
Bytes BytesOf(const T& value) {
  static_assert(sizeof(T) <= 16);
  Bytes bytes{};
  std::memcpy(bytes.data(), &value, sizeof(T));
  return bytes;
}

rc::Gen<PrivilegeLevel> GenPrivilegeLevel() {
  return rc::gen::element(PrivilegeLevel::kRing0, PrivilegeLevel::kRing1, PrivilegeLevel::kRing2,
                          PrivilegeLevel::kRing3);
}

SegmentDescription GenSegmentDescription() {
  SegmentDescription d;
  d.base = *rc::gen::arbitrary<std::uint32_t>();
  d.limit = *rc::gen::inRange<std::uint32_t>(0, 0x100000);
  d.accessed = *rc::gen::arbitrary<bool>();
  d.readable_writable = *rc::gen::arbitrary<bool>();
  d.conforming_expand_down = *rc::gen::arbitrary<bool>();
  d.executable = *rc::gen::arbitrary<bool>();
  d.code_or_data = *rc::gen::arbitrary<bool>();
  d.dpl = *GenPrivilegeLevel();
  d.present = *rc::gen::arbitrary<bool>();
  d.available = *rc::gen::arbitrary<bool>();
  // Valid descriptors only: L only on code, and never together with D/B.
  d.long_mode = d.executable && *rc::gen::arbitrary<bool>();
  d.default_size = !d.long_mode && *rc::gen::arbitrary<bool>();
  d.granularity = *rc::gen::arbitrary<bool>();
  return d;
}

// The reference layout, written byte by byte from Intel SDM vol. 3A figure 3-8.
Bytes ModelSegmentBytes(const SegmentDescription& d) {
  Bytes b{};
  b[0] = d.limit & 0xff;
  b[1] = (d.limit >> 8) & 0xff;
  b[2] = d.base & 0xff;
  b[3] = (d.base >> 8) & 0xff;
  b[4] = (d.base >> 16) & 0xff;
  b[5] = (d.accessed << 0) | (d.readable_writable << 1) | (d.conforming_expand_down << 2) |
         (d.executable << 3) | (d.code_or_data << 4) | (static_cast<int>(d.dpl) << 5) |
         (d.present << 7);
  b[6] = ((d.limit >> 16) & 0xf) | (d.available << 4) | (d.long_mode << 5) | (d.default_size << 6) |
         (d.granularity << 7);
  b[7] = (d.base >> 24) & 0xff;
  return b;
}

RC_GTEST_PROP(SegmentDescriptor, DecodeInvertsEncode, ()) {
  const SegmentDescription d = GenSegmentDescription();
  RC_ASSERT(SegmentDescriptor::Encode(d).Decode() == d);
}

RC_GTEST_PROP(SegmentDescriptor, EncodeMatchesByteLayout, ()) {
  const SegmentDescription d = GenSegmentDescription();
  RC_ASSERT(BytesOf(SegmentDescriptor::Encode(d)) == ModelSegmentBytes(d));
}

RC_GTEST_PROP(SegmentDescriptor, EncodeInvertsDecodeOnValidBits, (std::uint64_t raw)) {
  const SegmentDescription d = SegmentDescriptor::FromRaw(raw).Decode();
  RC_PRE(!(d.long_mode && d.default_size) && (!d.long_mode || d.executable));
  RC_ASSERT(SegmentDescriptor::Encode(d).raw() == raw);
}

TEST(SegmentDescriptor, KnownAnswers) {
  EXPECT_EQ(SegmentDescriptor::KernelCode64().raw(), 0x00af9a000000ffffU);
  EXPECT_EQ(SegmentDescriptor::KernelData().raw(), 0x00cf92000000ffffU);
  EXPECT_EQ(SegmentDescriptor::UserCode64().raw(), 0x00affa000000ffffU);
  EXPECT_EQ(SegmentDescriptor::UserData().raw(), 0x00cff2000000ffffU);
  const SegmentDescription minimal_code = SegmentDescriptor::FromRaw(0x00209a0000000000).Decode();
  EXPECT_TRUE(minimal_code.executable && minimal_code.readable_writable && minimal_code.long_mode);
  EXPECT_TRUE(minimal_code.present && minimal_code.code_or_data);
  EXPECT_EQ(minimal_code.dpl, PrivilegeLevel::kRing0);
  EXPECT_FALSE(minimal_code.granularity || minimal_code.default_size || minimal_code.accessed);
  const SegmentDescription minimal_data = SegmentDescriptor::FromRaw(0x0000920000000000).Decode();
  EXPECT_TRUE(minimal_data.readable_writable && minimal_data.present);
  EXPECT_FALSE(minimal_data.executable || minimal_data.long_mode);
  // The null descriptor.
  EXPECT_EQ(SegmentDescriptor().raw(), 0U);
  EXPECT_EQ(SegmentDescriptor::Encode({}).raw(), 0U);
}

TEST(SegmentDescriptorDeathTest, RejectsInvalidDescriptions) {
  EXPECT_DEATH(SegmentDescriptor::Encode({.limit = 0x100000}), "20 bits");
  EXPECT_DEATH(
      SegmentDescriptor::Encode({.executable = true, .long_mode = true, .default_size = true}),
      "L and D/B");
  EXPECT_DEATH(SegmentDescriptor::Encode({.long_mode = true}), "data segment");
}

SystemSegmentDescription GenSystemDescription() {
  SystemSegmentDescription d;
  d.base = *rc::gen::arbitrary<std::uint64_t>();
  d.limit = *rc::gen::inRange<std::uint32_t>(0, 0x100000);
  d.type = *rc::gen::element(SystemSegmentType::kLdt, SystemSegmentType::kTssAvailable,
                             SystemSegmentType::kTssBusy);
  d.dpl = *GenPrivilegeLevel();
  d.present = *rc::gen::arbitrary<bool>();
  d.available = *rc::gen::arbitrary<bool>();
  d.granularity = *rc::gen::arbitrary<bool>();
  return d;
}

// Intel SDM vol. 3A figure 8-4 (64-bit TSS descriptor), byte by byte.
Bytes ModelSystemBytes(const SystemSegmentDescription& d) {
  Bytes b{};
  for (int i = 0; i < 2; ++i) b[i] = (d.limit >> (8 * i)) & 0xff;
  for (int i = 0; i < 3; ++i) b[2 + i] = (d.base >> (8 * i)) & 0xff;
  b[5] = static_cast<int>(d.type) | (static_cast<int>(d.dpl) << 5) | (d.present << 7);
  b[6] = ((d.limit >> 16) & 0xf) | (d.available << 4) | (d.granularity << 7);
  for (int i = 0; i < 5; ++i) b[7 + i] = (d.base >> (24 + 8 * i)) & 0xff;
  return b;  // Bytes 12-15 are reserved and zero.
}

RC_GTEST_PROP(SystemSegmentDescriptor, DecodeInvertsEncode, ()) {
  const SystemSegmentDescription d = GenSystemDescription();
  RC_ASSERT(SystemSegmentDescriptor::Encode(d).Decode() == d);
}

RC_GTEST_PROP(SystemSegmentDescriptor, EncodeMatchesByteLayout, ()) {
  const SystemSegmentDescription d = GenSystemDescription();
  RC_ASSERT(BytesOf(SystemSegmentDescriptor::Encode(d)) == ModelSystemBytes(d));
}

TEST(SystemSegmentDescriptor, TssKnownAnswer) {
  const auto tss = SystemSegmentDescriptor::Tss(0xffffffff80123456, sizeof(TaskStateSegment));
  EXPECT_EQ(tss.low(), 0x8000891234560067U);
  EXPECT_EQ(tss.high(), 0x00000000ffffffffU);
  const SystemSegmentDescription d = tss.Decode();
  EXPECT_EQ(d.type, SystemSegmentType::kTssAvailable);
  EXPECT_EQ(d.base, 0xffffffff80123456U);
  EXPECT_EQ(d.limit, 103U);
}

RC_GTEST_PROP(SegmentSelector, FieldsRoundTrip, ()) {
  const auto index = *rc::gen::inRange<std::uint16_t>(0, SegmentSelector::kMaxIndex + 1);
  const auto table = *rc::gen::element(TableIndicator::kGdt, TableIndicator::kLdt);
  const PrivilegeLevel rpl = *GenPrivilegeLevel();
  const SegmentSelector selector(index, table, rpl);
  RC_ASSERT(selector.index() == index);
  RC_ASSERT(selector.table() == table);
  RC_ASSERT(selector.rpl() == rpl);
  RC_ASSERT(selector.raw() ==
            ((index << 3) | (static_cast<int>(table) << 2) | static_cast<int>(rpl)));
}

RC_GTEST_PROP(SegmentSelector, RawRoundTrips, (std::uint16_t raw)) {
  const SegmentSelector s = SegmentSelector::FromRaw(raw);
  RC_ASSERT(SegmentSelector(s.index(), s.table(), s.rpl()).raw() == raw);
}

TEST(SegmentSelectorDeathTest, RejectsWideIndex) {
  EXPECT_DEATH(SegmentSelector(0x2000, TableIndicator::kGdt, PrivilegeLevel::kRing0), "13 bits");
}

TEST(TaskStateSegment, StacksLandInTheirSlots) {
  TaskStateSegment tss;
  EXPECT_EQ(tss.iomap_base, 104);
  tss.SetPrivilegeStack(PrivilegeLevel::kRing0, 0x1000);
  tss.SetInterruptStack(InterruptStack::kIst1, 0x2000);
  tss.SetInterruptStack(InterruptStack::kIst7, 0x3000);
  std::array<std::uint8_t, sizeof(TaskStateSegment)> raw{};
  std::memcpy(raw.data(), &tss, sizeof(tss));
  auto word_at = [&raw](int offset) {
    std::uint64_t word = 0;
    std::memcpy(&word, raw.data() + offset, 8);
    return word;
  };
  EXPECT_EQ(word_at(0x04), 0x1000U);  // RSP0
  EXPECT_EQ(word_at(0x24), 0x2000U);  // IST1
  EXPECT_EQ(word_at(0x54), 0x3000U);  // IST7
  EXPECT_EQ(raw[0x66] | (raw[0x67] << 8), 104);
  EXPECT_EQ(tss.PrivilegeStack(PrivilegeLevel::kRing0), 0x1000U);
  EXPECT_EQ(tss.GetInterruptStack(InterruptStack::kIst7), 0x3000U);
}

TEST(TaskStateSegmentDeathTest, RejectsMissingSlots) {
  TaskStateSegment tss;
  EXPECT_DEATH(tss.SetInterruptStack(InterruptStack::kNone, 1), "no IST slot");
  EXPECT_DEATH(tss.SetPrivilegeStack(PrivilegeLevel::kRing3, 1), "no privilege stack");
}

TEST(GdtTable, AppendsAndReturnsSelectors) {
  GdtTable<8> gdt;
  EXPECT_EQ(gdt.Append(SegmentDescriptor::KernelCode64()).raw(), 0x08);
  EXPECT_EQ(gdt.Append(SegmentDescriptor::KernelData()).raw(), 0x10);
  EXPECT_EQ(gdt.Append(SegmentDescriptor::UserData()).raw(), 0x1b);
  EXPECT_EQ(gdt.Append(SegmentDescriptor::UserCode64()).raw(), 0x23);
  const auto tss = SystemSegmentDescriptor::Tss(0x5000, sizeof(TaskStateSegment));
  EXPECT_EQ(gdt.Append(tss).raw(), 0x28);
  EXPECT_EQ(gdt.size(), 7);
  EXPECT_EQ(gdt.limit(), 55);
  EXPECT_EQ(gdt.slot(0), 0U);
  EXPECT_EQ(gdt.slot(5), tss.low());
  EXPECT_EQ(gdt.slot(6), tss.high());
  EXPECT_EQ(gdt.slot(7), 0U);
  EXPECT_DEATH(gdt.Append(tss), "GDT full");
}

}  // namespace
}  // namespace libk::x86_64
