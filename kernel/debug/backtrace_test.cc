// WriteBacktrace over simulated stacks: a well-formed chain of frames, interrupt frames and
// stack switches included, is printed exactly as the model laid it out; random memory
// never makes the walk read outside the known stacks or print more than the limit.
#include "kernel/debug/backtrace.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/arch/x86_64/interrupt_frame_layout.h"

namespace kernel::debug {
namespace {

constexpr std::uint64_t kInterruptReturn = 0xffffffff80100ff0;
constexpr std::uint64_t kFunctionsStart = 0xffffffff80101000;
constexpr std::uint64_t kFunctionBytes = 0x100;
constexpr int kFunctions = 16;
constexpr StackBounds kStackA{0xffffffff80200000, 0xffffffff80208000};
constexpr StackBounds kStackB{0xffffffff80300000, 0xffffffff80308000};
constexpr std::uint64_t kGuardBytes = 0x1000;

class FakeMachine final : public BacktraceMachine {
 public:
  FakeMachine() {
    names_.reserve(kFunctions);
    for (int i = 0; i < kFunctions; ++i) {
      names_.push_back("f" + std::to_string(i));
    }
  }

  libk::Optional<StackBounds> StackContaining(std::uint64_t address) const override {
    for (const StackBounds& stack : {kStackA, kStackB}) {
      if (address >= stack.low - kGuardBytes && address < stack.high) return stack;
    }
    return libk::kNone;
  }

  std::uint64_t ReadWord(std::uint64_t address) const override {
    if (!kStackA.Contains(address, 8) && !kStackB.Contains(address, 8)) {
      read_outside_ = true;
    }
    const auto it = memory_.find(address);
    // Unwritten stack memory holds garbage, not zeros.
    return it != memory_.end() ? it->second : address * 0x9e3779b97f4a7c15;
  }

  std::uint64_t InterruptReturnAddress() const override { return kInterruptReturn; }

  libk::Optional<SymbolMatch> Symbolize(std::uint64_t address) const override {
    if (address < kFunctionsStart || address >= kFunctionsStart + (kFunctions * kFunctionBytes)) {
      return libk::kNone;
    }
    const std::uint64_t index = (address - kFunctionsStart) / kFunctionBytes;
    const std::string& name = names_[index];
    const std::uint64_t start = kFunctionsStart + (index * kFunctionBytes);
    return SymbolMatch{libk::StringView(name.data(), name.size()), start, address - start};
  }

  std::uint64_t PageFaultAddress() const override { return 0xdeadbeef000; }

  bool read_outside() const { return read_outside_; }

  std::map<std::uint64_t, std::uint64_t>& memory() { return memory_; }

