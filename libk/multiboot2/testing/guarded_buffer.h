// A copy of some bytes placed right against an inaccessible (PROT_NONE) page, so that a
// read one byte past the end (or before the start) faults at once instead of passing
// silently. Host tests only.
#pragma once

#include <cstddef>
#include <span>

namespace libk::multiboot2::testing {

class GuardedBuffer {
 public:
  enum class Guard {
    kAfter,   // The byte after the last one is in a PROT_NONE page.
    kBefore,  // The byte before the first one is in a PROT_NONE page.
  };

  // Copies `bytes` into fresh pages next to a guard page on the `guard` side; throws
  // std::system_error if mmap or mprotect fails.
  GuardedBuffer(std::span<const std::byte> bytes, Guard guard);
  ~GuardedBuffer();
  GuardedBuffer(const GuardedBuffer&) = delete;
  GuardedBuffer& operator=(const GuardedBuffer&) = delete;

  const std::byte* data() const { return data_; }
  std::byte* mutable_data() { return data_; }
  std::size_t size() const { return size_; }
  std::span<std::byte> bytes() { return {data_, size_}; }

 private:
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace libk::multiboot2::testing
