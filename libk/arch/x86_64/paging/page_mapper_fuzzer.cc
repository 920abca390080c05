// Fuzzes the mapper against the reference model in testing/mapper_model.h (the same one
// mapper_property_test uses): the input is a script of MapTo, Unmap, UpdateFlags,
// Translate and budget steps with pages of all three sizes on simulated RAM; after every
// step the mapper's results and its tree must agree with the model, and unmapping what is
// left must give every table frame back.
//
// Input script, one step after another (tools/fuzz/byte_reader.h), eight bytes each:
//   op          (1 byte, mod 6: 0-1 MapTo, 2 Unmap, 3 UpdateFlags, 4 Translate, 5 budget)
//   size        (1 byte, mod 3: 4 KiB, 2 MiB, 1 GiB; bit 7 flushes the TLB token)
//   page        (2 bytes: the indices at each level, as mapper_model.h's PageStart reads them)
//   frame       (2 bytes: frame number bits, scaled by 4 KiB; also the Translate offset and
//               the budget)
//   flags       (2 bytes: the low 12 bits of the entry flags, then NO_EXECUTE from bit 15)
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "libk/arch/x86_64/paging/testing/mapper_model.h"

#include "tools/fuzz/byte_reader.h"

namespace libk::x86_64::paging {
namespace {

// At most this many steps per input, so one input stays fast.
constexpr std::size_t kMaxSteps = 512;

// Returns the next two bytes as a little-endian integer (read in order: the operands of `|`
// are not sequenced).
std::uint16_t U16(keel::fuzz::ByteReader& input) {
  const std::uint16_t low = input.Byte();
  return static_cast<std::uint16_t>(low | (input.Byte() << 8));
}

std::vector<testing::Step> Decode(keel::fuzz::ByteReader& input) {
  std::vector<testing::Step> steps;
  while (!input.empty() && steps.size() < kMaxSteps) {
    const std::uint8_t op = input.Byte();
    const std::uint8_t size = input.Byte();
    const std::uint32_t page = U16(input);
    const std::uint64_t frame = U16(input);
    const std::uint64_t flag_bits = U16(input);
    // The step's code: size above bit 16, flush in bit 15, the page's indices below.
    const std::uint32_t code =
        (std::uint32_t{size & 0x7fU} << 16) | ((size & 0x80U) != 0 ? 0x8000U : 0) | (page & 0x7fff);
    // Frames spread over 4 GiB and past it; flags: the low bits and NO_EXECUTE.
    const std::uint64_t flags = (flag_bits & 0xfff) | ((flag_bits & 0x8000) << 48);
    steps.emplace_back(op, code, frame * 0x1'1000, flags);
  }
  return steps;
}

}  // namespace
}  // namespace libk::x86_64::paging

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  libk::x86_64::paging::testing::RunSteps(libk::x86_64::paging::Decode(input));
  return 0;
}
