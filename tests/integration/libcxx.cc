// libcxx: the kernel's standard library (libc++ in keel's configuration) at run time. The
// run-time checks of //libk/std (coroutines, atomics, placement new, the algorithms that
// libc++ hands to libk's mem routines) pass in the kernel, and the fast hardening mode turns
// out-of-bounds access and the exceptions the kernel cannot throw into panics that say what
// went wrong.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <variant>

#include "libk/panic/panic.h"
#include "libk/std/checks/runtime_checks.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

// An index the optimizer cannot see, so the bounds check happens at run time.
std::size_t Opaque(std::size_t index) {
  const volatile std::size_t hidden = index;
  return hidden;
}

}  // namespace

KTEST(libcxx, runtime_checks_pass) {
  const int failed_line = keel_std_checks::RunRuntimeChecks();
  LIBK_ASSERT(failed_line == 0, "check at libk/std/checks/runtime_checks.cc:{} failed",
              failed_line);
}

KTEST(libcxx, in_bounds_access_works) {
  std::array<int, 4> values = {1, 2, 3, 4};
  const std::span<int> view(values);
  view[Opaque(3)] = 7;
  LIBK_ASSERT(values[Opaque(3)] == 7);
  LIBK_ASSERT(view.subspan(Opaque(1)).size() == 3);
}

KTEST_SHOULD_PANIC(libcxx, span_index_out_of_bounds_panics) {
  std::array<int, 4> values = {1, 2, 3, 4};
  const std::span<int> view(values);
  kernel::kprintln("libcxx: read {}", view[Opaque(4)]);
}

KTEST_SHOULD_PANIC(libcxx, array_index_out_of_bounds_panics) {
  std::array<int, 4> values = {1, 2, 3, 4};
  kernel::kprintln("libcxx: read {}", values[Opaque(5)]);
}

KTEST_SHOULD_PANIC(libcxx, value_of_empty_optional_panics) {
  std::optional<int> empty;
  if (Opaque(0) == 1) empty = 1;
  // NOLINTNEXTLINE(bugprone-unchecked-optional-access): the access must panic.
  kernel::kprintln("libcxx: read {}", empty.value());
}

KTEST_SHOULD_PANIC(libcxx, get_of_other_alternative_panics) {
  std::variant<int, char> value = 'c';
  if (Opaque(0) == 1) value = 1;
  kernel::kprintln("libcxx: read {}", std::get<int>(value));
}
