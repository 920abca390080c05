// The mapper against a model: random sequences of MapTo, Unmap, UpdateFlags and Translate
// with all three page sizes, on simulated RAM at an offset, agree with a std::map of the
// mapped virtual ranges. Each error comes back exactly when the model says so (including
// running out of frames for tables); after every step the tables in the tree are exactly
// the frames the allocator has handed out, none of them empty, and their number is what
// the model's mappings require; unmapping everything gives every frame back. The model and
// the harness live in testing/mapper_model.h, shared with the mapper fuzzer.
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/arch/x86_64/paging/testing/mapper_model.h"

namespace libk::x86_64::paging {
namespace {

using testing::RunSteps;
using testing::Step;

TEST(MapperProperty, AgreesWithAModelOfMappedRanges) { EXPECT_TRUE(rc::check(RunSteps)); }

// Long runs of mapping only, then the unmapping sweep: the tree fills up and empties.
TEST(MapperProperty, FillsAndEmptiesCompletely) {
  EXPECT_TRUE(rc::check([] {
    const auto codes = *rc::gen::container<std::vector<std::uint32_t>>(
        rc::gen::inRange<std::uint32_t>(0, 3 << 16));
    std::vector<Step> steps;
    steps.reserve(codes.size());
    for (const std::uint32_t code : codes) steps.emplace_back(0, code, code * 0x1000ULL, 0);
    RunSteps(steps);
  }));
}

}  // namespace
}  // namespace libk::x86_64::paging
