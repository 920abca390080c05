// PagedRegionSource: the heap's RegionSource in a kernel. It grows the heap region by
// mapping 4 KiB frames at its end, inside a reserved virtual range whose first and last
// pages are guard pages that are never mapped, up to a limit. It is generic over how the
// mapper and the frame allocator are reached (PagingAccess), so the host tests it over
// simulated page tables and the kernel over its live ones (docs/allocators.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/alloc/region.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/frame_allocator.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/mapper_types.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::mm {

namespace paging = x86_64::paging;

// How a PagedRegionSource reaches the page tables and the frame allocator of the address
// space its heap lives in: `With(f)` calls f(Mapper<Memory>&, Frames&) under whatever
// lock guards them (the kernel's address-space lock), and returns what f returns.
template <typename P>
concept PagingAccess = paging::PhysToVirt<typename P::Memory> &&
                       paging::FrameAllocator<typename P::Frames> && requires(P& access) {
                         access.With([](paging::Mapper<typename P::Memory>& /*mapper*/,
                                        typename P::Frames& /*frames*/) {});
                       };

// A PagingAccess over a mapper and a frame allocator used by one CPU at a time, with no
// lock of its own: host tests, test kernels, and code that runs before other CPUs do.
template <paging::PhysToVirt M, paging::FrameAllocator A>
class PagingRefs {
 public:
  using Memory = M;
  using Frames = A;

  // Safety: `mapper` and `frames` must outlive this object (and every copy), and nothing
  // else may use them while With runs.
  PagingRefs(paging::Mapper<M>& mapper, A& frames) : mapper_(&mapper), frames_(&frames) {}

  template <typename F>
  decltype(auto) With(F&& f) {
    return std::forward<F>(f)(*mapper_, *frames_);
  }

 private:
  paging::Mapper<M>* mapper_;
  A* frames_;
};

// Grows a heap region page by page inside `reserved`: [reserved.start + 1 page,
// reserved.end - 1 page) is usable, and the region is the first mapped_bytes() of it.
// Invariants: exactly the pages of the region are mapped in `reserved` (writable, not
// executable, each to its own frame from the frame allocator); the guard pages and the
// pages past the region are not; mapped_bytes() <= limit_bytes() <= the usable size.
template <PagingAccess P>
class PagedRegionSource final : public alloc::RegionSource {
 public:
  using Memory = typename P::Memory;
  using Frames = typename P::Frames;

  static constexpr std::size_t kPageBytes = paging::Size4KiB::kSize;
  // Grow maps at least this much at a time (less only at the limit): one call into the
  // mapper (and its lock) per 16 pages rather than per page, while a small heap stays
  // small. An allocator asks for what it lacks; the rest stays ready at the region's end.
  static constexpr std::size_t kGrowBytes = std::size_t{64} << 10;
  // What the heap's pages are mapped with: data, never code.
  static constexpr paging::PageTableFlags kFlags =
      paging::PageTableFlag::kWritable | paging::PageTableFlag::kNoExecute;

  // Prepares a region in `reserved` (its first and last pages are the guard pages) that
  // may grow to `limit` bytes, rounded down to whole pages and capped to the usable range.
  // Maps nothing until Init. `view` is where this code reaches reserved's first byte: the
  // same address in a kernel; in host tests, a host buffer standing in for the range.
  // Panics if `reserved` has fewer than 3 pages.
  // Safety: `view` must be valid for reserved.size() pages once they are mapped (in a
  // kernel: view's address is reserved's start); no one else may map or unmap pages in
  // `reserved` while the source lives; `access` as PagingRefs's.
  PagedRegionSource(P access, paging::PageRange<paging::Size4KiB> reserved, std::size_t limit,
                    std::byte* view)
      : access_(access), reserved_(reserved), view_(view) {
    LIBK_ASSERT(reserved.size() >= 3, "{} leaves no room between its guard pages", reserved);
    const std::size_t usable = (reserved.size() - 2) * kPageBytes;
    const std::size_t pages = alloc::RoundDown(limit, kPageBytes);
    limit_ = pages < usable ? pages : usable;
  }

  PagedRegionSource(const PagedRegionSource&) = delete;
  PagedRegionSource& operator=(const PagedRegionSource&) = delete;
  ~PagedRegionSource() = default;

  // Maps the first `initial` bytes of the region (rounded up to whole pages) and returns
  // its start, for the allocator's Init. Returns Error::kOutOfMemory if that passes the
  // limit or the frames run out; then nothing is mapped. Panics if called twice.
  Result<std::byte*> Init(std::size_t initial) {
    LIBK_ASSERT(!initialized_, "the heap region was mapped twice");
    if (initial > limit_) return Err(Error::kOutOfMemory);
    const std::size_t bytes = alloc::RoundUp(initial, kPageBytes);
    if (!MapPages(0, bytes / kPageBytes)) return Err(Error::kOutOfMemory);
    initialized_ = true;
    mapped_ = bytes;
    return start();
  }

