// Robustness: on mutated, truncated or random bytes Parse either rejects or succeeds, and
// neither it nor any accessor reads outside [data, data + available). Each buffer is
// parsed three times: right before a PROT_NONE page, right after one, and as an exact heap
// allocation (which ASan checks under --config=asan); the three must agree.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/generators.h"
#include "libk/multiboot2/testing/grub_capture.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/testing/guarded_buffer.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2 {
namespace {

using testing::GuardedBuffer;

// Asserts that [view, view + size) lies inside [base, base + available).
void AssertInside(const void* view, std::size_t size, const std::byte* base,
                  std::size_t available) {
  const auto begin = std::bit_cast<std::uintptr_t>(view);
  const auto lo = std::bit_cast<std::uintptr_t>(base);
  RC_ASSERT(begin >= lo);
  RC_ASSERT(size <= available);
  RC_ASSERT(begin - lo <= available - size);
}

// Reads every byte and value every accessor of `info` offers, checks that each view lies
// inside the buffer, and returns a checksum of all of it.
std::uint64_t TouchEverything(const Info& info, const std::byte* base, std::size_t available) {
  std::uint64_t sum = 0;
  const auto mix = [&sum](std::uint64_t value) { sum = sum * 1000003 + value; };
  const auto touch_string = [&](StringRef text) {
    AssertInside(text.data(), text.size(), base, available);
    for (char c : text) mix(static_cast<unsigned char>(c));
  };
  if (const auto text = info.CommandLine()) touch_string(*text);
  if (const auto text = info.BootloaderName()) touch_string(*text);
  if (const auto mem = info.BasicMemInfo()) mix(mem->mem_lower + mem->mem_upper);
  if (const auto dev = info.BootDevice()) mix(dev->bios_device ^ dev->partition);
  for (const MemoryRegion region : info.MemoryMap()) {
    mix(region.base);
    mix(region.length);
    mix(static_cast<std::uint32_t>(region.type));
  }
  for (const Module module : info.Modules()) {
    mix(module.start);
    mix(module.end);
    touch_string(module.cmdline);
  }
  if (const auto fb = info.Framebuffer()) {
    mix(fb->address);
    mix(fb->rgb.blue_mask_size);
    for (std::size_t i = 0; i < fb->palette.size(); ++i) mix(fb->palette[i].green);
  }
  for (const Tag tag : info.Tags()) {
    mix(static_cast<std::uint32_t>(tag.type));
    AssertInside(tag.payload.data(), tag.payload.size(), base, available);
    for (std::byte byte : tag.payload) mix(std::to_integer<std::uint8_t>(byte));
  }
  return sum;
}

// What one parse saw: the error, or the checksum of everything the accessors returned.
struct Outcome {
  bool ok = false;
  std::optional<ParseError> error;
  std::uint64_t checksum = 0;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

Outcome ParseAndTouch(const std::byte* data, std::size_t available) {
  const ParseResult result = Info::Parse(data, available);
  if (!result.ok()) return Outcome{.ok = false, .error = result.error()};
  return Outcome{.ok = true, .checksum = TouchEverything(result.value(), data, available)};
}

// Parses `bytes` in all three placements and asserts they agree.
Outcome CheckEverywhere(const std::vector<std::byte>& bytes) {
  GuardedBuffer after(bytes, GuardedBuffer::Guard::kAfter);
  const Outcome outcome = ParseAndTouch(after.data(), after.size());
  GuardedBuffer before(bytes, GuardedBuffer::Guard::kBefore);
  RC_ASSERT(ParseAndTouch(before.data(), before.size()) == outcome);
  // An exact-size heap copy: ASan flags any access past it (or before it).
  auto heap = std::make_unique<std::byte[]>(bytes.size());
  if (!bytes.empty()) std::memcpy(heap.get(), bytes.data(), bytes.size());
  RC_ASSERT(ParseAndTouch(heap.get(), bytes.size()) == outcome);
  return outcome;
}

// Returns a valid structure to mutate: usually built from a random model, sometimes one of
// the GRUB examples.
std::vector<std::byte> GenValidStructure() {
  const auto copy = [](const auto& array) {
    std::vector<std::byte> bytes;
    for (std::uint8_t byte : array) bytes.push_back(std::byte{byte});
    return bytes;
  };
  switch (*rc::gen::inRange(0, 6)) {
    case 0:
      return copy(testing::kGrubCapture);
    case 1:
      return copy(testing::kGrubQemu128M);
    default:
      return testing::Build(*testing::GenInfoModel());
  }
}

// Returns the offsets of the tag headers in the well-formed structure `bytes`.
std::vector<std::size_t> TagOffsets(const std::vector<std::byte>& bytes) {
  std::vector<std::size_t> offsets;
  std::size_t offset = 8;
  while (offset + 8 <= bytes.size()) {
    offsets.push_back(offset);
    const std::uint32_t size = testing::GetU32(bytes, offset + 4);
    if (testing::GetU32(bytes, offset) == 0 || size < 8) break;
    offset += (std::size_t{size} + 7) & ~std::size_t{7};
  }
  return offsets;
}

// A u32 that often lands on a boundary the parser checks.
std::uint32_t GenSizeLike(std::size_t total) {
  const auto t = static_cast<std::uint32_t>(total);
  return *rc::gen::oneOf(rc::gen::element<std::uint32_t>(0, 1, 4, 7, 8, 9, 15, 16, 17, 23, 24, 25,
                                                         31, 32, 33, 34, 38, 0x7fffffff, 0xfffffff8,
                                                         0xffffffff, t - 8, t - 1, t, t + 1, t + 8),
                         rc::gen::inRange<std::uint32_t>(0, t + 16),
                         rc::gen::arbitrary<std::uint32_t>());
}

// Applies between one and eight random mutations to `bytes`, a well-formed structure.
void Mutate(std::vector<std::byte>& bytes) {
  const std::vector<std::size_t> tags = TagOffsets(bytes);
  const int count = *rc::gen::inRange(1, 9);
  for (int i = 0; i < count && !bytes.empty(); ++i) {
    switch (*rc::gen::inRange(0, 6)) {
      case 0: {  // Flip bits of one byte.
        const auto at = *rc::gen::inRange<std::size_t>(0, bytes.size());
        bytes[at] ^= std::byte{*rc::gen::inRange<std::uint8_t>(1, 255)};
        break;
      }
      case 1: {  // Overwrite an aligned u32 anywhere.
        if (bytes.size() < 4) break;
        const auto at = *rc::gen::inRange<std::size_t>(0, bytes.size() / 4) * 4;
        testing::PutU32(bytes, at, GenSizeLike(bytes.size()));
        break;
      }
      case 2: {  // Overwrite a tag's size, or a field right after its header.
        if (tags.empty()) break;
        const std::size_t tag = *rc::gen::elementOf(tags);
        const std::size_t at = tag + *rc::gen::element<std::size_t>(4, 8, 12);
        if (at + 4 <= bytes.size()) testing::PutU32(bytes, at, GenSizeLike(bytes.size()));
        break;
      }
      case 3: {  // Overwrite a tag's type.
        if (tags.empty()) break;
        const std::size_t tag = *rc::gen::elementOf(tags);
        if (tag + 4 <= bytes.size()) {
          testing::PutU32(bytes, tag, *rc::gen::inRange<std::uint32_t>(0, 23));
        }
        break;
      }
      case 4:  // Truncate: fewer bytes available than total_size says.
        bytes.resize(*rc::gen::inRange<std::size_t>(0, bytes.size()));
        break;
      case 5:  // Overwrite total_size.
        if (bytes.size() >= 4) testing::PutU32(bytes, 0, GenSizeLike(bytes.size()));
        break;
    }
  }
}

TEST(InfoRobustness, MutatedStructuresAreRejectedOrReadInBounds) {
  int accepted = 0;
  int rejected = 0;
  EXPECT_TRUE(rc::check("mutated structures", [&] {
    std::vector<std::byte> bytes = GenValidStructure();
    Mutate(bytes);
    const Outcome outcome = CheckEverywhere(bytes);
    RC_TAG(outcome.ok ? "accepted" : ParseErrorName(*outcome.error));
    (outcome.ok ? accepted : rejected) += 1;
  }));
  // Both outcomes must be common, or the property tests less than it claims.
  EXPECT_GT(accepted, 5);
  EXPECT_GT(rejected, 5);
}

TEST(InfoRobustness, RandomBytesAreRejectedOrReadInBounds) {
  EXPECT_TRUE(rc::check("random bytes", [] {
    std::vector<std::byte> bytes;
    for (std::uint8_t byte : *rc::gen::arbitrary<std::vector<std::uint8_t>>()) {
      bytes.push_back(std::byte{byte});
    }
    // Often make total_size match, so the walk gets past the header.
    if (bytes.size() >= 4 && *rc::gen::arbitrary<bool>()) {
      testing::PutU32(bytes, 0, static_cast<std::uint32_t>(bytes.size()));
    }
    CheckEverywhere(bytes);
  }));
}

// Even if the bytes change after Parse (they should not), accessors stay inside them.
TEST(InfoRobustness, AccessorsStayInBoundsWhenBytesChangeAfterParse) {
  EXPECT_TRUE(rc::check("bytes changed after parse", [] {
    const std::vector<std::byte> original = GenValidStructure();
    std::vector<std::byte> mutated = original;
    Mutate(mutated);
    mutated.resize(original.size());  // Only in-place changes: the mapping stays the same.
    for (auto guard : {GuardedBuffer::Guard::kAfter, GuardedBuffer::Guard::kBefore}) {
      GuardedBuffer buffer(original, guard);
      const ParseResult result = Info::Parse(buffer.data(), buffer.size());
      RC_ASSERT(result.ok());
      std::memcpy(buffer.mutable_data(), mutated.data(), mutated.size());
      TouchEverything(result.value(), buffer.data(), buffer.size());
    }
  }));
}

TEST(InfoRobustness, FromBootloaderReadsOnlyTotalSizeBytes) {
  EXPECT_TRUE(rc::check("FromBootloader on mutated structures", [] {
    std::vector<std::byte> bytes = GenValidStructure();
    Mutate(bytes);
    if (bytes.size() < 4) return;
    // The loader's promise: total_size bytes are readable. Shrink the buffer to exactly that.
    const std::uint32_t total = testing::GetU32(bytes, 0);
    if (total < 4 || total > bytes.size()) return;
    bytes.resize(total);
    GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);
    const ParseResult result = Info::FromBootloader(buffer.data());
    if (result.ok()) TouchEverything(result.value(), buffer.data(), buffer.size());
  }));
}

}  // namespace
}  // namespace libk::multiboot2
