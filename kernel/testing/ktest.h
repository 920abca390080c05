// The in-kernel test framework: KTEST(suite, name) registers a test in the .ktest.cases
// linker section; RunAllTests() runs every registered test, reports each as
// "suite.name ... [ok]" or "[failed]", prints a summary and exits QEMU (0x10 when all
// passed, 0x11 otherwise). A panic inside a test is reported with the test's name and the
// panic's message and location, and the runner goes on with the next test.
#pragma once

#include <cstdint>

namespace kernel::testing {

enum class Expectation : std::uint8_t {
  kPass,   // The body must return.
  kPanic,  // The body must panic.
};

struct TestCase {
  const char* suite;
  const char* name;
  void (*body)();
  Expectation expectation;
  const char* file;
  unsigned line;
};

// Runs every registered test and exits QEMU with the result.
[[noreturn]] void RunAllTests();

}  // namespace kernel::testing

// The body is a static member of a class in an anonymous namespace: internal linkage, and
// a function name (`__func__`, which panics print) that names the suite and the test.
#define KTEST_INTERNAL(suite, name, expectation)                                      \
  namespace {                                                                         \
  struct KtestCase_##suite##_##name {                                                 \
    static void KtestBody_##suite##_##name();                                         \
    using Case = ::kernel::testing::TestCase;                                         \
    [[gnu::used, gnu::section(".ktest.cases")]] static constexpr Case kCase{          \
        #suite, #name, &KtestBody_##suite##_##name, expectation, __FILE__, __LINE__}; \
  };                                                                                  \
  }                                                                                   \
  void KtestCase_##suite##_##name::KtestBody_##suite##_##name()

// Defines a test that passes when its body returns.
#define KTEST(suite, name) KTEST_INTERNAL(suite, name, ::kernel::testing::Expectation::kPass)

// Defines a test that passes only when its body panics.
#define KTEST_SHOULD_PANIC(suite, name) \
  KTEST_INTERNAL(suite, name, ::kernel::testing::Expectation::kPanic)
