// The host half of the toolchain version check: this test's compile (and its dependency
// llvm_version_check.cc) fails unless the host compiler is the LLVM version the build names.
#include <cstdio>

#include "keel/llvm_version.h"

static_assert(__clang_major__ == KEEL_LLVM_MAJOR,
              "the host compiler is not the LLVM version .bazelrc names (CC=clang-N)");

int main() {
  std::printf("host compiler: clang %d (the build names LLVM %d)\n", __clang_major__,
              KEEL_LLVM_MAJOR);
  return 0;
}
