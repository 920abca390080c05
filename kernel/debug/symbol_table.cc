#include "kernel/debug/symbol_table.h"

namespace kernel::debug {
namespace {

// Reads `bytes` little-endian bytes at `at`; the caller has checked the bounds.
std::uint64_t ReadLittleEndian(const char* at, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = bytes; i > 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(at[i - 1]);
  }
  return value;
}

}  // namespace

libk::Result<SymbolTable, libk::Error> SymbolTable::Parse(libk::Span<const char> bytes) {
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  if (size < kSymbolTableHeaderBytes) {
    return libk::Err(libk::Error::kNotFound);
  }
  for (std::size_t i = 0; i < sizeof(kSymbolTableMagic); ++i) {
    if (data[i] != kSymbolTableMagic[i]) {
      return libk::Err(libk::Error::kNotFound);
    }
  }
  const std::uint64_t count = ReadLittleEndian(data + 8, 4);
  const std::uint64_t pool_offset = ReadLittleEndian(data + 12, 4);
  const std::uint64_t pool_size = ReadLittleEndian(data + 16, 4);
  // 32-bit fields: none of these sums can overflow 64 bits.
  const std::uint64_t entries_end = kSymbolTableHeaderBytes + (count * kSymbolEntryBytes);
  if (entries_end > pool_offset || pool_offset > size || pool_size > size - pool_offset) {
    return libk::Err(libk::Error::kMalformed);
  }
  const SymbolTable table(data, count, pool_offset, pool_size);
  for (std::size_t i = 1; i < count; ++i) {
    if (table.Start(i - 1) > table.Start(i)) {
      return libk::Err(libk::Error::kMalformed);
    }
  }
  return libk::Ok(table);
}

std::uint64_t SymbolTable::Start(std::size_t index) const {
  return ReadLittleEndian(data_ + kSymbolTableHeaderBytes + (index * kSymbolEntryBytes), 8);
}

libk::Optional<SymbolMatch> SymbolTable::Lookup(std::uint64_t address) const {
  // The first entry that starts after `address`; the one before it is the candidate.
  std::size_t low = 0;
  std::size_t high = count_;
  while (low < high) {
    const std::size_t middle = low + ((high - low) / 2);
    if (Start(middle) <= address) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == 0) {
    return libk::kNone;
  }
  const char* entry = data_ + kSymbolTableHeaderBytes + ((low - 1) * kSymbolEntryBytes);
  const std::uint64_t start = ReadLittleEndian(entry, 8);
  const std::uint64_t size = ReadLittleEndian(entry + 8, 4);
  const std::uint64_t name_offset = ReadLittleEndian(entry + 12, 4);
  if (address - start >= size || name_offset >= pool_size_) {
    return libk::kNone;
  }
  // The name ends at its NUL, or at the end of the pool if a damaged table has none.
  const char* name = data_ + pool_offset_ + name_offset;
  std::size_t length = 0;
  while (name_offset + length < pool_size_ && name[length] != '\0') {
    ++length;
  }
  return SymbolMatch{libk::StringView(name, length), start, address - start};
}

}  // namespace kernel::debug
