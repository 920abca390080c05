// Internal part of keel's <type_traits>: type properties (triviality, layout, construction,
// assignment, destruction) and relations (base-of, convertible), mostly clang builtins.
// Include <type_traits>, not this header.
#pragma once

#include <cstddef>

#include <__keel/traits_base.h>
#include <__keel/traits_categories.h>

namespace std {

// --- layout and triviality -------------------------------------------------------------

template <typename T>
struct is_trivial : bool_constant<__is_trivial(T)> {};
template <typename T>
inline constexpr bool is_trivial_v = __is_trivial(T);
template <typename T>
struct is_trivially_copyable : bool_constant<__is_trivially_copyable(T)> {};
template <typename T>
inline constexpr bool is_trivially_copyable_v = __is_trivially_copyable(T);
template <typename T>
struct is_standard_layout : bool_constant<__is_standard_layout(T)> {};
template <typename T>
inline constexpr bool is_standard_layout_v = __is_standard_layout(T);
template <typename T>
struct is_empty : bool_constant<__is_empty(T)> {};
template <typename T>
inline constexpr bool is_empty_v = __is_empty(T);
template <typename T>
struct is_polymorphic : bool_constant<__is_polymorphic(T)> {};
template <typename T>
inline constexpr bool is_polymorphic_v = __is_polymorphic(T);
template <typename T>
struct is_abstract : bool_constant<__is_abstract(T)> {};
template <typename T>
inline constexpr bool is_abstract_v = __is_abstract(T);
template <typename T>
struct is_final : bool_constant<__is_final(T)> {};
template <typename T>
inline constexpr bool is_final_v = __is_final(T);
template <typename T>
struct is_aggregate : bool_constant<__is_aggregate(remove_cv_t<T>)> {};
template <typename T>
inline constexpr bool is_aggregate_v = is_aggregate<T>::value;
template <typename T>
struct has_unique_object_representations
    : bool_constant<__has_unique_object_representations(remove_cv_t<remove_all_extents_t<T>>)> {};
template <typename T>
inline constexpr bool has_unique_object_representations_v =
    has_unique_object_representations<T>::value;
template <typename T>
struct has_virtual_destructor : bool_constant<__has_virtual_destructor(T)> {};
template <typename T>
inline constexpr bool has_virtual_destructor_v = __has_virtual_destructor(T);

// --- construction ----------------------------------------------------------------------

template <typename T, typename... Args>
struct is_constructible : bool_constant<__is_constructible(T, Args...)> {};
template <typename T, typename... Args>
inline constexpr bool is_constructible_v = __is_constructible(T, Args...);
template <typename T>
struct is_default_constructible : is_constructible<T> {};
template <typename T>
inline constexpr bool is_default_constructible_v = __is_constructible(T);
template <typename T>
struct is_copy_constructible : is_constructible<T, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_copy_constructible_v = is_copy_constructible<T>::value;
template <typename T>
struct is_move_constructible : is_constructible<T, add_rvalue_reference_t<T>> {};
template <typename T>
inline constexpr bool is_move_constructible_v = is_move_constructible<T>::value;

template <typename T, typename... Args>
struct is_trivially_constructible : bool_constant<__is_trivially_constructible(T, Args...)> {};
template <typename T, typename... Args>
inline constexpr bool is_trivially_constructible_v = __is_trivially_constructible(T, Args...);
template <typename T>
struct is_trivially_default_constructible : is_trivially_constructible<T> {};
template <typename T>
inline constexpr bool is_trivially_default_constructible_v = __is_trivially_constructible(T);
template <typename T>
struct is_trivially_copy_constructible
    : is_trivially_constructible<T, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_trivially_copy_constructible_v = is_trivially_copy_constructible<T>::value;
template <typename T>
struct is_trivially_move_constructible : is_trivially_constructible<T, add_rvalue_reference_t<T>> {
};
template <typename T>
inline constexpr bool is_trivially_move_constructible_v = is_trivially_move_constructible<T>::value;

template <typename T, typename... Args>
struct is_nothrow_constructible : bool_constant<__is_nothrow_constructible(T, Args...)> {};
template <typename T, typename... Args>
inline constexpr bool is_nothrow_constructible_v = __is_nothrow_constructible(T, Args...);
template <typename T>
struct is_nothrow_default_constructible : is_nothrow_constructible<T> {};
template <typename T>
inline constexpr bool is_nothrow_default_constructible_v = __is_nothrow_constructible(T);
template <typename T>
struct is_nothrow_copy_constructible
    : is_nothrow_constructible<T, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_nothrow_copy_constructible_v = is_nothrow_copy_constructible<T>::value;
template <typename T>
struct is_nothrow_move_constructible : is_nothrow_constructible<T, add_rvalue_reference_t<T>> {};
template <typename T>
inline constexpr bool is_nothrow_move_constructible_v = is_nothrow_move_constructible<T>::value;

// --- assignment ------------------------------------------------------------------------

template <typename T, typename U>
struct is_assignable : bool_constant<__is_assignable(T, U)> {};
template <typename T, typename U>
inline constexpr bool is_assignable_v = __is_assignable(T, U);
template <typename T>
struct is_copy_assignable
    : is_assignable<add_lvalue_reference_t<T>, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_copy_assignable_v = is_copy_assignable<T>::value;
template <typename T>
struct is_move_assignable : is_assignable<add_lvalue_reference_t<T>, add_rvalue_reference_t<T>> {};
template <typename T>
inline constexpr bool is_move_assignable_v = is_move_assignable<T>::value;

template <typename T, typename U>
struct is_trivially_assignable : bool_constant<__is_trivially_assignable(T, U)> {};
template <typename T, typename U>
inline constexpr bool is_trivially_assignable_v = __is_trivially_assignable(T, U);
template <typename T>
struct is_trivially_copy_assignable
    : is_trivially_assignable<add_lvalue_reference_t<T>, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_trivially_copy_assignable_v = is_trivially_copy_assignable<T>::value;
template <typename T>
struct is_trivially_move_assignable
    : is_trivially_assignable<add_lvalue_reference_t<T>, add_rvalue_reference_t<T>> {};
template <typename T>
inline constexpr bool is_trivially_move_assignable_v = is_trivially_move_assignable<T>::value;

template <typename T, typename U>
struct is_nothrow_assignable : bool_constant<__is_nothrow_assignable(T, U)> {};
template <typename T, typename U>
inline constexpr bool is_nothrow_assignable_v = __is_nothrow_assignable(T, U);
template <typename T>
struct is_nothrow_copy_assignable
    : is_nothrow_assignable<add_lvalue_reference_t<T>, add_lvalue_reference_t<const T>> {};
template <typename T>
inline constexpr bool is_nothrow_copy_assignable_v = is_nothrow_copy_assignable<T>::value;
template <typename T>
struct is_nothrow_move_assignable
    : is_nothrow_assignable<add_lvalue_reference_t<T>, add_rvalue_reference_t<T>> {};
template <typename T>
inline constexpr bool is_nothrow_move_assignable_v = is_nothrow_move_assignable<T>::value;

// --- destruction -----------------------------------------------------------------------

namespace keel_internal {
template <typename U, bool kNothrow>
constexpr bool HasDestructor() {
  if constexpr (!requires { declval<U&>().~U(); }) {
    return false;
  } else {
    return !kNothrow || noexcept(declval<U&>().~U());
  }
}

// Follows [meta.unary.prop]: references are destructible; void, functions and arrays of
// unknown bound are not; anything else is when `u.~U()` is well-formed for its element type.
template <typename T, bool kNothrow>
constexpr bool IsDestructible() {
  if constexpr (is_reference_v<T>) {
    return true;
  } else if constexpr (is_void_v<T> || is_function_v<T> || is_unbounded_array_v<T>) {
    return false;
  } else {
    return HasDestructor<remove_all_extents_t<T>, kNothrow>();
  }
}
}  // namespace keel_internal

template <typename T>
struct is_destructible : bool_constant<keel_internal::IsDestructible<T, false>()> {};
template <typename T>
inline constexpr bool is_destructible_v = is_destructible<T>::value;
template <typename T>
struct is_nothrow_destructible : bool_constant<keel_internal::IsDestructible<T, true>()> {};
template <typename T>
inline constexpr bool is_nothrow_destructible_v = is_nothrow_destructible<T>::value;
template <typename T>
struct is_trivially_destructible : bool_constant<__is_trivially_destructible(T)> {};
template <typename T>
inline constexpr bool is_trivially_destructible_v = __is_trivially_destructible(T);

// --- relations -------------------------------------------------------------------------

template <typename Base, typename Derived>
struct is_base_of : bool_constant<__is_base_of(Base, Derived)> {};
template <typename Base, typename Derived>
inline constexpr bool is_base_of_v = __is_base_of(Base, Derived);

template <typename From, typename To>
struct is_convertible : bool_constant<__is_convertible_to(From, To)> {};
template <typename From, typename To>
inline constexpr bool is_convertible_v = __is_convertible_to(From, To);

namespace keel_internal {
template <typename To>
void ConvertTo(To) noexcept;

template <typename From, typename To>
constexpr bool IsNothrowConvertible() {
  if constexpr (is_void_v<From> || is_function_v<To> || is_array_v<To>) {
    return is_void_v<To>;
  } else if constexpr (!requires { ConvertTo<To>(declval<From>()); }) {
    return false;
  } else {
    return noexcept(ConvertTo<To>(declval<From>()));
  }
}
}  // namespace keel_internal

template <typename From, typename To>
struct is_nothrow_convertible : bool_constant<keel_internal::IsNothrowConvertible<From, To>()> {};
template <typename From, typename To>
inline constexpr bool is_nothrow_convertible_v = is_nothrow_convertible<From, To>::value;

}  // namespace std
