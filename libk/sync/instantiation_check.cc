// Instantiates the templates of //libk/sync and checks, at compile time, the properties
// that let them be kernel globals: constant initialisation (constinit) and trivial
// destruction (no static constructors or exit-time destructors).
#include <cstdint>

#include "libk/sync/interrupts.h"
#include "libk/sync/irq_spin_lock.h"
#include "libk/sync/lazy.h"
#include "libk/sync/mutex.h"
#include "libk/sync/once.h"
#include "libk/sync/scoped_lock.h"
#include "libk/sync/spin_lock.h"

namespace libk::sync_instantiation_check {
namespace {

struct Counters {
  std::uint64_t ticks = 0;
  std::uint64_t keys = 0;
};

Counters MakeCounters() { return Counters{1, 2}; }

constinit SpinLock spin_lock;
constinit IrqSpinLock irq_spin_lock;
constinit Mutex<Counters> counters;
constinit IrqMutex<Counters> irq_counters(Counters{3, 4});
constinit Once once;
constinit Lazy<Counters> lazy_counters(&MakeCounters);
constinit Lazy<std::uint64_t> lazy_answer([] { return std::uint64_t{42}; });

static_assert(__is_trivially_destructible(SpinLock));
static_assert(__is_trivially_destructible(IrqSpinLock));
static_assert(__is_trivially_destructible(Mutex<Counters>));
static_assert(__is_trivially_destructible(Once));
static_assert(__is_trivially_destructible(Lazy<Counters>));

// A class that keeps a lock next to the member it guards.
class Tally {
 public:
  void Add(std::uint64_t n) {
    const ScopedLock hold(lock_);
    total_ += n;
  }

 private:
  SpinLock lock_;
  std::uint64_t total_ LIBK_GUARDED_BY(lock_) = 0;
};

Tally tally;

}  // namespace

// Exercises each entry point once; never called, only compiled (external linkage keeps it
// from being an unused function).
std::uint64_t Exercise() {  // NOLINT(misc-use-internal-linkage)
  {
    const ScopedLock hold(spin_lock);
  }
  if (irq_spin_lock.TryLock()) {
    irq_spin_lock.Unlock();
  }
  {
    auto guard = counters.Lock();
    ++guard->ticks;
  }
  if (auto guard = irq_counters.TryLock()) {
    ++guard->keys;
  }
  const std::uint64_t keys = irq_counters.With([](Counters& c) { return c.keys; });
  std::uint64_t runs = 0;
  once.CallOnce([&runs] { ++runs; });
  tally.Add(keys);
  const bool enabled = interrupts::WithoutInterrupts([] { return interrupts::AreEnabled(); });
  return lazy_counters->ticks + *lazy_answer + runs + (enabled ? 1 : 0);
}

}  // namespace libk::sync_instantiation_check
