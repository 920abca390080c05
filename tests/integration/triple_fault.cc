// A kernel that triple-faults: an empty IDT makes int3 escalate to a double fault and
// then a triple fault, which resets the machine (-no-reboot ends QEMU). The runner must
// report failure.
#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/raw/traps.h"

#include "kernel/console/console.h"
#include "kernel/main.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  console::Write("triple_fault: about to triple-fault\n");
  namespace raw = libk::x86_64::raw;
  const raw::DescriptorTablePointer empty{0, 0};
  // SAFETY: deliberately unsafe — this kernel exists to crash the machine.
  raw::Lidt(empty);
  // SAFETY: as above: no handler exists, which is the point.
  raw::Int3();
}

}  // namespace kernel
