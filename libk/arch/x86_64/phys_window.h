// PhysWindow: the kernel's way for the mapper to reach page tables, through a window in
// the virtual address space where physical memory [0, size) appears at a fixed offset.
// The boot tables provide one (the first GiB at 0xffffffff80000000); the kernel's own
// direct map will provide one for all of RAM.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// Physical [0, size) mapped at virtual [base, base + size). Invariant: base + size does
// not wrap and stays canonical.
class PhysWindow {
 public:
  // Views physical [0, size) at `base`.
  // Safety: the window must really be mapped, readable and writable, for as long as this
  // object (or a mapper holding a copy) is used, and the page tables reached through it
  // must not be edited by other code at the same time.
  PhysWindow(paging::VirtAddr base, std::uint64_t size) : base_(base), size_(size) {
    static_cast<void>(base.Plus(size));
  }

  // Returns the virtual address of `addr`; panics if it is outside the window.
  paging::VirtAddr VirtOf(paging::PhysAddr addr) const {
    LIBK_ASSERT(addr.value() < size_, "{} is outside the physical window of {:#x} bytes", addr,
                size_);
    return base_ + addr.value();
  }

  // Returns the page table in `frame`; panics if the frame is outside the window.
  paging::PageTable& TableAt(paging::PhysFrame<paging::Size4KiB> frame) const {
    const std::uint64_t start = frame.StartAddress().value();
    const bool inside = start < size_ && paging::Size4KiB::kSize <= size_ - start;
    LIBK_ASSERT(inside, "{} is outside the physical window of {:#x} bytes", frame, size_);
    // SAFETY: the constructor's contract maps the whole window; the frame is inside it and
    // 4 KiB aligned, as a PageTable must be.
    return *raw::ObjectAt<paging::PageTable>(VirtOf(frame.StartAddress()).value());
  }

  paging::VirtAddr base() const { return base_; }
  std::uint64_t size() const { return size_; }

 private:
  paging::VirtAddr base_;
  std::uint64_t size_;
};

static_assert(paging::PhysToVirt<PhysWindow>);

}  // namespace libk::x86_64
