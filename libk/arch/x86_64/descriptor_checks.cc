// Compile-time known answers for the descriptor encodings, checked in every build (kernel
// and host) against values from the Intel SDM and OSDev. Runtime properties live in the
// *_test.cc files.
#include "libk/arch/x86_64/exception_vector.h"
#include "libk/arch/x86_64/gate_descriptor.h"
#include "libk/arch/x86_64/gdt_table.h"
#include "libk/arch/x86_64/idt_table.h"
#include "libk/arch/x86_64/interrupt_frame_layout.h"
#include "libk/arch/x86_64/segment_descriptor.h"
#include "libk/arch/x86_64/task_state_segment.h"

namespace libk::x86_64 {
namespace {

static_assert(SegmentDescriptor::KernelCode64().raw() == 0x00af9a000000ffff);
static_assert(SegmentDescriptor::KernelData().raw() == 0x00cf92000000ffff);
static_assert(SegmentDescriptor::UserCode64().raw() == 0x00affa000000ffff);
static_assert(SegmentDescriptor::UserData().raw() == 0x00cff2000000ffff);
static_assert(SegmentDescriptor::Encode({.readable_writable = true,
                                         .executable = true,
                                         .code_or_data = true,
                                         .present = true,
                                         .long_mode = true})
                  .raw() == 0x00209a0000000000);
static_assert(
    SegmentDescriptor::Encode({.readable_writable = true, .code_or_data = true, .present = true})
        .raw() == 0x0000920000000000);

constexpr auto kTss = SystemSegmentDescriptor::Tss(0xffffffff80123456, sizeof(TaskStateSegment));
static_assert(kTss.low() == 0x8000891234560067);
static_assert(kTss.high() == 0x00000000ffffffff);

constexpr auto kGate = GateDescriptor::Encode({.offset = 0xffffffff80101234,
                                               .selector = SegmentSelector::FromRaw(0x08),
                                               .stack = InterruptStack::kIst1,
                                               .type = GateType::kInterrupt,
                                               .present = true});
static_assert(kGate.low() == 0x80108e0100081234);
static_assert(kGate.high() == 0x00000000ffffffff);

// A GDT laid out for `syscall`/`sysret`: kernel code, kernel data, user data, user code.
constexpr GdtTable<8> BootGdt() {
  GdtTable<8> gdt;
  gdt.Append(SegmentDescriptor::KernelCode64());
  gdt.Append(SegmentDescriptor::KernelData());
  gdt.Append(SegmentDescriptor::UserData());
  gdt.Append(SegmentDescriptor::UserCode64());
  gdt.Append(kTss);
  return gdt;
}
static_assert(BootGdt().size() == 7);
static_assert(BootGdt().limit() == 55);
static_assert(BootGdt().slot(5) == kTss.low() && BootGdt().slot(6) == kTss.high());

static_assert(sizeof(IdtTable::kLimit) == 2 && IdtTable::kLimit == 4095);

// The entry stubs (assembly) decide from KEEL_VECTOR_HAS_ERROR_CODE whether to push a
// dummy error code; it must agree with HasErrorCode, which Dispatch trusts, on every vector.
constexpr bool EntryStubsAgreeOnErrorCodes() {
  for (int v = 0; v < kIdtEntries; ++v) {
    const bool cpu_pushes =
        v < kFirstInterruptVector && HasErrorCode(static_cast<ExceptionVector>(v));
    const bool stub_expects_one = KEEL_VECTOR_HAS_ERROR_CODE(v);
    if (stub_expects_one != cpu_pushes) return false;
  }
  return true;
}
static_assert(EntryStubsAgreeOnErrorCodes());
static_assert(KEEL_IDT_VECTORS == kIdtEntries);

}  // namespace
}  // namespace libk::x86_64
