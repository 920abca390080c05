// SlotTable: the chunk arithmetic, growth on demand with stable addresses, reuse of freed
// slots (lowest index first within a fresh chunk, most recently freed first after), and
// Find's answer for indices that were never made.
#include "libk/async/internal/slot_table.h"

#include <cstdint>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace libk::async::internal {
namespace {

TEST(SlotTableTest, ChunkArithmetic) {
  EXPECT_EQ(SlotTable::ChunkOf(0), 0U);
  EXPECT_EQ(SlotTable::ChunkOf(15), 0U);
  EXPECT_EQ(SlotTable::ChunkOf(16), 1U);
  EXPECT_EQ(SlotTable::ChunkOf(47), 1U);
  EXPECT_EQ(SlotTable::ChunkOf(48), 2U);
  EXPECT_EQ(SlotTable::ChunkStart(2), 48U);
  EXPECT_EQ(SlotTable::ChunkOf(SlotTable::ChunkStart(SlotTable::kMaxChunks) - 1),
            SlotTable::kMaxChunks - 1);
  EXPECT_LT(SlotTable::ChunkStart(SlotTable::kMaxChunks) - 1, kNoIndex);
}

RC_GTEST_PROP(SlotTableTest, EveryIndexLiesInItsChunk, (std::uint32_t index)) {
  RC_PRE(index < SlotTable::ChunkStart(SlotTable::kMaxChunks));
  const std::uint32_t chunk = SlotTable::ChunkOf(index);
  RC_ASSERT(SlotTable::ChunkStart(chunk) <= index);
  RC_ASSERT(index < SlotTable::ChunkStart(chunk) + SlotTable::ChunkSlots(chunk));
}

TEST(SlotTableTest, GrowsInChunksWhoseSlotsNeverMove) {
  SlotTable table;
  EXPECT_EQ(table.Find(0), nullptr);
  std::vector<Slot*> slots;
  for (std::uint32_t i = 0; i < 200; ++i) {
    Slot* slot = table.Acquire().value();
    EXPECT_EQ(slot->index, i);
    slot->state = SlotState::kReady;
    slots.push_back(slot);
  }
  EXPECT_EQ(table.size(), 16U + 32U + 64U + 128U);
  for (std::uint32_t i = 0; i < 200; ++i) {
    EXPECT_EQ(table.Find(i), slots[i]);
    EXPECT_EQ(&table[i], slots[i]);
  }
  EXPECT_NE(table.Find(239), nullptr);
  EXPECT_EQ(table.Find(240), nullptr);
  EXPECT_EQ(table.Find(kNoIndex), nullptr);
  for (Slot* slot : slots) slot->state = SlotState::kFree;
  table.Release(*slots[5]);
  table.Release(*slots[9]);
  EXPECT_EQ(table.Acquire().value(), slots[9]);
  EXPECT_EQ(table.Acquire().value(), slots[5]);
  EXPECT_EQ(table.Acquire().value()->index, 200U);
}

RC_GTEST_PROP(SlotTableTest, AcquiredSlotsAreDistinct, ()) {
  SlotTable table;
  std::set<Slot*> in_use;
  std::vector<Slot*> order;
  const int steps = *rc::gen::inRange(0, 300);
  for (int step = 0; step < steps; ++step) {
    if (in_use.empty() || *rc::gen::inRange(0, 3) != 0) {
      Slot* slot = table.Acquire().value();
      RC_ASSERT(in_use.insert(slot).second);
      RC_ASSERT(table.Find(slot->index) == slot);
      slot->state = SlotState::kReady;
      order.push_back(slot);
    } else {
      const std::size_t pick = *rc::gen::inRange<std::size_t>(0, order.size());
      Slot* slot = order[pick];
      order.erase(order.begin() + static_cast<std::ptrdiff_t>(pick));
      in_use.erase(slot);
      slot->state = SlotState::kFree;
      table.Release(*slot);
    }
  }
  RC_ASSERT(table.size() <= std::size_t{32} * (in_use.size() + 16));
  for (Slot* slot : order) slot->state = SlotState::kFree;
}

}  // namespace
}  // namespace libk::async::internal
