// BitmapFrameAllocator by example: GRUB's memory map for QEMU with 128 MiB, the bitmap's
// place, releasing in-use ranges, and the misuse that panics.
#include "libk/mm/bitmap_frame_allocator.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "libk/containers/span.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/values.h"
#include "libk/testing/format_to_string.h"

namespace libk::mm {
namespace {

using multiboot2::MemoryRegion;
using multiboot2::MemoryType;
using x86_64::paging::FrameRange;
using x86_64::paging::PhysAddr;
using x86_64::paging::PhysFrame;
using x86_64::paging::Size4KiB;

PhysFrame<Size4KiB> Frame(std::uint64_t address) {
  return PhysFrame<Size4KiB>::FromStartAddress(PhysAddr::New(address)).value();
}

// Creates allocators whose bitmaps live in host vectors.
class Storage {
 public:
  auto Reach() {
    return [this](FrameRange<Size4KiB> /*frames*/, std::size_t words) {
      words_.assign(words, 0);
      return Span<std::uint64_t>(words_);
    };
  }
  const std::vector<std::uint64_t>& words() const { return words_; }

 private:
  std::vector<std::uint64_t> words_;
};

TEST(BitmapFrameAllocator, GrubQemu128MiB) {
  std::vector<std::byte> bytes;
  for (const std::uint8_t byte : multiboot2::testing::kGrubQemu128M) {
    bytes.push_back(std::byte{byte});
  }
  // SAFETY: `bytes` holds the whole structure and outlives `info`.
  const multiboot2::Info info = multiboot2::Info::Parse(bytes.data(), bytes.size()).value();
  const PhysRange in_use[] = {
      {PhysAddr::New(0x10'0000), 0x20'0000},  // A 2 MiB kernel image at 1 MiB.
      {PhysAddr::New(0x9'e800), 0x100},       // Boot information in low memory.
  };
  Storage storage;
  BitmapFrameAllocator allocator =
      BitmapFrameAllocator::Create(info.MemoryMap(), Span<const PhysRange>(in_use),
                                   PhysAddr::New(0x4000'0000), storage.Reach())
          .value();
  // [0x1000, 0x9f000) and [0x100000, 0x7fe0000).
  EXPECT_EQ(allocator.total_frames(), (0x9fU - 1) + (0x7fe0U - 0x100));
  EXPECT_EQ(allocator.memory().runs().size(), 2U);
  // 32638 bits take 510 words: one frame, at the top of RAM.
  EXPECT_EQ(allocator.bitmap_frames(), FrameRange<Size4KiB>(Frame(0x7fd'f000), 1));
  EXPECT_EQ(allocator.used_frames(), 0x200U + 1 + 1);
  // The first frame handed out is the lowest free one, frame 1 (never 0).
  EXPECT_EQ(allocator.AllocateFrame(), Optional<PhysFrame<Size4KiB>>(Frame(0x1000)));
  EXPECT_FALSE(allocator.IsManaged(Frame(0)));
  EXPECT_FALSE(allocator.IsManaged(Frame(0x9f000)));
  EXPECT_TRUE(allocator.IsUsed(Frame(0x10'0000)));
}

TEST(BitmapFrameAllocator, ReleaseFreesAnInUseRange) {
  const MemoryRegion map[] = {{0, 0x10'0000, MemoryType::kAvailable}};
  const PhysRange tables = {PhysAddr::New(0x5800), 0x1000};  // Touches 0x5000 and 0x6000.
  Storage storage;
  BitmapFrameAllocator allocator =
      BitmapFrameAllocator::Create(Span<const MemoryRegion>(map), Span<const PhysRange>(&tables, 1),
                                   PhysAddr::New(0x10'0000), storage.Reach())
          .value();
  EXPECT_EQ(allocator.total_frames(), 255U);
  EXPECT_EQ(allocator.free_frames(), 255U - 2 - 1);
  EXPECT_TRUE(allocator.IsUsed(Frame(0x6000)));
  allocator.Release(tables);
  EXPECT_EQ(allocator.free_frames(), 255U - 1);
  EXPECT_FALSE(allocator.IsUsed(Frame(0x5000)));
}

TEST(BitmapFrameAllocator, MoveBitmapKeepsTheState) {
  const MemoryRegion map[] = {{0, 0x10'0000, MemoryType::kAvailable}};
  Storage storage;
  BitmapFrameAllocator allocator =
      BitmapFrameAllocator::Create(Span<const MemoryRegion>(map), Span<const PhysRange>(),
                                   PhysAddr::New(0x10'0000), storage.Reach())
          .value();
  const PhysFrame<Size4KiB> first = allocator.AllocateFrame().value();
  // The same words seen elsewhere (here: a copy, as a second mapping would show them).
  std::vector<std::uint64_t> moved(storage.words().begin(), storage.words().end());
  // SAFETY: `moved` holds the bitmap's state and outlives the allocator.
  allocator.MoveBitmap(Span<std::uint64_t>(moved));
  EXPECT_TRUE(allocator.IsUsed(first));
  const PhysFrame<Size4KiB> second = allocator.AllocateFrame().value();
  EXPECT_NE(first, second);
  EXPECT_NE(moved, storage.words());  // The allocator writes to the new view only.
  allocator.DeallocateFrame(first);
  allocator.DeallocateFrame(second);
}

TEST(BitmapFrameAllocator, NoUsableMemoryNeedsNoBitmap) {
  const MemoryRegion map[] = {{0, 0x1000, MemoryType::kAvailable}};
  bool reached = false;
  auto allocator = BitmapFrameAllocator::Create(
      Span<const MemoryRegion>(map), Span<const PhysRange>(), PhysAddr::New(0x1000),
      [&](FrameRange<Size4KiB> /*frames*/, std::size_t /*words*/) {
        reached = true;
        return Span<std::uint64_t>();
      });
  ASSERT_TRUE(allocator.is_ok());
  EXPECT_FALSE(reached);
  EXPECT_EQ(allocator.value().total_frames(), 0U);
  EXPECT_FALSE(allocator.value().AllocateFrame().has_value());
}

TEST(BitmapFrameAllocator, MovedFromManagesNothing) {
  const MemoryRegion map[] = {{0x1000, 0x10'0000, MemoryType::kAvailable}};
  Storage storage;
  BitmapFrameAllocator first =
      BitmapFrameAllocator::Create(Span<const MemoryRegion>(map), Span<const PhysRange>(),
                                   PhysAddr::New(0x20'0000), storage.Reach())
          .value();
  BitmapFrameAllocator second(std::move(first));
  // NOLINTBEGIN(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the point.
  EXPECT_EQ(first.total_frames(), 0U);
  EXPECT_FALSE(first.AllocateFrame().has_value());
  // NOLINTEND(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
  EXPECT_TRUE(second.AllocateFrame().has_value());
}

TEST(BitmapFrameAllocator, NoRoomForTheBitmapBelowTheLimit) {
  const MemoryRegion map[] = {{0x1000, 0x10'0000, MemoryType::kAvailable}};
  const PhysRange everything = {PhysAddr::New(0), 0x10'0000};
  Storage storage;
  EXPECT_EQ(BitmapFrameAllocator::Create(Span<const MemoryRegion>(map),
                                         Span<const PhysRange>(&everything, 1),
                                         PhysAddr::New(0x10'0000), storage.Reach())
                .error(),
            FrameAllocatorError::kNoRoomForBitmap);
  EXPECT_EQ(libk::testing::FormatToString("{}", FrameAllocatorError::kNoRoomForBitmap),
            "no free run of frames below the storage limit holds the bitmap");
}

TEST(BitmapFrameAllocatorDeathTest, MisusePanics) {
  const MemoryRegion map[] = {{0x1000, 0x10'0000, MemoryType::kAvailable}};
  Storage storage;
  BitmapFrameAllocator allocator =
      BitmapFrameAllocator::Create(Span<const MemoryRegion>(map), Span<const PhysRange>(),
                                   PhysAddr::New(0x20'0000), storage.Reach())
          .value();
  const PhysFrame<Size4KiB> frame = allocator.AllocateFrame().value();
  allocator.DeallocateFrame(frame);
  EXPECT_DEATH(allocator.DeallocateFrame(frame),
               "deallocating PhysFrame<4KiB>\\(PhysAddr\\(0x1000\\)\\), which is free");
  EXPECT_DEATH(allocator.DeallocateFrame(Frame(0)),
               "deallocating PhysFrame<4KiB>\\(PhysAddr\\(0x0\\)\\), which is not usable memory");
  EXPECT_DEATH(allocator.Release({PhysAddr::New(0x2000), 1}), "which is free");
}

}  // namespace
}  // namespace libk::mm
