// The interface the mapper needs from a physical frame allocator: frames for new page
// tables, and a way to give back tables that became empty. libk/mm's BitmapFrameAllocator
// implements it; tests use small pools.
#pragma once

#include <concepts>

#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/result/optional.h"

namespace libk::x86_64::paging {

// Hands out and takes back 4 KiB frames. AllocateFrame returns a frame no one else uses
// (its contents are unspecified), or nothing when memory is exhausted; DeallocateFrame
// takes back a frame AllocateFrame returned.
template <typename A>
concept FrameAllocator = requires(A& allocator, PhysFrame<Size4KiB> frame) {
  { allocator.AllocateFrame() } -> std::same_as<Optional<PhysFrame<Size4KiB>>>;
  { allocator.DeallocateFrame(frame) } -> std::same_as<void>;
};

}  // namespace libk::x86_64::paging
