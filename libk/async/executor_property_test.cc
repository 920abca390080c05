// The executor against a model. Random sequences of spawn, wake (through current and stale
// wakers, including wakers of ended tasks whose slots were reused), cancel and run steps
// drive both; after every step the task the executor ran must be the one the model's FIFO
// ready queue says. At the end every task that was not cancelled has completed exactly
// once, no cancelled task ever ran again, and no wake was lost. A second property repeats
// this with a wake queue of two, so wakes overflow: then only the order among ready tasks
// may differ (tasks woken by the overflow scan run in slot order). The model and harness
// live in testing/executor_model.h, shared with the executor fuzzer.
#include <cstddef>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/testing/executor_model.h"

namespace libk::async {
namespace {

using testing::Harness;

template <std::size_t kWakeCapacity>
void CheckAgainstModel(bool strict_fifo) {
  BoundedWakeQueue<kWakeCapacity> wakes;
  Harness harness(wakes, strict_fifo);
  const int operations = *rc::gen::inRange(0, 300);
  for (int op = 0; op < operations; ++op) {
    const int kind = *rc::gen::inRange(0, 10);
    if (kind < 2 || harness.tasks() == 0) {
      harness.Spawn(*rc::gen::inRange(0, 4));
    } else if (kind < 6) {
      const auto key = *rc::gen::inRange<std::size_t>(0, harness.tasks());
      if (harness.waits(key) > 0) {
        harness.Wake(key, *rc::gen::inRange<std::size_t>(0, harness.waits(key)));
      }
    } else if (kind < 7) {
      harness.Cancel(*rc::gen::inRange<std::size_t>(0, harness.tasks()));
    } else {
      harness.Step();
    }
    harness.CheckEnds();
  }
  harness.Finish();
  harness.CheckEnds();
}

RC_GTEST_PROP(ExecutorPropertyTest, MatchesAFifoModel, ()) { CheckAgainstModel<64>(true); }

RC_GTEST_PROP(ExecutorPropertyTest, LosesNoWakeWhenTheWakeQueueOverflows, ()) {
  CheckAgainstModel<2>(false);
}

}  // namespace
}  // namespace libk::async
