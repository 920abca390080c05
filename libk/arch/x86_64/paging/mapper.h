// Mapper: maps, unmaps, re-flags and translates pages of every size in a 4-level
// page-table tree. It is generic over how tables are reached (a PhysToVirt: an array in
// tests, a window onto physical memory in the kernel) and over the frame allocator that
// supplies tables. Missing tables are created zeroed on the way down; tables that become
// empty are freed on the way back up from Unmap, so the tree holds no empty table.
//
// Types carry the page size: MapTo(Page<Size4KiB>, PhysFrame<Size2MiB>, ...) does not
// compile, and every change returns a TlbFlush token that must be used.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/frame_allocator.h"
#include "libk/arch/x86_64/paging/mapper_types.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/paging/tlb_flush.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::x86_64::paging {

// Edits the tree rooted at one P4 table. Invariant (kept by this class, assumed of the
// tree it is given): every table below the root came from the frame allocator passed to
// MapTo and Unmap, and no table below the root is empty.
template <PhysToVirt Memory>
class Mapper {
 public:
  // Edits the tree whose P4 table is in `root`, reaching tables through `memory`.
  Mapper(PhysFrame<Size4KiB> root, Memory memory) : root_(root), memory_(memory) {}

  PhysFrame<Size4KiB> root() const { return root_; }
  const Memory& memory() const { return memory_; }

  // Returns the flags a leaf entry for a page of size S gets when asked for `flags`:
  // PRESENT is added, and HUGE_PAGE is set for 2 MiB and 1 GiB pages and cleared for
  // 4 KiB pages (where that bit would select the PAT).
  template <PageSize S>
  static constexpr PageTableFlags LeafFlags(PageTableFlags flags) {
    flags |= PageTableFlag::kPresent;
    if constexpr (HugePageSize<S>) {
      flags |= PageTableFlag::kHugePage;
    } else {
      flags -= PageTableFlag::kHugePage;
    }
    return flags;
  }
  // Returns the flags the entries above a page mapped with `flags` must have: present and
  // writable (the leaf decides), and user when the page is a user page.
  static constexpr PageTableFlags ParentFlags(PageTableFlags flags) {
    return PageTableFlag::kPresent | PageTableFlag::kWritable | (flags & PageTableFlag::kUser);
  }

  // Maps `page` to `frame` with LeafFlags<S>(flags), creating the missing tables above it
  // with frames from `allocator` (zeroed) and adding ParentFlags(flags) to the entries
  // above it. Returns the pending TLB flush, or: kParentEntryHugePage if a larger page
  // maps the page's range; kPageAlreadyMapped if the page's entry is present (a page of
  // size S, or a table of smaller pages); kFrameAllocationFailed if a table was missing
  // and `allocator` ran out (then every frame taken for this call is given back). On an
  // error nothing changed.
  // Safety: if this tree is active (or becomes active), the new mapping must not give
  // access to memory in a way that breaks what other code relies on: `frame` must be
  // memory the caller may hand out through `page` (not, say, a frame the allocator still
  // considers free, or a page table, unless that is the point), with flags that keep W^X
  // and the kernel/user split the caller promises.
  template <PageSize S, FrameAllocator A>
  Result<TlbFlush<S>, MapError> MapTo(Page<S> page, PhysFrame<S> frame, PageTableFlags flags,
                                      A& allocator) {
    constexpr unsigned kLeaf = LevelNumber(S::kLevel);
    const VirtAddr address = page.StartAddress();
    Path path;
    const Stop stop = WalkTo(address, kLeaf, path);
    if (stop == Stop::kHuge) return Err(MapError::kParentEntryHugePage);
    if (stop == Stop::kReached && Entry(path, kLeaf, address).IsPresent()) {
      return Err(MapError::kPageAlreadyMapped);
    }
    // Take every missing table first, so that running out leaves the tree untouched.
    const unsigned missing = path.level - kLeaf;
    Optional<PhysFrame<Size4KiB>> fresh[3];
    for (unsigned i = 0; i < missing; ++i) {
      fresh[i] = allocator.AllocateFrame();
      if (!fresh[i].has_value()) {
        for (unsigned j = 0; j < i; ++j) allocator.DeallocateFrame(*fresh[j]);
        return Err(MapError::kFrameAllocationFailed);
      }
    }
    const PageTableFlags parent = ParentFlags(flags);
    for (unsigned level = 4; level > path.level; --level) {
      PageTableEntry& entry = Entry(path, level, address);
      entry.SetFlags(entry.flags() | parent);
    }
    for (unsigned level = path.level, i = 0; level > kLeaf; --level, ++i) {
      PageTable& table = memory_.TableAt(*fresh[i]);
      table.Zero();
      Entry(path, level, address).Set(*fresh[i], parent);
      path.tables[level - 1] = &table;
      path.frames[level - 1] = fresh[i]->StartAddress();
    }
    Entry(path, kLeaf, address).Set(frame, LeafFlags<S>(flags));
    return TlbFlush<S>(page);
  }

