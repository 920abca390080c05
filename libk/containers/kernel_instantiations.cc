// Instantiates ArrayVec and Span under the kernel's compiler flags, so a freestanding
// build catches any dependency on the hosted standard library.
#include <cstddef>
#include <cstdint>

#include "libk/containers/array_vec.h"
#include "libk/containers/span.h"

namespace libk {
namespace {

struct NonTrivial {
  NonTrivial(int v) : value(v) {}
  NonTrivial(const NonTrivial& other) : value(other.value) {}
  NonTrivial(NonTrivial&& other) : value(other.value) { other.value = 0; }
  NonTrivial& operator=(const NonTrivial& other) = default;
  NonTrivial& operator=(NonTrivial&& other) = default;
  ~NonTrivial() { value = -1; }
  friend bool operator==(const NonTrivial&, const NonTrivial&) = default;
  int value;
};

}  // namespace

template class ArrayVec<uint64_t, 16>;
template class ArrayVec<NonTrivial, 8>;
template class Span<uint8_t>;
template class Span<const NonTrivial>;

// Exercises the member templates, which explicit instantiation does not reach.
int KernelContainerInstantiations(int x) {
  ArrayVec<NonTrivial, 8> values = {1, 2, 3};
  values.Emplace(x);
  if (values.TryEmplace(x + 1).is_error()) return -1;
  values.Insert(0, NonTrivial(x));
  values.Erase(values.begin() + 1);
  ArrayVec<NonTrivial, 8> copy = values;
  const ArrayVec<NonTrivial, 8>& view_source = copy;
  Span<const NonTrivial> view = view_source;
  int sum = 0;
  for (const NonTrivial& value : view.Subspan(1)) sum += value.value;
  uint8_t bytes[4] = {1, 2, 3, 4};
  Span<uint8_t> byte_span = bytes;
  return sum + byte_span.Last(2)[0] + values.Pop().value().value + (copy == values ? 1 : 0);
}

}  // namespace libk
