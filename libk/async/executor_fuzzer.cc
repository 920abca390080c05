// Fuzzes the executor against the reference model in testing/executor_model.h (the one
// executor_property_test uses): the input is a script of spawn, wake (through current and
// stale wakers, of live and ended tasks), cancel and run steps; after every run step the
// task that ran must be the one the model's FIFO ready queue says (with a wake queue of
// two, which overflows, only that it was ready), after every step the live and completed
// counts must agree, and at the end every task not cancelled must have completed exactly
// once, with no wake lost.
//
// Input script (tools/fuzz/byte_reader.h): the wake queue (1 byte: even 64 entries and
// strict FIFO order, odd 2 entries), then steps, a kind byte (mod 10) each:
//   0-1 (or no task yet): spawn a task that parks (next byte mod 4) times
//   2-5: wake task (next byte, modulo the tasks) through its wait (next byte, modulo its
//        waits so far; the last one is current, the others stale)
//   6:   cancel task (next byte, modulo the tasks)
//   7-9: run one step
#include <cstddef>
#include <cstdint>
#include <span>

#include "libk/async/executor.h"
#include "libk/async/testing/executor_model.h"

#include "tools/fuzz/byte_reader.h"

namespace libk::async {
namespace {

// At most this many steps per input, so one input stays fast.
constexpr std::size_t kMaxSteps = 512;

void Run(keel::fuzz::ByteReader& input, WakeQueue& wakes, bool strict_fifo) {
  testing::Harness harness(wakes, strict_fifo);
  for (std::size_t step = 0; step < kMaxSteps && !input.empty(); ++step) {
    const std::uint8_t kind = input.Byte() % 10;
    if (kind < 2 || harness.tasks() == 0) {
      harness.Spawn(static_cast<int>(input.Below(4)));
    } else if (kind < 6) {
      const std::size_t key = input.Below(harness.tasks());
      const std::size_t which = input.Byte();
      if (harness.waits(key) > 0) harness.Wake(key, which % harness.waits(key));
    } else if (kind < 7) {
      harness.Cancel(input.Below(harness.tasks()));
    } else {
      harness.Step();
    }
    harness.CheckEnds();
  }
  harness.Finish();
  harness.CheckEnds();
}

}  // namespace
}  // namespace libk::async

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  if (input.Bool()) {
    libk::async::BoundedWakeQueue<2> wakes;
    libk::async::Run(input, wakes, false);
  } else {
    libk::async::BoundedWakeQueue<64> wakes;
    libk::async::Run(input, wakes, true);
  }
  return 0;
}
