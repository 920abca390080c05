// Run-time checks of <coroutine>, <atomic>, <new> and <algorithm> (see runtime_checks.h).
#include "libk/std/checks/runtime_checks.h"

#include <algorithm>
#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

namespace keel_std_checks {
namespace {

#define KEEL_CHECK(condition) \
  do {                        \
    if (!(condition)) {       \
      return __LINE__;        \
    }                         \
  } while (false)

// --- <coroutine> -----------------------------------------------------------------------

// Generator frames live here, one at a time: the kernel, where these checks also run, has
// no heap yet, so the promise allocates its frame itself.
alignas(std::max_align_t) unsigned char frame_arena[4096];
bool frame_arena_in_use = false;

// A lazily started coroutine that yields ints and returns an int.
class Generator {
 public:
  struct promise_type {
    // Not an aggregate: since clang 16 (and in GCC), C++20 parenthesized aggregate
    // initialization applies to promises, so an aggregate promise would be initialized from
    // the coroutine's arguments (`current` would start as CountTo's `n`). Every promise type
    // declares a constructor; CoroutineChecks pins it (`current == 0` before the first resume).
    promise_type() noexcept = default;

    static void* operator new(std::size_t size) {
      if (frame_arena_in_use || size > sizeof(frame_arena)) __builtin_trap();
      frame_arena_in_use = true;
      return frame_arena;
    }
    static void operator delete(void* /*frame*/, std::size_t /*size*/) noexcept {
      frame_arena_in_use = false;
    }

    int current = 0;
    int result = 0;
    int resumed_from_noop = 0;
    Generator get_return_object() {
      return Generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int value) noexcept {
      current = value;
      return {};
    }
    void return_value(int value) noexcept { result = value; }
    void unhandled_exception() noexcept {}
  };

  explicit Generator(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  Generator(Generator&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;
  ~Generator() {
    if (handle_) handle_.destroy();
  }

  std::coroutine_handle<promise_type> handle() const { return handle_; }

 private:
  std::coroutine_handle<promise_type> handle_;
};

// Suspends and transfers control to the no-op coroutine: resumption comes from outside.
struct TransferToNoop {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) const noexcept {
    return std::noop_coroutine();
  }
  void await_resume() const noexcept {}
};

Generator CountTo(int n) {
  co_await std::suspend_never{};
  for (int i = 1; i <= n; ++i) {
    co_yield i;
  }
  co_await TransferToNoop{};
  co_return n * 10;
}

int CoroutineChecks() {
  const Generator gen = CountTo(3);
  auto handle = gen.handle();
  KEEL_CHECK(handle && !handle.done());
  KEEL_CHECK(handle.promise().current == 0);  // Lazily started.
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    handle.resume();
    KEEL_CHECK(!handle.done());
    sum += handle.promise().current;
  }
  KEEL_CHECK(sum == 6);
  handle.resume();  // Runs to TransferToNoop.
  KEEL_CHECK(!handle.done());
  handle();  // Runs to the final suspend point.
  KEEL_CHECK(handle.done() && handle.promise().result == 30);

  auto from_promise =
      std::coroutine_handle<Generator::promise_type>::from_promise(handle.promise());
  KEEL_CHECK(from_promise == handle && from_promise.address() == handle.address());
  const std::coroutine_handle<> erased = handle;
  KEEL_CHECK(erased.address() == handle.address() && erased.done());
  KEEL_CHECK(std::coroutine_handle<>::from_address(handle.address()) == erased);
  KEEL_CHECK((erased <=> erased) == 0);

  const std::coroutine_handle<> null;
  KEEL_CHECK(!null && null.address() == nullptr && null == std::coroutine_handle<>(nullptr));

