// SlotTable: the executor's growable array of task slots. It grows in chunks that never
// move (chunk k holds 16 << k slots), so a slot's address is stable for the table's life
// and an interrupt handler can find a slot by index while the executor adds chunks. Freed
// slots go on a free list and are reused first. Spawning has no fixed limit: 28 chunks
// address 2^32 - 16 slots.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "libk/async/internal/slot.h"
#include "libk/result/result.h"

namespace libk::async::internal {

class SlotTable {
 public:
  static constexpr std::uint32_t kFirstChunkSlots = 16;
  static constexpr std::uint32_t kMaxChunks = 28;

  SlotTable() = default;
  SlotTable(const SlotTable&) = delete;
  SlotTable& operator=(const SlotTable&) = delete;
  // Frees the chunks. Every slot must be free by then (the executor ends its tasks first).
  ~SlotTable();

  // Returns the slot at `index`, or null if no slot has been made there. Safe from any
  // thread and from interrupt handlers: published chunks are read with acquire ordering.
  Slot* Find(std::uint32_t index) const;

  // Returns the slot at `index`, which must exist. Executor thread only.
  Slot& operator[](std::uint32_t index) const;

  // Takes a slot off the free list, or adds a chunk to make one. The slot's state is
  // kFree and its index, generation and stamp are kept from its last use.
  // Errors: kOutOfMemory if a chunk was needed and operator new failed.
  Result<Slot*> Acquire();

  // Puts `slot` back on the free list; its state must be kFree.
  void Release(Slot& slot);

  // Returns how many slots exist (free or not): the valid indices are [0, size()).
  std::uint32_t size() const { return size_; }

  // Returns how many bytes the chunks take.
  std::size_t bytes() const;

  // Returns the chunk that holds `index` and the index's offset in it.
  static constexpr std::uint32_t ChunkOf(std::uint32_t index) {
    // Chunk k starts at kFirstChunkSlots * (2^k - 1).
    const std::uint32_t scaled = (index / kFirstChunkSlots) + 1;
    return static_cast<std::uint32_t>(31 - __builtin_clz(scaled));
  }
  static constexpr std::uint32_t ChunkStart(std::uint32_t chunk) {
    return kFirstChunkSlots * ((std::uint32_t{1} << chunk) - 1);
  }
  static constexpr std::uint32_t ChunkSlots(std::uint32_t chunk) {
    return kFirstChunkSlots << chunk;
  }

 private:
  std::atomic<Slot*> chunks_[kMaxChunks] = {};
  std::uint32_t chunk_count_ = 0;
  std::uint32_t size_ = 0;
  std::uint32_t free_head_ = kNoIndex;
};

}  // namespace libk::async::internal
