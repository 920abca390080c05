#include <atomic>

#include "libk/arch/x86_64/gdt_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/raw/io.h"
#include "libk/arch/x86_64/task_state_segment.h"
#include "libk/panic/panic.h"

#include "kernel/interrupts/exceptions.h"
#include "kernel/interrupts/idt.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"
#include "kernel/interrupts/kernel_stacks.h"
#include "kernel/interrupts/segments.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;

// Writable: ltr marks the TSS descriptor busy in the table.
libk::x86_64::GdtTable<kGdtSlots> gdt;
libk::x86_64::TaskStateSegment tss;
std::atomic<bool> initialized{false};

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

}  // namespace

void Init() {
  LIBK_ASSERT(!initialized.load(), "interrupts::Init called twice");
  LoadGdt();
  UpdateIdt([](libk::x86_64::IdtTable& idt) {
    InstallExceptionHandlers(idt);
    InitIrqs(idt);
  });
  LoadIdt();
  initialized.store(true);
}

bool Initialized() { return initialized.load(); }

void WaitForInterrupt() {
  LIBK_ASSERT(initialized.load(), "WaitForInterrupt before interrupts::Init");
  // SAFETY: Init loaded an IDT with a handler for every vector, and every lock a handler
  // takes (console, PICs, PIT) is an IrqMutex, held elsewhere only with interrupts off.
  raw::StiHlt();
}

void IdleForever() {
  for (;;) {
    WaitForInterrupt();
  }
}

}  // namespace kernel::interrupts
