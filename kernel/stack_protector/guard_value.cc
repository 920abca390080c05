#include "kernel/stack_protector/guard_value.h"

#include <cstdint>

#include "libk/result/optional.h"

namespace kernel::stack_protector {
namespace {

// SplitMix64's finalizer: a bijection on 64 bits in which every input bit affects every
// output bit, so nearby counter values give unrelated canaries.
std::uint64_t Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

constexpr std::uint64_t kLowByte = 0xff;
// Used if a source yields 0 in every byte but the lowest (once in 2^56).
constexpr std::uint64_t kFallback = 0x2f8c'1e4d'a3b7'5900;

}  // namespace

StackGuard ChooseStackGuard(libk::Optional<std::uint64_t> random, std::uint64_t tsc) {
  StackGuard guard;
  if (random.has_value()) {
    guard = {.value = *random, .source = GuardSource::kRdrand};
  } else {
    guard = {.value = Mix(tsc), .source = GuardSource::kTimeStampCounter};
  }
  guard.value &= ~kLowByte;
  if (guard.value == 0) guard.value = kFallback;
  return guard;
}

}  // namespace kernel::stack_protector
