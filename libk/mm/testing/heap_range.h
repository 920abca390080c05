// Host stand-ins for a kernel heap's reserved virtual range: a page-aligned host buffer
// whose bytes the allocators really write (the page tables that "map" it live in simulated
// RAM), poisoned under ASan except where the region is mapped, and a RegionSource wrapper
// that unpoisons what each successful Grow added. An allocator that strays past its
// region, or into a guard page, is caught by ASan just as the kernel's page fault would.
#pragma once

#include <cstddef>
#include <memory>
#include <new>

#include "libk/alloc/region.h"
#include "libk/result/result.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define LIBK_MM_TESTING_ASAN 1
#endif
#endif

namespace libk::mm::testing {

// `pages` pages of host memory, all poisoned until Unpoison says otherwise.
class HeapRangeBuffer {
 public:
  static constexpr std::size_t kPage = 4096;

  explicit HeapRangeBuffer(std::size_t pages)
      : bytes_(pages * kPage), storage_(new(std::align_val_t{kPage}) std::byte[bytes_]) {
    Poison(storage_.get(), bytes_);
  }
  HeapRangeBuffer(const HeapRangeBuffer&) = delete;
  HeapRangeBuffer& operator=(const HeapRangeBuffer&) = delete;
  ~HeapRangeBuffer() { Unpoison(storage_.get(), bytes_); }

  std::byte* data() const { return storage_.get(); }
  std::size_t size() const { return bytes_; }

  static void Poison([[maybe_unused]] std::byte* p, [[maybe_unused]] std::size_t n) {
#if defined(LIBK_MM_TESTING_ASAN)
    ASAN_POISON_MEMORY_REGION(p, n);
#endif
  }
  static void Unpoison([[maybe_unused]] std::byte* p, [[maybe_unused]] std::size_t n) {
#if defined(LIBK_MM_TESTING_ASAN)
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
  }

 private:
  struct AlignedDelete {
    void operator()(std::byte* p) const { ::operator delete[](p, std::align_val_t{kPage}); }
  };
  std::size_t bytes_;
  std::unique_ptr<std::byte[], AlignedDelete> storage_;
};

// Forwards Grow to `inner` and unpoisons the bytes it added; counts calls and refusals.
class UnpoisoningSource final : public alloc::RegionSource {
 public:
  explicit UnpoisoningSource(alloc::RegionSource& inner) : inner_(&inner) {}

  Result<std::size_t> Grow(std::byte* end, std::size_t min_bytes) override {
    ++calls_;
    Result<std::size_t> grown = inner_->Grow(end, min_bytes);
    if (grown.is_ok()) {
      HeapRangeBuffer::Unpoison(end, grown.value());
    } else {
      ++refusals_;
    }
    return grown;
  }

  std::size_t calls() const { return calls_; }
  std::size_t refusals() const { return refusals_; }

 private:
  alloc::RegionSource* inner_;
  std::size_t calls_ = 0;
  std::size_t refusals_ = 0;
};

}  // namespace libk::mm::testing
