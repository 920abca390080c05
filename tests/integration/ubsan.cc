// ubsan: each test plants one kind of undefined behaviour, and the kernel's UBSan runtime
// (kernel/ubsan) must panic naming it, with the values involved and the file, line and
// column of the planted code (checked in BUILD). Inputs come from volatile variables, so
// the compiler cannot see the behaviour coming and must leave the check to run time.
#include <cstdint>

#include "kernel/testing/ktest.h"

namespace {

// Values the compiler cannot know.
volatile int zero = 0;
volatile int one = 1;
volatile int minus_one = -1;
volatile int forty = 40;
volatile int four = 4;
volatile int int_max = 2147483647;
volatile int int_min = -2147483647 - 1;
volatile std::int64_t big = std::int64_t{1} << 62;
volatile std::uint8_t five = 5;
volatile std::uint64_t huge_offset = std::uint64_t{1} << 63;
int* volatile null_int = nullptr;
volatile int sink = 0;

KTEST_SHOULD_PANIC(ubsan, shift_exponent_too_large) { sink = one << forty; }

KTEST_SHOULD_PANIC(ubsan, signed_addition_overflow) { sink = int_max + one; }

KTEST_SHOULD_PANIC(ubsan, signed_multiplication_overflow) {
  sink = static_cast<int>(big * four >> 62);
}

KTEST_SHOULD_PANIC(ubsan, negation_overflow) { sink = -int_min; }

KTEST_SHOULD_PANIC(ubsan, division_by_zero) { sink = one / zero; }

KTEST_SHOULD_PANIC(ubsan, division_overflow) { sink = int_min / minus_one; }

KTEST_SHOULD_PANIC(ubsan, null_load) { sink = *null_int; }

// A member of a packed struct lies at an odd address; reading it through a plain int*
// (which promises 4-byte alignment) is undefined.
struct [[gnu::packed]] Packed {
  char tag;
  int value;
};
Packed packed{'p', 7};
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Waddress-of-packed-member"
int* volatile misaligned_int = &packed.value;
#pragma clang diagnostic pop

KTEST_SHOULD_PANIC(ubsan, misaligned_load) { sink = *misaligned_int; }

int array[4] = {1, 2, 3, 4};

KTEST_SHOULD_PANIC(ubsan, array_index_out_of_bounds) { sink = array[four]; }

// An int seen as a two-int struct: reading its first member reads only the int, but the
// access claims a whole Pair at that address, and the object there is too small.
struct Pair {
  int first;
  int second;
};
int lonely = 1;

KTEST_SHOULD_PANIC(ubsan, object_too_small) {
  // SAFETY: none; the cast is the planted bug, which the UBSan runtime must report.
  // NOLINTNEXTLINE(bugprone-casting-through-void): the planted bug.
  const Pair* pair = static_cast<const Pair*>(static_cast<const void*>(&lonely));
  sink = pair->first;
}

KTEST_SHOULD_PANIC(ubsan, pointer_overflow) {
  char* base = &packed.tag;
  char* volatile wrapped = base + huge_offset;
  sink = wrapped == nullptr ? 1 : 0;
}

KTEST_SHOULD_PANIC(ubsan, invalid_bool) {
  const std::uint8_t byte = five;
  bool flag = false;
  __builtin_memcpy(&flag, &byte, 1);
  const volatile bool* read = &flag;
  sink = *read ? 1 : 2;
}

// An enum without a fixed underlying type holds only the values of its bit range (0..3).
enum Color { kRed, kGreen, kBlue };

KTEST_SHOULD_PANIC(ubsan, invalid_enum) {
  Color color = kRed;
  const int seven = five + 2;
  __builtin_memcpy(&color, &seven, sizeof(color));
  const volatile Color* read = &color;
  sink = *read == kBlue ? 1 : 2;
}

KTEST_SHOULD_PANIC(ubsan, unreachable) {
  if (zero == 0) __builtin_unreachable();
}

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wreturn-type"
int FallsOffTheEnd(int x) {
  if (x != 0) return x;
}
#pragma clang diagnostic pop

KTEST_SHOULD_PANIC(ubsan, missing_return) { sink = FallsOffTheEnd(zero); }

[[gnu::nonnull, gnu::noinline]] int Read(const int* pointer) { return *pointer; }

KTEST_SHOULD_PANIC(ubsan, null_nonnull_argument) { sink = Read(null_int); }

[[gnu::returns_nonnull, gnu::noinline]] int* NeverNull() { return null_int; }

KTEST_SHOULD_PANIC(ubsan, null_returns_nonnull) {
  int* volatile result = NeverNull();
  sink = result == nullptr ? 1 : 2;
}

KTEST_SHOULD_PANIC(ubsan, negative_vla_bound) {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wvla-cxx-extension"
  char buffer[minus_one];
#pragma clang diagnostic pop
  buffer[0] = 1;
  sink = buffer[0] == 1 ? 1 : 2;
}

KTEST_SHOULD_PANIC(ubsan, ctz_of_zero) { sink = __builtin_ctz(static_cast<unsigned>(zero)); }

KTEST_SHOULD_PANIC(ubsan, false_alignment_assumption) {
  const void* aligned = __builtin_assume_aligned(misaligned_int, 64);
  sink = aligned == nullptr ? 1 : 2;
}

// local-bounds (an access through a pointer into a local array) traps in LLVM 19: the
// ud2 instruction reaches the invalid-opcode handler, which panics with its address.
KTEST_SHOULD_PANIC(ubsan, local_out_of_bounds) {
  int local[4] = {1, 2, 3, 4};
  const int* pointer = local;
  sink = pointer[four];
}

}  // namespace
