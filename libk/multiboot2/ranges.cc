#include "libk/multiboot2/ranges.h"

#include <cstddef>
#include <cstdint>

#include "libk/containers/span.h"
#include "libk/fmt/string_view.h"
#include "libk/multiboot2/internal/layout.h"

namespace libk::multiboot2 {
namespace {

using internal::Load;

// The bytes of a module tag's payload before its command line: mod_start and mod_end.
constexpr std::size_t kModuleFieldsSize =
    sizeof(internal::RawModuleHeader) - sizeof(internal::RawTagHeader);

}  // namespace

MemoryRegion MemoryMapRange::At(std::uint32_t i) const {
  // SAFETY: i < count_ for every caller, and Info made this range over count_ entries of
  // entry_size_ >= sizeof(RawMemoryMapEntry) bytes that lie inside the structure.
  const auto raw =
      Load<internal::RawMemoryMapEntry>(entries_ + (std::uint64_t{i} * std::uint64_t{entry_size_}));
  return MemoryRegion{
      .base = raw.base,
      .length = raw.length,
      .type = static_cast<MemoryType>(raw.type),
  };
}

TagIterator::TagIterator(const std::byte* data, std::uint32_t total_size, std::uint64_t offset)
    : data_(data), total_size_(total_size), offset_(total_size) {
  Settle(offset);
}

void TagIterator::Settle(std::uint64_t offset) {
  offset_ = total_size_;
  if (offset + sizeof(internal::RawTagHeader) > total_size_) return;
  // SAFETY: the 8 header bytes lie inside the total_size_ readable bytes at data_.
  const auto header = Load<internal::RawTagHeader>(data_ + offset);
  if (header.type == static_cast<std::uint32_t>(TagType::kEnd)) return;
  if (header.size < sizeof(internal::RawTagHeader)) return;
  if (offset + header.size > total_size_) return;
  offset_ = offset;
  type_ = header.type;
  size_ = header.size;
}

Tag TagIterator::operator*() const {
  if (offset_ >= total_size_) return Tag{};
  // SAFETY: Settle checked 8 <= size_ and offset_ + size_ <= total_size_, so the payload
  // lies inside the total_size_ readable bytes at data_.
  return Tag{
      .type = static_cast<TagType>(type_),
      .size = size_,
      .payload = Span<const std::byte>(data_ + offset_ + sizeof(internal::RawTagHeader),
                                       size_ - sizeof(internal::RawTagHeader)),
  };
}

TagIterator& TagIterator::operator++() {
  if (offset_ < total_size_) Settle(offset_ + internal::AlignUp8(size_));
  return *this;
}

TagIterator TagRange::begin() const {
  return TagIterator(data_, total_size_, sizeof(internal::RawInfoHeader));
}

TagIterator TagRange::end() const { return TagIterator(data_, total_size_, total_size_); }

void ModuleRange::Iterator::SkipOthers() {
  while (!(tags_ == end_)) {
    const Tag tag = *tags_;
    // A module tag holds at least its two addresses and the command line's NUL.
    if (tag.type == TagType::kModule && tag.payload.size() > kModuleFieldsSize) return;
    ++tags_;
  }
}

ModuleRange::Iterator& ModuleRange::Iterator::operator++() {
  if (!(tags_ == end_)) {
    ++tags_;
    SkipOthers();
  }
  return *this;
}

Module ModuleRange::Iterator::operator*() const {
  if (tags_ == end_) return Module{};
  const Span<const std::byte> payload = (*tags_).payload;
  // SAFETY: SkipOthers stopped here only if the payload holds more than the two addresses.
  const char* cmdline = internal::AsChars(payload.data() + kModuleFieldsSize);
  const std::size_t cmdline_limit = payload.size() - kModuleFieldsSize;
  return Module{
      .start = Load<std::uint32_t>(payload.data()),
      .end = Load<std::uint32_t>(payload.data() + sizeof(std::uint32_t)),
      // SAFETY: the command line's characters lie inside the payload.
      .cmdline = StringView(cmdline, BoundedStringLength(cmdline, cmdline_limit)),
  };
}

}  // namespace libk::multiboot2
