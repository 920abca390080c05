// The kernel's virtual address map in one place: where the direct map of RAM, the kernel
// heap's reserved range and the kernel image live in the higher half. docs/memory.md draws
// it; the static_asserts (and layout_test) check that the ranges do not overlap.
#pragma once

#include <cstdint>

#include "boot/boot_constants.h"

namespace kernel::mm::layout {

inline constexpr std::uint64_t kPageBytes = 0x1000;

// All physical RAM at a fixed offset: physical p is at kDirectMapBase + p. The first
// canonical higher-half address, so the direct map may grow to 64 TiB of RAM.
inline constexpr std::uint64_t kDirectMapBase = 0xffff'8000'0000'0000;
inline constexpr std::uint64_t kDirectMapMaxBytes = std::uint64_t{64} << 40;
inline constexpr std::uint64_t kDirectMapEnd = kDirectMapBase + kDirectMapMaxBytes;

// The kernel heap's range, reserved for the heap: [kHeapBase, kHeapBase + kHeapMaxBytes),
// with one page at each end (kHeapGuardLow, kHeapGuardHigh) that is never mapped, so a
// run off either end faults.
inline constexpr std::uint64_t kHeapGuardLow = 0xffff'c000'0000'0000;
inline constexpr std::uint64_t kHeapBase = kHeapGuardLow + kPageBytes;
inline constexpr std::uint64_t kHeapMaxBytes = std::uint64_t{64} << 30;
inline constexpr std::uint64_t kHeapGuardHigh = kHeapBase + kHeapMaxBytes;
inline constexpr std::uint64_t kHeapRangeEnd = kHeapGuardHigh + kPageBytes;

// Pages mapped on request (device windows, test mappings): [kWindowsBase, kWindowsEnd).
inline constexpr std::uint64_t kWindowsBase = 0xffff'd000'0000'0000;
inline constexpr std::uint64_t kWindowsEnd = kWindowsBase + (std::uint64_t{1} << 39);

// The kernel image, linked at -2 GiB (-mcmodel=kernel): physical p of the image is at
// kKernelImageBase + p, as in the boot map, but only the image's own pages are mapped.
inline constexpr std::uint64_t kKernelImageBase = boot::kKernelVma;

static_assert(kDirectMapEnd <= kHeapGuardLow, "the direct map runs into the heap");
static_assert(kHeapRangeEnd <= kWindowsBase, "the heap runs into the windows");
static_assert(kWindowsEnd <= kKernelImageBase, "the windows run into the kernel image");
static_assert(kHeapBase % kPageBytes == 0 && kHeapMaxBytes % kPageBytes == 0);

}  // namespace kernel::mm::layout
