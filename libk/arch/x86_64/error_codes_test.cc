#include "libk/arch/x86_64/error_codes.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/arch/x86_64/exception_vector.h"

namespace libk::x86_64 {
namespace {

// The page-fault error code bits, from Intel SDM vol. 3A figure 4-12.
struct FlagBit {
  PageFaultFlag flag;
  int bit;
};
constexpr FlagBit kPageFaultBits[] = {
    {PageFaultFlag::kPresent, 0},
    {PageFaultFlag::kWrite, 1},
    {PageFaultFlag::kUser, 2},
    {PageFaultFlag::kReservedWrite, 3},
    {PageFaultFlag::kInstructionFetch, 4},
    {PageFaultFlag::kProtectionKey, 5},
    {PageFaultFlag::kShadowStack, 6},
    {PageFaultFlag::kSgx, 15},
};

RC_GTEST_PROP(PageFaultErrorCode, ContainsMatchesTheBit, (std::uint64_t raw)) {
  const auto code = PageFaultErrorCode::FromBitsRetain(raw);
  std::uint64_t known = 0;
  for (const FlagBit& fb : kPageFaultBits) {
    RC_ASSERT(code.Contains(fb.flag) == (((raw >> fb.bit) & 1) != 0));
    known |= std::uint64_t{1} << fb.bit;
  }
  RC_ASSERT(PageFaultErrorCode::kAllBits == known);
  RC_ASSERT(code.bits() == raw);
}

RC_GTEST_PROP(PageFaultErrorCode, WithSetsOnlyThatFlag, (std::uint64_t raw)) {
  std::vector<PageFaultFlag> all;
  for (const auto& entry : PageFaultErrorCode::kDefinition.names) all.push_back(entry.flag);
  const auto flag = *rc::gen::elementOf(all);
  const auto before = PageFaultErrorCode::FromBitsRetain(raw);
  const PageFaultErrorCode after = before | flag;
  RC_ASSERT(after.Contains(flag));
  for (const PageFaultFlag other : all) {
    if (other != flag) RC_ASSERT(after.Contains(other) == before.Contains(other));
  }
  RC_ASSERT((after.bits() & ~PageFaultErrorCode::kAllBits) ==
            (raw & ~PageFaultErrorCode::kAllBits));
}

TEST(PageFaultErrorCode, UserWriteToMissingPage) {
  const auto code = PageFaultErrorCode::FromBitsRetain(0b110);
  EXPECT_FALSE(code.Contains(PageFaultFlag::kPresent));
  EXPECT_TRUE(code.Contains(PageFaultFlag::kWrite));
  EXPECT_TRUE(code.Contains(PageFaultFlag::kUser));
  EXPECT_FALSE(code.Contains(PageFaultFlag::kInstructionFetch));
  EXPECT_EQ(code, PageFaultFlag::kWrite | PageFaultFlag::kUser);
}

RC_GTEST_PROP(SelectorErrorCode, DecodeInvertsEncode, ()) {
  SelectorErrorCode code;
  code.external = *rc::gen::arbitrary<bool>();
  code.table =
      *rc::gen::element(DescriptorTable::kGdt, DescriptorTable::kIdt, DescriptorTable::kLdt);
  code.index = *rc::gen::inRange<std::uint16_t>(0, 0x2000);
  RC_ASSERT(SelectorErrorCode::Decode(code.Encode()) == code);
}

RC_GTEST_PROP(SelectorErrorCode, DecodeReadsTheBits, (std::uint16_t raw)) {
  const SelectorErrorCode code = SelectorErrorCode::Decode(raw);
  RC_ASSERT(code.external == ((raw & 1) != 0));
  RC_ASSERT(code.index == (raw >> 3));
  const DescriptorTable expected = (raw & 2)   ? DescriptorTable::kIdt
                                   : (raw & 4) ? DescriptorTable::kLdt
                                               : DescriptorTable::kGdt;
  RC_ASSERT(code.table == expected);
}

TEST(SelectorErrorCode, KnownAnswers) {
  // #GP while delivering vector 0x80 through the IDT: index 0x80, IDT bit.
  const SelectorErrorCode idt = SelectorErrorCode::Decode(0x402);
  EXPECT_EQ(idt.table, DescriptorTable::kIdt);
  EXPECT_EQ(idt.index, 0x80);
  EXPECT_FALSE(idt.external);
  // #NP on GDT selector 0x28 during an external interrupt.
  const SelectorErrorCode np = SelectorErrorCode::Decode(0x29);
  EXPECT_EQ(np.table, DescriptorTable::kGdt);
  EXPECT_EQ(np.index, 5);
  EXPECT_TRUE(np.external);
}

TEST(ExceptionVector, ErrorCodeVectorsFollowTheSdm) {
  const std::set<int> with_error_code = {8, 10, 11, 12, 13, 14, 17, 21, 29, 30};
  for (int v = 0; v < 256; ++v) {
    EXPECT_EQ(HasErrorCode(static_cast<ExceptionVector>(v)), with_error_code.count(v) == 1)
        << "vector " << v;
  }
}

TEST(ExceptionVector, NamesAreDistinct) {
  std::set<std::string> names;
  for (int v = 0; v < kFirstInterruptVector; ++v) {
    const char* name = ExceptionName(static_cast<ExceptionVector>(v));
    ASSERT_NE(name, nullptr);
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
  }
  EXPECT_STREQ(ExceptionName(ExceptionVector::kPageFault), "page fault");
  EXPECT_STREQ(ExceptionName(ExceptionVector::kDoubleFault), "double fault");
  EXPECT_STREQ(ExceptionName(ExceptionVector::kControlProtection), "control protection");
  EXPECT_STREQ(ExceptionName(static_cast<ExceptionVector>(32)), "interrupt");
}

TEST(ExceptionVector, NumbersFollowTheSdm) {
  EXPECT_EQ(static_cast<int>(ExceptionVector::kBreakpoint), 3);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kDoubleFault), 8);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kGeneralProtection), 13);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kPageFault), 14);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kMachineCheck), 18);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kControlProtection), 21);
  EXPECT_EQ(static_cast<int>(ExceptionVector::kSecurity), 30);
}

}  // namespace
}  // namespace libk::x86_64