  // Removes the mapping of `page` and frees, through `allocator`, every table that became
  // empty. Returns the frame it mapped and the pending flush (which also covers the freed
  // tables: invlpg drops the paging-structure caches), or: kPageNotMapped if no present
  // entry maps the page; kParentEntryHugePage if a larger page maps its range;
  // kSizeMismatch if the range is mapped with smaller pages; kInvalidFrameAddress if the
  // entry's address is not aligned to S. On an error nothing changed.
  // Safety: if this tree is active, nothing may still use `page` (code, stacks, objects,
  // references), and the flush must happen before the freed tables' frames are reused.
  template <PageSize S, FrameAllocator A>
  Result<Unmapped<S>, UnmapError> Unmap(Page<S> page, A& allocator) {
    constexpr unsigned kLeaf = LevelNumber(S::kLevel);
    const VirtAddr address = page.StartAddress();
    Path path;
    const Stop stop = WalkTo(address, kLeaf, path);
    if (stop == Stop::kHuge) return Err(UnmapError::kParentEntryHugePage);
    if (stop == Stop::kMissing) return Err(UnmapError::kPageNotMapped);
    PageTableEntry& entry = Entry(path, kLeaf, address);
    if (!entry.IsPresent()) return Err(UnmapError::kPageNotMapped);
    if constexpr (HugePageSize<S>) {
      if (!entry.IsHugePage()) return Err(UnmapError::kSizeMismatch);
    }
    const Result<PhysFrame<S>, AddressError> frame = PhysFrame<S>::FromStartAddress(entry.addr());
    if (frame.is_error()) return Err(UnmapError::kInvalidFrameAddress);
    entry.SetUnused();
    for (unsigned level = kLeaf; level < 4; ++level) {
      if (!path.tables[level]->IsEmpty()) break;
      Entry(path, level + 1, address).SetUnused();
      allocator.DeallocateFrame(PhysFrame<Size4KiB>::Containing(path.frames[level]));
    }
    return Unmapped<S>{frame.value(), TlbFlush<S>(page)};
  }

  // Replaces the flags of `page`'s entry with LeafFlags<S>(flags), keeping its frame, and
  // adds ParentFlags(flags) to the entries above. Returns the pending flush, or:
  // kPageNotMapped, kParentEntryHugePage, kSizeMismatch as for Unmap. On an error nothing
  // changed.
  // Safety: as for MapTo, for the mapping with its new flags.
  template <PageSize S>
  Result<TlbFlush<S>, FlagUpdateError> UpdateFlags(Page<S> page, PageTableFlags flags) {
    constexpr unsigned kLeaf = LevelNumber(S::kLevel);
    const VirtAddr address = page.StartAddress();
    Path path;
    const Stop stop = WalkTo(address, kLeaf, path);
    if (stop == Stop::kHuge) return Err(FlagUpdateError::kParentEntryHugePage);
    if (stop == Stop::kMissing) return Err(FlagUpdateError::kPageNotMapped);
    PageTableEntry& entry = Entry(path, kLeaf, address);
    if (!entry.IsPresent()) return Err(FlagUpdateError::kPageNotMapped);
    if constexpr (HugePageSize<S>) {
      if (!entry.IsHugePage()) return Err(FlagUpdateError::kSizeMismatch);
    }
    const PageTableFlags parent = ParentFlags(flags);
    for (unsigned level = 4; level > kLeaf; --level) {
      PageTableEntry& above = Entry(path, level, address);
      above.SetFlags(above.flags() | parent);
    }
    entry.SetFlags(LeafFlags<S>(flags));
    return TlbFlush<S>(page);
  }

