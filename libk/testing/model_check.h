// The check that reference models shared by property tests and fuzzers use. The model
// code only says what must hold; each binary links one hook that reports a failure its own
// way: :model_check_rapidcheck fails the RapidCheck case, :model_check_abort prints the
// check and aborts, which libFuzzer records as a crash.
#pragma once

namespace libk::testing {

// Reports that `check`, at `file`:`line`, did not hold; never returns (it throws or aborts).
[[noreturn]] void ModelCheckFailed(const char* check, const char* file, int line);

}  // namespace libk::testing

// Checks `condition` in a reference model, reporting it through the binary's hook.
#define LIBK_MODEL_CHECK(condition) \
  ((condition) ? void() : ::libk::testing::ModelCheckFailed(#condition, __FILE__, __LINE__))
