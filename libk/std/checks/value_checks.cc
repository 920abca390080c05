// Compile-time checks of <limits>, <bit>, <compare>, <utility>, <initializer_list>, <new>
// and std::addressof (<memory>), evaluated in constant expressions. Compiled for the kernel (libc++
// in keel's configuration), against libc++ on the host, and against the host's libstdc++.
#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace keel_std_checks {
namespace {

// --- <limits> --------------------------------------------------------------------------
template <typename T, long long kMin, unsigned long long kMax, int kDigits, int kDigits10>
constexpr bool IntegerLimitsAre() {
  using L = std::numeric_limits<T>;
  return L::is_specialized && L::is_integer && L::is_exact && L::radix == 2 && L::is_bounded &&
         static_cast<long long>(L::min()) == kMin &&
         static_cast<unsigned long long>(L::max()) == kMax && L::lowest() == L::min() &&
         L::digits == kDigits && L::digits10 == kDigits10 && L::is_signed == (kMin < 0) &&
         L::is_modulo == (kMin == 0) && L::epsilon() == 0 && !L::has_infinity &&
         L::max_digits10 == 0 && L::round_style == std::round_toward_zero;
}
static_assert(IntegerLimitsAre<signed char, -128, 127, 7, 2>());
static_assert(IntegerLimitsAre<char, -128, 127, 7, 2>());
static_assert(IntegerLimitsAre<unsigned char, 0, 255, 8, 2>());
static_assert(IntegerLimitsAre<char8_t, 0, 255, 8, 2>());
static_assert(IntegerLimitsAre<short, -32768, 32767, 15, 4>());
static_assert(IntegerLimitsAre<unsigned short, 0, 65535, 16, 4>());
static_assert(IntegerLimitsAre<char16_t, 0, 65535, 16, 4>());
static_assert(IntegerLimitsAre<int, -2147483648LL, 2147483647, 31, 9>());
static_assert(IntegerLimitsAre<wchar_t, -2147483648LL, 2147483647, 31, 9>());
static_assert(IntegerLimitsAre<unsigned int, 0, 4294967295, 32, 9>());
static_assert(IntegerLimitsAre<char32_t, 0, 4294967295, 32, 9>());
static_assert(IntegerLimitsAre<long, -9223372036854775807LL - 1, 9223372036854775807, 63, 18>());
static_assert(
    IntegerLimitsAre<long long, -9223372036854775807LL - 1, 9223372036854775807, 63, 18>());
static_assert(IntegerLimitsAre<unsigned long, 0, 18446744073709551615ULL, 64, 19>());
static_assert(IntegerLimitsAre<unsigned long long, 0, 18446744073709551615ULL, 64, 19>());
static_assert(IntegerLimitsAre<const volatile std::uint16_t, 0, 65535, 16, 4>());
static_assert(std::numeric_limits<int>::traps && std::numeric_limits<unsigned>::traps);
static_assert(std::numeric_limits<bool>::is_specialized && std::numeric_limits<bool>::digits == 1);
static_assert(std::numeric_limits<bool>::max() && !std::numeric_limits<bool>::min());
static_assert(!std::numeric_limits<bool>::is_signed && !std::numeric_limits<bool>::is_modulo);
static_assert(std::numeric_limits<bool>::digits10 == 0 && std::numeric_limits<bool>::is_integer);
struct NotNumeric {};
static_assert(!std::numeric_limits<NotNumeric>::is_specialized);

// --- <bit> -----------------------------------------------------------------------------
struct TwoWords {
  std::uint32_t low;
  std::uint32_t high;
};
static_assert(std::bit_cast<std::uint64_t>(TwoWords{1, 2}) == 0x0000000200000001);
static_assert(std::bit_cast<TwoWords>(std::uint64_t{0xabcd00000001}).high == 0xabcd);
static_assert(std::endian::native == std::endian::little);
static_assert(std::endian::little != std::endian::big);
static_assert(std::popcount(0u) == 0 && std::popcount(0xf0f0u) == 8);
static_assert(std::popcount(~std::uint64_t{0}) == 64);
static_assert(std::popcount(std::uint8_t{0xff}) == 8);
static_assert(std::countl_zero(std::uint8_t{0}) == 8 && std::countl_zero(std::uint8_t{1}) == 7);
static_assert(std::countl_zero(std::uint16_t{0x100}) == 7);
static_assert(std::countl_zero(std::uint64_t{1}) == 63 && std::countl_zero(0ull) == 64);
static_assert(std::countr_zero(0u) == 32 && std::countr_zero(std::uint64_t{1} << 40) == 40);
static_assert(std::countr_zero(std::uint16_t{0}) == 16);
static_assert(std::countl_one(std::uint8_t{0xf0}) == 4 && std::countl_one(~0u) == 32);
static_assert(std::countr_one(std::uint32_t{0x7}) == 3);
static_assert(std::bit_width(0u) == 0 && std::bit_width(1u) == 1 && std::bit_width(255u) == 8);
static_assert(std::bit_width(std::uint64_t{1} << 63) == 64);
static_assert(std::has_single_bit(64u) && !std::has_single_bit(0u) && !std::has_single_bit(6u));
static_assert(std::bit_ceil(0u) == 1 && std::bit_ceil(1u) == 1 && std::bit_ceil(5u) == 8);
static_assert(std::bit_ceil(std::uint8_t{128}) == 128 && std::bit_ceil(4096ul) == 4096);
static_assert(std::bit_floor(0u) == 0 && std::bit_floor(5u) == 4 &&
              std::bit_floor(~0u) == 1u << 31);
static_assert(std::rotl(std::uint8_t{0x81}, 1) == 0x03 &&
              std::rotl(std::uint8_t{0x81}, -1) == 0xc0);
static_assert(std::rotl(0x80000000u, 33) == 1 && std::rotl(1u, 0) == 1);
static_assert(std::rotr(std::uint16_t{1}, 1) == 0x8000 && std::rotr(1u, -1) == 2);
static_assert(std::rotr(std::uint64_t{1}, 64) == 1);

// --- <compare> -------------------------------------------------------------------------
static_assert((1 <=> 2) < 0 && (2 <=> 1) > 0 && (3 <=> 3) == 0);
static_assert((1 <=> 2) == std::strong_ordering::less);
static_assert(std::is_same_v<decltype(1 <=> 2), std::strong_ordering>);
static_assert(std::is_same_v<decltype(1.0 <=> 2.0), std::partial_ordering>);
static_assert(std::strong_ordering::equal == std::strong_ordering::equivalent);
static_assert(std::weak_ordering(std::strong_ordering::less) == std::weak_ordering::less);
static_assert(std::partial_ordering(std::weak_ordering::greater) == std::partial_ordering::greater);
static_assert(!(std::partial_ordering::unordered < 0) && !(std::partial_ordering::unordered > 0));
static_assert(!(std::partial_ordering::unordered == 0) && std::partial_ordering::unordered != 0);
static_assert(!(std::partial_ordering::unordered <= 0) && !(std::partial_ordering::unordered >= 0));
static_assert((0 <=> std::partial_ordering::unordered) == std::partial_ordering::unordered);
static_assert((0 <=> std::strong_ordering::less) == std::strong_ordering::greater);
static_assert(0 > std::weak_ordering::less && 0 <= std::strong_ordering::equal);
static_assert(std::is_lt(std::strong_ordering::less) &&
              std::is_gteq(std::weak_ordering::equivalent));
static_assert(std::is_neq(std::partial_ordering::unordered) && std::is_eq(0 <=> 0));
static_assert(std::is_lteq(1 <=> 1) && std::is_gt(2 <=> 1));
static_assert(
    std::is_same_v<std::common_comparison_category_t<std::strong_ordering, std::weak_ordering>,
                   std::weak_ordering>);
static_assert(
    std::is_same_v<std::common_comparison_category_t<std::partial_ordering, std::strong_ordering>,
                   std::partial_ordering>);
static_assert(std::is_same_v<std::common_comparison_category_t<>, std::strong_ordering>);
static_assert(std::is_same_v<std::common_comparison_category_t<int>, void>);
static_assert(std::three_way_comparable<int> && std::three_way_comparable<int*>);
static_assert(std::three_way_comparable<double, std::partial_ordering>);
static_assert(!std::three_way_comparable<double, std::weak_ordering>);
static_assert(std::is_same_v<std::compare_three_way_result_t<long>, std::strong_ordering>);
static_assert(std::compare_three_way{}(1, 2) < 0);

struct Version {
  int major;
  unsigned minor;
  char tag;
  auto operator<=>(const Version&) const = default;
};
static_assert(std::is_same_v<decltype(Version{} <=> Version{}), std::strong_ordering>);
static_assert(Version{1, 2, 'a'} < Version{1, 3, 'a'} && Version{2, 0, 'a'} > Version{1, 9, 'z'});
static_assert(Version{1, 2, 'a'} == Version{1, 2, 'a'} && Version{1, 2, 'a'} != Version{1, 2, 'b'});
static_assert(Version{1, 2, 'b'} >= Version{1, 2, 'a'});

struct Weak {
  int key;
  friend constexpr std::weak_ordering operator<=>(Weak a, Weak b) { return a.key <=> b.key; }
  friend constexpr bool operator==(Weak a, Weak b) { return a.key == b.key; }
};
struct Mixed {
  Weak weak;
  int value;
  auto operator<=>(const Mixed&) const = default;
};
static_assert(std::is_same_v<decltype(Mixed{} <=> Mixed{}), std::weak_ordering>);
static_assert(Weak{1} == Weak{1} && Weak{1} < Weak{2});
static_assert(Mixed{{1}, 5} < Mixed{{2}, 0} && Mixed{{1}, 5} > Mixed{{1}, 4});

// --- <utility> -------------------------------------------------------------------------
struct MoveOnly {
  int value;
  constexpr explicit MoveOnly(int v) : value(v) {}
  constexpr MoveOnly(MoveOnly&& other) noexcept : value(std::exchange(other.value, -1)) {}
  constexpr MoveOnly& operator=(MoveOnly&& other) noexcept {
    value = std::exchange(other.value, -1);
    return *this;
  }
};
constexpr bool MoveAndSwapWork() {
  MoveOnly a(1);
  MoveOnly b(2);
  std::swap(a, b);
  const MoveOnly c = std::move(a);
  int xs[2] = {1, 2};
  int ys[2] = {3, 4};
  std::swap(xs, ys);
  const int old = std::exchange(xs[0], 9);
  return a.value == -1 && b.value == 1 && c.value == 2 && old == 3 && xs[0] == 9 && ys[1] == 2;
}
static_assert(MoveAndSwapWork());

template <typename T>
constexpr int ValueCategory(T&&) {
  return std::is_lvalue_reference_v<T> ? 1 : 2;
}
template <typename T>
constexpr int Forwarded(T&& t) {
  return ValueCategory(std::forward<T>(t));
}
constexpr int kLvalue = 0;
static_assert(Forwarded(kLvalue) == 1 && Forwarded(0) == 2);
static_assert(std::is_same_v<decltype(std::move(kLvalue)), const int&&>);
static_assert(std::is_same_v<decltype(std::as_const(std::declval<int&>())), const int&>);
static_assert(
    std::is_same_v<decltype(std::move_if_noexcept(std::declval<MoveOnly&>())), MoveOnly&&>);
static_assert(noexcept(std::swap(std::declval<int&>(), std::declval<int&>())));

struct OverloadsAddressOf {
  constexpr void operator&() const {}
};
constexpr OverloadsAddressOf kOverloaded{};
static_assert(std::addressof(kOverloaded) != nullptr);

template <std::size_t... i>
constexpr std::size_t SumOf(std::index_sequence<i...>) {
  return (0 + ... + i);
}
static_assert(SumOf(std::make_index_sequence<5>{}) == 10);
static_assert(std::index_sequence_for<int, long, char>::size() == 3);
static_assert(
    std::is_same_v<std::make_integer_sequence<int, 3>, std::integer_sequence<int, 0, 1, 2>>);
static_assert(std::is_same_v<decltype(std::in_place), const std::in_place_t>);
static_assert(std::is_same_v<decltype(std::in_place_type<int>), const std::in_place_type_t<int>>);
static_assert(std::is_same_v<decltype(std::in_place_index<2>), const std::in_place_index_t<2>>);

static_assert(std::cmp_less(-1, 0u) && !std::cmp_equal(-1, ~0u) && std::cmp_greater(0u, -1));
static_assert(std::cmp_less_equal(3, 3ull) && std::cmp_not_equal(-1, 255u));
static_assert(std::cmp_greater_equal(0ull, -5ll) && std::cmp_equal(7u, 7l));
static_assert(std::in_range<std::uint8_t>(255) && !std::in_range<std::uint8_t>(256));
static_assert(!std::in_range<unsigned>(-1) && std::in_range<int>(2147483647u));

#if defined(__cpp_lib_to_underlying)
enum class Colour : std::uint8_t { kRed = 7 };
static_assert(std::to_underlying(Colour::kRed) == 7);
static_assert(std::is_same_v<decltype(std::to_underlying(Colour::kRed)), std::uint8_t>);
#endif

constexpr bool PairWorks() {
  std::pair<int, long> p(1, 2);
  auto [first, second] = p;
  std::pair q = std::make_pair(3, 4L);
  p.swap(q);
  const std::pair<long, long> widened = p;
  int x = 0;  // NOLINT(misc-const-correctness): refs binds an int& to it.
  std::pair<int&, int> refs(x, 5);
  refs = std::pair<int&, int>(x, 6);  // Assigns through to x... from itself.
  refs.first = 8;
  return first == 1 && second == 2 && p.first == 3 && q.second == 2 && widened.second == 4 &&
         x == 8 && std::get<0>(q) == 1 && std::get<long>(q) == 2 &&
         std::get<1>(std::pair<int, int>(5, 6)) == 6;
}
static_assert(PairWorks());
static_assert(std::pair(1, 2) < std::pair(1, 3) && std::pair(2, 0) > std::pair(1, 9));
static_assert(std::pair(1, 2) == std::pair(1, 2) && std::pair(1, 2) != std::pair(2, 1));
static_assert(std::is_same_v<decltype(std::pair(1, 'c')), std::pair<int, char>>);
static_assert(std::is_same_v<decltype(std::make_pair(kLvalue, "s")), std::pair<int, const char*>>);
static_assert(std::is_same_v<decltype(std::pair(1, 2) <=> std::pair(1, 2)), std::strong_ordering>);
static_assert(
    std::is_same_v<decltype(std::pair(1, Weak{}) <=> std::pair(1, Weak{})), std::weak_ordering>);
static_assert(std::tuple_size_v<std::pair<int, char>> == 2);
static_assert(std::tuple_size_v<const std::pair<int, char>> == 2);
static_assert(std::is_same_v<std::tuple_element_t<1, const std::pair<int, char>>, const char>);
static_assert(std::is_same_v<decltype(std::get<0>(std::declval<std::pair<int, char>>())), int&&>);
static_assert(std::is_trivially_destructible_v<std::pair<int, long>>);
static_assert(std::is_nothrow_move_assignable_v<std::pair<int, long>>);
static_assert(!std::is_copy_constructible_v<std::pair<MoveOnly, int>>);
static_assert(std::is_move_constructible_v<std::pair<MoveOnly, int>>);
static_assert(!std::is_default_constructible_v<std::pair<MoveOnly, int>>);
static_assert(std::is_convertible_v<std::pair<int, int>, std::pair<long, long>>);
static_assert(!std::is_convertible_v<int, std::pair<int, int>>);

// --- <initializer_list> ----------------------------------------------------------------
constexpr int Sum(std::initializer_list<int> values) {
  int sum = 0;
  for (const int v : values) sum += v;
  return sum;
}
static_assert(Sum({1, 2, 3, 4}) == 10 && Sum({}) == 0);
static_assert(std::initializer_list<int>{5, 6}.size() == 2);
static_assert(*(std::initializer_list<int>{5, 6}.end() - 1) == 6);
constexpr bool DeducesInitializerList() {
  auto list = {1, 2};
  return std::is_same_v<decltype(list), std::initializer_list<int>>;
}
static_assert(DeducesInitializerList());
static_assert(sizeof(std::initializer_list<char>) == 2 * sizeof(void*));

// --- <new> -----------------------------------------------------------------------------
static_assert(std::is_same_v<std::underlying_type_t<std::align_val_t>, std::size_t>);
static_assert(std::is_same_v<decltype(std::nothrow), const std::nothrow_t>);
static_assert(std::is_same_v<decltype(std::launder(static_cast<int*>(nullptr))), int*>);

}  // namespace
}  // namespace keel_std_checks
