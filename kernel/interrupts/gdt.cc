#include "kernel/interrupts/gdt.h"

#include "libk/arch/x86_64/gdt_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/task_state_segment.h"

#include "kernel/interrupts/kernel_stacks.h"
#include "kernel/interrupts/segments.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;

// Writable: ltr marks the TSS descriptor busy in the table.
libk::x86_64::GdtTable<kGdtSlots> gdt;
libk::x86_64::TaskStateSegment tss;

}  // namespace

void LoadGdt() {
  tss = BuildTss(KernelStacks());
  gdt = BuildGdt(raw::AddressOf(&tss));
  const raw::DescriptorTablePointer pointer{gdt.limit(), raw::AddressOf(&gdt.slots())};
  // SAFETY: `gdt` is a global in writable memory and is never changed again (Init runs
  // once); its code and data descriptors are flat ring-0 segments equivalent to the boot
  // GDT's at the same selectors, and CS, DS, ES and SS are reloaded right below.
  raw::Lgdt(pointer);
  // SAFETY: kKernelSegments.code names the 64-bit ring-0 code segment of the GDT above.
  raw::LoadCodeSegment(kKernelSegments.code.raw());
  // SAFETY: kKernelSegments.data names the writable ring-0 data segment of that GDT.
  raw::LoadDataSegments(kKernelSegments.data.raw());
  // SAFETY: kKernelSegments.tss names the available TSS descriptor of `tss`, a global;
  // its IST slots hold the tops of the reserved emergency stacks (BuildTss), the rest 0.
  raw::LoadTaskRegister(kKernelSegments.tss.raw());
}

}  // namespace kernel::interrupts
