// The whole memory stack on simulated RAM: a BitmapFrameAllocator fed by a random memory
// map, a Mapper building the heap region from its frames through a PagedRegionSource, and
// each allocator design serving random alloc/free sequences that grow the region. At every
// step it agrees with a model: live blocks are aligned, inside the mapped region, disjoint
// and intact (fill patterns), the statistics add up, and failure happens only when the
// source refused (limit reached or frames gone). Whenever the region changes, exactly its
// pages are mapped, each to its own frame, and no frame is both a page table and heap
// memory; every frame the allocator handed out is one or the other (or the bitmap).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/region.h"
#include "libk/alloc/testing/heap_model.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/paged_region_source.h"
#include "libk/mm/testing/heap_range.h"
#include "libk/mm/testing/memory_maps.h"
#include "libk/multiboot2/types.h"

namespace {

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)
using libk::alloc::HeapStats;
using libk::mm::BitmapFrameAllocator;
using libk::mm::PhysRange;

constexpr std::size_t kPage = 4096;

// Physical memory anywhere below 2^52, a table made for a frame when it is first reached:
// random memory maps spread RAM too far for an array. A cheap view of tables it does not
// own, like SimulatedPhysicalMemory.
using TableMap = std::map<std::uint64_t, std::unique_ptr<PageTable>>;
class SparsePhysicalMemory {
 public:
  explicit SparsePhysicalMemory(TableMap& tables) : tables_(&tables) {}

  PageTable& TableAt(PhysFrame<Size4KiB> frame) const {
    std::unique_ptr<PageTable>& table = (*tables_)[frame.StartAddress().value()];
    if (table == nullptr) table = std::make_unique<PageTable>();
    return *table;
  }

 private:
  TableMap* tables_;
};
static_assert(PhysToVirt<SparsePhysicalMemory>);

using Access = libk::mm::PagingRefs<SparsePhysicalMemory, BitmapFrameAllocator>;
using Source = libk::mm::PagedRegionSource<Access>;

// Returns the frames of every table in the tree under `root` (the root included).
std::set<std::uint64_t> TableFrames(const Mapper<SparsePhysicalMemory>& mapper) {
  std::set<std::uint64_t> tables;
  std::vector<std::pair<PhysFrame<Size4KiB>, unsigned>> pending = {{mapper.root(), 4}};
  while (!pending.empty()) {
    const auto [table, level] = pending.back();
    pending.pop_back();
    tables.insert(table.StartAddress().value());
    if (level == 1) continue;
    for (const PageTableEntry& entry : mapper.memory().TableAt(table)) {
      if (entry.IsPresent() && !entry.IsHugePage()) {
        pending.emplace_back(PhysFrame<Size4KiB>::Containing(entry.addr()), level - 1);
      }
    }
  }
  return tables;
}

// Checks the paging side: exactly the region's pages mapped, each to a distinct frame
// that is no table, and every used frame a table, a heap page or the bitmap.
void CheckPaging(const Mapper<SparsePhysicalMemory>& mapper, const Source& source,
                 const BitmapFrameAllocator& frames) {
  const std::set<std::uint64_t> tables = TableFrames(mapper);
  std::set<std::uint64_t> heap;
  std::uint64_t index = 0;
  for (const Page<Size4KiB> page : source.reserved()) {
    const bool in_region = index > 0 && index + 1 < source.reserved().size() &&
                           (index - 1) * kPage < source.mapped_bytes();
    ++index;
    const auto translation = mapper.Translate(page.StartAddress());
    RC_ASSERT(translation.is_ok() == in_region);
    if (!in_region) continue;
    const std::uint64_t frame = translation.value().frame_start.value();
    RC_ASSERT(heap.insert(frame).second);
    RC_ASSERT(tables.count(frame) == 0U);
    RC_ASSERT(frames.IsUsed(PhysFrame<Size4KiB>::Containing(translation.value().frame_start)));
  }
  RC_ASSERT(frames.used_frames() == tables.size() + heap.size() + frames.bitmap_frames().size());
}

struct Live {
  std::byte* block;
  std::size_t size;
  std::size_t align;
  std::byte pattern;
};

