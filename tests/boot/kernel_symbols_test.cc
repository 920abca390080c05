// The symbol table inside the built kernel agrees with the kernel's own ELF symbols: every
// function symbol of the final image (as llvm-nm lists it) is found by
// kernel::debug::SymbolTable at its address and at its last byte, and kernel::Main has its
// demangled name. So the build-time generator and the in-kernel reader agree on the
// format, and filling the table moved no address.
// Usage: kernel_symbols_test TABLE NM_POSIX_LISTING
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kernel/debug/symbol_table.h"

namespace {

std::vector<std::string> args;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

struct Symbol {
  std::string name;
  char type;
  std::uint64_t address;
  std::uint64_t size;
};

std::vector<Symbol> ReadListing(const std::string& path) {
  std::vector<Symbol> symbols;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Symbol symbol{};
    std::string address;
    std::string size;
    fields >> symbol.name >> symbol.type >> address >> size;
    if (address.empty()) continue;
    symbol.address = std::stoull(address, nullptr, 16);
    symbol.size = size.empty() ? 0 : std::stoull(size, nullptr, 16);
    symbols.push_back(symbol);
  }
  return symbols;
}

TEST(KernelSymbolsTest, EveryFunctionIsFoundWhereTheElfPutsIt) {
  ASSERT_EQ(args.size(), 2U) << "usage: kernel_symbols_test TABLE NM_LISTING";
  std::ifstream in(args[0], std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_EQ(bytes.size(), kernel::debug::kSymbolTableReservedBytes);
  const auto table = kernel::debug::SymbolTable::Parse({bytes.data(), bytes.size()});
  ASSERT_TRUE(table.is_ok());
  int checked = 0;
  bool saw_main = false;
  for (const Symbol& symbol : ReadListing(args[1])) {
    // Functions in the higher half with a size (the 32-bit boot code is not panicked in).
    if ((symbol.type != 'T' && symbol.type != 't') || symbol.size == 0 ||
        symbol.address < 0xffffffff80000000) {
      continue;
    }
    for (const std::uint64_t address : {symbol.address, symbol.address + symbol.size - 1}) {
      const auto found = table.value().Lookup(address);
      ASSERT_TRUE(found.has_value()) << symbol.name << " at " << std::hex << address;
      EXPECT_EQ(found->start, symbol.address) << symbol.name;
    }
    if (symbol.name == "_ZN6kernel4MainERKN4libk10multiboot24InfoE") {
      const auto found = table.value().Lookup(symbol.address + 1);
      ASSERT_TRUE(found.has_value());
      EXPECT_EQ(std::string(found->name.data(), found->name.size()), "kernel::Main");
      EXPECT_EQ(found->offset, 1U);
      saw_main = true;
    }
    ++checked;
  }
  EXPECT_TRUE(saw_main);
  EXPECT_GT(checked, 100);
  std::cout << checked << " functions found in " << table.value().size() << " table entries\n";
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  args.assign(argv + 1, argv + argc);
  return RUN_ALL_TESTS();
}
