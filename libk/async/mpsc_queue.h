// BoundedMpscQueue<T, N>: a fixed-capacity lock-free queue that many producers push into —
// interrupt handlers, tasks, later other CPUs — and one consumer pops from. A push never
// waits and never allocates; a push into a full queue fails and is counted, exactly. The
// executor's wake queue and Channel<T, N> are built on it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

#include "libk/result/optional.h"

namespace libk::async {

namespace internal {
// One slot of an MpscQueue's ring. The union leaves `value` unconstructed until a push.
template <typename T>
struct MpscCell {
  MpscCell() {}  // NOLINT(modernize-use-equals-default): must not construct `value`.
  MpscCell(const MpscCell&) = delete;
  MpscCell& operator=(const MpscCell&) = delete;
  ~MpscCell() {}  // NOLINT(modernize-use-equals-default): the queue destroys live values.

  std::atomic<std::uint64_t> sequence;
  union {
    T value;
  };
};

// The cells of a BoundedMpscQueue: a base class of it, so that they are constructed
// before the MpscQueue base that numbers them.
template <typename T, std::size_t kCapacity>
struct MpscCells {
  MpscCell<T> cells[kCapacity];
};
}  // namespace internal

// The queue's algorithm over cells that BoundedMpscQueue provides, so that code which only
// pushes and pops (the executor) need not know the capacity.
//
// Each cell carries a sequence number that says whose turn it is: a producer may fill
// cell `pos % capacity` when its sequence is `pos`, and the consumer may empty it when its
// sequence is `pos + 1`; emptying sets it to `pos + capacity`, the next lap's turn.
// Producers claim positions by compare-and-swap on `tail_`, so none waits for another:
// that is what an interrupt handler needs, because the push it interrupted cannot finish
// until the handler returns. The one cost of that: a producer stopped between claiming a
// cell and filling it (interrupted, or descheduled on another CPU) holds back the values
// behind it until it goes on; they are delayed, never lost.
template <typename T>
class MpscQueue {  // NOLINT(clang-analyzer-optin.performance.Padding): the point of alignas.
  static_assert(std::is_nothrow_move_constructible_v<T>, "queued values move without failing");
  using Cell = internal::MpscCell<T>;

 public:
  MpscQueue(const MpscQueue&) = delete;
  MpscQueue& operator=(const MpscQueue&) = delete;

  // Pushes `value` unless the queue is full, and returns whether it did. A failed push is
  // counted in overflows(). Safe from any thread and from interrupt handlers.
  bool TryPush(T value) {
    std::uint64_t pos = tail_.load(std::memory_order_relaxed);
    Cell* cell = nullptr;
    while (true) {
      cell = &cells_[pos & mask_];
      const std::uint64_t sequence = cell->sequence.load(std::memory_order_acquire);
      if (sequence == pos) {
        if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
      } else if (sequence < pos) {
        // The cell still holds the value pushed one lap ago: the queue is full.
        overflows_.fetch_add(1, std::memory_order_relaxed);
        return false;
      } else {
        pos = tail_.load(std::memory_order_relaxed);  // Another producer took `pos`.
      }
    }
    ::new (static_cast<void*>(&cell->value)) T(std::move(value));
    cell->sequence.store(pos + 1, std::memory_order_release);
    return true;
  }

  // Pops the oldest value whose push has completed, if any. Consumer only.
  Optional<T> TryPop() {
    Cell& cell = cells_[head_ & mask_];
    if (cell.sequence.load(std::memory_order_acquire) != head_ + 1) return kNone;
    Optional<T> value(std::move(cell.value));
    cell.value.~T();
    cell.sequence.store(head_ + mask_ + 1, std::memory_order_release);
    ++head_;
    return value;
  }

  // Returns whether no value is queued or being pushed. Consumer only. When it returns
  // false, TryPop may still find nothing for a moment: the oldest push is in progress on
  // another CPU (on this CPU no push is ever in progress while the consumer runs).
  bool IsEmpty() const { return tail_.load(std::memory_order_acquire) == head_; }

  // Returns how many pushes have failed because the queue was full.
  std::uint64_t overflows() const { return overflows_.load(std::memory_order_relaxed); }

  std::size_t capacity() const { return mask_ + 1; }

 protected:
  // Takes `cells`, `capacity` (a power of two) of them, which must outlive the queue.
  MpscQueue(Cell* cells, std::size_t capacity) : cells_(cells), mask_(capacity - 1) {
    for (std::size_t i = 0; i < capacity; ++i) {
      cells_[i].sequence.store(i, std::memory_order_relaxed);
    }
  }

  // Destroys the values still queued.
  ~MpscQueue() {
    while (TryPop().has_value()) {
    }
  }

 private:
  static constexpr std::size_t kCacheLine = 64;

  Cell* cells_;
  std::uint64_t mask_;
  // Producers' and consumer's positions sit on their own cache lines, so pushes from one
  // CPU do not slow the consumer's pops on another.
  alignas(kCacheLine) std::atomic<std::uint64_t> tail_{0};
  std::atomic<std::uint64_t> overflows_{0};
  alignas(kCacheLine) std::uint64_t head_ = 0;  // Consumer only.
};

// An MpscQueue holding up to `kCapacity` values inline (no heap); kCapacity is a power
// of two.
template <typename T, std::size_t kCapacity>
class BoundedMpscQueue final : private internal::MpscCells<T, kCapacity>, public MpscQueue<T> {
  static_assert(kCapacity >= 2 && (kCapacity & (kCapacity - 1)) == 0,
                "the capacity must be a power of two (at least 2)");

 public:
  BoundedMpscQueue() : MpscQueue<T>(this->cells, kCapacity) {}
  BoundedMpscQueue(const BoundedMpscQueue&) = delete;
  BoundedMpscQueue& operator=(const BoundedMpscQueue&) = delete;
  ~BoundedMpscQueue() = default;
};

}  // namespace libk::async
