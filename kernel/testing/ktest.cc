#include "kernel/testing/ktest.h"

#include <cstddef>

#include "kernel/console/console.h"
#include "kernel/panic/panic.h"
#include "kernel/qemu/exit.h"
#include "libk/arch/x86_64/raw/context.h"

// Bounds of the .ktest.cases entries, from boot/linker.ld.
extern "C" const kernel::testing::TestCase __ktest_start[];
extern "C" const kernel::testing::TestCase __ktest_end[];

namespace kernel::testing {
namespace {

namespace raw = libk::x86_64::raw;

raw::SavedContext resume_point;
const TestCase* current = nullptr;

void WriteCount(std::size_t value) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) {
    console::Write(&digits[--count], 1);
  }
}

void WriteName(const TestCase& test) {
  console::Write(test.suite);
  console::Write(".");
  console::Write(test.name);
}

// Runs when a test panics: the panic is already printed; report the test and resume the
// runner, abandoning the test's frames.
void OnPanic(const libk::PanicInfo& /*info*/) {
  if (current == nullptr) {
    return;  // A panic in the runner itself: let it end the run.
  }
  console::Write(current->expectation == Expectation::kPanic
                     ? "  (panicked as expected)\n"
                     : "  (unexpected panic in ");
  if (current->expectation != Expectation::kPanic) {
    WriteName(*current);
    console::Write(")\n");
  }
  // SAFETY: resume_point was saved by RunAllTests, whose frame is live for the whole run;
  // the abandoned test frames own nothing the runner needs (the console takes no lock).
  raw::KeelResumeContext(&resume_point, 1);
}

}  // namespace

void RunAllTests() {
  const std::size_t total = static_cast<std::size_t>(__ktest_end - __ktest_start);
  console::Write("ktest: running ");
  WriteCount(total);
  console::Write(" tests\n");
  panic::SetHook(&OnPanic);
  // Updated across KeelSaveContext's second return, hence static (not in a register).
  static std::size_t passed = 0;
  static std::size_t failed = 0;
  static std::size_t index = 0;
  for (index = 0; index < total; ++index) {
    const TestCase& test = __ktest_start[index];
    WriteName(test);
    console::Write(" ...\n");
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
    WriteName(done);
    if (ok) {
      console::Write(" [ok]\n");
      ++passed;
    } else {
      console::Write(panicked ? " [failed]\n" : " [failed] (expected a panic, but it returned)\n");
      ++failed;
    }
  }
  panic::SetHook(nullptr);
  console::Write("ktest: ");
  WriteCount(passed);
  console::Write(" passed, ");
  WriteCount(failed);
  console::Write(" failed\n");
  qemu::Exit(failed == 0 && total > 0 ? qemu::ExitCode::kSuccess : qemu::ExitCode::kFailure);
}

}  // namespace kernel::testing
