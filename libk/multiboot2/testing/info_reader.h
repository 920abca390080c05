// Reads validated boot information back into an InfoModel (info_builder.h) through Info's
// public accessors, so tests can compare what the parser returns with what was built.
#pragma once

#include <cstdint>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/info_builder.h"
#include "libk/multiboot2/types.h"

namespace libk::multiboot2::testing {

// Returns whether Info decodes tags of `type` (they are not kept in other_tags).
bool IsDecodedTag(TagType type);

// Returns everything `info` offers as a model. The memory map's entry size is not
// observable through Info; the model gets `memory_map_entry_size`.
InfoModel ReadModel(const Info& info, std::uint32_t memory_map_entry_size);

}  // namespace libk::multiboot2::testing
