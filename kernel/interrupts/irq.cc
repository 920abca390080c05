#include "kernel/interrupts/irq.h"

#include <atomic>
#include <cstdint>

#include "libk/arch/x86_64/interrupt_frame.h"
#include "libk/arch/x86_64/raw/claim.h"
#include "libk/panic/panic.h"
#include "libk/sync/mutex.h"

#include "kernel/interrupts/pic8259.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;

// The PICs, claimed here and nowhere else; this object drives them, under its lock.
constinit libk::IrqMutex<ChainedPics> pics(
    // SAFETY: the primary PIC's ports (0x20, 0x21) are claimed by no other code.
    raw::ClaimPorts(ChainedPics::kPrimaryPorts, 2),
    // SAFETY: the secondary PIC's ports (0xa0, 0xa1) are claimed by no other code.
    raw::ClaimPorts(ChainedPics::kSecondaryPorts, 2),
    // SAFETY: the POST port 0x80 only gives the PICs time to settle; no other code uses it.
    raw::ClaimPorts(ChainedPics::kWaitPort, 1), kPrimaryPicVector, kSecondaryPicVector);

// Written with interrupts disabled (SetIrqHandler holds the PIC lock), read by Dispatch.
std::atomic<IrqHandler> handlers[kIrqCount] = {};
std::atomic<std::uint64_t> unhandled_count{0};
std::atomic<std::uint64_t> irq_count{0};
std::atomic<std::uint64_t> spurious_irq7_count{0};
std::atomic<std::uint64_t> spurious_irq15_count{0};

// The handler of vectors 32-47. The PIC lock is not held while the IRQ's handler runs, so
// the handler may mask or unmask lines itself.
void OnIrq(libk::x86_64::InterruptFrame& frame) {
  std::uint8_t irq = 0;
  {
    auto locked = pics.Lock();
    LIBK_ASSERT(locked->HandlesVector(static_cast<std::uint8_t>(frame.vector), &irq),
                "vector {} is not a PIC vector", frame.vector);
    if (locked->CheckSpurious(irq)) {
      (irq == 7 ? spurious_irq7_count : spurious_irq15_count)
          .fetch_add(1, std::memory_order_relaxed);
      return;  // No end of interrupt for the PIC that raised it.
    }
  }
  irq_count.fetch_add(1, std::memory_order_relaxed);
  const IrqHandler handler = handlers[irq].load(std::memory_order_relaxed);
  if (handler != nullptr) {
    handler();
  } else {
    unhandled_count.fetch_add(1, std::memory_order_relaxed);
  }
  pics.Lock()->EndOfInterrupt(irq);
}

void CheckIrq(std::uint8_t irq) { LIBK_ASSERT(irq < kIrqCount, "no IRQ {}", irq); }

}  // namespace

void InitIrqs(libk::x86_64::IdtTable& idt) {
  pics.Lock()->Init();
  for (int irq = 0; irq < kIrqCount; ++irq) {
    const int vector = irq < 8 ? kPrimaryPicVector + irq : kSecondaryPicVector + irq - 8;
    idt.SetInterrupt(vector, &OnIrq);
  }
}

void SetIrqHandler(std::uint8_t irq, IrqHandler handler) {
  CheckIrq(irq);
  LIBK_ASSERT(handler != nullptr, "null IRQ handler");
  auto locked = pics.Lock();
  handlers[irq].store(handler, std::memory_order_relaxed);
  locked->SetMasked(irq, false);
}

void ClearIrqHandler(std::uint8_t irq) {
  CheckIrq(irq);
  auto locked = pics.Lock();
  locked->SetMasked(irq, true);
  handlers[irq].store(nullptr, std::memory_order_relaxed);
}

std::uint64_t SpuriousIrqCount() {
  const IrqCounters counters = Counters();
  return counters.spurious_irq7 + counters.spurious_irq15;
}

IrqCounters Counters() {
  return IrqCounters{
      .dispatched = irq_count.load(std::memory_order_relaxed),
      .unhandled = unhandled_count.load(std::memory_order_relaxed),
      .spurious_irq7 = spurious_irq7_count.load(std::memory_order_relaxed),
      .spurious_irq15 = spurious_irq15_count.load(std::memory_order_relaxed),
  };
}

std::uint64_t IrqCount() { return irq_count.load(std::memory_order_relaxed); }

std::uint64_t UnhandledIrqCount() { return unhandled_count.load(std::memory_order_relaxed); }

}  // namespace kernel::interrupts
