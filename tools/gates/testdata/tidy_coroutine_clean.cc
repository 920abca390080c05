// The control for tidy_coroutine_violation.cc: the same coroutines taking their inputs by
// value, so the self-test shows that clang-tidy objects to the planted findings only.
#include <coroutine>

namespace keel_gates_testdata {
namespace {

// A minimal eager coroutine type, enough to make the functions below coroutines.
// The compiler calls a promise's functions through the object, so they stay members.
// NOLINTBEGIN(readability-convert-member-functions-to-static)
struct Eager {
  struct promise_type {
    promise_type() noexcept = default;
    Eager get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
// NOLINTEND(readability-convert-member-functions-to-static)

// Counts to `limit`, suspending at each step.
[[maybe_unused]] Eager Count(int limit) {
  for (int i = 0; i < limit; ++i) co_await std::suspend_never{};
}

// Starts a lambda coroutine that gets `limit` as a parameter instead of a capture.
[[maybe_unused]] Eager Start(int limit) {
  auto body = [](int n) -> Eager {
    for (int i = 0; i < n; ++i) co_await std::suspend_never{};
  };
  return body(limit);
}

}  // namespace
}  // namespace keel_gates_testdata
