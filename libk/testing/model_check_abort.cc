// The model check hook of fuzzers: a failed check prints itself and aborts, so libFuzzer
// keeps the input as a crash.
#include <cstdio>
#include <cstdlib>

#include "libk/testing/model_check.h"

namespace libk::testing {

void ModelCheckFailed(const char* check, const char* file, int line) {
  (void)std::fprintf(stderr, "model check failed at %s:%d: %s\n", file, line, check);
  std::abort();
}

}  // namespace libk::testing
