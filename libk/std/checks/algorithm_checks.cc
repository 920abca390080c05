// Compile-time checks of <algorithm> and <ranges> (the algorithms and views that need no
// allocation), evaluated in constant expressions. Compiled for the kernel (libc++ in keel's
// configuration), against libc++ on the host, and against the host's libstdc++.
// runtime_checks.cc runs the algorithms that libc++ hands to memchr, memmove and memcmp.
#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <ranges>
#include <span>
#include <utility>

namespace keel_std_checks {
namespace {

using Digits = std::array<int, 8>;
constexpr Digits kDigits = {3, 1, 4, 1, 5, 9, 2, 6};

// --- non-modifying ---------------------------------------------------------------------
static_assert(*std::min_element(kDigits.begin(), kDigits.end()) == 1);
static_assert(*std::max_element(kDigits.begin(), kDigits.end()) == 9);
static_assert(std::find(kDigits.begin(), kDigits.end(), 5) - kDigits.begin() == 4);
static_assert(std::find(kDigits.begin(), kDigits.end(), 7) == kDigits.end());
static_assert(std::count(kDigits.begin(), kDigits.end(), 1) == 2);
static_assert(std::count_if(kDigits.begin(), kDigits.end(), [](int d) { return d % 2 == 0; }) == 3);
static_assert(std::all_of(kDigits.begin(), kDigits.end(), [](int d) { return d > 0; }));
static_assert(std::any_of(kDigits.begin(), kDigits.end(), [](int d) { return d == 9; }));
static_assert(std::none_of(kDigits.begin(), kDigits.end(), [](int d) { return d > 9; }));
constexpr std::array<int, 3> kPrefix = {3, 1, 5};
constexpr std::array<int, 2> kGreater = {3, 2};
static_assert(std::equal(kDigits.begin(), kDigits.begin() + 2, kPrefix.begin()));
static_assert(std::mismatch(kDigits.begin(), kDigits.end(), kPrefix.begin(), kPrefix.end()).first ==
              kDigits.begin() + 2);
static_assert(std::lexicographical_compare(kDigits.begin(), kDigits.end(), kGreater.begin(),
                                           kGreater.end()));
static_assert(std::min(3, 4) == 3 && std::max({2, 8, 5}) == 8 && std::clamp(12, 0, 10) == 10);
static_assert(std::minmax({4, 1, 7}) == std::pair(1, 7));
static_assert(std::search(kDigits.begin(), kDigits.end(), kDigits.begin() + 2,
                          kDigits.begin() + 4) == kDigits.begin() + 2);
static_assert(std::adjacent_find(kDigits.begin(), kDigits.end(),
                                 [](int a, int b) { return a > b; }) == kDigits.begin());

// --- modifying and sorting ---------------------------------------------------------------
template <std::size_t N>
constexpr std::array<int, N> Sorted(std::array<int, N> values) {
  std::sort(values.begin(), values.end());
  return values;
}
constexpr std::array<int, 8> kSorted = Sorted(kDigits);
static_assert(kSorted == std::array{1, 1, 2, 3, 4, 5, 6, 9});
static_assert(std::is_sorted(kSorted.begin(), kSorted.end()));
static_assert(!std::is_sorted(kDigits.begin(), kDigits.end()));
static_assert(std::binary_search(kSorted.begin(), kSorted.end(), 6));
static_assert(!std::binary_search(kSorted.begin(), kSorted.end(), 7));
static_assert(std::lower_bound(kSorted.begin(), kSorted.end(), 4) - kSorted.begin() == 4);
static_assert(std::upper_bound(kSorted.begin(), kSorted.end(), 1) - kSorted.begin() == 2);

constexpr bool ModifyingAlgorithmsWork() {
  std::array<int, 8> v = kDigits;
  std::reverse(v.begin(), v.end());
  if (v.front() != 6 || v.back() != 3) return false;
  std::rotate(v.begin(), v.begin() + 2, v.end());
  if (v.front() != 9) return false;
  std::array<int, 8> copy{};
  std::copy(kDigits.begin(), kDigits.end(), copy.begin());
  std::transform(copy.begin(), copy.end(), copy.begin(), [](int d) { return d * 10; });
  if (copy[2] != 40) return false;
  std::fill(copy.begin(), copy.begin() + 3, 0);
  auto sorted = Sorted(kDigits);
  Digits::iterator last = std::unique(sorted.begin(), sorted.end());
  if (last - sorted.begin() != 7) return false;
  auto evens = kDigits;
  Digits::iterator odd_start =
      std::partition(evens.begin(), evens.end(), [](int d) { return d % 2 == 0; });
  if (odd_start - evens.begin() != 3) return false;
  auto nth = kDigits;
  std::nth_element(nth.begin(), nth.begin() + 4, nth.end());
  if (nth[4] != 4) return false;
  auto removed = kDigits;
  Digits::iterator end = std::remove(removed.begin(), removed.end(), 1);
  return end - removed.begin() == 6 && copy[0] == 0 && copy[3] == 10;
}
static_assert(ModifyingAlgorithmsWork());

// --- std::ranges algorithms --------------------------------------------------------------
struct Task {
  int priority;
  char name;
};
constexpr bool RangesAlgorithmsWork() {
  std::array<Task, 3> tasks = {{{2, 'b'}, {3, 'c'}, {1, 'a'}}};
  std::ranges::sort(tasks, [](int a, int b) { return a > b; }, &Task::priority);
  if (tasks[0].name != 'c' || tasks[2].name != 'a') return false;
  std::array<Task, 3>::iterator found = std::ranges::find(tasks, 'b', &Task::name);
  if (found == tasks.end() || found->priority != 2) return false;
  auto [low, high] = std::ranges::minmax(kDigits);
  std::array<int, 8> out{};
  auto copied = std::ranges::copy_if(kDigits, out.begin(), [](int d) { return d > 4; });
  return low == 1 && high == 9 && copied.out - out.begin() == 3 &&
         std::ranges::equal(std::span(out).first(3), std::array{5, 9, 6}) &&
         std::ranges::count(kDigits, 1) == 2;
}
static_assert(RangesAlgorithmsWork());

#if defined(__cpp_lib_ranges_contains)
static_assert(std::ranges::contains(kDigits, 9) && !std::ranges::contains(kDigits, 7));
#endif

// --- views -------------------------------------------------------------------------------
constexpr int SumOfSquaresOfOdd() {
  int sum = 0;
  for (const int v : kDigits | std::views::filter([](int d) { return d % 2 != 0; }) |
                         std::views::transform([](int d) { return d * d; })) {
    sum += v;
  }
  return sum;
}
static_assert(SumOfSquaresOfOdd() == 9 + 1 + 1 + 25 + 81);

constexpr bool ViewsWork() {
  int total = 0;
  for (const int i : std::views::iota(1, 5)) total += i;  // 1 + 2 + 3 + 4
  auto first_three = kDigits | std::views::take(3);
  auto reversed = kDigits | std::views::reverse | std::views::drop(6);
  return total == 10 && std::ranges::distance(first_three) == 3 &&
         *std::ranges::begin(reversed) == 1 && std::ranges::size(reversed) == 2 &&
         std::ranges::equal(kDigits | std::views::take_while([](int d) { return d != 5; }),
                            std::array{3, 1, 4, 1});
}
static_assert(ViewsWork());
static_assert(std::ranges::contiguous_range<std::array<int, 2>>);
static_assert(std::ranges::random_access_range<std::span<const int>>);
static_assert(std::ranges::view<decltype(kDigits | std::views::take(2))>);
static_assert(std::random_access_iterator<std::array<int, 1>::iterator>);

#if defined(__cpp_lib_ranges_zip)
constexpr int DotProduct() {
  int dot = 0;
  for (auto [a, b] : std::views::zip(kDigits, kDigits | std::views::reverse)) dot += a * b;
  return dot;
}
static_assert(DotProduct() == 3 * 6 + 1 * 2 + 4 * 9 + 1 * 5 + 5 * 1 + 9 * 4 + 2 * 1 + 6 * 3);
#endif

}  // namespace
}  // namespace keel_std_checks
