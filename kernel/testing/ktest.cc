#include "kernel/testing/ktest.h"

#include <cstddef>

#include "libk/arch/x86_64/raw/context.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/panic/panic.h"
#include "kernel/qemu/exit.h"

// Bounds of the .ktest.cases entries, from boot/linker.ld.
extern "C" const kernel::testing::TestCase __ktest_start[];
extern "C" const kernel::testing::TestCase __ktest_end[];

namespace kernel::testing {
namespace {

namespace raw = libk::x86_64::raw;

raw::SavedContext resume_point;
const TestCase* current = nullptr;

void PrintResult(const TestCase& test, const char* result) {
  kprintln("{}.{} {}", test.suite, test.name, result);
}

// Runs when a test panics: the panic is already printed; report the test and resume the
// runner, abandoning the test's frames.
void OnPanic(const libk::PanicInfo& /*info*/) {
  if (current == nullptr) {
    return;  // A panic in the runner itself: let it end the run.
  }
  if (current->expectation == Expectation::kPanic) {
    kprintln("  (panicked as expected)");
  } else {
    kprintln("  (unexpected panic in {}.{})", current->suite, current->name);
  }
  // SAFETY: resume_point was saved by RunAllTests, whose frame is live for the whole run;
  // the abandoned test frames own nothing the runner needs (the panic handler already
  // broke the console lock if the test held it).
  raw::KeelResumeContext(&resume_point, 1);
}

}  // namespace

void RunAllTests() {
  const std::size_t total = static_cast<std::size_t>(__ktest_end - __ktest_start);
  kprintln("ktest: running {} tests", total);
  panic::SetHook(&OnPanic);
  // Updated across KeelSaveContext's second return, hence static (not in a register).
  static std::size_t passed = 0;
  static std::size_t failed = 0;
  static std::size_t index = 0;
  for (index = 0; index < total; ++index) {
    const TestCase& test = __ktest_start[index];
    PrintResult(test, "...");
    current = &test;
    // SAFETY: this frame stays live until the loop ends; after a resume only the statics
    // above are read.
    const bool panicked = raw::KeelSaveContext(&resume_point) != 0;
    if (!panicked) {
      test.body();
    }
    current = nullptr;
    const TestCase& done = __ktest_start[index];
    const bool ok = panicked == (done.expectation == Expectation::kPanic);
    if (ok) {
      PrintResult(done, "[ok]");
      ++passed;
    } else {
      PrintResult(done, panicked ? "[failed]" : "[failed] (expected a panic, but it returned)");
      ++failed;
    }
  }
  panic::SetHook(nullptr);
  kprintln("ktest: {} passed, {} failed", passed, failed);
  qemu::Exit(failed == 0 && total > 0 ? qemu::ExitCode::kSuccess : qemu::ExitCode::kFailure);
}

}  // namespace kernel::testing