template <typename A>
void RunStack() {  // NOLINT(readability-function-cognitive-complexity)
  const auto map = *libk::mm::testing::ArbitraryMemoryMap(12);
  std::vector<std::uint64_t> bitmap;
  auto created = BitmapFrameAllocator::Create(
      map, libk::Span<const PhysRange>(), PhysAddr::New((std::uint64_t{1} << 52) - kPage),
      [&bitmap](FrameRange<Size4KiB> /*frames*/, std::size_t words) {
        bitmap.assign(words, 0);
        return libk::Span<std::uint64_t>(bitmap.data(), words);
      });
  RC_PRE(created.is_ok());
  BitmapFrameAllocator frames = std::move(created).value();
  const auto root = frames.AllocateFrame();
  RC_PRE(root.has_value());
  TableMap tables;
  const SparsePhysicalMemory memory(tables);
  memory.TableAt(*root).Zero();
  Mapper<SparsePhysicalMemory> mapper(*root, memory);

  const std::uint64_t usable_pages = *rc::gen::inRange<std::uint64_t>(1, 513);
  const std::size_t limit = *rc::gen::inRange<std::size_t>(0, (usable_pages + 1) * kPage);
  const std::size_t initial = *rc::gen::inRange<std::size_t>(1, 5) * kPage;
  const auto reserved_start = Page<Size4KiB>::Containing(
      VirtAddr::New(0xffff'c000'0000'0000 + (*rc::gen::inRange<std::uint64_t>(0, 1024) * kPage)));
  const PageRange<Size4KiB> reserved(reserved_start, usable_pages + 2);
  const libk::mm::testing::HeapRangeBuffer buffer(usable_pages + 2);
  // SAFETY: the buffer stands for the reserved range; mapper and frames outlive the source.
  Source source(Access(mapper, frames), reserved, limit, buffer.data());
  const auto start = source.Init(initial);
  CheckPaging(mapper, source, frames);
  RC_CLASSIFY(start.is_error(), "no initial region");
  if (start.is_error()) {
    // Past the limit, or not enough frames: nothing was mapped.
    RC_ASSERT(source.mapped_bytes() == 0U);
    return;
  }
  libk::mm::testing::HeapRangeBuffer::Unpoison(start.value(), source.mapped_bytes());
  libk::mm::testing::UnpoisoningSource unpoisoning(source);
  A heap;
  // SAFETY: the buffer outlives the allocator, which alone uses the region.
  heap.Init(start.value(), source.mapped_bytes(), &unpoisoning);

  std::map<std::uintptr_t, Live> live;
  std::size_t in_use = 0;
  std::size_t next_pattern = 1;
  const auto check = [&] {
    const HeapStats stats = heap.Stats();
    RC_ASSERT(stats.bytes_in_use == in_use);
    RC_ASSERT(stats.live_allocations == live.size());
    RC_ASSERT(stats.region_bytes == source.mapped_bytes());
    RC_ASSERT(source.mapped_bytes() <= source.limit_bytes());
  };
  const auto free_block = [&](auto it) {
    const Live info = it->second;
    for (std::size_t i = 0; i < info.size; ++i) RC_ASSERT(info.block[i] == info.pattern);
    // SAFETY: from heap.Allocate(size, align), leaving the model now.
    RC_ASSERT(heap.Deallocate(info.block, info.size, info.align).is_ok());
    in_use -= info.size == 0 ? 1 : info.size;
    live.erase(it);
  };

  const auto ops = *rc::gen::scale(2.0, rc::gen::container<std::vector<libk::alloc::testing::Op>>(
                                            libk::alloc::testing::GenOp()));
  for (const auto& op : ops) {
    if (!op.allocate) {
      if (!live.empty()) {
        auto it = live.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(op.pick % live.size()));
        free_block(it);
      }
      check();
      continue;
    }
    const auto [size, align] = op.request;
    const std::size_t mapped = source.mapped_bytes();
    const std::size_t refusals = unpoisoning.refusals();
    void* ptr = heap.Allocate(size, align);
    if (source.mapped_bytes() != mapped) CheckPaging(mapper, source, frames);
    if (ptr == nullptr) {
      // Out of memory is reported, never corrupting: the source refused to grow.
      RC_ASSERT(unpoisoning.refusals() > refusals);
      check();
      continue;
    }
    const auto address = std::bit_cast<std::uintptr_t>(ptr);
    const auto base = std::bit_cast<std::uintptr_t>(source.start());
    const std::size_t counted = size == 0 ? 1 : size;
    RC_ASSERT(address % align == 0);
    RC_ASSERT(address >= base && address + counted <= base + source.mapped_bytes());
    auto next = live.lower_bound(address);
    if (next != live.end()) RC_ASSERT(address + counted <= next->first);
    if (next != live.begin()) {
      const auto prev = std::prev(next);
      RC_ASSERT(prev->first + std::max<std::size_t>(prev->second.size, 1) <= address);
    }
    const auto pattern = static_cast<std::byte>((next_pattern++ % 251) + 1);
    std::byte* block = libk::alloc::BytesOf(ptr);
    std::fill(block, block + size, pattern);
    live.emplace(address, Live{block, size, align, pattern});
    in_use += counted;
    check();
  }
  RC_CLASSIFY(heap.Stats().grow_count > 0, "grew");
  RC_CLASSIFY(unpoisoning.refusals() > 0, "out of memory");
  while (!live.empty()) free_block(live.begin());
  check();
  CheckPaging(mapper, source, frames);
}

TEST(HeapStackProperty, BumpAgreesWithTheModel) {
  EXPECT_TRUE(rc::check([] { RunStack<libk::alloc::BumpAllocator>(); }));
}

TEST(HeapStackProperty, LinkedListAgreesWithTheModel) {
  EXPECT_TRUE(rc::check([] { RunStack<libk::alloc::LinkedListAllocator>(); }));
}

TEST(HeapStackProperty, FixedBlockAgreesWithTheModel) {
  EXPECT_TRUE(rc::check([] { RunStack<libk::alloc::FixedBlockAllocator>(); }));
}

}  // namespace
