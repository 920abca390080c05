// Boundary sweep: for a few valid structures, every tag's size is set to every value near
// the tag's own fields and near the end of the buffer, with the bytes after the tag's
// header left alone or overwritten with non-NUL bytes; and total_size is swept around the
// buffer's end. Every variant must parse (or be rejected) without reading outside the
// buffer, which ends exactly at a guard page (see bounds_check.h). Deterministic, so an
// off-by-one in a bounds check fails here every time.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/bounds_check.h"
#include "libk/multiboot2/testing/grub_capture.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2 {
namespace {

using testing::CheckEverywhere;

std::vector<std::vector<std::byte>> BaseStructures() {
  std::vector<std::vector<std::byte>> structures = {
      testing::ToBytes(testing::kGrubCapture),
      testing::ToBytes(testing::kGrubQemu128M),
  };
  testing::InfoModel modules_last;
  modules_last.command_line = "console=ttyS0";
  modules_last.modules = {{0x1000, 0x2000, "initrd"}, {0x3000, 0x3000, "x"}};
  structures.push_back(testing::Build(modules_last));

  testing::InfoModel indexed;
  indexed.framebuffer = testing::FramebufferModel{};
  indexed.framebuffer->type = FramebufferType::kIndexed;
  indexed.framebuffer->palette = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  structures.push_back(testing::Build(indexed));

  testing::InfoModel rgb_and_map_last;
  rgb_and_map_last.framebuffer = testing::FramebufferModel{};
  rgb_and_map_last.framebuffer->type = FramebufferType::kRgb;
  rgb_and_map_last.framebuffer->rgb = {16, 8, 8, 8, 0, 8};
  rgb_and_map_last.bootloader_name = "loader";
  rgb_and_map_last.other_tags = {{.type = 14, .payload = std::vector<std::byte>(20)}};
  structures.push_back(testing::Build(rgb_and_map_last));

  testing::InfoModel map_last;
  map_last.basic_mem_info = BasicMemoryInfo{.mem_lower = 1, .mem_upper = 2};
  map_last.boot_device = BiosBootDevice{};
  map_last.memory_map = {{0, 0x1000, MemoryType::kAvailable},
                         {0x1000, 0x1000, MemoryType::kAcpiNvs}};
  map_last.memory_map_entry_size = 32;
  structures.push_back(testing::Build(map_last));
  return structures;
}

// Runs CheckEverywhere, turning its exception into a test failure that names `what`.
std::optional<testing::Outcome> Check(const std::vector<std::byte>& bytes,
                                      const std::string& what) {
  try {
    return CheckEverywhere(bytes);
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": " << e.what();
    return std::nullopt;
  }
}

// NOLINTNEXTLINE(readability-function-cognitive-complexity): one sweep, many boundaries.
TEST(InfoBoundary, TagSizesAroundEveryBoundary) {
  int accepted = 0;
  int variants = 0;
  for (const std::vector<std::byte>& base : BaseStructures()) {
    ASSERT_TRUE(Info::Parse(base.data(), base.size()).is_ok());
    for (const std::size_t tag : testing::TagOffsets(base)) {
      const std::size_t remaining = base.size() - tag;
      std::vector<std::size_t> sizes;
      for (std::size_t size = 0; size <= 48; ++size) sizes.push_back(size);
      for (std::size_t size = remaining > 24 ? remaining - 24 : 0; size <= remaining + 24; ++size) {
        sizes.push_back(size);
      }
      // Overwrite from the tag's payload, from after a module's or memory map's fields, or
      // from after a framebuffer's fields; or not at all (0).
      for (const std::size_t fill_from : {std::size_t{0}, tag + 8, tag + 16, tag + 32}) {
        for (const std::size_t size : sizes) {
          std::vector<std::byte> bytes = base;
          for (std::size_t at = fill_from; fill_from != 0 && at < bytes.size(); ++at) {
            bytes[at] = std::byte{'A'};
          }
          testing::PutU32(bytes, tag + 4, static_cast<std::uint32_t>(size));
          const auto outcome =
              Check(bytes, "tag at " + std::to_string(tag) + " of size " + std::to_string(size) +
                               ", filled from " + std::to_string(fill_from));
          if (!outcome) return;
          accepted += outcome->ok ? 1 : 0;
          ++variants;
        }
      }
    }
  }
  // Some variants must be accepted (sizes that only shrink padding or grow unknown tags),
  // or the accessors' bounds would go unchecked.
  EXPECT_GT(accepted, 20) << "of " << variants;
}

TEST(InfoBoundary, TotalSizeAroundTheEnd) {
  for (const std::vector<std::byte>& base : BaseStructures()) {
    for (std::size_t total = 0; total <= base.size() + 24; ++total) {
      std::vector<std::byte> bytes = base;
      bytes.resize(total < 8 ? 8 : total, std::byte{'A'});
      testing::PutU32(bytes, 0, static_cast<std::uint32_t>(total));
      Check(bytes, "total_size " + std::to_string(total));
      // And with fewer bytes available than total_size says.
      bytes.resize(total / 2);
      Check(bytes, "half of total_size " + std::to_string(total));
    }
  }
}

}  // namespace
}  // namespace libk::multiboot2
