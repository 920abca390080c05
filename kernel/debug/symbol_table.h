// The kernel's symbol table: function names by address, so a panic can name the functions
// of its backtrace. make_symbol_table.py writes the table from the linked ELF into the
// image's reserved .keel_symbols section; this reader finds a name without trusting the
// bytes (a missing or damaged table is reported, never read out of bounds).
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/containers/span.h"
#include "libk/fmt/string_view.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace kernel::debug {

// The table's layout, little-endian (make_symbol_table.py writes the same):
//   [0, 8)    magic "KEELSYM1"
//   [8, 12)   u32 entry count N
//   [12, 16)  u32 offset of the string pool from the start of the table
//   [16, 20)  u32 size of the string pool
//   [20, 24)  u32 zero
//   [24, 24 + 16 N)  entries sorted by start: u64 start, u32 size, u32 name offset
//   the string pool: NUL-terminated names; then zero padding to the reserved size.
inline constexpr char kSymbolTableMagic[8] = {'K', 'E', 'E', 'L', 'S', 'Y', 'M', '1'};
inline constexpr std::size_t kSymbolTableHeaderBytes = 24;
inline constexpr std::size_t kSymbolEntryBytes = 16;

// The bytes every kernel image reserves for its table (the .keel_symbols section).
inline constexpr std::size_t kSymbolTableReservedBytes = std::size_t{64} * 1024;

// A function that contains an address.
struct SymbolMatch {
  libk::StringView name;
  std::uint64_t start = 0;
  std::uint64_t offset = 0;  // address - start
};

// A validated view of a symbol table. Invariant: the header, the entries and the string
// pool lie inside the viewed bytes and the entries are sorted by start address.
class SymbolTable {
 public:
  // Returns a view of the table in `bytes` (chars, so that names are views into it), or
  //   Error::kNotFound   when `bytes` does not start with the magic (an empty section),
  //   Error::kMalformed  when the header, the entries or the pool do not fit in `bytes`,
  //                      or the entries are not sorted.
  static libk::Result<SymbolTable, libk::Error> Parse(libk::Span<const char> bytes);

  // Returns the function whose [start, start + size) contains `address`.
  libk::Optional<SymbolMatch> Lookup(std::uint64_t address) const;

  std::size_t size() const { return count_; }

 private:
  SymbolTable(const char* data, std::size_t count, std::size_t pool_offset, std::size_t pool_size)
      : data_(data), count_(count), pool_offset_(pool_offset), pool_size_(pool_size) {}

  std::uint64_t Start(std::size_t index) const;

  const char* data_;
  std::size_t count_;
  std::size_t pool_offset_;
  std::size_t pool_size_;
};

}  // namespace kernel::debug
