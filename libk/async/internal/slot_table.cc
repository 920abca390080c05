#include "libk/async/internal/slot_table.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk::async::internal {

SlotTable::~SlotTable() {
  for (std::uint32_t chunk = 0; chunk < chunk_count_; ++chunk) {
    Slot* slots = chunks_[chunk].load(std::memory_order_relaxed);
    const std::uint32_t count = ChunkSlots(chunk);
    for (std::uint32_t i = 0; i < count; ++i) {
      LIBK_ASSERT(slots[i].state == SlotState::kFree, "a task slot is in use as its table ends");
      slots[i].~Slot();
    }
    ::operator delete(static_cast<void*>(slots), count * sizeof(Slot));
  }
}

Slot* SlotTable::Find(std::uint32_t index) const {
  if (index >= ChunkStart(kMaxChunks)) return nullptr;
  const std::uint32_t chunk = ChunkOf(index);
  Slot* slots = chunks_[chunk].load(std::memory_order_acquire);
  if (slots == nullptr) return nullptr;
  return &slots[index - ChunkStart(chunk)];
}

Slot& SlotTable::operator[](std::uint32_t index) const {
  LIBK_ASSERT(index < size_, "task slot {} of {}", index, size_);
  const std::uint32_t chunk = ChunkOf(index);
  return chunks_[chunk].load(std::memory_order_relaxed)[index - ChunkStart(chunk)];
}

Result<Slot*> SlotTable::Acquire() {
  if (free_head_ == kNoIndex) {
    if (chunk_count_ == kMaxChunks) return Err(Error::kOutOfMemory);
    const std::uint32_t chunk = chunk_count_;
    const std::uint32_t count = ChunkSlots(chunk);
    // A fresh nothrow_t, not std::nothrow: see PromiseBase::operator new.
    void* memory = ::operator new(count * sizeof(Slot), std::nothrow_t{});
    if (memory == nullptr) return Err(Error::kOutOfMemory);
    // The non-allocating array form adds no cookie, so the slots start at `memory`.
    Slot* slots = ::new (memory) Slot[count];
    LIBK_ASSERT(static_cast<void*>(slots) == memory, "placement new[] moved the slots");
    const std::uint32_t start = ChunkStart(chunk);
    // Build the chunk's free list so that lower indices are used first.
    for (std::uint32_t i = 0; i < count; ++i) {
      slots[i].index = start + i;
      slots[i].next = i + 1 < count ? start + i + 1 : kNoIndex;
    }
    // Publish the constructed slots to Find on other CPUs and in interrupt handlers.
    chunks_[chunk].store(slots, std::memory_order_release);
    chunk_count_ = chunk + 1;
    size_ = start + count;
    free_head_ = start;
  }
  Slot& slot = (*this)[free_head_];
  free_head_ = slot.next;
  slot.next = kNoIndex;
  return &slot;
}

void SlotTable::Release(Slot& slot) {
  LIBK_ASSERT(slot.state == SlotState::kFree, "a slot in use was put on the free list");
  slot.next = free_head_;
  free_head_ = slot.index;
}

std::size_t SlotTable::bytes() const { return std::size_t{size_} * sizeof(Slot); }

}  // namespace libk::async::internal
