// Compile-time checks of <array>, <span>, <optional>, <expected> and <variant>, the
// vocabulary types the kernel takes from libc++. Compiled for the kernel (libc++ in keel's
// configuration), against libc++ on the host, and against the host's libstdc++.
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <variant>

namespace keel_std_checks {
namespace {

// --- <array> ---------------------------------------------------------------------------
constexpr std::array<int, 4> kFour = {3, 1, 4, 1};
static_assert(kFour.size() == 4 && kFour[2] == 4 && kFour.front() == 3 && kFour.back() == 1);
static_assert(std::get<1>(kFour) == 1 && *(kFour.end() - 2) == 4 && !kFour.empty());
static_assert(std::tuple_size_v<std::array<char, 7>> == 7);
static_assert(std::is_same_v<std::tuple_element_t<0, std::array<long, 2>>, long>);
static_assert(std::is_same_v<decltype(std::array{1, 2, 3}), std::array<int, 3>>);
static_assert(std::to_array("abc").size() == 4 && std::to_array({5, 6})[1] == 6);
static_assert(std::array<int, 0>{}.empty() &&
              std::array<int, 0>{}.begin() == std::array<int, 0>{}.end());
static_assert(std::array{1, 2} < std::array{1, 3} && std::array{2, 0} == std::array{2, 0});
static_assert(std::is_same_v<decltype(std::array{1} <=> std::array{2}), std::strong_ordering>);
static_assert(std::is_trivially_copyable_v<std::array<int, 3>>);
static_assert(std::is_aggregate_v<std::array<int, 3>> && sizeof(std::array<int, 3>) == 12);

constexpr bool ArrayMutates() {
  std::array<int, 3> a{};
  a.fill(7);
  a[1] = 2;
  std::array<int, 3> b = {1, 1, 1};
  a.swap(b);
  int sum = 0;
  for (const int v : b) sum += v;
  return sum == 16 && a[0] == 1 && b.data()[1] == 2;
}
static_assert(ArrayMutates());

// --- <span> ----------------------------------------------------------------------------
constexpr int kInts[5] = {10, 20, 30, 40, 50};
constexpr std::span<const int> kAll(kInts);
static_assert(kAll.size() == 5 && kAll.size_bytes() == 20 && kAll[3] == 40 && !kAll.empty());
static_assert(kAll.first(2).back() == 20 && kAll.last(2).front() == 40);
static_assert(kAll.subspan(1, 3).size() == 3 && kAll.subspan(1, 3)[2] == 40);
static_assert(kAll.subspan(4).size() == 1 && kAll.subspan(5).empty());
static_assert(std::is_same_v<decltype(std::span(kInts)), std::span<const int, 5>>);
static_assert(decltype(std::span(kInts))::extent == 5);
static_assert(decltype(kAll)::extent == std::dynamic_extent);
static_assert(std::is_same_v<decltype(std::span(kInts).first<2>()), std::span<const int, 2>>);
static_assert(std::is_same_v<decltype(std::span(kInts).subspan<1>()), std::span<const int, 4>>);
static_assert(std::is_same_v<decltype(kAll.last<3>()), std::span<const int, 3>>);
static_assert(std::span<const int>(kInts + 1, 2)[1] == 30 && std::span<const int>().empty());
static_assert(std::span<const int>(kFour).size() == 4);
static_assert(std::is_convertible_v<std::span<int, 3>, std::span<const int>>);
static_assert(!std::is_convertible_v<std::span<const int>, std::span<int>>);
static_assert(!std::is_convertible_v<std::span<int>, std::span<int, 3>>);
static_assert(std::is_constructible_v<std::span<int, 3>, std::span<int>>);  // Explicit.
static_assert(std::is_trivially_copyable_v<std::span<int>>);
static_assert(sizeof(std::span<int, 4>) == sizeof(int*));
static_assert(sizeof(std::span<int>) == sizeof(int*) + sizeof(std::size_t));

constexpr bool SpanWritesThrough() {
  std::array<std::uint8_t, 4> bytes = {1, 2, 3, 4};
  const std::span<std::uint8_t> view(bytes);
  for (std::uint8_t& b : view.subspan(2)) b = 9;
  const std::span<std::uint8_t, 4> fixed(bytes);  // Const span, mutable elements.
  fixed[0] = 0;
  return bytes[0] == 0 && bytes[1] == 2 && bytes[3] == 9 && view.data() == bytes.data();
}
static_assert(SpanWritesThrough());

// --- <optional> ------------------------------------------------------------------------
constexpr std::optional<int> kSome = 5;
constexpr std::optional<int> kNone = std::nullopt;
static_assert(kSome.has_value() && *kSome == 5 && kSome.value() == 5 && kSome);
static_assert(!kNone.has_value() && kNone.value_or(7) == 7 && !kNone);
static_assert(kSome == 5 && kNone == std::nullopt && kNone < kSome && kSome != kNone);
static_assert(kSome.transform([](int v) { return v * 2L; }) == 10L);
static_assert(kSome.and_then([](int v) { return v > 3 ? std::optional<int>(v) : std::nullopt; }));
static_assert(kNone.or_else([] { return std::optional<int>(1); }) == 1);
static_assert(
    std::is_same_v<decltype(kSome.transform([](int) { return 'c'; })), std::optional<char>>);
static_assert(std::make_optional(3).value() == 3);
static_assert(std::optional<std::pair<int, int>>(std::in_place, 1, 2)->second == 2);
static_assert(std::is_trivially_copyable_v<std::optional<int>>);
static_assert(std::is_trivially_destructible_v<std::optional<long>>);

struct Counter {
  int* destroyed;
  constexpr explicit Counter(int* d) : destroyed(d) {}
  constexpr Counter(const Counter&) = default;
  constexpr Counter& operator=(const Counter&) = default;
  constexpr ~Counter() { ++*destroyed; }
};
constexpr bool OptionalDestroysItsValue() {
  int destroyed = 0;
  {
    std::optional<Counter> c;
    c.emplace(&destroyed);
    c.reset();
    c.emplace(&destroyed);
  }
  return destroyed == 2;
}
static_assert(OptionalDestroysItsValue());
static_assert(!std::is_trivially_destructible_v<std::optional<Counter>>);

// --- <expected> ------------------------------------------------------------------------
enum class Error : std::uint8_t { kTooBig, kNegative };
using Checked = std::expected<int, Error>;

constexpr Checked Halve(int v) {
  if (v < 0) return std::unexpected(Error::kNegative);
  return v / 2;
}
static_assert(Halve(8).has_value() && *Halve(8) == 4 && Halve(8).value() == 4);
static_assert(!Halve(-1) && Halve(-1).error() == Error::kNegative);
static_assert(Halve(-1).value_or(0) == 0 && Halve(6).value_or(0) == 3);
#if __cpp_lib_expected >= 202211L  // The monadic operations (libstdc++ 13, libc++ 17).
static_assert(Halve(8).and_then(Halve).and_then(Halve) == 1);
static_assert(Halve(-8).and_then(Halve).error() == Error::kNegative);
static_assert(Halve(4).transform([](int v) { return v + 1; }) == 3);
static_assert(Halve(-4).transform_error([](Error) { return 9; }).error() == 9);
static_assert(Halve(-4).or_else([](Error) { return Checked(0); }) == 0);
#endif
static_assert(Halve(2) == 1 && Halve(-2) == std::unexpected(Error::kNegative));
static_assert(std::unexpected(Error::kTooBig).error() == Error::kTooBig);

constexpr std::expected<void, Error> Check(bool ok) {
  if (!ok) return std::unexpected(Error::kTooBig);
  return {};
}
static_assert(Check(true).has_value() && Check(false).error() == Error::kTooBig);
static_assert(std::is_trivially_copy_constructible_v<Checked>);
static_assert(std::is_trivially_destructible_v<Checked>);
static_assert(std::is_same_v<Checked::value_type, int> &&
              std::is_same_v<Checked::error_type, Error>);

// --- <variant> -------------------------------------------------------------------------
using Value = std::variant<std::monostate, int, char>;
constexpr Value kInt = 42;
constexpr Value kChar = 'x';
static_assert(kInt.index() == 1 && kChar.index() == 2 && Value{}.index() == 0);
static_assert(std::holds_alternative<int>(kInt) && !std::holds_alternative<char>(kInt));
static_assert(std::get<int>(kInt) == 42 && std::get<2>(kChar) == 'x');
static_assert(std::get_if<char>(&kInt) == nullptr && *std::get_if<int>(&kInt) == 42);
static_assert(std::variant_size_v<Value> == 3);
static_assert(std::is_same_v<std::variant_alternative_t<2, Value>, char>);
static_assert(kInt != kChar && kInt < kChar && Value(1) == Value(1));
static_assert(std::visit([](auto v) { return sizeof(v); }, kChar) == 1);

struct Describe {
  constexpr int operator()(std::monostate) const { return 0; }
  constexpr int operator()(int v) const { return v; }
  constexpr int operator()(char) const { return -1; }
};
static_assert(std::visit(Describe{}, kInt) == 42 && std::visit(Describe{}, Value{}) == 0);

// clang rejects libstdc++ 12's constexpr assignment of another alternative (it reaches an
// inactive union member), so only libc++ (kernel and host) checks it.
#if defined(_LIBCPP_VERSION)
constexpr bool VariantChangesAlternative() {
  Value v;
  v = 3;
  v.emplace<char>('a');
  v = Value(7);
  return std::get<int>(v) == 7 && !v.valueless_by_exception();
}
static_assert(VariantChangesAlternative());
#endif
static_assert(std::is_trivially_copyable_v<std::variant<int, char>>);
static_assert(std::is_trivially_destructible_v<Value>);

}  // namespace
}  // namespace keel_std_checks
