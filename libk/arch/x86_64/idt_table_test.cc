#include "libk/arch/x86_64/idt_table.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace libk::x86_64 {
namespace {

constexpr SegmentSelector kCode = SegmentSelector::FromRaw(0x08);

// Fake entry stub addresses: 16 bytes apart from a kernel text address.
struct EntryPoints {
  EntryPoints() {
    for (int v = 0; v < kIdtEntries; ++v) {
      address[v] = 0xffffffff80100000 + std::uint64_t{16} * static_cast<std::uint64_t>(v);
    }
  }
  std::uint64_t address[kIdtEntries] = {};
};
const EntryPoints kEntryPoints;

// What a handler saw.
struct Call {
  int vector;
  HandlerKind kind;
  std::uint64_t argument;  // The error code as the handler received it, re-encoded.
  bool operator==(const Call&) const = default;
};
std::vector<Call> calls;

// Thrown by diverging handlers, which cannot return.
struct Diverged {};

void Log(InterruptFrame& frame, ExceptionVector v, std::uint64_t argument) {
  calls.push_back({static_cast<int>(v), KindOf(v), argument});
  frame.rax = 0x5a5a;  // Handlers may edit the saved state.
}

// Returns a recording handler with exactly the signature vector V requires.
template <ExceptionVector V>
constexpr typename HandlerFor<V>::type RecorderFor() {
  constexpr HandlerKind kKind = KindOf(V);
  if constexpr (kKind == HandlerKind::kPlain) {
    return [](InterruptFrame& f) { Log(f, V, 0); };
  } else if constexpr (kKind == HandlerKind::kWithErrorCode) {
    return [](InterruptFrame& f, std::uint64_t code) { Log(f, V, code); };
  } else if constexpr (kKind == HandlerKind::kSelectorFault) {
    return [](InterruptFrame& f, SelectorErrorCode code) { Log(f, V, code.Encode()); };
  } else if constexpr (kKind == HandlerKind::kPageFault) {
    return [](InterruptFrame& f, PageFaultErrorCode code) { Log(f, V, code.bits()); };
  } else if constexpr (kKind == HandlerKind::kDiverging) {
    return [](InterruptFrame& f) -> Never {
      Log(f, V, 0);
      throw Diverged{};
    };
  } else {
    return [](InterruptFrame& f, std::uint64_t code) -> Never {
      Log(f, V, code);
      throw Diverged{};
    };
  }
}

template <int V>
void InstallIfUsable(IdtTable& idt) {
  constexpr auto kVector = static_cast<ExceptionVector>(V);
  if constexpr (KindOf(kVector) != HandlerKind::kReserved) idt.Set<kVector>(RecorderFor<kVector>());
}

template <int... V>
void InstallAllExceptions(IdtTable& idt, std::integer_sequence<int, V...>) {
  (InstallIfUsable<V>(idt), ...);
}

// The argument a handler of `vector` must receive for a pushed `error_code`.
std::uint64_t ExpectedArgument(ExceptionVector vector, std::uint64_t error_code) {
  switch (KindOf(vector)) {
    case HandlerKind::kPlain:
    case HandlerKind::kDiverging:
      return 0;
    case HandlerKind::kSelectorFault:
      return SelectorErrorCode::Decode(error_code).Encode();
    default:
      return error_code;
  }
}

RC_GTEST_PROP(IdtTable, DispatchesEachExceptionWithItsSignature, ()) {
  IdtTable idt(kEntryPoints.address, kCode);
  InstallAllExceptions(idt, std::make_integer_sequence<int, kFirstInterruptVector>());
  const auto vector = static_cast<ExceptionVector>(*rc::gen::inRange(0, kFirstInterruptVector));
  RC_PRE(KindOf(vector) != HandlerKind::kReserved);
  InterruptFrame frame{};
  frame.vector = static_cast<std::uint64_t>(vector);
  frame.error_code = HasErrorCode(vector) ? *rc::gen::arbitrary<std::uint64_t>() : 0;
  calls.clear();
  const bool diverging = KindOf(vector) == HandlerKind::kDiverging ||
                         KindOf(vector) == HandlerKind::kDivergingWithErrorCode;
  bool diverged = false;
  try {
    idt.Dispatch(frame);
  } catch (const Diverged&) {
    diverged = true;
  }
  RC_ASSERT(diverged == diverging);
  const Call expected{static_cast<int>(vector), KindOf(vector),
                      ExpectedArgument(vector, frame.error_code)};
  RC_ASSERT(calls == std::vector<Call>{expected});
  RC_ASSERT(frame.rax == 0x5a5aU);
}

TEST(IdtTable, ExceptionGatesPointAtTheirStubs) {
  IdtTable idt(kEntryPoints.address, kCode);
  InstallAllExceptions(idt, std::make_integer_sequence<int, kFirstInterruptVector>());
  for (int v = 0; v < kIdtEntries; ++v) {
    const bool usable = v < kFirstInterruptVector &&
                        KindOf(static_cast<ExceptionVector>(v)) != HandlerKind::kReserved;
    const GateDescription gate = idt.gate(v).Decode();
    EXPECT_EQ(gate.present, usable) << "vector " << v;
    if (!usable) continue;
    EXPECT_EQ(gate.offset, kEntryPoints.address[v]);
    EXPECT_EQ(gate.selector, kCode);
    EXPECT_EQ(gate.type, GateType::kInterrupt);
    EXPECT_EQ(gate.dpl, PrivilegeLevel::kRing0);
    EXPECT_EQ(gate.stack, InterruptStack::kNone);
  }
}

// Interrupt handlers that record which of them ran.
std::vector<std::pair<int, int>> interrupt_calls;  // (handler, vector)
template <int kHandler>
void RecordInterrupt(InterruptFrame& frame) {
  interrupt_calls.emplace_back(kHandler, static_cast<int>(frame.vector));
}
constexpr HandlerFunc kInterruptHandlers[] = {RecordInterrupt<0>, RecordInterrupt<1>,
                                              RecordInterrupt<2>, RecordInterrupt<3>};

RC_GTEST_PROP(IdtTable, InterruptVectorsMatchAMapModel, ()) {
  IdtTable idt(kEntryPoints.address, kCode);
  std::map<int, int> model;  // vector -> handler
  const auto installs = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(kFirstInterruptVector, kIdtEntries), rc::gen::inRange(0, 4)));
  for (const auto& [vector, handler] : installs) {
    idt.SetInterrupt(vector, kInterruptHandlers[handler]);
    model[vector] = handler;
  }
  for (int v = 0; v < kIdtEntries; ++v) {
    const auto it = model.find(v);
    RC_ASSERT(idt.gate(v).present() == (it != model.end()));
    if (it == model.end()) continue;
    RC_ASSERT(idt.gate(v).Decode().offset == kEntryPoints.address[v]);
    InterruptFrame frame{};
    frame.vector = static_cast<std::uint64_t>(v);
    interrupt_calls.clear();
    idt.Dispatch(frame);
    RC_ASSERT(interrupt_calls == (std::vector<std::pair<int, int>>{{it->second, v}}));
  }
}