  // Maps pages at the region's end: RoundUp(min_bytes, 4 KiB), but at least kGrowBytes
  // while the limit allows; if the frames for that many run out, just what min_bytes
  // needs. Returns the bytes mapped, or Error::kOutOfMemory (past the limit, no frames);
  // then nothing changed. Panics if `end` is not the region's end (the allocator and the
  // source disagree) or Init has not run.
  Result<std::size_t> Grow(std::byte* end, std::size_t min_bytes) override {
    LIBK_ASSERT(initialized_, "the heap region grew before it was mapped");
    LIBK_ASSERT(end == start() + mapped_, "the heap grew from {} but its region ends at {}",
                static_cast<const void*>(end), static_cast<const void*>(start() + mapped_));
    const std::size_t room = limit_ - mapped_;
    if (min_bytes > room) return Err(Error::kOutOfMemory);
    const std::size_t needed = alloc::RoundUp(min_bytes == 0 ? 1 : min_bytes, kPageBytes);
    const std::size_t wanted = needed < kGrowBytes ? kGrowBytes : needed;
    const std::size_t bytes = wanted < room ? wanted : room;
    const std::size_t first = mapped_ / kPageBytes;
    std::size_t grown = bytes;
    if (!MapPages(first, bytes / kPageBytes)) {
      if (needed == bytes || !MapPages(first, needed / kPageBytes)) {
        return Err(Error::kOutOfMemory);
      }
      grown = needed;
    }
    mapped_ += grown;
    return grown;
  }

  // Returns the region's first byte (after the lower guard page).
  std::byte* start() const { return view_ + kPageBytes; }
  // Returns the bytes mapped so far (the allocator's region size).
  std::size_t mapped_bytes() const { return mapped_; }
  // Returns the most the region may grow to.
  std::size_t limit_bytes() const { return limit_; }
  // Returns the reserved range, guard pages included.
  paging::PageRange<paging::Size4KiB> reserved() const { return reserved_; }
  // Returns the pages the region may grow into (reserved minus the guard pages).
  paging::PageRange<paging::Size4KiB> usable() const {
    return paging::PageRange<paging::Size4KiB>(reserved_.start() + 1, reserved_.size() - 2);
  }

 private:
  // Maps `count` pages from usable page `first` on, each to a fresh frame. On any failure
  // it unmaps and frees what it mapped and returns false: all or nothing.
  bool MapPages(std::size_t first, std::size_t count) {
    return access_.With([&](paging::Mapper<Memory>& mapper, Frames& frames) {
      const paging::Page<paging::Size4KiB> base = usable().start() + first;
      for (std::size_t i = 0; i < count; ++i) {
        if (!MapPage(mapper, frames, base + i)) {
          Unwind(mapper, frames, base, i);
          return false;
        }
      }
      return true;
    });
  }

  // Maps `page` to a fresh frame; returns false (having taken nothing) if there is none.
  static bool MapPage(paging::Mapper<Memory>& mapper, Frames& frames,
                      paging::Page<paging::Size4KiB> page) {
    const Optional<paging::PhysFrame<paging::Size4KiB>> frame = frames.AllocateFrame();
    if (!frame.has_value()) return false;
    // SAFETY: the frame was just allocated, so nothing else uses it; the page lies in the
    // range reserved for this source, past the region, so nothing uses it either; the
    // flags make it data (writable, not executable).
    auto mapped = mapper.MapTo(page, *frame, kFlags, frames);
    if (mapped.is_error()) {
      LIBK_ASSERT(mapped.error() == paging::MapError::kFrameAllocationFailed,
                  "heap page {} is already mapped: {}", page, mapped.error());
      frames.DeallocateFrame(*frame);
      return false;
    }
    // A not-present entry is never cached, but the flush costs one invlpg per page and
    // leaves nothing to reason about.
    std::move(mapped).value().Flush();
    return true;
  }

  // Unmaps the `count` pages from `base` (just mapped by MapPages) and frees their frames.
  static void Unwind(paging::Mapper<Memory>& mapper, Frames& frames,
                     paging::Page<paging::Size4KiB> base, std::size_t count) {
    for (std::size_t i = count; i > 0; --i) {
      // SAFETY: the page was mapped a moment ago by this call and handed to no one.
      auto unmapped = mapper.Unmap(base + (i - 1), frames).UnwrapOrPanic();
      unmapped.flush.Flush();
      frames.DeallocateFrame(unmapped.frame);
    }
  }

  P access_;
  paging::PageRange<paging::Size4KiB> reserved_;
  std::byte* view_;
  std::size_t limit_ = 0;
  std::size_t mapped_ = 0;
  bool initialized_ = false;
};

}  // namespace libk::mm
