// Planted coroutine findings for the gates' self-test (//tools/gates:gates_bite_test and
// `bazel build --config=tidy //tools/gates/testdata:tidy_coroutine_violation`, which must
// fail): the two mistakes that leave a suspended coroutine pointing at dead objects. It
// compiles cleanly; only clang-tidy objects. tidy_coroutine_clean.cc is its control.
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

// A reference parameter: the referred-to object may die while the coroutine is suspended
// (cppcoreguidelines-avoid-reference-coroutine-parameters).
[[maybe_unused]] Eager Count(const int& limit) {
  for (int i = 0; i < limit; ++i) co_await std::suspend_never{};
}

// A capturing lambda coroutine: the captures live in the lambda object, not in the frame
// (cppcoreguidelines-avoid-capturing-lambda-coroutines).
[[maybe_unused]] Eager Start(int limit) {
  auto body = [limit]() -> Eager {
    for (int i = 0; i < limit; ++i) co_await std::suspend_never{};
  };
  return body();
}

}  // namespace
}  // namespace keel_gates_testdata