TEST(IdtTable, GateOptionsEditTheGate) {
  IdtTable idt(kEntryPoints.address, kCode);
  idt.Set<ExceptionVector::kBreakpoint>(RecorderFor<ExceptionVector::kBreakpoint>())
      .SetPrivilegeLevel(PrivilegeLevel::kRing3)
      .SetType(GateType::kTrap);
  idt.Set<ExceptionVector::kDoubleFault>(RecorderFor<ExceptionVector::kDoubleFault>())
      .SetStack(InterruptStack::kIst1);
  const GateDescription bp = idt.gate(3).Decode();
  EXPECT_EQ(bp.dpl, PrivilegeLevel::kRing3);
  EXPECT_EQ(bp.type, GateType::kTrap);
  EXPECT_EQ(bp.stack, InterruptStack::kNone);
  const GateDescription df = idt.gate(8).Decode();
  EXPECT_EQ(df.stack, InterruptStack::kIst1);
  EXPECT_EQ(df.dpl, PrivilegeLevel::kRing0);
  EXPECT_TRUE(df.present);
  EXPECT_EQ(&idt.gates()[8], &idt.gate(8));
}

TEST(IdtTableDeathTest, RejectsMisuseAtRunTime) {
  IdtTable idt(kEntryPoints.address, kCode);
  InterruptFrame frame{};
  frame.vector = 40;
  EXPECT_DEATH(idt.Dispatch(frame), "interrupt without a handler");
  frame.vector = 256;
  EXPECT_DEATH(idt.Dispatch(frame), "vector out of range");
  EXPECT_DEATH(idt.SetInterrupt(14, kInterruptHandlers[0]), "not an interrupt vector");
  EXPECT_DEATH(idt.SetInterrupt(32, nullptr), "null interrupt handler");
}

TEST(InterruptFrame, KnowsWhereItCameFrom) {
  InterruptFrame frame{};
  frame.cs = 0x08;
  EXPECT_FALSE(frame.from_user());
  frame.cs = 0xffff'0000'0000'0023;  // Only the low 16 bits are defined.
  EXPECT_TRUE(frame.from_user());
  EXPECT_EQ(frame.code_segment().index(), 4);
  frame.ss = 0x1b;
  EXPECT_EQ(frame.stack_segment().rpl(), PrivilegeLevel::kRing3);
}

}  // namespace
}  // namespace libk::x86_64
