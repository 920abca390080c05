// The global allocation functions of test binaries that link //libk/async/testing:
// counting_new. Each block carries a header with its size (for unsized delete) and its
// header length (for over-aligned blocks); every block comes from posix_memalign and goes
// back through free, so sanitizers track them as usual.
#include "libk/async/testing/counting_new.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace libk::async::testing {
namespace {

std::atomic<std::int64_t> live_allocations{0};
std::atomic<std::int64_t> live_bytes{0};
std::atomic<std::uint64_t> total_allocations{0};
std::atomic<std::uint64_t> failed_allocations{0};
std::atomic<std::uint64_t> successes_before_failure{0};
std::atomic<std::uint64_t> failures_left{0};

// Takes one from `counter` if it is not zero; returns whether it did.
bool TakeOne(std::atomic<std::uint64_t>& counter) {
  std::uint64_t value = counter.load(std::memory_order_relaxed);
  while (value > 0) {
    if (counter.compare_exchange_weak(value, value - 1, std::memory_order_relaxed)) return true;
  }
  return false;
}

bool ShouldFail() {
  if (failures_left.load(std::memory_order_relaxed) == 0) return false;
  if (TakeOne(successes_before_failure)) return false;
  if (!TakeOne(failures_left)) return false;
  failed_allocations.fetch_add(1, std::memory_order_relaxed);
  return true;
}

// The header sits just below the block the caller gets: [size][header length][block...].
constexpr std::size_t kHeaderWords = 2;

void* Allocate(std::size_t size, std::size_t alignment) noexcept {
  if (ShouldFail()) return nullptr;
  if (alignment < alignof(std::max_align_t)) alignment = alignof(std::max_align_t);
  const std::size_t header = alignment < kHeaderWords * sizeof(std::size_t)
                                 ? kHeaderWords * sizeof(std::size_t)
                                 : alignment;
  void* base = nullptr;
  if (posix_memalign(&base, alignment, header + size) != 0) return nullptr;
  // SAFETY: posix_memalign returned `header + size` bytes at `base`; chars may view any
  // storage, and `block` stays inside it.
  char* block = static_cast<char*>(base) + header;
  const std::size_t words[kHeaderWords] = {size, header};
  std::memcpy(block - sizeof(words), words, sizeof(words));
  live_allocations.fetch_add(1, std::memory_order_relaxed);
  live_bytes.fetch_add(static_cast<std::int64_t>(size), std::memory_order_relaxed);
  total_allocations.fetch_add(1, std::memory_order_relaxed);
  return block;
}

void Deallocate(void* pointer) noexcept {
  if (pointer == nullptr) return;
  // SAFETY: `pointer` came from Allocate (the allocation functions below pair with it), so
  // it points `header` bytes into a posix_memalign block; chars may view any storage.
  char* block = static_cast<char*>(pointer);
  std::size_t words[kHeaderWords];
  std::memcpy(words, block - sizeof(words), sizeof(words));
  live_allocations.fetch_sub(1, std::memory_order_relaxed);
  live_bytes.fetch_sub(static_cast<std::int64_t>(words[0]), std::memory_order_relaxed);
  std::free(block - words[1]);  // NOLINT(cppcoreguidelines-no-malloc): pairs posix_memalign.
}

void* AllocateOrThrow(std::size_t size, std::size_t alignment) {
  void* block = Allocate(size, alignment);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

}  // namespace

AllocationCounts Allocations() {
  return AllocationCounts{live_allocations.load(), live_bytes.load(), total_allocations.load(),
                          failed_allocations.load()};
}

void FailAllocations(std::uint64_t successes, std::uint64_t failures) {
  failures_left.store(0);
  successes_before_failure.store(successes);
  failures_left.store(failures);
}

}  // namespace libk::async::testing

using libk::async::testing::AllocateOrThrow;
using libk::async::testing::Allocate;
using libk::async::testing::Deallocate;

// NOLINTBEGIN(readability-inconsistent-declaration-parameter-name): the standard's names.
void* operator new(std::size_t size) { return AllocateOrThrow(size, 0); }
void* operator new[](std::size_t size) { return AllocateOrThrow(size, 0); }
void* operator new(std::size_t size, std::align_val_t alignment) {
  return AllocateOrThrow(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return AllocateOrThrow(size, static_cast<std::size_t>(alignment));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return Allocate(size, 0); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return Allocate(size, 0); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return Allocate(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return Allocate(size, static_cast<std::size_t>(alignment));
}

void operator delete(void* pointer) noexcept { Deallocate(pointer); }
void operator delete[](void* pointer) noexcept { Deallocate(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { Deallocate(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { Deallocate(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { Deallocate(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { Deallocate(pointer); }
void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept { Deallocate(pointer); }
void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept {
  Deallocate(pointer);
}
void operator delete(void* pointer, const std::nothrow_t&) noexcept { Deallocate(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { Deallocate(pointer); }
void operator delete(void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
  Deallocate(pointer);
}
void operator delete[](void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
  Deallocate(pointer);
}
// NOLINTEND(readability-inconsistent-declaration-parameter-name)
