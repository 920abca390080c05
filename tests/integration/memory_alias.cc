// memory_alias: the direct map's alias of the kernel image. Text and rodata read the same
// through it as at -2 GiB, but a write to either faults (a protection violation: the
// alias is mapped read-only, so no stray write through the direct map can patch kernel
// code); data and the freed boot tables' frames stay writable through it. Each write
// stores the byte that is already there, so a test that fails changes nothing.
#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/mm/address_space.h"
#include "kernel/testing/ktest.h"

// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __text_start[];
extern "C" const std::byte __text_end[];
extern "C" const std::byte __rodata_end[];
extern "C" const std::byte __boot_tables_start[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace {

namespace raw = libk::x86_64::raw;

// A byte of .data, written through its alias.
volatile std::uint8_t data_byte = 0x5a;

// Returns the direct map's alias of the image address `image`.
std::uint64_t AliasOf(std::uint64_t image) {
  return kernel::mm::PhysToVirt(libk::x86_64::paging::PhysAddr::New(image - boot::kKernelVma))
      .value();
}

// Writes the byte at the alias of `image` back to itself, after saying so.
void WriteAlias(const char* what, std::uint64_t image) {
  const std::uint64_t alias = AliasOf(image);
  // SAFETY: the direct map maps all RAM, the image included, readable.
  const auto value = raw::VolatileLoad<std::uint8_t>(alias);
  kernel::kprintln("memory_alias: writing to the direct map's alias of {} at {:#x}", what, alias);
  // SAFETY: deliberately invalid: the alias of text and rodata is read-only, so the write
  // faults; were it writable, the byte written is the one already there.
  raw::VolatileStore<std::uint8_t>(alias, value);
}

KTEST(memory_alias, text_and_rodata_read_the_same_through_the_direct_map) {
  const std::uint64_t addresses[] = {raw::AddressOf(__text_start), raw::AddressOf(__text_end) - 1,
                                     raw::AddressOf(__text_end), raw::AddressOf(__rodata_end) - 1};
  for (const std::uint64_t image : addresses) {
    // SAFETY: both addresses map the same RAM frame of the image, readable.
    const auto at_image = raw::VolatileLoad<std::uint8_t>(image);
    // SAFETY: as above.
    const auto at_alias = raw::VolatileLoad<std::uint8_t>(AliasOf(image));
    LIBK_ASSERT(at_image == at_alias, "{:#x} reads {:#x}, its alias {:#x} reads {:#x}", image,
                at_image, AliasOf(image), at_alias);
  }
  kernel::kprintln("memory_alias: text at {:#x} and rodata up to {:#x} read the same at {:#x}",
                   raw::AddressOf(__text_start), raw::AddressOf(__rodata_end),
                   AliasOf(raw::AddressOf(__text_start)));
}

KTEST_SHOULD_PANIC(memory_alias, write_to_text_alias) {
  WriteAlias(".text", raw::AddressOf(__text_start));
}

// The last byte of rodata: a split that stopped short of the end would leave it writable.
KTEST_SHOULD_PANIC(memory_alias, write_to_rodata_alias) {
  WriteAlias(".rodata", raw::AddressOf(__rodata_end) - 1);
}

KTEST(memory_alias, data_and_freed_boot_tables_stay_writable) {
  const std::uint64_t data = AliasOf(raw::AddressOf(&data_byte));
  // SAFETY: .data's frames are mapped read-write in the direct map; the byte is this
  // file's own, and nothing else runs meanwhile.
  raw::VolatileStore<std::uint8_t>(data, 0xa5);
  LIBK_ASSERT(data_byte == 0xa5, "a write through the alias {:#x} did not reach .data", data);
  const std::uint64_t table = AliasOf(raw::AddressOf(__boot_tables_start));
  // SAFETY: the boot tables' frames are free RAM now, mapped read-write in the direct map;
  // the byte is written back unchanged and nothing else runs meanwhile.
  raw::VolatileStore<std::uint8_t>(table, raw::VolatileLoad<std::uint8_t>(table));
  kernel::kprintln("memory_alias: wrote .data at {:#x} and a freed boot table at {:#x}", data,
                   table);
}

}  // namespace
