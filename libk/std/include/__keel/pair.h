// Internal part of keel's <utility>: std::pair with its comparisons, tuple protocol (so
// structured bindings work) and make_pair. Include <utility>, not this header.
// Simplified from the hosted library: no piecewise construction, no allocator support.
#pragma once

#include <compare>
#include <concepts>
#include <cstddef>
#include <type_traits>

#include <__keel/move.h>

namespace std {

template <typename T1, typename T2>
struct pair {
  using first_type = T1;
  using second_type = T2;

  T1 first;
  T2 second;

  // clang-format 14 garbles requires-clauses on member functions.
  // clang-format off
  constexpr explicit(!requires(void (&f)(const T1&, const T2&)) { f({}, {}); }) pair()
    requires is_default_constructible_v<T1> && is_default_constructible_v<T2>
      : first(), second() {}

  constexpr explicit(!is_convertible_v<const T1&, T1> || !is_convertible_v<const T2&, T2>)
      pair(const T1& x, const T2& y)
    requires is_copy_constructible_v<T1> && is_copy_constructible_v<T2>
      : first(x), second(y) {}

  template <typename U1 = T1, typename U2 = T2>
    requires is_constructible_v<T1, U1> && is_constructible_v<T2, U2>
  constexpr explicit(!is_convertible_v<U1, T1> || !is_convertible_v<U2, T2>)
      pair(U1&& x, U2&& y)
      : first(std::forward<U1>(x)), second(std::forward<U2>(y)) {}

  template <typename U1, typename U2>
    requires is_constructible_v<T1, const U1&> && is_constructible_v<T2, const U2&>
  constexpr explicit(!is_convertible_v<const U1&, T1> || !is_convertible_v<const U2&, T2>)
      pair(const pair<U1, U2>& p)
      : first(p.first), second(p.second) {}

  template <typename U1, typename U2>
    requires is_constructible_v<T1, U1> && is_constructible_v<T2, U2>
  constexpr explicit(!is_convertible_v<U1, T1> || !is_convertible_v<U2, T2>)
      pair(pair<U1, U2>&& p)
      : first(std::forward<U1>(p.first)), second(std::forward<U2>(p.second)) {}

  pair(const pair&) = default;
  pair(pair&&) = default;

  // Assigns through to the members (so a pair of references assigns the referents).
  constexpr pair& operator=(const pair& p)
    requires is_copy_assignable_v<T1> && is_copy_assignable_v<T2>
  {
    first = p.first;
    second = p.second;
    return *this;
  }
  constexpr pair& operator=(pair&& p)
      noexcept(is_nothrow_move_assignable_v<T1> && is_nothrow_move_assignable_v<T2>)
    requires is_move_assignable_v<T1> && is_move_assignable_v<T2>
  {
    first = std::forward<T1>(p.first);
    second = std::forward<T2>(p.second);
    return *this;
  }
  template <typename U1, typename U2>
    requires is_assignable_v<T1&, const U1&> && is_assignable_v<T2&, const U2&>
  constexpr pair& operator=(const pair<U1, U2>& p) {
    first = p.first;
    second = p.second;
    return *this;
  }
  template <typename U1, typename U2>
    requires is_assignable_v<T1&, U1> && is_assignable_v<T2&, U2>
  constexpr pair& operator=(pair<U1, U2>&& p) {
    first = std::forward<U1>(p.first);
    second = std::forward<U2>(p.second);
    return *this;
  }
  // clang-format on

