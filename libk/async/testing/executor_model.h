// The executor's reference model and the harness that drives an executor beside it,
// shared by executor_property_test (operations from RapidCheck) and the executor fuzzer
// (operations decoded from bytes). Tasks are scripted: each runs, parks a given number of
// times (handing out a waker each time) and completes; the model is a FIFO ready queue and
// each task's state. Checks go through LIBK_MODEL_CHECK.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"
#include "libk/async/task.h"
#include "libk/async/waker.h"
#include "libk/result/error.h"
#include "libk/result/result.h"
#include "libk/testing/model_check.h"

namespace libk::async::testing {

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
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const { return false; }
  void await_suspend(TaskContext context) {
    observed_->wakers[static_cast<std::size_t>(key_)].push_back(context.waker());
  }
  void await_resume() const {}

 private:
  Observed* observed_;
  int key_;
};

inline Task<void> Scripted(Observed* observed, int key, int waits) {
  observed->runs.push_back(key);
  for (int i = 0; i < waits; ++i) {
    co_await Park(observed, key);
    observed->runs.push_back(key);
  }
  observed->completions.push_back(key);
}

// Drives an executor and the model side by side.
class Harness {
 public:
  Harness(WakeQueue& wakes, bool strict_fifo) : executor_(wakes), strict_fifo_(strict_fifo) {}

  void Spawn(int waits) {
    const int key = static_cast<int>(model_.size());
    observed_.wakers.emplace_back();
    const Result<TaskId> id = executor_.Spawn(Scripted(&observed_, key, waits));
    LIBK_MODEL_CHECK(id.is_ok());
    model_.push_back(ModelTask{id.value(), waits, ModelState::kReady, false});
    ready_.push_back(key);
  }

  // Wakes task `key` through its wait number `which`: the current one, or a stale one.
  void Wake(std::size_t key, std::size_t which) {
    const std::vector<Waker>& wakers = observed_.wakers[key];
    wakers[which].Wake();
    ModelTask& task = model_[key];
    if (task.state == ModelState::kWaiting && which == wakers.size() - 1 && !task.woken) {
      task.woken = true;
      ready_.push_back(static_cast<int>(key));
    }
  }

  void Cancel(std::size_t key) {
    ModelTask& task = model_[key];
    const Result<void> cancelled = executor_.Cancel(task.id);
    if (task.state == ModelState::kDone || task.state == ModelState::kCancelled) {
      LIBK_MODEL_CHECK(cancelled.is_error() && cancelled.error() == Error::kNotFound);
      return;
    }
    LIBK_MODEL_CHECK(cancelled.is_ok());
    Unready(static_cast<int>(key));
    task.state = ModelState::kCancelled;
  }

  // Runs one step on both and checks which task ran.
  void Step() {
    const std::size_t runs_before = observed_.runs.size();
    const bool ran = executor_.RunOnce();
    LIBK_MODEL_CHECK(ran == !ready_.empty());
    if (!ran) return;
    LIBK_MODEL_CHECK(observed_.runs.size() == runs_before + 1);
    const int key = observed_.runs.back();
    // Ready tasks run in FIFO order only while every wake fitted in the queue: spawning or
    // waking more tasks than it holds hands the rest to the overflow scan (slot order).
    if (strict_fifo_ && executor_.stats().wake_overflows == 0) {
      LIBK_MODEL_CHECK(key == ready_.front());
    }
    LIBK_MODEL_CHECK(Unready(key));
    ModelTask& task = model_[static_cast<std::size_t>(key)];
    task.state = task.waits_left > 0 ? ModelState::kWaiting : ModelState::kDone;
    task.woken = false;
    if (task.waits_left > 0) --task.waits_left;
  }

  // Wakes every waiting task and runs until all have ended: no wake may be lost.
  void Finish() {
    bool any_waiting = true;
    while (any_waiting) {
      while (!ready_.empty()) Step();
      LIBK_MODEL_CHECK(!executor_.RunOnce());
      any_waiting = false;
      for (std::size_t key = 0; key < model_.size(); ++key) {
        if (model_[key].state != ModelState::kWaiting) continue;
        any_waiting = true;
        Wake(key, observed_.wakers[key].size() - 1);
      }
    }
  }

  // Checks that the tasks alive, and those that completed (each exactly once), agree.
  void CheckEnds() const {
    std::uint32_t live = 0;
    std::vector<int> completions(model_.size(), 0);
    for (const int key : observed_.completions) ++completions[static_cast<std::size_t>(key)];
    for (std::size_t key = 0; key < model_.size(); ++key) {
      const ModelState state = model_[key].state;
      live += state == ModelState::kReady || state == ModelState::kWaiting ? 1 : 0;
      LIBK_MODEL_CHECK(completions[key] == (state == ModelState::kDone ? 1 : 0));
    }
    LIBK_MODEL_CHECK(executor_.stats().live == live);
    LIBK_MODEL_CHECK(executor_.stats().completed == observed_.completions.size());
  }

  std::size_t tasks() const { return model_.size(); }
  std::size_t waits(std::size_t key) const { return observed_.wakers[key].size(); }

 private:
  // Takes `key` out of the model's ready queue; returns whether it was there.
  bool Unready(int key) {
    const auto it = std::ranges::find(ready_, key);
    if (it == ready_.end()) return false;
    ready_.erase(it);
    return true;
  }

  Executor executor_;
  bool strict_fifo_;
  Observed observed_;
  std::vector<ModelTask> model_;
  std::deque<int> ready_;
};

}  // namespace libk::async::testing
