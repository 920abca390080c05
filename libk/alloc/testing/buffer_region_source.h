// BufferRegionSource: a RegionSource over a host buffer, the stand-in for the kernel's
// heap region in tests and benchmarks. The allocator starts with part of the buffer and
// grows in steps up to a limit; under ASan the part not handed out (and the bytes before
// the region) are poisoned, so an allocator that strays outside its region is caught.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define LIBK_ALLOC_TESTING_ASAN 1
#endif
#endif

namespace libk::alloc::testing {

class BufferRegionSource final : public RegionSource {
 public:
  // The region starts `offset` bytes past a 4 KiB boundary (to test unaligned bases),
  // with `initial` bytes; Grow adds multiples of `step`, never past `limit` bytes.
  BufferRegionSource(std::size_t offset, std::size_t initial, std::size_t limit,
                     std::size_t step = 4096)
      : storage_(new(std::align_val_t{kPage}) std::byte[offset + limit]),
        base_(storage_.get() + offset),
        offset_(offset),
        committed_(initial),
        limit_(limit),
        step_(step) {
    LIBK_ASSERT(initial <= limit, "initial {} > limit {}", initial, limit);
    Poison(storage_.get(), offset);
    Poison(base_ + initial, limit - initial);
  }

  BufferRegionSource(const BufferRegionSource&) = delete;
  BufferRegionSource& operator=(const BufferRegionSource&) = delete;

  ~BufferRegionSource() { Unpoison(storage_.get(), offset_ + limit_); }

  Result<std::size_t> Grow(std::byte* end, std::size_t min_bytes) override {
    LIBK_ASSERT(end == base_ + committed_, "the allocator grew from somewhere else than its end");
    ++grow_calls_;
    const std::size_t room = limit_ - committed_;
    if (min_bytes == 0 || min_bytes > room) {
      ++refusals_;
      return Err(Error::kOutOfMemory);
    }
    std::size_t bytes = (min_bytes + step_ - 1) / step_ * step_;
    if (bytes > room) bytes = room;
    Unpoison(end, bytes);
    committed_ += bytes;
    return bytes;
  }

  // The start of the region, for Init.
  std::byte* base() const { return base_; }
  // The bytes handed out so far (the initial part and every Grow).
  std::size_t committed() const { return committed_; }
  std::size_t limit() const { return limit_; }
  std::size_t grow_calls() const { return grow_calls_; }
  // How many Grow calls were refused.
  std::size_t refusals() const { return refusals_; }

 private:
  static constexpr std::size_t kPage = 4096;

  struct AlignedDelete {
    void operator()(std::byte* p) const { ::operator delete[](p, std::align_val_t{kPage}); }
  };

  static void Poison([[maybe_unused]] std::byte* p, [[maybe_unused]] std::size_t n) {
#if defined(LIBK_ALLOC_TESTING_ASAN)
    ASAN_POISON_MEMORY_REGION(p, n);
#endif
  }
  static void Unpoison([[maybe_unused]] std::byte* p, [[maybe_unused]] std::size_t n) {
#if defined(LIBK_ALLOC_TESTING_ASAN)
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
  }

  std::unique_ptr<std::byte[], AlignedDelete> storage_;
  std::byte* base_;
  std::size_t offset_;
  std::size_t committed_;
  std::size_t limit_;
  std::size_t step_;
  std::size_t grow_calls_ = 0;
  std::size_t refusals_ = 0;
};

}  // namespace libk::alloc::testing