  // Returns where `address` leads (frame, page size, offset, flags), whatever the size of
  // the page that maps it, or kNotMapped / kInvalidEntry.
  Result<Translation, TranslateError> Translate(VirtAddr address) const {
    const PageTable* table = &memory_.TableAt(root_);
    for (unsigned level = 4;; --level) {
      const PageTableEntry& entry = (*table)[address.IndexAt(static_cast<PageTableLevel>(level))];
      if (!entry.IsPresent()) return Err(TranslateError::kNotMapped);
      if (level == 1 || entry.IsHugePage()) {
        if (level == 4) return Err(TranslateError::kInvalidEntry);
        const PageSizeKind kind = KindAt(level);
        const std::uint64_t size = BytesOf(kind);
        if (!entry.addr().IsAligned(size)) return Err(TranslateError::kInvalidEntry);
        return Translation{entry.addr(), kind, address.value() & (size - 1), entry.flags()};
      }
      table = &memory_.TableAt(PhysFrame<Size4KiB>::Containing(entry.addr()));
    }
  }

  // Returns the physical address `address` translates to, or nothing.
  Optional<PhysAddr> TranslateAddr(VirtAddr address) const {
    const Result<Translation, TranslateError> translation = Translate(address);
    if (translation.is_error()) return kNone;
    return translation.value().address();
  }

 private:
  // The tables visited on the way down: tables[level] and its frame, for level `level`
  // (where the walk stopped) up to 4 (the root).
  struct Path {
    PageTable* tables[5] = {};
    PhysAddr frames[5];
    unsigned level = 4;
  };
  enum class Stop : std::uint8_t {
    kReached,  // Every table down to the leaf's exists; path.level is the leaf level.
    kMissing,  // The entry at path.level on the way down is not present.
    kHuge,     // The entry at path.level on the way down maps a huge page.
  };

  static constexpr unsigned LevelNumber(PageTableLevel level) {
    return static_cast<unsigned>(level);
  }
  // Returns the size of the pages a leaf entry at `level` (1-3) maps.
  static constexpr PageSizeKind KindAt(unsigned level) {
    switch (level) {
      case 1:
        return PageSizeKind::k4KiB;
      case 2:
        return PageSizeKind::k2MiB;
      default:
        return PageSizeKind::k1GiB;
    }
  }
  static PageTableEntry& Entry(const Path& path, unsigned level, VirtAddr address) {
    return (*path.tables[level])[address.IndexAt(static_cast<PageTableLevel>(level))];
  }

  // Walks from the root towards the table at level `leaf` that holds `address`'s entry,
  // recording each table it enters.
  Stop WalkTo(VirtAddr address, unsigned leaf, Path& path) const {
    path.tables[4] = &memory_.TableAt(root_);
    path.frames[4] = root_.StartAddress();
    for (unsigned level = 4; level > leaf; --level) {
      path.level = level;
      const PageTableEntry& entry = Entry(path, level, address);
      if (!entry.IsPresent()) return Stop::kMissing;
      if (entry.IsHugePage()) return Stop::kHuge;
      path.frames[level - 1] = entry.addr();
      path.tables[level - 1] = &memory_.TableAt(PhysFrame<Size4KiB>::Containing(entry.addr()));
    }
    path.level = leaf;
    return Stop::kReached;
  }

  PhysFrame<Size4KiB> root_;
  Memory memory_;
};

}  // namespace libk::x86_64::paging
