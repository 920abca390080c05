// The mapper's reference model and the harness that drives the mapper against it, shared
// by mapper_property_test (steps from RapidCheck) and the mapper fuzzer (steps decoded from
// bytes). Checks go through LIBK_MODEL_CHECK, so each binary reports a failure its own way.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/internal/host_invalidate.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/paging/testing/pool_frame_allocator.h"
#include "libk/arch/x86_64/paging/testing/simulated_ram.h"
#include "libk/testing/model_check.h"

namespace libk::x86_64::paging::testing {

using TestMapper = Mapper<SimulatedPhysicalMemory>;

// A few indices per level, so that random pages share tables and collide often; P4
// indices from both halves.
inline constexpr std::uint64_t kP4[] = {0, 1, 256, 511};
inline constexpr std::uint64_t kP3[] = {0, 1, 511};
inline constexpr std::uint64_t kP2[] = {0, 1, 511};
inline constexpr std::uint64_t kP1[] = {0, 1, 511};
// Enough frames for every table the index sets above can need, and the root.
inline constexpr std::uint64_t kRamFrames = 1 + 4 + (4 * 3) + (4 * 3 * 3);

struct Mapping {
  PageSizeKind size = PageSizeKind::k4KiB;
  std::uint64_t frame = 0;
  PageTableFlags flags;  // As the leaf entry holds them (normalised).
};

// The model: mapped virtual ranges by start address. Ranges never overlap.
using Model = std::map<std::uint64_t, Mapping>;

// Returns the start of the page of `kind` chosen by `code` (which picks the indices).
inline std::uint64_t PageStart(PageSizeKind kind, std::uint32_t code) {
  std::uint64_t address = kP4[code % 4] << 39 | kP3[(code / 4) % 3] << 30;
  if (kind != PageSizeKind::k1GiB) address |= kP2[(code / 12) % 3] << 21;
  if (kind == PageSizeKind::k4KiB) address |= kP1[(code / 36) % 3] << 12;
  return VirtAddr::NewTruncate(address).value();
}

// Returns the mapping whose range contains `address`, if any.
inline const std::pair<const std::uint64_t, Mapping>* Containing(const Model& model,
                                                                 std::uint64_t address) {
  auto it = model.upper_bound(address);
  if (it == model.begin()) return nullptr;
  --it;
  return address - it->first < BytesOf(it->second.size) ? &*it : nullptr;
}

// Returns whether some mapping other than one of exactly [start, start + size) overlaps it.
inline bool OverlappedBySmaller(const Model& model, std::uint64_t start, std::uint64_t size) {
  auto it = model.lower_bound(start);
  return it != model.end() && it->first - start < size && BytesOf(it->second.size) < size;
}

// The tables the model's mappings need below the root: one P3 table per used P4 index,
// one P2 table per (P4, P3) holding pages of 2 MiB or less, one P1 table per (P4, P3, P2)
// holding 4 KiB pages.
struct TableModel {
  std::set<std::uint64_t> p3, p2, p1;  // Keyed by the address bits above the table's range.
  std::uint64_t count() const { return p3.size() + p2.size() + p1.size(); }
};

inline TableModel TablesFor(const Model& model) {
  TableModel tables;
  for (const auto& [start, mapping] : model) {
    tables.p3.insert(start >> 39);
    if (mapping.size != PageSizeKind::k1GiB) tables.p2.insert(start >> 30);
    if (mapping.size == PageSizeKind::k4KiB) tables.p1.insert(start >> 21);
  }
  return tables;
}

// Returns how many tables mapping a page of `kind` at `start` would add.
inline std::uint64_t TablesNeeded(const TableModel& tables, PageSizeKind kind,
                                  std::uint64_t start) {
  std::uint64_t needed = tables.p3.contains(start >> 39) ? 0 : 1;
  if (kind != PageSizeKind::k1GiB) needed += tables.p2.contains(start >> 30) ? 0 : 1;
  if (kind == PageSizeKind::k4KiB) needed += tables.p1.contains(start >> 21) ? 0 : 1;
  return needed;
}

// Walks the real tree: collects the frames of the tables below the root, and checks that
// none of them is empty and that every entry above a page lets the page's own flags
// decide (present and writable, and user above a user page).
inline void CollectTables(  // NOLINT(misc-no-recursion): four levels deep at most.
    const SimulatedPhysicalMemory& memory, PhysFrame<Size4KiB> table_frame, unsigned level,
    bool user_above, std::set<std::uint64_t>& frames) {
  const PageTable& table = memory.TableAt(table_frame);
  if (level < 4) LIBK_MODEL_CHECK(!table.IsEmpty());
  for (const PageTableEntry& entry : table) {
    if (!entry.IsPresent()) continue;
    if (level == 1 || entry.IsHugePage()) {
      if (entry.flags().Contains(PageTableFlag::kUser)) LIBK_MODEL_CHECK(user_above);
      continue;
    }
    LIBK_MODEL_CHECK(entry.flags().Contains(PageTableFlag::kPresent | PageTableFlag::kWritable));
    const auto child = PhysFrame<Size4KiB>::Containing(entry.addr());
    LIBK_MODEL_CHECK(frames.insert(child.StartAddress().value()).second);  // No table twice.
    CollectTables(memory, child, level - 1,
                  user_above && entry.flags().Contains(PageTableFlag::kUser), frames);
  }
}

template <PageSize S>
Page<S> PageOf(std::uint64_t start) {
  return Page<S>::FromStartAddress(VirtAddr::New(start)).value();
}

// Consumes a token: flushes when `flush` says so, counting flushes in `flushed`.
template <PageSize S>
void Consume(TlbFlush<S>& token, bool flush, std::uint64_t& flushed) {
  if (flush) {
    token.Flush();
    ++flushed;
  } else {
    token.Ignore();
  }
}

struct Harness {
  SimulatedRam ram{PhysFrame<Size4KiB>::Containing(PhysAddr::New(0x7'fff0'0000)), kRamFrames};
  PoolFrameAllocator pool{ram.View()};
  PhysFrame<Size4KiB> root = pool.AllocateFrame().value();
  TestMapper mapper{root, ram.View()};
  Model model;
  std::uint64_t flushed = 0;
  std::uint64_t invalidations_before = internal::HostTlbInvalidations();

