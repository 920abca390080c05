// The executor against a model. Random sequences of spawn, wake (through current and stale
// wakers, including wakers of ended tasks whose slots were reused), cancel and run steps
// drive both; after every step the task the executor ran must be the one the model's FIFO
// ready queue says. At the end every task that was not cancelled has completed exactly
// once, no cancelled task ever ran again, and no wake was lost. A second property repeats
// this with a wake queue of two, so wakes overflow: then only the order among ready tasks
// may differ (tasks woken by the overflow scan run in slot order).
#include <algorithm>
#include <cstddef>
#include <deque>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/task.h"
#include "libk/async/waker.h"
#include "libk/result/error.h"

namespace libk::async {
namespace {

enum class ModelState { kReady, kWaiting, kDone, kCancelled };

struct ModelTask {
  TaskId id;
  int waits_left = 0;
  ModelState state = ModelState::kReady;
  bool woken = false;  // Woken in its current wait (queued once).
};

// What the tasks report: which ran, which completed, and the wakers of their waits.
struct Observed {
  std::vector<int> runs;
  std::vector<int> completions;
  std::vector<std::vector<Waker>> wakers;  // Per task, one per wait, in order.
};

class Park : public Awaiter {
 public:
  Park(Observed* observed, int key) : observed_(observed), key_(key) {}
  bool await_ready() const { return false; }
  void await_suspend(TaskContext context) {
    observed_->wakers[static_cast<std::size_t>(key_)].push_back(context.waker());
  }
  void await_resume() const {}

 private:
  Observed* observed_;
  int key_;
};

Task<void> Scripted(Observed* observed, int key, int waits) {
  observed->runs.push_back(key);
  for (int i = 0; i < waits; ++i) {
    co_await Park(observed, key);
    observed->runs.push_back(key);
  }
  observed->completions.push_back(key);
}

template <std::size_t kWakeCapacity>
void CheckAgainstModel(bool strict_fifo) {
  BoundedWakeQueue<kWakeCapacity> wakes;
  Executor executor(wakes);
  Observed observed;
  std::vector<ModelTask> model;
  std::deque<int> ready;

  // Runs one step on both and compares which task ran.
  const auto step = [&] {
    const std::size_t runs_before = observed.runs.size();
    const bool ran = executor.RunOnce();
    RC_ASSERT(ran == !ready.empty());
    if (!ran) return;
    RC_ASSERT(observed.runs.size() == runs_before + 1);
    const int key = observed.runs.back();
    if (strict_fifo) {
      RC_ASSERT(key == ready.front());
      ready.pop_front();
    } else {
      const auto it = std::find(ready.begin(), ready.end(), key);
      RC_ASSERT(it != ready.end());
      ready.erase(it);
    }
    ModelTask& task = model[static_cast<std::size_t>(key)];
    if (task.waits_left > 0) {
      --task.waits_left;
      task.state = ModelState::kWaiting;
      task.woken = false;
    } else {
      task.state = ModelState::kDone;
    }
  };

  const int operations = *rc::gen::inRange(0, 300);
  for (int op = 0; op < operations; ++op) {
    const int kind = *rc::gen::inRange(0, 10);
    if (kind < 2 || model.empty()) {  // Spawn.
      const int key = static_cast<int>(model.size());
      const int waits = *rc::gen::inRange(0, 4);
      observed.wakers.emplace_back();
      Result<TaskId> id = executor.Spawn(Scripted(&observed, key, waits));
      RC_ASSERT(id.is_ok());
      model.push_back(ModelTask{id.value(), waits, ModelState::kReady, false});
      ready.push_back(key);
    } else if (kind < 6) {  // Wake through one of a task's wakers, current or stale.
      const auto key = *rc::gen::inRange<std::size_t>(0, model.size());
      const std::vector<Waker>& wakers = observed.wakers[key];
      if (wakers.empty()) continue;
      const std::size_t which = *rc::gen::inRange<std::size_t>(0, wakers.size());
      wakers[which].Wake();
      ModelTask& task = model[key];
      if (task.state == ModelState::kWaiting && which == wakers.size() - 1 && !task.woken) {
        task.woken = true;
        ready.push_back(static_cast<int>(key));
      }
    } else if (kind < 7) {  // Cancel.
      const auto key = *rc::gen::inRange<std::size_t>(0, model.size());
      ModelTask& task = model[key];
      const Result<void> cancelled = executor.Cancel(task.id);
      if (task.state == ModelState::kDone || task.state == ModelState::kCancelled) {
        RC_ASSERT(cancelled.is_error() && cancelled.error() == Error::kNotFound);
      } else {
        RC_ASSERT(cancelled.is_ok());
        const auto it = std::find(ready.begin(), ready.end(), static_cast<int>(key));
        if (it != ready.end()) ready.erase(it);
        task.state = ModelState::kCancelled;
      }
    } else {
      step();
    }
    std::uint32_t live = 0;
    for (const ModelTask& task : model) {
      live += task.state == ModelState::kReady || task.state == ModelState::kWaiting ? 1 : 0;
    }
    RC_ASSERT(executor.stats().live == live);
  }

  // Wake every waiting task until all have ended: no wake may be lost on the way.
  while (true) {
    while (!ready.empty()) step();
    RC_ASSERT(!executor.RunOnce());
    bool any_waiting = false;
    for (std::size_t key = 0; key < model.size(); ++key) {
      if (model[key].state != ModelState::kWaiting) continue;
      any_waiting = true;
      observed.wakers[key].back().Wake();
      model[key].woken = true;
      ready.push_back(static_cast<int>(key));
    }
    if (!any_waiting) break;
  }

  std::vector<int> completions(model.size(), 0);
  for (int key : observed.completions) ++completions[static_cast<std::size_t>(key)];
  for (std::size_t key = 0; key < model.size(); ++key) {
    RC_ASSERT(completions[key] == (model[key].state == ModelState::kDone ? 1 : 0));
  }
  RC_ASSERT(executor.stats().live == 0u);
  RC_ASSERT(executor.stats().completed == observed.completions.size());
}

RC_GTEST_PROP(ExecutorPropertyTest, MatchesAFifoModel, ()) { CheckAgainstModel<64>(true); }

RC_GTEST_PROP(ExecutorPropertyTest, LosesNoWakeWhenTheWakeQueueOverflows, ()) {
  CheckAgainstModel<2>(false);
}

}  // namespace
}  // namespace libk::async