 private:
  std::map<std::uint64_t, std::uint64_t> memory_;
  std::vector<std::string> names_;
  mutable bool read_outside_ = false;
};

class StringSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { text_.append(text.data(), text.size()); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Returns the addresses of the printed frames ("  #3 0x... name+0x..").
std::vector<std::uint64_t> FrameAddresses(const std::vector<std::string>& lines) {
  std::vector<std::uint64_t> addresses;
  for (const std::string& line : lines) {
    if (line.starts_with("  #")) {
      addresses.push_back(std::stoull(line.substr(line.find("0x")), nullptr, 16));
    }
  }
  return addresses;
}

std::string Print(const FakeMachine& machine, std::uint64_t frame_pointer) {
  StringSink sink;
  WriteBacktrace(sink, machine, frame_pointer);
  return sink.text();
}

// One stretch of the chain on one stack: ordinary frames, then (for all but the outermost)
// the dispatcher's frame, below an interrupt frame whose context is the next segment.
struct Segment {
  bool on_b;
  std::vector<std::uint64_t> return_addresses;
  std::uint64_t rip;
  std::uint64_t vector;
};

rc::Gen<std::uint64_t> GenCodeAddress(std::uint64_t low_offset) {
  return rc::gen::map(rc::gen::pair(rc::gen::inRange(0, kFunctions),
                                    rc::gen::inRange<std::uint64_t>(low_offset, kFunctionBytes)),
                      [](std::pair<int, std::uint64_t> p) {
                        return kFunctionsStart + (p.first * kFunctionBytes) + p.second;
                      });
}

TEST(BacktraceTest, PrintsTheModelsChainAcrossInterruptFrames) {
  const bool ok = rc::check("the printed frames are the laid-out chain", [] {
    const auto count = *rc::gen::inRange(1, 4);
    std::vector<Segment> segments;
    segments.reserve(count);
    for (int i = 0; i < count; ++i) {
      segments.push_back(
          {*rc::gen::arbitrary<bool>(),
           *rc::gen::container<std::vector<std::uint64_t>>(*rc::gen::inRange(i == 0 ? 1 : 0, 6),
                                                           GenCodeAddress(1)),
           // A return address may be one past its function's last byte; a rip may not.
           *GenCodeAddress(0), *rc::gen::element<std::uint64_t>(3, 13, 14, 32)});
    }
    FakeMachine machine;
    std::map<bool, std::uint64_t> cursor = {
        {false, kStackA.low + (8 * *rc::gen::inRange<std::uint64_t>(0, 16))},
        {true, kStackB.low + (8 * *rc::gen::inRange<std::uint64_t>(0, 16))}};
    const auto gap = [] { return 8 * *rc::gen::inRange<std::uint64_t>(0, 8); };
    std::vector<std::uint64_t> expected;
    std::uint64_t start = 0;
    // Each segment's records; the previous record's saved rbp is patched to point here.
    std::uint64_t* link = &start;
    for (std::size_t s = 0; s < segments.size(); ++s) {
      const Segment& segment = segments[s];
      std::uint64_t& top = cursor[segment.on_b];
      for (const std::uint64_t return_address : segment.return_addresses) {
        const std::uint64_t fp = top;
        top += 16 + gap();
        *link = fp;
        machine.memory()[fp] = 0;
        machine.memory()[fp + 8] = return_address;
        link = &machine.memory()[fp];
        expected.push_back(return_address);
      }
      if (s + 1 == segments.size()) break;
      const std::uint64_t fp = top;
      const std::uint64_t frame = fp + 16;
      top = frame + KEEL_IFRAME_SIZE + gap();
      *link = fp;
      machine.memory()[fp] = 0;
      machine.memory()[fp + 8] = kInterruptReturn;
      machine.memory()[frame + KEEL_IFRAME_VECTOR] = segment.vector;
      machine.memory()[frame + KEEL_IFRAME_RIP] = segment.rip;
      const Segment& next = segments[s + 1];
      machine.memory()[frame + KEEL_IFRAME_RSP] = cursor[next.on_b];
      link = &machine.memory()[frame + KEEL_IFRAME_RBP];
      *link = 0;
      expected.push_back(segment.rip);
    }
    const std::vector<std::string> lines = Lines(Print(machine, start));
    RC_ASSERT(!machine.read_outside());
    RC_ASSERT(FrameAddresses(lines) == expected);
    RC_ASSERT(lines.back() == "  (end of the frame chain)");
    int interrupted = 0;
    for (const std::string& line : lines) {
      if (line.starts_with("  -- interrupted")) ++interrupted;
    }
    RC_ASSERT(interrupted == count - 1);
  });
  EXPECT_TRUE(ok);
}

TEST(BacktraceTest, RandomMemoryNeverLeadsOutsideTheStacks) {
  const bool ok = rc::check("the walk reads only the known stacks and stops", [] {
    FakeMachine machine;
    const auto stack_address = rc::gen::map(
        rc::gen::pair(rc::gen::arbitrary<bool>(), rc::gen::inRange<std::uint64_t>(0, 0x9000)),
        [](std::pair<bool, std::uint64_t> p) {
          return (p.first ? kStackB.low : kStackA.low) - kGuardBytes + p.second;
        });
    const auto word = rc::gen::oneOf(
        rc::gen::just<std::uint64_t>(0), rc::gen::just(kInterruptReturn), stack_address,
        rc::gen::map(stack_address, [](std::uint64_t a) { return a & ~std::uint64_t{7}; }),
        GenCodeAddress(0), rc::gen::arbitrary<std::uint64_t>());
    for (int i = *rc::gen::inRange(0, 400); i > 0; --i) {
      machine.memory()[*stack_address & ~std::uint64_t{7}] = *word;
    }
    const std::vector<std::string> lines = Lines(Print(machine, *word));
    RC_ASSERT(!machine.read_outside());
    RC_ASSERT(FrameAddresses(lines).size() <= kMaxBacktraceFrames);
    RC_ASSERT(lines.back().starts_with("  ("));
  });
  EXPECT_TRUE(ok);
}

TEST(BacktraceTest, StopsAtTheDepthLimit) {
  FakeMachine machine;
  for (std::uint64_t i = 0; i < 40; ++i) {
    const std::uint64_t fp = kStackA.low + (i * 32);
    machine.memory()[fp] = fp + 32;
    machine.memory()[fp + 8] = kFunctionsStart + 0x10;
  }
  const std::vector<std::string> lines = Lines(Print(machine, kStackA.low));
  EXPECT_EQ(FrameAddresses(lines).size(), kMaxBacktraceFrames);
  EXPECT_EQ(lines.back(), "  (stopped after 32 frames)");
  EXPECT_EQ(lines[1], "  #0 0xffffffff80101010 f0+0x10");
}

TEST(BacktraceTest, StopsAtLoopsAndBadFramePointers) {
  struct Case {
    std::uint64_t next;
    const char* reason;
  };
  const std::uint64_t fp = kStackA.low + 0x100;
  for (const Case& c :
       {Case{fp, "does not move up the stack"}, Case{fp - 0x40, "does not move up the stack"},
        Case{0x0000800000000000, "is not canonical"}, Case{fp + 0x21, "is outside the stack"},
        Case{kStackA.high - 8, "is outside the stack"},
        Case{kStackB.low + 0x100, "is outside the stack"}}) {
    FakeMachine machine;
    machine.memory()[fp] = c.next;
    machine.memory()[fp + 8] = kFunctionsStart + 0x10;
    const std::string text = Print(machine, fp);
    EXPECT_NE(text.find(c.reason), std::string::npos) << text;
    EXPECT_FALSE(machine.read_outside());
  }
  const FakeMachine machine;
  EXPECT_NE(Print(machine, 0x1234).find("is not on a kernel stack"), std::string::npos);
}

TEST(BacktraceTest, ReportsTheInterruptedRegistersAndCr2OfAPageFault) {
  FakeMachine machine;
  const std::uint64_t fp = kStackB.low + 0x40;
  const std::uint64_t frame = fp + 16;
  machine.memory()[fp + 8] = kInterruptReturn;
  machine.memory()[frame + KEEL_IFRAME_VECTOR] = 14;
  machine.memory()[frame + KEEL_IFRAME_ERROR_CODE] = 2;
  machine.memory()[frame + KEEL_IFRAME_RIP] = kFunctionsStart + 0x305;
  machine.memory()[frame + KEEL_IFRAME_RSP] = kStackA.low - 8;  // Overflowed into the guard.
  machine.memory()[frame + KEEL_IFRAME_RFLAGS] = 0x10046;
  machine.memory()[frame + KEEL_IFRAME_RBP] = kStackA.low + 0x20;
  machine.memory()[frame + KEEL_IFRAME_RAX] = 0x1234;
  machine.memory()[kStackA.low + 0x20] = 0;
  machine.memory()[kStackA.low + 0x28] = kFunctionsStart + 0x100;  // Just past f0.
  const std::vector<std::string> lines = Lines(Print(machine, fp));
  const std::vector<std::string> expected = {
      "backtrace:",
      "  -- interrupted: vector 14, error code 0x2 --",
      "  rip 0xffffffff80101305  rsp 0xffffffff801ffff8  rflags 0x10046",
      "  cr2 0x00000deadbeef000",
  };
  ASSERT_GE(lines.size(), 8U);
  EXPECT_EQ(std::vector<std::string>(lines.begin(), lines.begin() + 4), expected);
  EXPECT_EQ(lines[4].substr(0, 27), "  rax 0x0000000000001234  r");
  EXPECT_EQ(lines[10], "  #0 0xffffffff80101305 f3+0x5");
  EXPECT_EQ(lines[11], "  #1 0xffffffff80101100 f0+0x100");
  EXPECT_EQ(lines[12], "  (end of the frame chain)");
  EXPECT_FALSE(machine.read_outside());
}

}  // namespace
}  // namespace kernel::debug
