// The multiboot2 boot information handed over by the loader.
#pragma once

#include <cstddef>
#include <cstdint>

namespace libk::multiboot2 {

// A view of the boot information structure; the bytes stay owned by the loader.
class Info {
 public:
  // Wraps the structure at `bytes`, whose first word is its total size.
  // Safety: `bytes` must point at a multiboot2 information structure that stays mapped
  // and unchanged while the Info is used.
  static Info FromBootloader(const std::byte* bytes) { return Info(bytes); }

  const std::byte* data() const { return bytes_; }

 private:
  explicit Info(const std::byte* bytes) : bytes_(bytes) {}
  const std::byte* bytes_;
};

}  // namespace libk::multiboot2