  Harness() { ram.View().TableAt(root).Zero(); }

  template <PageSize S>
  void Map(std::uint64_t start, std::uint64_t frame_bits, PageTableFlags flags, bool flush) {
    const std::uint64_t size = S::kSize;
    const auto frame = PhysFrame<S>::Containing(PhysAddr::NewTruncate(frame_bits));
    const auto* containing = Containing(model, start);
    const std::uint64_t available = pool.budget() - pool.used().size();
    // SAFETY: simulated page tables; no code runs on these mappings.
    auto result = mapper.MapTo(PageOf<S>(start), frame, flags, pool);
    if (result.is_ok()) Consume(result.value(), flush, flushed);
    if (containing != nullptr && BytesOf(containing->second.size) > size) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == MapError::kParentEntryHugePage);
    } else if (containing != nullptr || OverlappedBySmaller(model, start, size)) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == MapError::kPageAlreadyMapped);
    } else if (TablesNeeded(TablesFor(model), KindOf<S>(), start) > available) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == MapError::kFrameAllocationFailed);
    } else {
      LIBK_MODEL_CHECK(result.is_ok());
      model[start] =
          Mapping{KindOf<S>(), frame.StartAddress().value(), TestMapper::LeafFlags<S>(flags)};
    }
  }

  template <PageSize S>
  void Unmap(std::uint64_t start, bool flush) {
    const auto* containing = Containing(model, start);
    // SAFETY: simulated page tables; no code runs on these mappings.
    auto result = mapper.Unmap(PageOf<S>(start), pool);
    if (result.is_ok()) Consume(result.value().flush, flush, flushed);
    if (containing != nullptr && BytesOf(containing->second.size) > S::kSize) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == UnmapError::kParentEntryHugePage);
    } else if (containing != nullptr && containing->first == start &&
               containing->second.size == KindOf<S>()) {
      LIBK_MODEL_CHECK(result.is_ok());
      LIBK_MODEL_CHECK(result.value().frame.StartAddress().value() == containing->second.frame);
      model.erase(start);
    } else if (OverlappedBySmaller(model, start, S::kSize)) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == UnmapError::kSizeMismatch);
    } else {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == UnmapError::kPageNotMapped);
    }
  }

  template <PageSize S>
  void UpdateFlags(std::uint64_t start, PageTableFlags flags, bool flush) {
    const auto* containing = Containing(model, start);
    // SAFETY: simulated page tables; no code runs on these mappings.
    auto result = mapper.UpdateFlags(PageOf<S>(start), flags);
    if (result.is_ok()) Consume(result.value(), flush, flushed);
    if (containing != nullptr && BytesOf(containing->second.size) > S::kSize) {
      LIBK_MODEL_CHECK(result.is_error() &&
                       result.error() == FlagUpdateError::kParentEntryHugePage);
    } else if (containing != nullptr && containing->first == start &&
               containing->second.size == KindOf<S>()) {
      LIBK_MODEL_CHECK(result.is_ok());
      model[start].flags = TestMapper::LeafFlags<S>(flags);
    } else if (OverlappedBySmaller(model, start, S::kSize)) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == FlagUpdateError::kSizeMismatch);
    } else {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == FlagUpdateError::kPageNotMapped);
    }
  }

  void Translate(std::uint64_t address) const {
    const auto* containing = Containing(model, address);
    const auto result = mapper.Translate(VirtAddr::New(address));
    if (containing == nullptr) {
      LIBK_MODEL_CHECK(result.is_error() && result.error() == TranslateError::kNotMapped);
      return;
    }
    const Mapping& mapping = containing->second;
    LIBK_MODEL_CHECK(result.is_ok());
    LIBK_MODEL_CHECK(result.value() == (Translation{PhysAddr::New(mapping.frame), mapping.size,
                                                    address - containing->first, mapping.flags}));
  }

  // The structural invariants, after every step.
  void Check() {
    std::set<std::uint64_t> tables;
    CollectTables(ram.View(), root, 4, true, tables);
    std::set<std::uint64_t> handed_out = pool.used();
    handed_out.erase(root.StartAddress().value());
    LIBK_MODEL_CHECK(tables == handed_out);
    LIBK_MODEL_CHECK(tables.size() == TablesFor(model).count());
    LIBK_MODEL_CHECK(pool.errors() == 0U);
    LIBK_MODEL_CHECK(internal::HostTlbInvalidations() - invalidations_before == flushed);
  }
};

