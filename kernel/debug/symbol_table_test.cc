// SymbolTable against a model: lookups in an encoded table agree with a linear search of
// the entries it was built from, and no byte string (damaged headers, missing NULs, random
// data) makes the reader read outside it (run under ASan: --config=asan).
#include "kernel/debug/symbol_table.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

namespace kernel::debug {
namespace {

struct Entry {
  std::uint64_t start;
  std::uint32_t size;
  std::string name;
};

void PutLittleEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
}

// Encodes `entries` (sorted by start) as make_symbol_table.py does, padded to `reserved`.
std::string Encode(const std::vector<Entry>& entries, std::size_t reserved = 0) {
  std::string pool;
  std::string out(kSymbolTableMagic, sizeof(kSymbolTableMagic));
  const std::size_t pool_offset = kSymbolTableHeaderBytes + (entries.size() * kSymbolEntryBytes);
  std::string body;
  for (const Entry& entry : entries) {
    PutLittleEndian(body, entry.start, 8);
    PutLittleEndian(body, entry.size, 4);
    PutLittleEndian(body, pool.size(), 4);
    pool += entry.name;
    pool.push_back('\0');
  }
  PutLittleEndian(out, entries.size(), 4);
  PutLittleEndian(out, pool_offset, 4);
  PutLittleEndian(out, pool.size(), 4);
  PutLittleEndian(out, 0, 4);
  out += body + pool;
  if (out.size() < reserved) out.resize(reserved, '\0');
  return out;
}

// The model: the last entry (in table order) whose range contains `address`, among those
// with the greatest start not above it, as a binary search over sorted starts finds it.
std::optional<std::string> ModelLookup(const std::vector<Entry>& entries, std::uint64_t address) {
  const Entry* candidate = nullptr;
  for (const Entry& entry : entries) {
    if (entry.start <= address) candidate = &entry;
  }
  if (candidate == nullptr || address - candidate->start >= candidate->size) return std::nullopt;
  return candidate->name;
}

libk::Span<const char> View(const std::vector<char>& bytes) { return {bytes.data(), bytes.size()}; }

TEST(SymbolTableTest, LookupMatchesModel) {
  const bool ok = rc::check("lookups agree with a linear search", [] {
    auto starts = *rc::gen::container<std::vector<std::uint64_t>>(
        rc::gen::inRange<std::uint64_t>(0xffffffff80100000, 0xffffffff80110000));
    std::ranges::sort(starts);
    std::vector<Entry> entries;
    entries.reserve(starts.size());
    for (const std::uint64_t start : starts) {
      entries.push_back({start, *rc::gen::inRange<std::uint32_t>(0, 0x200),
                         *rc::gen::nonEmpty(rc::gen::container<std::string>(
                             rc::gen::inRange<char>('a', 'z' + 1)))});
    }
    const std::string encoded = Encode(entries, *rc::gen::inRange<std::size_t>(0, 70000));
    const std::vector<char> bytes(encoded.begin(), encoded.end());
    const auto table = SymbolTable::Parse(View(bytes));
    RC_ASSERT(table.is_ok());
    RC_ASSERT(table.value().size() == entries.size());
    for (int i = 0; i < 50; ++i) {
      const std::uint64_t address =
          entries.empty() || *rc::gen::arbitrary<bool>()
              ? *rc::gen::arbitrary<std::uint64_t>()
              : entries[*rc::gen::inRange<std::size_t>(0, entries.size())].start +
                    *rc::gen::inRange<std::uint64_t>(0, 0x220);
      const auto found = table.value().Lookup(address);
      const auto expected = ModelLookup(entries, address);
      RC_ASSERT(found.has_value() == expected.has_value());
      if (found.has_value()) {
        RC_ASSERT(std::string(found->name.data(), found->name.size()) == *expected);
        RC_ASSERT(found->start + found->offset == address);
      }
    }
  });
  EXPECT_TRUE(ok);
}

TEST(SymbolTableTest, NeverReadsOutsideDamagedTables) {
  const bool ok = rc::check("any bytes after the magic parse or fail, within bounds", [] {
    std::string encoded(kSymbolTableMagic, sizeof(kSymbolTableMagic));
    // Small header numbers, so that some damaged tables still parse.
    for (int field = 0; field < 3; ++field) {
      PutLittleEndian(encoded,
                      *rc::gen::oneOf(rc::gen::inRange<std::uint32_t>(0, 200),
                                      rc::gen::arbitrary<std::uint32_t>()),
                      4);
    }
    PutLittleEndian(encoded, 0, 4);
    const auto tail = *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
    encoded += tail;
    // An exactly sized heap buffer: ASan reports any read past its end.
    const std::vector<char> bytes(encoded.begin(), encoded.end());
    const auto table = SymbolTable::Parse(View(bytes));
    if (!table.is_ok()) {
      RC_ASSERT(table.error() == libk::Error::kMalformed);
      return;
    }
    for (int i = 0; i < 20; ++i) {
      const auto found = table.value().Lookup(*rc::gen::arbitrary<std::uint64_t>());
      if (found.has_value()) {
        RC_ASSERT(found->name.data() >= bytes.data());
        RC_ASSERT(found->name.data() + found->name.size() <= bytes.data() + bytes.size());
      }
    }
  });
  EXPECT_TRUE(ok);
}

TEST(SymbolTableTest, AnUnfilledSectionHasNoTable) {
  const std::vector<char> zeros(kSymbolTableReservedBytes, '\0');
  const auto table = SymbolTable::Parse(View(zeros));
  ASSERT_FALSE(table.is_ok());
  EXPECT_EQ(table.error(), libk::Error::kNotFound);
  EXPECT_EQ(SymbolTable::Parse(libk::Span<const char>()).error(), libk::Error::kNotFound);
}

TEST(SymbolTableTest, RejectsTruncatedAndUnsortedTables) {
  const std::string good = Encode({{0x1000, 0x10, "a"}, {0x2000, 0x10, "b"}});
  for (std::size_t cut = sizeof(kSymbolTableMagic) + 1; cut < good.size(); ++cut) {
    const std::vector<char> truncated(good.begin(), good.begin() + static_cast<long>(cut));
    const auto table = SymbolTable::Parse(View(truncated));
    ASSERT_FALSE(table.is_ok()) << cut;
  }
  const std::string unsorted = Encode({{0x2000, 0x10, "b"}, {0x1000, 0x10, "a"}});
  const std::vector<char> bytes(unsorted.begin(), unsorted.end());
  EXPECT_EQ(SymbolTable::Parse(View(bytes)).error(), libk::Error::kMalformed);
}

TEST(SymbolTableTest, ANameWithoutItsNulEndsAtThePool) {
  std::string encoded = Encode({{0x1000, 0x10, "name"}});
  encoded.pop_back();  // The final NUL.
  // The pool size in the header still counts the NUL: shrink it to match.
  encoded[16] = static_cast<char>(encoded[16] - 1);
  const std::vector<char> bytes(encoded.begin(), encoded.end());
  const auto table = SymbolTable::Parse(View(bytes));
  ASSERT_TRUE(table.is_ok());
  const auto found = table.value().Lookup(0x1004);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(std::string(found->name.data(), found->name.size()), "name");
  EXPECT_EQ(found->offset, 4U);
}

}  // namespace
}  // namespace kernel::debug
