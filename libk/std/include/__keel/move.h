// Internal part of keel's <utility>: move, forward, swap, exchange, addressof and friends,
// shared by the headers that need them. Include <utility>, not this header.
#pragma once

#include <cstddef>

#include <__keel/traits_base.h>
#include <__keel/traits_properties.h>

namespace std {

template <typename T>
[[nodiscard]] constexpr remove_reference_t<T>&& move(T&& t) noexcept {
  return static_cast<remove_reference_t<T>&&>(t);
}

template <typename T>
[[nodiscard]] constexpr T&& forward(remove_reference_t<T>& t) noexcept {
  return static_cast<T&&>(t);
}
template <typename T>
[[nodiscard]] constexpr T&& forward(remove_reference_t<T>&& t) noexcept {
  static_assert(!is_lvalue_reference_v<T>, "std::forward: cannot forward an rvalue as an lvalue");
  return static_cast<T&&>(t);
}

template <typename T>
[[nodiscard]] constexpr conditional_t<
    !is_nothrow_move_constructible_v<T> && is_copy_constructible_v<T>, const T&, T&&>
move_if_noexcept(T& t) noexcept {
  return std::move(t);
}

template <typename T>
[[nodiscard]] constexpr add_const_t<T>& as_const(T& t) noexcept {
  return t;
}
template <typename T>
void as_const(const T&&) = delete;

template <typename T>
[[nodiscard]] constexpr T* addressof(T& t) noexcept {
  return __builtin_addressof(t);
}
template <typename T>
const T* addressof(const T&&) = delete;

namespace keel_internal {
template <typename T>
concept MoveConstructibleAndAssignable = is_move_constructible_v<T> && is_move_assignable_v<T>;
}  // namespace keel_internal

template <keel_internal::MoveConstructibleAndAssignable T>
constexpr void swap(T& a, T& b) noexcept(
    conjunction_v<is_nothrow_move_constructible<T>, is_nothrow_move_assignable<T>>) {
  T tmp = std::move(a);
  a = std::move(b);
  b = std::move(tmp);
}

namespace keel_internal {
// True when the swap above (or one found by argument-dependent lookup) swaps two T.
template <typename T>
concept SwappableElement = requires(T& x) { swap(x, x); };
}  // namespace keel_internal

template <keel_internal::SwappableElement T, size_t n>
constexpr void swap(T (&a)[n], T (&b)[n]) noexcept(noexcept(swap(a[0], b[0]))) {
  for (size_t i = 0; i < n; ++i) swap(a[i], b[i]);
}

template <typename T, typename U = T>
constexpr T exchange(T& obj, U&& new_value) noexcept(
    conjunction_v<is_nothrow_move_constructible<T>, is_nothrow_assignable<T&, U>>) {
  T old = std::move(obj);
  obj = std::forward<U>(new_value);
  return old;
}

}  // namespace std
