// The correct uses of what the snippets next to this file get wrong: it must compile (and
// run). Moving a UniquePtr, handling TryPush's Result, sending Arcs and Vectors of them.
#include <utility>

#include "libk/memory/arc.h"
#include "libk/memory/rc.h"
#include "libk/memory/send.h"
#include "libk/memory/unique_ptr.h"
#include "libk/memory/vector.h"

namespace {

template <libk::Send T>
int RunOnAnotherCpu(T value) {
  return static_cast<int>(value.size());
}

int Read(const libk::Arc<int>& shared) { return *shared; }

static_assert(libk::Send<libk::Arc<int>>);
static_assert(libk::Send<libk::Vector<libk::Arc<int>>>);
static_assert(libk::Send<libk::UniquePtr<libk::Vector<int>>>);
static_assert(!libk::Send<libk::Rc<int>>);
static_assert(!libk::Send<libk::WeakRc<int>>);
static_assert(!libk::Send<libk::Vector<libk::Rc<int>>>);
static_assert(!libk::Send<const libk::UniquePtr<libk::Rc<int>>&>);

}  // namespace

int main() {
  libk::UniquePtr<int> owner = libk::MakeUnique<int>(1);
  const libk::UniquePtr<int> moved = std::move(owner);
  libk::Vector<libk::Arc<int>> shared;
  if (shared.TryPush(libk::MakeArc<int>(2)).is_error()) return 1;
  const int size = RunOnAnotherCpu(std::move(shared));
  const libk::Rc<int> local = libk::MakeRc<int>(3);
  return *moved + size + Read(libk::MakeArc<int>(*local)) == 5 ? 0 : 1;
}
