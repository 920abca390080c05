// Global operator new and delete over malloc and free, with a switch that makes the
// nothrow forms of new fail (see failing_new.h).
#include "libk/memory/testing/failing_new.h"

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

// This file builds operator new on malloc and free; that is its job.
// NOLINTBEGIN(cppcoreguidelines-no-malloc)

namespace {

// Nothrow allocations still allowed to succeed; negative when failures are off.
std::atomic<int> remaining{-1};
std::atomic<int> refusals{0};

bool RefuseNothrow() {
  const int left = remaining.load();
  if (left < 0) return false;
  if (left == 0) {
    refusals.fetch_add(1);
    return true;
  }
  remaining.store(left - 1);
  return false;
}

void* Allocate(std::size_t size, std::size_t align) {
  if (size == 0) size = 1;
  if (align <= alignof(std::max_align_t)) return std::malloc(size);
  // aligned_alloc wants a size that is a multiple of the alignment.
  return std::aligned_alloc(align, (size + align - 1) / align * align);
}

void* AllocateOrAbort(std::size_t size, std::size_t align) {
  void* block = Allocate(size, align);
  if (block == nullptr) std::abort();
  return block;
}

}  // namespace

namespace libk::testing {

NothrowNewFailure::NothrowNewFailure(int successes) {
  refusals.store(0);
  remaining.store(successes);
}

NothrowNewFailure::~NothrowNewFailure() { remaining.store(-1); }

int NothrowNewFailure::refused() const {  // NOLINT(readability-convert-member-functions-to-static)
  return refusals.load();
}

}  // namespace libk::testing

// NOLINTBEGIN(cert-dcl58-cpp): replacing the global allocation functions is what this
// file is for.
void* operator new(std::size_t size) { return AllocateOrAbort(size, 0); }
void* operator new[](std::size_t size) { return AllocateOrAbort(size, 0); }
void* operator new(std::size_t size, std::align_val_t align) {
  return AllocateOrAbort(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return AllocateOrAbort(size, static_cast<std::size_t>(align));
}
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return RefuseNothrow() ? nullptr : Allocate(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return RefuseNothrow() ? nullptr : Allocate(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align,
                   const std::nothrow_t& /*tag*/) noexcept {
  return RefuseNothrow() ? nullptr : Allocate(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align,
                     const std::nothrow_t& /*tag*/) noexcept {
  return RefuseNothrow() ? nullptr : Allocate(size, static_cast<std::size_t>(align));
}
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t /*size*/) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t /*size*/) noexcept { std::free(block); }
void operator delete(void* block, std::align_val_t /*align*/) noexcept { std::free(block); }
void operator delete[](void* block, std::align_val_t /*align*/) noexcept { std::free(block); }
void operator delete(void* block, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(block);
}
void operator delete(void* block, const std::nothrow_t& /*tag*/) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t& /*tag*/) noexcept { std::free(block); }
void operator delete(void* block, std::align_val_t /*align*/,
                     const std::nothrow_t& /*tag*/) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::align_val_t /*align*/,
                       const std::nothrow_t& /*tag*/) noexcept {
  std::free(block);
}
// NOLINTEND(cert-dcl58-cpp)
// NOLINTEND(cppcoreguidelines-no-malloc)
