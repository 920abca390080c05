// The model check hook of property tests: a failed check fails the RapidCheck case, which
// then shrinks it and prints the check with the counterexample.
#include <string>

#include <rapidcheck.h>

#include "libk/testing/model_check.h"

namespace libk::testing {

void ModelCheckFailed(const char* check, const char* file, int line) {
  RC_FAIL(std::string(file) + ":" + std::to_string(line) + ": " + check);
}

}  // namespace libk::testing