  constexpr void swap(pair& p) noexcept(noexcept(std::swap(first, p.first)) &&
                                        noexcept(std::swap(second, p.second))) {
    using std::swap;
    swap(first, p.first);
    swap(second, p.second);
  }
};

template <typename T1, typename T2>
pair(T1, T2) -> pair<T1, T2>;

template <typename T1, typename T2>
constexpr void swap(pair<T1, T2>& a, pair<T1, T2>& b) noexcept(noexcept(a.swap(b))) {
  a.swap(b);
}

template <typename T1, typename T2>
[[nodiscard]] constexpr pair<decay_t<T1>, decay_t<T2>> make_pair(T1&& x, T2&& y) {
  return pair<decay_t<T1>, decay_t<T2>>(std::forward<T1>(x), std::forward<T2>(y));
}

namespace keel_internal {
template <typename U, typename T>
concept LessThanComparableWith = requires(const T& t, const U& u) {
  { t < u } -> BooleanTestable;
  { u < t } -> BooleanTestable;
};

// synth-three-way from [expos.only.func]: `<=>` when available, else built from `<`.
struct SynthThreeWay {
  template <typename T, LessThanComparableWith<T> U>
  constexpr auto operator()(const T& t, const U& u) const {
    if constexpr (requires { t <=> u; }) {
      return t <=> u;
    } else {
      if (t < u) return weak_ordering::less;
      if (u < t) return weak_ordering::greater;
      return weak_ordering::equivalent;
    }
  }
};
template <typename T, typename U = T>
using SynthThreeWayResult = decltype(SynthThreeWay{}(declval<T&>(), declval<U&>()));
}  // namespace keel_internal

template <typename T1, typename T2>
constexpr bool operator==(const pair<T1, T2>& x, const pair<T1, T2>& y) {
  return x.first == y.first && x.second == y.second;
}

template <typename T1, typename T2>
constexpr common_comparison_category_t<keel_internal::SynthThreeWayResult<T1>,
                                       keel_internal::SynthThreeWayResult<T2>>
operator<=>(const pair<T1, T2>& x, const pair<T1, T2>& y) {
  if (auto c = keel_internal::SynthThreeWay{}(x.first, y.first); c != 0) return c;
  return keel_internal::SynthThreeWay{}(x.second, y.second);
}

// --- tuple protocol --------------------------------------------------------------------

template <typename T>
struct tuple_size;

namespace keel_internal {
template <typename T>
concept HasTupleSize = requires { tuple_size<T>::value; };
template <typename U, typename T>
concept DifferentFrom = !is_same_v<T, U>;
}  // namespace keel_internal

template <keel_internal::HasTupleSize T>
struct tuple_size<const T> : integral_constant<size_t, tuple_size<T>::value> {};
template <typename T>
inline constexpr size_t tuple_size_v = tuple_size<T>::value;

template <size_t i, typename T>
struct tuple_element;
template <size_t i, typename T>
using tuple_element_t = typename tuple_element<i, T>::type;
template <size_t i, typename T>
struct tuple_element<i, const T> {
  using type = add_const_t<tuple_element_t<i, T>>;
};

template <typename T1, typename T2>
struct tuple_size<pair<T1, T2>> : integral_constant<size_t, 2> {};
template <typename T1, typename T2>
struct tuple_element<0, pair<T1, T2>> {
  using type = T1;
};
template <typename T1, typename T2>
struct tuple_element<1, pair<T1, T2>> {
  using type = T2;
};

namespace keel_internal {
// Returns the i-th member of `p` (a pair of any value category), as a reference.
template <size_t i, typename Pair>
constexpr auto&& PairGet(Pair&& p) noexcept {
  if constexpr (i == 0) {
    return std::forward<Pair>(p).first;
  } else {
    return std::forward<Pair>(p).second;
  }
}
}  // namespace keel_internal

template <size_t i, typename T1, typename T2>
constexpr tuple_element_t<i, pair<T1, T2>>& get(pair<T1, T2>& p) noexcept {
  return keel_internal::PairGet<i>(p);
}
template <size_t i, typename T1, typename T2>
constexpr const tuple_element_t<i, pair<T1, T2>>& get(const pair<T1, T2>& p) noexcept {
  return keel_internal::PairGet<i>(p);
}
template <size_t i, typename T1, typename T2>
constexpr tuple_element_t<i, pair<T1, T2>>&& get(pair<T1, T2>&& p) noexcept {
  return std::forward<tuple_element_t<i, pair<T1, T2>>>(keel_internal::PairGet<i>(p));
}
template <size_t i, typename T1, typename T2>
constexpr const tuple_element_t<i, pair<T1, T2>>&& get(const pair<T1, T2>&& p) noexcept {
  return std::forward<const tuple_element_t<i, pair<T1, T2>>>(keel_internal::PairGet<i>(p));
}

template <typename T, keel_internal::DifferentFrom<T> U>
constexpr T& get(pair<T, U>& p) noexcept {
  return p.first;
}
template <typename T, keel_internal::DifferentFrom<T> U>
constexpr const T& get(const pair<T, U>& p) noexcept {
  return p.first;
}
template <typename T, keel_internal::DifferentFrom<T> U>
constexpr T&& get(pair<T, U>&& p) noexcept {
  return std::forward<T>(p.first);
}
template <typename T, keel_internal::DifferentFrom<T> U>
constexpr T& get(pair<U, T>& p) noexcept {
  return p.second;
}
template <typename T, keel_internal::DifferentFrom<T> U>
constexpr const T& get(const pair<U, T>& p) noexcept {
  return p.second;
}
template <typename T, keel_internal::DifferentFrom<T> U>
constexpr T&& get(pair<U, T>&& p) noexcept {
  return std::forward<T>(p.second);
}

}  // namespace std
