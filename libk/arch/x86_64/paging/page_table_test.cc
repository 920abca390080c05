// PageTableEntry keeps the address and the flags apart (and every unknown bit as it is),
// PageTable is one frame of 512 entries, and CR3 values decode and encode losslessly.
#include "libk/arch/x86_64/paging/page_table.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/cr3.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/testing/format_to_string.h"

namespace libk::x86_64::paging {
namespace {

using libk::testing::FormatToString;

constexpr std::uint64_t kAddressBits = 0x000f'ffff'ffff'f000;

TEST(PageTableEntry, AddressAndFlagsRoundTrip) {
  EXPECT_TRUE(rc::check([](std::uint64_t bits) {
    const PageTableEntry entry = PageTableEntry::FromBits(bits);
    RC_ASSERT(entry.bits() == bits);
    RC_ASSERT(entry.addr().value() == (bits & kAddressBits));
    RC_ASSERT(entry.flags().bits() == (bits & ~kAddressBits));
    RC_ASSERT(entry.IsPresent() == ((bits & 1) != 0));
    RC_ASSERT(entry.IsHugePage() == ((bits & 0x80) != 0));
    RC_ASSERT(entry.IsUnused() == (bits == 0));

    PageTableEntry rebuilt;
    rebuilt.SetAddr(entry.addr(), entry.flags());
    RC_ASSERT(rebuilt == entry);

    // SetFlags keeps the address; Set keeps the flags.
    const auto flags =
        PageTableFlags::FromBitsRetain(*rc::gen::arbitrary<std::uint64_t>() & ~kAddressBits);
    PageTableEntry reflagged = entry;
    reflagged.SetFlags(flags);
    RC_ASSERT(reflagged.addr() == entry.addr());
    RC_ASSERT(reflagged.flags() == flags);
    const auto frame = PhysFrame<Size4KiB>::Containing(
        PhysAddr::NewTruncate(*rc::gen::arbitrary<std::uint64_t>()));
    PageTableEntry moved = entry;
    moved.Set(frame, entry.flags());
    RC_ASSERT(moved.addr() == frame.StartAddress());
    RC_ASSERT(moved.flags() == entry.flags());
  }));
}

TEST(PageTableEntry, KnownBitsAreTheHardwareBits) {
  PageTableEntry entry;
  entry.Set(PhysFrame<Size2MiB>::Containing(PhysAddr::New(0x4020'0000)),
            PageTableFlag::kPresent | PageTableFlag::kWritable | PageTableFlag::kHugePage |
                PageTableFlag::kNoExecute);
  EXPECT_EQ(entry.bits(), 0x8000'0000'4020'0083U);
  entry.SetUnused();
  EXPECT_TRUE(entry.IsUnused());
}

std::string Here(int line) { return "page_table_test.cc:" + std::to_string(line); }

TEST(PageTableEntryDeathTest, RefusesMisalignedAddressesAndFlagsInTheAddressField) {
  PageTableEntry entry;
  EXPECT_DEATH(entry.SetAddr(PhysAddr::New(0x1001), PageTableFlag::kPresent),
               Here(__LINE__) + ".*not 4 KiB aligned");
  EXPECT_DEATH(entry.SetFlags(PageTableFlags::FromBitsRetain(0x1000)),
               Here(__LINE__) + ".*overlap the address field");
}

TEST(PageTable, LayoutAndEmptiness) {
  static_assert(sizeof(PageTable) == 4096 && alignof(PageTable) == 4096);
  static_assert(PageTable::kEntryCount == 512);
  PageTable table;
  EXPECT_TRUE(table.IsEmpty());
  table[PageTableIndex::New(511)] = PageTableEntry::FromBits(0x8000'0000'0000'0000);
  EXPECT_FALSE(table.IsEmpty());
  std::size_t used = 0;
  for (const PageTableEntry& entry : table) used += entry.IsUnused() ? 0 : 1;
  EXPECT_EQ(used, 1U);
  table.Zero();
  EXPECT_TRUE(table.IsEmpty());
}

TEST(Cr3, DecodeEncodeRoundTrip) {
  EXPECT_TRUE(rc::check([](std::uint64_t value) {
    const Cr3 cr3 = Cr3::Decode(value);
    RC_ASSERT(cr3.root.StartAddress().value() == (value & kAddressBits));
    RC_ASSERT(cr3.flags.bits() == (value & 0xfff));
    RC_ASSERT(cr3.Encode() == (value & (kAddressBits | 0xfff)));
    RC_ASSERT(Cr3::Decode(cr3.Encode()) == cr3);
  }));
  const Cr3 cr3 = Cr3::Decode(0x10'3018);
  EXPECT_EQ(cr3.root.StartAddress(), PhysAddr::New(0x10'3000));
  EXPECT_EQ(cr3.flags, Cr3Flag::kPageLevelWriteThrough | Cr3Flag::kPageLevelCacheDisable);
}

TEST(PageTable, Formatting) {
  EXPECT_EQ(FormatToString("{}", PageTableEntry()), "PageTableEntry(unused)");
  EXPECT_EQ(FormatToString("{}", PageTableEntry::FromBits(0x8000'0000'0000'5003)),
            "PageTableEntry(PhysAddr(0x5000), PRESENT | WRITABLE | NO_EXECUTE)");
  EXPECT_EQ(FormatToString("{}", PageTableEntry::FromBits(0x0010'0000'0000'0001)),
            "PageTableEntry(PhysAddr(0x0), PRESENT | 0x10000000000000)");
  EXPECT_EQ(FormatToString("{}", Cr3::Decode(0x10'3008)),
            "Cr3(PhysFrame<4KiB>(PhysAddr(0x103000)), PAGE_LEVEL_WRITE_THROUGH)");
}

}  // namespace
}  // namespace libk::x86_64::paging
