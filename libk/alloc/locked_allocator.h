// LockedAllocator<A>: an allocator behind an IrqMutex, usable as a constinit global and
// from interrupt handlers. Failures that end in a panic (out of memory, a bad free, use
// before Init) are reported after the lock is released, so the panic path can still look
// at the heap.
#pragma once

#include <concepts>
#include <cstddef>
#include <utility>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"
#include "libk/sync/mutex.h"

namespace libk::alloc {

// What LockedAllocator needs of an allocator: BumpAllocator, LinkedListAllocator and
// FixedBlockAllocator all provide it.
template <typename A>
concept HeapAllocator = requires(A& heap, const A& view, std::byte* base, std::size_t n,
                                 RegionSource* source, void* ptr) {
  heap.Init(base, n, source);
  { heap.Allocate(n, n) } -> std::same_as<void*>;
  { heap.Deallocate(ptr, n, n) } -> std::same_as<Result<void, FreeError>>;
  { view.Stats() } -> std::same_as<HeapStats>;
  { view.initialized() } -> std::same_as<bool>;
};

template <HeapAllocator A>
class LockedAllocator {
 public:
  constexpr LockedAllocator() = default;

  // Starts the heap over the `size` bytes at `base`, growing through `source`; panics if
  // it was initialised before.
  // Safety: as A::Init.
  void Init(std::byte* base, std::size_t size, RegionSource* source) {
    LIBK_ASSERT(base != nullptr, "the heap needs a region");
    const bool again = heap_.With([&](A& heap) {
      if (heap.initialized()) return true;
      // SAFETY: the caller's obligations are A::Init's.
      heap.Init(base, size, source);
      return false;
    });
    LIBK_ASSERT(!again, "the heap was initialised twice");
  }

  // Returns `size` bytes aligned to `align` (a power of two), or null when the heap is
  // out of memory (or not initialised): for nothrow operator new.
  [[nodiscard]] void* Allocate(std::size_t size, std::size_t align) {
    LIBK_ASSERT(IsPowerOfTwo(align), "alignment {} is not a power of two", align);
    return heap_.With([&](A& heap) { return heap.Allocate(size, align); });
  }

  // As Allocate, but panics at `loc` when the heap cannot serve the request, with the
  // request and the heap's state: for operator new.
  [[nodiscard]] void* AllocateOrPanic(std::size_t size, std::size_t align,
                                      SourceLocation loc = SourceLocation::Current()) {
    LIBK_ASSERT(IsPowerOfTwo(align), "alignment {} is not a power of two", align);
    // Filled in only on failure, so the fast path copies no statistics.
    Optional<HeapStats> failure;
    bool initialized = true;
    void* block = heap_.With([&](A& heap) {
      void* result = heap.Allocate(size, align);
      if (result == nullptr) {
        failure.Emplace(heap.Stats());
        initialized = heap.initialized();
      }
      return result;
    });
    if (block != nullptr) [[likely]] {
      return block;
    }
    // The lock is released here.
    if (!initialized) {
      libk::internal::PanicFormatted(
          loc, "", "heap used before it was initialised: {} bytes, align {}", size, align);
    }
    libk::internal::PanicFormatted(loc, "", "{}", OutOfMemory{size, align, failure.value()});
  }

  // Frees a block from Allocate; panics at `loc` (after releasing the lock) if the
  // allocator refuses it.
  // Safety: as A::Deallocate.
  void Deallocate(void* ptr, std::size_t size, std::size_t align,
                  SourceLocation loc = SourceLocation::Current()) {
    // SAFETY: the caller's obligations are A::Deallocate's.
    const Result<void, FreeError> freed =
        heap_.With([&](A& heap) { return heap.Deallocate(ptr, size, align); });
    if (freed.is_error()) [[unlikely]] {
      libk::internal::PanicFormatted(loc, "", "bad free of {} bytes, align {} at {}: {}", size,
                                     align, static_cast<const void*>(ptr),
                                     FreeErrorName(freed.error()));
    }
  }

  // Returns the heap's statistics.
  HeapStats Stats() {
    return heap_.With([](A& heap) { return heap.Stats(); });
  }

  // Calls `f(A&)` with the lock held (tests, Trim) and returns its result.
  template <typename F>
  auto With(F&& f) {
    return heap_.With(std::forward<F>(f));
  }

 private:
  IrqMutex<A> heap_;
};

}  // namespace libk::alloc
