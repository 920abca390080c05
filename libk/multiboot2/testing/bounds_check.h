// Checks that parsing some bytes, and reading everything the result offers, stays inside
// those bytes: each parse runs right before a PROT_NONE page, right after one, and on an
// exact-size heap copy (which ASan watches under --config=asan). Host tests only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "libk/multiboot2/info.h"

namespace libk::multiboot2::testing {

// Reads every value and byte that every accessor of `info` offers and returns a checksum
// of them all. Throws std::runtime_error if a view lies outside [base, base + available),
// or, with `strings_in_tags`, if a string (with its NUL) lies outside every tag of its type
// (which only holds while the bytes are those Parse validated).
std::uint64_t TouchEverything(const Info& info, const std::byte* base, std::size_t available,
                              bool strings_in_tags = true);

// What one parse saw: the failure (error and offset), or the checksum of everything the
// accessors returned.
struct Outcome {
  bool ok = false;
  std::optional<ParseFailure> failure;
  std::uint64_t checksum = 0;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

// Parses `bytes` (all available) in the three placements and touches everything on
// success. Throws std::runtime_error if the placements disagree or a view lies outside;
// an out-of-bounds read crashes (guard page) or is reported by ASan.
Outcome CheckEverywhere(std::span<const std::byte> bytes);

// Returns the offsets of the tag headers of `bytes` (a well-formed structure), up to and
// including the end tag.
std::vector<std::size_t> TagOffsets(std::span<const std::byte> bytes);

// Returns `bytes` as std::bytes.
std::vector<std::byte> ToBytes(std::span<const std::uint8_t> bytes);

}  // namespace libk::multiboot2::testing
