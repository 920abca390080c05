#include "libk/multiboot2/testing/guarded_buffer.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <span>
#include <system_error>

#include <sys/mman.h>
#include <unistd.h>

namespace libk::multiboot2::testing {

GuardedBuffer::GuardedBuffer(std::span<const std::byte> bytes, Guard guard) : size_(bytes.size()) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t data_pages = (bytes.size() + page - 1) / page;
  mapping_size_ = (data_pages + 1) * page;
  mapping_ =
      mmap(nullptr, mapping_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) throw std::system_error(errno, std::generic_category(), "mmap");
  // SAFETY: mmap returned mapping_size_ bytes of fresh, writable, page-aligned memory.
  auto* base = static_cast<std::byte*>(mapping_);
  std::byte* guard_page = guard == Guard::kAfter ? base + (data_pages * page) : base;
  if (mprotect(guard_page, page, PROT_NONE) != 0) {
    const int error = errno;
    munmap(mapping_, mapping_size_);
    throw std::system_error(error, std::generic_category(), "mprotect");
  }
  data_ = guard == Guard::kAfter ? guard_page - bytes.size() : base + page;
  if (!bytes.empty()) std::memcpy(data_, bytes.data(), bytes.size());
}

GuardedBuffer::~GuardedBuffer() { munmap(mapping_, mapping_size_); }

}  // namespace libk::multiboot2::testing
