// Instantiates the Result and Optional templates under the kernel's compiler flags, so a
// freestanding build catches any dependency on the hosted standard library.
#include <cstdint>

#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk {
namespace {

struct NonTrivial {
  explicit NonTrivial(int v) : value(v) {}
  NonTrivial(const NonTrivial& other) : value(other.value) {}
  NonTrivial(NonTrivial&& other) : value(other.value) { other.value = 0; }
  NonTrivial& operator=(const NonTrivial& other) = default;
  NonTrivial& operator=(NonTrivial&& other) = default;
  ~NonTrivial() { value = -1; }
  friend bool operator==(const NonTrivial&, const NonTrivial&) = default;
  int value;
};

Result<uint64_t> Parse(uint64_t x) {
  if (x > 100) return Err(Error::kOutOfRange);
  return x * 2;
}

Result<NonTrivial> MakeNonTrivial(uint64_t x) {
  const uint64_t doubled = LIBK_TRY(Parse(x));
  return NonTrivial(static_cast<int>(doubled));
}

Result<void> CheckBoth(uint64_t a, uint64_t b) {
  LIBK_TRY(Parse(a));
  LIBK_TRY(MakeNonTrivial(b));
  return Ok();
}

}  // namespace

template class Result<uint64_t>;
template class Result<NonTrivial>;
template class Result<void>;
template class Optional<uint64_t>;
template class Optional<NonTrivial>;
template class Optional<NonTrivial&>;

// Exercises the member templates, which explicit instantiation does not reach.
int KernelResultInstantiations(uint64_t x) {
  Optional<NonTrivial> optional = MakeNonTrivial(x).Map([](NonTrivial n) { return n; }).value();
  optional.Emplace(3);
  const int mapped = optional.Map([](const NonTrivial& n) { return n.value + 1; }).ValueOr(0);
  const Result<int> chained =
      Parse(x).AndThen([](uint64_t v) { return Parse(v); }).Map([](uint64_t v) {
        return static_cast<int>(v);
      });
  const bool same = MakeNonTrivial(x) == MakeNonTrivial(x + 1);
  return mapped + chained.ValueOr(0) + (CheckBoth(x, x).is_ok() ? 1 : 0) + (same ? 1 : 0) +
         static_cast<int>(ErrorName(Error::kFull)[0]);
}

}  // namespace libk