  const std::noop_coroutine_handle noop = std::noop_coroutine();
  KEEL_CHECK(noop && !noop.done() && noop.address() != nullptr);
  noop.resume();
  noop.destroy();
  noop();
  static_assert(
      std::is_same_v<std::coroutine_traits<Generator, int>::promise_type, Generator::promise_type>);
  return 0;
}

// --- <atomic> --------------------------------------------------------------------------

struct Point {
  std::int16_t x;
  std::int16_t y;
};

int AtomicChecks() {
  std::atomic<int> counter;  // Value-initialized (C++20).
  KEEL_CHECK(counter.load() == 0);
  KEEL_CHECK(counter.fetch_add(5) == 0 && counter.load(std::memory_order_relaxed) == 5);
  KEEL_CHECK(counter.fetch_sub(2, std::memory_order_acq_rel) == 5 && counter == 3);
  KEEL_CHECK(++counter == 4 && counter++ == 4 && counter == 5);
  KEEL_CHECK(--counter == 4 && counter-- == 4 && counter == 3);
  KEEL_CHECK((counter += 10) == 13 && (counter -= 3) == 10);
  KEEL_CHECK(counter.fetch_or(0x5) == 10 && counter == 15);
  KEEL_CHECK(counter.fetch_and(0x6) == 15 && counter == 6);
  KEEL_CHECK(counter.fetch_xor(0x3) == 6 && counter == 5);
  KEEL_CHECK((counter |= 8) == 13 && (counter &= 12) == 12 && (counter ^= 4) == 8);
  KEEL_CHECK(counter.exchange(42) == 8 && counter == 42);
  int expected = 41;
  KEEL_CHECK(!counter.compare_exchange_strong(expected, 7) && expected == 42);
  KEEL_CHECK(counter.compare_exchange_strong(expected, 7) && counter == 7);
  expected = 7;
  while (!counter.compare_exchange_weak(expected, 8, std::memory_order_acquire,
                                        std::memory_order_relaxed)) {
  }
  KEEL_CHECK(counter == 8);
  counter = -1;
  KEEL_CHECK(counter.fetch_add(1) == -1 && counter.load() == 0);

  std::atomic<std::uint8_t> byte(250);
  KEEL_CHECK(byte.fetch_add(10) == 250 && byte == 4);  // Wraps around.

  std::int64_t array[8] = {};
  std::atomic<std::int64_t*> ptr(array);
  KEEL_CHECK(ptr.fetch_add(2) == array && ptr.load() == array + 2);
  KEEL_CHECK(++ptr == array + 3 && ptr++ == array + 3 && ptr == array + 4);
  KEEL_CHECK((ptr += 3) == array + 7 && (ptr -= 7) == array);
  KEEL_CHECK(ptr.fetch_sub(-1) == array && --ptr == array);

  std::atomic<bool> flag(true);
  KEEL_CHECK(flag.exchange(false) && !flag.load());
  bool expected_flag = false;
  KEEL_CHECK(flag.compare_exchange_strong(expected_flag, true) && flag);

  std::atomic<Point> point(Point{1, 2});
  const Point p = point.load();
  KEEL_CHECK(p.x == 1 && p.y == 2);
  point.store(Point{3, 4}, std::memory_order_release);
  const Point old = point.exchange(Point{5, 6});
  KEEL_CHECK(old.x == 3 && old.y == 4);
  Point wrong{0, 0};
  KEEL_CHECK(!point.compare_exchange_strong(wrong, Point{7, 8}) && wrong.x == 5);
  KEEL_CHECK(point.compare_exchange_strong(wrong, Point{7, 8}) && point.load().y == 8);

  std::atomic_flag lock;  // Clear (C++20).
  KEEL_CHECK(!lock.test() && !lock.test_and_set(std::memory_order_acquire));
  KEEL_CHECK(lock.test() && lock.test_and_set());
  lock.clear(std::memory_order_release);
  KEEL_CHECK(!lock.test());

  std::atomic_thread_fence(std::memory_order_seq_cst);
  std::atomic_signal_fence(std::memory_order_acq_rel);

  static_assert(std::atomic<int>::is_always_lock_free && std::atomic<Point>::is_always_lock_free);
  static_assert(std::atomic<void*>::is_always_lock_free);
  static_assert(sizeof(std::atomic<std::uint64_t>) == 8 &&
                alignof(std::atomic<std::uint64_t>) == 8);
  static_assert(alignof(std::atomic<Point>) == 4);
  static_assert(std::is_same_v<std::atomic<long>::value_type, long>);
  static_assert(std::is_same_v<std::atomic<int*>::difference_type, std::ptrdiff_t>);
  static_assert(!std::is_copy_constructible_v<std::atomic<int>>);
  static_assert(!std::is_copy_assignable_v<std::atomic<int>>);
  static_assert(std::is_same_v<std::atomic_uint32_t, std::atomic<std::uint32_t>>);
  static_assert(std::memory_order_relaxed != std::memory_order_seq_cst);
  return 0;
}

// --- <algorithm> at run time -----------------------------------------------------------

// libc++ hands std::find on bytes to memchr, and copies and comparisons of trivially
// copyable ranges to memmove and memcmp: in the kernel, libk's mem runtime.
int AlgorithmChecks() {
  unsigned char bytes[8] = {9, 8, 7, 6, 5, 4, 3, 2};
  // Read through a volatile pointer, the data is unknown to the optimizer: real calls.
  unsigned char* volatile hidden = bytes;
  unsigned char* data = hidden;
  KEEL_CHECK(std::find(data, data + 8, 5) == data + 4);
  KEEL_CHECK(std::find(data, data + 8, 1) == data + 8);
  KEEL_CHECK(std::ranges::find(data, data + 8, 9) == data);
  unsigned char copy[8] = {};
  std::copy(data, data + 8, copy);
  KEEL_CHECK(std::equal(data, data + 8, copy));
  copy[7] = 0;
  KEEL_CHECK(!std::equal(data, data + 8, copy));
  std::copy_backward(data, data + 6, data + 8);  // Overlapping: memmove.
  KEEL_CHECK(data[2] == 9 && data[7] == 4 && data[1] == 8);
  std::ranges::fill(copy, 3);
  KEEL_CHECK(std::count(copy, copy + 8, 3) == 8);
  return 0;
}

// --- <new> -----------------------------------------------------------------------------

struct Tracked {
  int value;
  explicit Tracked(int v) : value(v) {}
};

int NewChecks() {
  alignas(Tracked) unsigned char storage[sizeof(Tracked)];
  Tracked* t = ::new (static_cast<void*>(storage)) Tracked(7);
  KEEL_CHECK(static_cast<void*>(t) == static_cast<void*>(storage) && t->value == 7);
  // NOLINTNEXTLINE(bugprone-casting-through-void): the pointer std::launder is meant to fix.
  Tracked* again = std::launder(static_cast<Tracked*>(static_cast<void*>(storage)));
  KEEL_CHECK(again == t && again->value == 7);
  t->~Tracked();

  alignas(int) unsigned char array_storage[4 * sizeof(int)];
  int* ints = ::new (static_cast<void*>(array_storage)) int[4]{1, 2, 3, 4};
  KEEL_CHECK(ints[3] == 4);

  // std::nothrow is an object, defined by the runtime library (keel's, in a kernel): taking
  // its address through a volatile makes the link need it.
  const std::nothrow_t* volatile tag = &std::nothrow;
  KEEL_CHECK(tag != nullptr);
  return 0;
}

}  // namespace

int RunRuntimeChecks() {
  if (const int line = CoroutineChecks(); line != 0) return line;
  if (const int line = AtomicChecks(); line != 0) return line;
  if (const int line = AlgorithmChecks(); line != 0) return line;
  if (const int line = NewChecks(); line != 0) return line;
  return 0;
}

}  // namespace keel_std_checks