template <typename F>
void WithSize(std::uint32_t which, const F& f) {
  switch (which % 3) {
    case 0:
      f(Size4KiB{});
      break;
    case 1:
      f(Size2MiB{});
      break;
    default:
      f(Size1GiB{});
      break;
  }
}

// One step: what to do (op % 6: 0-1 MapTo, 2 Unmap, 3 UpdateFlags, 4 Translate, 5 set the
// pool's budget), with which size (code >> 16, mod 3: 4 KiB, 2 MiB, 1 GiB), page (the low
// bits of code pick the indices) and flush (code bit 15), frame bits and flag bits.
using Step = std::tuple<std::uint8_t, std::uint32_t, std::uint64_t, std::uint64_t>;

// Runs `steps` on a fresh mapper and the model, checking after every step; then unmaps
// everything and checks that every table frame came back.
inline void RunSteps(const std::vector<Step>& steps) {
  Harness h;
  for (const auto& [op, code, frame_bits, flag_bits] : steps) {
    const auto flags = PageTableFlags::FromBitsTruncate(flag_bits);
    const bool flush = (code & 0x8000) != 0;
    WithSize(code >> 16, [&, op = op, code = code, frame_bits = frame_bits](auto size) {
      using S = decltype(size);
      const std::uint64_t start = PageStart(KindOf<S>(), code);
      switch (op % 6) {
        case 0:
        case 1:
          h.Map<S>(start, frame_bits, flags, flush);
          break;
        case 2:
          h.Unmap<S>(start, flush);
          break;
        case 3:
          h.UpdateFlags<S>(start, flags, flush);
          break;
        case 4:
          h.Translate(start + (frame_bits % S::kSize));
          break;
        default:
          // Change how many frames the pool may still hand out: from none to plenty.
          h.pool.set_budget(h.pool.used().size() + (frame_bits % 5));
          break;
      }
    });
    h.Check();
  }
  // Unmap everything; every table frame must come back.
  h.pool.set_budget(kRamFrames);
  while (!h.model.empty()) {
    const auto [start, mapping] = *h.model.begin();
    switch (mapping.size) {
      case PageSizeKind::k4KiB:
        h.Unmap<Size4KiB>(start, true);
        break;
      case PageSizeKind::k2MiB:
        h.Unmap<Size2MiB>(start, true);
        break;
      case PageSizeKind::k1GiB:
        h.Unmap<Size1GiB>(start, true);
        break;
    }
  }
  h.Check();
  LIBK_MODEL_CHECK(h.pool.used() == std::set<std::uint64_t>{h.root.StartAddress().value()});
  LIBK_MODEL_CHECK(h.ram.View().TableAt(h.root).IsEmpty());
}

}  // namespace libk::x86_64::paging::testing
