// Instantiates the owning types under the kernel's compiler flags, so a freestanding
// build catches any dependency on the hosted standard library. Compiled, not linked: the
// kernel's operator new arrives with its heap.
#include <cstddef>
#include <cstdint>

#include "libk/fmt/format.h"
#include "libk/memory/arc.h"
#include "libk/memory/rc.h"
#include "libk/memory/send.h"
#include "libk/memory/string.h"
#include "libk/memory/unique_ptr.h"
#include "libk/memory/vector.h"

namespace libk {
namespace {

struct NonTrivial {
  NonTrivial(int v) : value(v) {}  // NOLINT(google-explicit-constructor)
  NonTrivial(const NonTrivial& other) = default;
  NonTrivial(NonTrivial&& other) noexcept : value(other.value) { other.value = 0; }
  NonTrivial& operator=(const NonTrivial& other) = default;
  NonTrivial& operator=(NonTrivial&& other) = default;
  ~NonTrivial() { value = -1; }
  friend bool operator==(const NonTrivial&, const NonTrivial&) = default;
  int value;
};

// Over-aligned: its storage comes from the align_val_t forms of operator new and delete
// that libc++'s <new> declares for the kernel.
struct alignas(64) CacheLine {
  std::uint64_t words[8];
};

static_assert(Send<Arc<NonTrivial>> && !Send<Rc<NonTrivial>>);

}  // namespace

template class Vector<std::uint64_t>;
template class Vector<NonTrivial>;
template class UniquePtr<NonTrivial>;
template class Vector<CacheLine>;
template class UniquePtr<CacheLine>;

// Exercises the member templates and factories; never called, only compiled.
int KernelOwningTypeInstantiations(int x) {
  Vector<NonTrivial> values;
  values.Push(x);
  values.Emplace(x + 1);
  if (values.TryInsert(0, NonTrivial(x)).is_error()) return -1;
  values.Erase(1);
  Vector<NonTrivial> copy = values.TryClone().UnwrapOrPanic();
  UniquePtr<NonTrivial> boxed = MakeUnique<NonTrivial>(x);
  UniquePtr<CacheLine> line_box = MakeUnique<CacheLine>();
  Vector<CacheLine> lines;
  lines.Push(CacheLine{});
  Rc<NonTrivial> local = MakeRc<NonTrivial>(x);
  WeakRc<NonTrivial> weak_local = local.Downgrade();
  Arc<NonTrivial> shared = MakeArc<NonTrivial>(x);
  WeakArc<NonTrivial> weak_shared = shared.Downgrade();
  String text;
  Format(text, "{} {}", x, copy.size());
  const String line = String::TryFormat("{}", text).UnwrapOrPanic();
  return boxed->value + static_cast<int>(line_box->words[0] + lines[0].words[0]) +
         (weak_local.Upgrade().has_value() ? 1 : 0) + (weak_shared.Upgrade().has_value() ? 1 : 0) +
         static_cast<int>(line.size()) + values.Pop().value().value + (copy == values ? 1 : 0);
}

}  // namespace libk
