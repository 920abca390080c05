// Fails to compile unless the compiler is the LLVM version the build names (.bazelrc's
// CC=clang-N, turned into KEEL_LLVM_MAJOR by platforms/local_clang.bzl). Compiled into every
// kernel (through //boot) with the bare-metal toolchain and into a host test with the host
// toolchain, so neither toolchain can silently fall back to another installed clang.
#include "keel/llvm_version.h"

static_assert(__clang__ == 1, "keel is built with clang");
static_assert(__clang_major__ == KEEL_LLVM_MAJOR,
              "this compiler is not the LLVM version .bazelrc names (CC=clang-N)");
