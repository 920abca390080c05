// Setting up and waiting for interrupts: Init loads the GDT (gdt.cc) and the IDT (idt.cc)
// with the exception handlers and IRQ dispatch, once.
#include <atomic>

#include "libk/arch/x86_64/raw/io.h"
#include "libk/panic/panic.h"

#include "kernel/interrupts/exceptions.h"
#include "kernel/interrupts/gdt.h"
#include "kernel/interrupts/idt.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;

std::atomic<bool> initialized{false};

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
