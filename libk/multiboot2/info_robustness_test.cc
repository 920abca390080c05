// Robustness: on mutated, truncated or random bytes Parse either rejects or succeeds, and
// neither it nor any accessor reads outside [data, data + available) (see bounds_check.h:
// guard pages on either side and an exact heap copy for ASan, which must all agree).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/bounds_check.h"
#include "libk/multiboot2/testing/generators.h"
#include "libk/multiboot2/testing/grub_capture.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/testing/guarded_buffer.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2 {
namespace {

using testing::CheckEverywhere;
using testing::GuardedBuffer;
using testing::Outcome;
using testing::TagOffsets;
using testing::TouchEverything;

// Returns a valid structure to mutate: usually built from a random model, sometimes one of
// the GRUB examples.
std::vector<std::byte> GenValidStructure() {
  switch (*rc::gen::inRange(0, 6)) {
    case 0:
      return testing::ToBytes(testing::kGrubCapture);
    case 1:
      return testing::ToBytes(testing::kGrubQemu128M);
    default:
      return testing::Build(*testing::GenInfoModel());
  }
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
// Most aim at a size the parser checks.
void Mutate(  // NOLINT(readability-function-cognitive-complexity): one switch of mutations.
    std::vector<std::byte>& bytes) {
  const std::vector<std::size_t> tags = TagOffsets(bytes);
  const int count = *rc::gen::inRange(1, 9);
  for (int i = 0; i < count && !bytes.empty(); ++i) {
    switch (*rc::gen::inRange(0, 8)) {
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
      case 6: {  // Make a tag end near the end of the buffer, a byte or a few either side.
        if (tags.empty()) break;
        const std::size_t tag = *rc::gen::elementOf(tags);
        const auto delta = *rc::gen::inRange<std::int64_t>(-9, 10);
        const auto size = static_cast<std::int64_t>(bytes.size() - tag) + delta;
        if (tag + 8 <= bytes.size() && size >= 0) {
          testing::PutU32(bytes, tag + 4, static_cast<std::uint32_t>(size));
        }
        break;
      }
      case 7: {  // Fill a range with one nonzero byte, wiping out NULs and zero fields.
        const auto first = *rc::gen::inRange<std::size_t>(0, bytes.size());
        const auto last = *rc::gen::inRange<std::size_t>(first, bytes.size() + 1);
        const std::byte fill{*rc::gen::inRange<std::uint8_t>(1, 255)};
        for (std::size_t at = first; at < last; ++at) bytes[at] = fill;
        break;
      }
      default:
        RC_FAIL("no such mutation");
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
    RC_TAG(outcome.ok ? "accepted" : ParseErrorName(outcome.failure->reason));
    (outcome.ok ? accepted : rejected) += 1;
  }));
  // Both outcomes must be common, or the property tests less than it claims.
  EXPECT_GT(accepted, 5);
  EXPECT_GT(rejected, 5);
}

TEST(InfoRobustness, RandomBytesAreRejectedOrReadInBounds) {
  EXPECT_TRUE(rc::check("random bytes", [] {
    std::vector<std::byte> bytes;
    for (const std::uint8_t byte : *rc::gen::arbitrary<std::vector<std::uint8_t>>()) {
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
      const Result<Info, ParseFailure> result = Info::Parse(buffer.data(), buffer.size());
      RC_ASSERT(result.is_ok());
      std::memcpy(buffer.mutable_data(), mutated.data(), mutated.size());
      TouchEverything(result.value(), buffer.data(), buffer.size(), /*strings_in_tags=*/false);
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
    const GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);
    const Result<Info, ParseFailure> result = Info::FromBootloader(buffer.data());
    if (result.is_ok()) TouchEverything(result.value(), buffer.data(), buffer.size());
  }));
}

}  // namespace
}  // namespace libk::multiboot2
