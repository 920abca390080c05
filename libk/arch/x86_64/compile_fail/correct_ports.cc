// The correct uses next to the compile-fail snippets: these must compile.
#include <cstdint>

#include "libk/arch/x86_64/mmio.h"
#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

namespace x86 = libk::x86_64;

std::uint8_t UsePorts() {
  // SAFETY: not run; this only has to compile.
  const x86::PortRange controller = x86::raw::ClaimPorts(0x64, 1);
  const auto status = controller.At<std::uint8_t, x86::ReadOnly>(0);
  const auto command = controller.At<std::uint8_t, x86::WriteOnly>(0);
  command.Write(0xff);
  return status.Read();
}

std::uint32_t UseMmio() {
  // SAFETY: not run; this only has to compile.
  const x86::MmioRange apic = x86::raw::ClaimMmio(0xfee00000, 0x400);
  apic.At<std::uint32_t>(0xb0).Write(0);
  return apic.At<std::uint32_t>(0x20).Read();
}
