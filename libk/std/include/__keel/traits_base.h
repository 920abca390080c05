// Internal part of keel's <type_traits>: integral_constant, logic on traits, and the
// const/volatile, reference and pointer transformations. Include <type_traits>, not this header.
#pragma once

#include <cstddef>

namespace std {

template <typename T, T v>
struct integral_constant {
  static constexpr T value = v;
  using value_type = T;
  using type = integral_constant;
  constexpr operator value_type() const noexcept { return value; }
  constexpr value_type operator()() const noexcept { return value; }
};

template <bool b>
using bool_constant = integral_constant<bool, b>;
using true_type = bool_constant<true>;
using false_type = bool_constant<false>;

template <typename T, typename U>
struct is_same : bool_constant<__is_same(T, U)> {};
template <typename T, typename U>
inline constexpr bool is_same_v = __is_same(T, U);

template <bool b, typename T, typename F>
struct conditional {
  using type = T;
};
template <typename T, typename F>
struct conditional<false, T, F> {
  using type = F;
};
template <bool b, typename T, typename F>
using conditional_t = typename conditional<b, T, F>::type;

template <bool b, typename T = void>
struct enable_if {};
template <typename T>
struct enable_if<true, T> {
  using type = T;
};
template <bool b, typename T = void>
using enable_if_t = typename enable_if<b, T>::type;

template <typename T>
struct type_identity {
  using type = T;
};
template <typename T>
using type_identity_t = typename type_identity<T>::type;

template <typename...>
using void_t = void;

template <typename... B>
struct conjunction : true_type {};
template <typename B>
struct conjunction<B> : B {};
template <typename B, typename... Rest>
struct conjunction<B, Rest...> : conditional_t<bool(B::value), conjunction<Rest...>, B> {};
template <typename... B>
inline constexpr bool conjunction_v = conjunction<B...>::value;

template <typename... B>
struct disjunction : false_type {};
template <typename B>
struct disjunction<B> : B {};
template <typename B, typename... Rest>
struct disjunction<B, Rest...> : conditional_t<bool(B::value), B, disjunction<Rest...>> {};
template <typename... B>
inline constexpr bool disjunction_v = disjunction<B...>::value;

template <typename B>
struct negation : bool_constant<!bool(B::value)> {};
template <typename B>
inline constexpr bool negation_v = negation<B>::value;

// --- const/volatile --------------------------------------------------------------------

template <typename T>
struct remove_const {
  using type = T;
};
template <typename T>
struct remove_const<const T> {
  using type = T;
};
template <typename T>
struct remove_volatile {
  using type = T;
};
template <typename T>
struct remove_volatile<volatile T> {
  using type = T;
};
template <typename T>
struct remove_cv {
  using type = T;
};
template <typename T>
struct remove_cv<const T> {
  using type = T;
};
template <typename T>
struct remove_cv<volatile T> {
  using type = T;
};
template <typename T>
struct remove_cv<const volatile T> {
  using type = T;
};
template <typename T>
using remove_const_t = typename remove_const<T>::type;
template <typename T>
using remove_volatile_t = typename remove_volatile<T>::type;
template <typename T>
using remove_cv_t = typename remove_cv<T>::type;

template <typename T>
struct add_const {
  using type = const T;
};
template <typename T>
struct add_volatile {
  using type = volatile T;
};
template <typename T>
struct add_cv {
  using type = const volatile T;
};
template <typename T>
using add_const_t = typename add_const<T>::type;
template <typename T>
using add_volatile_t = typename add_volatile<T>::type;
template <typename T>
using add_cv_t = typename add_cv<T>::type;

template <typename T>
struct is_const : false_type {};
template <typename T>
struct is_const<const T> : true_type {};
template <typename T>
inline constexpr bool is_const_v = is_const<T>::value;
template <typename T>
struct is_volatile : false_type {};
template <typename T>
struct is_volatile<volatile T> : true_type {};
template <typename T>
inline constexpr bool is_volatile_v = is_volatile<T>::value;

// --- references ------------------------------------------------------------------------

template <typename T>
struct remove_reference {
  using type = T;
};
template <typename T>
struct remove_reference<T&> {
  using type = T;
};
template <typename T>
struct remove_reference<T&&> {
  using type = T;
};
template <typename T>
using remove_reference_t = typename remove_reference<T>::type;

template <typename T>
struct remove_cvref {
  using type = remove_cv_t<remove_reference_t<T>>;
};
template <typename T>
using remove_cvref_t = typename remove_cvref<T>::type;

template <typename T>
struct is_lvalue_reference : false_type {};
template <typename T>
struct is_lvalue_reference<T&> : true_type {};
template <typename T>
inline constexpr bool is_lvalue_reference_v = is_lvalue_reference<T>::value;
template <typename T>
struct is_rvalue_reference : false_type {};
template <typename T>
struct is_rvalue_reference<T&&> : true_type {};
template <typename T>
inline constexpr bool is_rvalue_reference_v = is_rvalue_reference<T>::value;
template <typename T>
struct is_reference : false_type {};
template <typename T>
struct is_reference<T&> : true_type {};
template <typename T>
struct is_reference<T&&> : true_type {};
template <typename T>
inline constexpr bool is_reference_v = is_reference<T>::value;

namespace keel_internal {
// Adding a reference to `void` or to an abominable function type yields the type itself.
template <typename T>
type_identity<T&> TryAddLvalueReference(int);
template <typename T>
type_identity<T> TryAddLvalueReference(...);
template <typename T>
type_identity<T&&> TryAddRvalueReference(int);
template <typename T>
type_identity<T> TryAddRvalueReference(...);
template <typename T>
type_identity<remove_reference_t<T>*> TryAddPointer(int);
template <typename T>
type_identity<T> TryAddPointer(...);
}  // namespace keel_internal

template <typename T>
struct add_lvalue_reference : decltype(keel_internal::TryAddLvalueReference<T>(0)) {};
template <typename T>
struct add_rvalue_reference : decltype(keel_internal::TryAddRvalueReference<T>(0)) {};
template <typename T>
using add_lvalue_reference_t = typename add_lvalue_reference<T>::type;
template <typename T>
using add_rvalue_reference_t = typename add_rvalue_reference<T>::type;

// Declared only: usable in unevaluated operands.
template <typename T>
add_rvalue_reference_t<T> declval() noexcept;

// --- pointers --------------------------------------------------------------------------

template <typename T>
struct remove_pointer {
  using type = T;
};
template <typename T>
struct remove_pointer<T*> {
  using type = T;
};
template <typename T>
struct remove_pointer<T* const> {
  using type = T;
};
template <typename T>
struct remove_pointer<T* volatile> {
  using type = T;
};
template <typename T>
struct remove_pointer<T* const volatile> {
  using type = T;
};
template <typename T>
using remove_pointer_t = typename remove_pointer<T>::type;

template <typename T>
struct add_pointer : decltype(keel_internal::TryAddPointer<T>(0)) {};
template <typename T>
using add_pointer_t = typename add_pointer<T>::type;

}  // namespace std
