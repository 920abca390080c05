// The iterable parts of validated boot information: the memory map, the modules and the
// generic tag list. Only Info makes them. Each iterator re-checks every size it reads, so
// iteration stays inside the structure even if its bytes changed after validation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/multiboot2/values.h"
#include "libk/panic/panic.h"

namespace libk::multiboot2 {

// The entries of the memory map tag, in the loader's order.
class MemoryMapRange {
 public:
  class Iterator {
   public:
    MemoryRegion operator*() const { return range_->At(index_); }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.index_ == b.index_; }

   private:
    friend class MemoryMapRange;
    Iterator(const MemoryMapRange* range, std::uint32_t index) : range_(range), index_(index) {}
    const MemoryMapRange* range_;
    std::uint32_t index_;
  };

  // Makes an empty range, for boot information without a memory map.
  constexpr MemoryMapRange() = default;

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, count_); }

  // Returns entry `i`; panics unless i < size().
  MemoryRegion operator[](std::size_t i) const {
    LIBK_ASSERT(i < count_, "memory map index out of range");
    return At(static_cast<std::uint32_t>(i));
  }

 private:
  friend class Info;
  // Views `count` entries of `entry_size` bytes each at `entries`.
  // Safety: `entries` must point at count * entry_size readable bytes, entry_size >= 24.
  MemoryMapRange(const std::byte* entries, std::uint32_t entry_size, std::uint32_t count)
      : entries_(entries), entry_size_(entry_size), count_(count) {}
  MemoryRegion At(std::uint32_t i) const;

  const std::byte* entries_ = nullptr;
  std::uint32_t entry_size_ = 0;
  std::uint32_t count_ = 0;
};

// Walks the tags of a structure of `total_size` bytes at `data`, from the first tag up to
// (not including) the end tag. A tag whose header or body would cross `total_size`, or
// whose size is below 8, also ends the walk.
class TagIterator {
 public:
  // Returns the current tag; an empty Tag of type kEnd at the end.
  Tag operator*() const;
  TagIterator& operator++();
  friend bool operator==(const TagIterator& a, const TagIterator& b) {
    return a.offset_ == b.offset_;
  }

 private:
  friend class TagRange;
  // Safety: `data` must point at `total_size` readable bytes.
  TagIterator(const std::byte* data, std::uint32_t total_size, std::uint64_t offset);
  // Moves to the tag at `offset`, or to the end if there is no valid tag there.
  void Settle(std::uint64_t offset);

  const std::byte* data_;
  std::uint32_t total_size_;
  std::uint64_t offset_;  // total_size_ at the end.
  std::uint32_t type_ = 0;
  std::uint32_t size_ = 0;
};

// Every tag before the end tag, in order.
class TagRange {
 public:
  TagIterator begin() const;
  TagIterator end() const;

 private:
  friend class Info;
  TagRange(const std::byte* data, std::uint32_t total_size)
      : data_(data), total_size_(total_size) {}
  const std::byte* data_;
  std::uint32_t total_size_;
};

// The module tags, in order.
class ModuleRange {
 public:
  class Iterator {
   public:
    // Returns the current module; an empty Module at the end.
    Module operator*() const;
    Iterator& operator++();
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.tags_ == b.tags_; }

   private:
    friend class ModuleRange;
    explicit Iterator(TagIterator tags, TagIterator end) : tags_(tags), end_(end) { SkipOthers(); }
    // Advances to the next module tag (or the end) unless already at one.
    void SkipOthers();
    TagIterator tags_;
    TagIterator end_;
  };

  Iterator begin() const { return Iterator(tags_.begin(), tags_.end()); }
  Iterator end() const { return Iterator(tags_.end(), tags_.end()); }

 private:
  friend class Info;
  explicit ModuleRange(TagRange tags) : tags_(tags) {}
  TagRange tags_;
};

}  // namespace libk::multiboot2
