// Internal part of keel's <type_traits>: arrays, the primary and composite type categories,
// signedness and decay. Include <type_traits>, not this header.
#pragma once

#include <cstddef>

#include <__keel/traits_base.h>

namespace std {

// --- arrays ----------------------------------------------------------------------------

template <typename T>
struct is_array : false_type {};
template <typename T>
struct is_array<T[]> : true_type {};
template <typename T, size_t n>
struct is_array<T[n]> : true_type {};
template <typename T>
inline constexpr bool is_array_v = is_array<T>::value;
template <typename T>
struct is_bounded_array : false_type {};
template <typename T, size_t n>
struct is_bounded_array<T[n]> : true_type {};
template <typename T>
inline constexpr bool is_bounded_array_v = is_bounded_array<T>::value;
template <typename T>
struct is_unbounded_array : false_type {};
template <typename T>
struct is_unbounded_array<T[]> : true_type {};
template <typename T>
inline constexpr bool is_unbounded_array_v = is_unbounded_array<T>::value;

template <typename T>
struct remove_extent {
  using type = T;
};
template <typename T>
struct remove_extent<T[]> {
  using type = T;
};
template <typename T, size_t n>
struct remove_extent<T[n]> {
  using type = T;
};
template <typename T>
using remove_extent_t = typename remove_extent<T>::type;
template <typename T>
struct remove_all_extents {
  using type = T;
};
template <typename T>
struct remove_all_extents<T[]> : remove_all_extents<T> {};
template <typename T, size_t n>
struct remove_all_extents<T[n]> : remove_all_extents<T> {};
template <typename T>
using remove_all_extents_t = typename remove_all_extents<T>::type;

template <typename T>
struct rank : integral_constant<size_t, 0> {};
template <typename T>
struct rank<T[]> : integral_constant<size_t, rank<T>::value + 1> {};
template <typename T, size_t n>
struct rank<T[n]> : integral_constant<size_t, rank<T>::value + 1> {};
template <typename T>
inline constexpr size_t rank_v = rank<T>::value;

template <typename T, unsigned i = 0>
struct extent : integral_constant<size_t, 0> {};
template <typename T>
struct extent<T[], 0> : integral_constant<size_t, 0> {};
template <typename T, unsigned i>
struct extent<T[], i> : extent<T, i - 1> {};
template <typename T, size_t n>
struct extent<T[n], 0> : integral_constant<size_t, n> {};
template <typename T, size_t n, unsigned i>
struct extent<T[n], i> : extent<T, i - 1> {};
template <typename T, unsigned i = 0>
inline constexpr size_t extent_v = extent<T, i>::value;

// --- primary and composite categories -------------------------------------------------

template <typename T>
struct is_void : is_same<remove_cv_t<T>, void> {};
template <typename T>
inline constexpr bool is_void_v = is_void<T>::value;
template <typename T>
struct is_null_pointer : is_same<remove_cv_t<T>, decltype(nullptr)> {};
template <typename T>
inline constexpr bool is_null_pointer_v = is_null_pointer<T>::value;

namespace keel_internal {
template <typename T>
struct IsIntegral : false_type {};
template <>
struct IsIntegral<bool> : true_type {};
template <>
struct IsIntegral<char> : true_type {};
template <>
struct IsIntegral<signed char> : true_type {};
template <>
struct IsIntegral<unsigned char> : true_type {};
template <>
struct IsIntegral<wchar_t> : true_type {};
template <>
struct IsIntegral<char8_t> : true_type {};
template <>
struct IsIntegral<char16_t> : true_type {};
template <>
struct IsIntegral<char32_t> : true_type {};
template <>
struct IsIntegral<short> : true_type {};
template <>
struct IsIntegral<unsigned short> : true_type {};
template <>
struct IsIntegral<int> : true_type {};
template <>
struct IsIntegral<unsigned int> : true_type {};
template <>
struct IsIntegral<long> : true_type {};
template <>
struct IsIntegral<unsigned long> : true_type {};
template <>
struct IsIntegral<long long> : true_type {};
template <>
struct IsIntegral<unsigned long long> : true_type {};
template <typename T>
struct IsFloatingPoint : false_type {};
template <>
struct IsFloatingPoint<float> : true_type {};
template <>
struct IsFloatingPoint<double> : true_type {};
template <>
struct IsFloatingPoint<long double> : true_type {};
template <typename T>
struct IsPointer : false_type {};
template <typename T>
struct IsPointer<T*> : true_type {};
template <typename T>
struct IsMemberPointer : false_type {};
template <typename T, typename C>
struct IsMemberPointer<T C::*> : true_type {};
}  // namespace keel_internal

template <typename T>
struct is_integral : keel_internal::IsIntegral<remove_cv_t<T>> {};
template <typename T>
inline constexpr bool is_integral_v = is_integral<T>::value;
template <typename T>
struct is_floating_point : keel_internal::IsFloatingPoint<remove_cv_t<T>> {};
template <typename T>
inline constexpr bool is_floating_point_v = is_floating_point<T>::value;
template <typename T>
struct is_pointer : keel_internal::IsPointer<remove_cv_t<T>> {};
template <typename T>
inline constexpr bool is_pointer_v = is_pointer<T>::value;
template <typename T>
struct is_enum : bool_constant<__is_enum(T)> {};
template <typename T>
inline constexpr bool is_enum_v = __is_enum(T);
template <typename T>
struct is_union : bool_constant<__is_union(T)> {};
template <typename T>
inline constexpr bool is_union_v = __is_union(T);
template <typename T>
struct is_class : bool_constant<__is_class(T)> {};
template <typename T>
inline constexpr bool is_class_v = __is_class(T);

// Only function types and references cannot be const-qualified.
template <typename T>
struct is_function : bool_constant<!is_const_v<const T> && !is_reference_v<T>> {};
template <typename T>
inline constexpr bool is_function_v = is_function<T>::value;

template <typename T>
struct is_member_pointer : keel_internal::IsMemberPointer<remove_cv_t<T>> {};
template <typename T>
inline constexpr bool is_member_pointer_v = is_member_pointer<T>::value;

namespace keel_internal {
template <typename T>
struct IsMemberFunctionPointer : false_type {};
template <typename T, typename C>
struct IsMemberFunctionPointer<T C::*> : is_function<T> {};
}  // namespace keel_internal

template <typename T>
struct is_member_function_pointer : keel_internal::IsMemberFunctionPointer<remove_cv_t<T>> {};
template <typename T>
inline constexpr bool is_member_function_pointer_v = is_member_function_pointer<T>::value;
template <typename T>
struct is_member_object_pointer
    : bool_constant<is_member_pointer_v<T> && !is_member_function_pointer_v<T>> {};
template <typename T>
inline constexpr bool is_member_object_pointer_v = is_member_object_pointer<T>::value;

template <typename T>
struct is_arithmetic : bool_constant<is_integral_v<T> || is_floating_point_v<T>> {};
template <typename T>
inline constexpr bool is_arithmetic_v = is_arithmetic<T>::value;
template <typename T>
struct is_fundamental : bool_constant<is_arithmetic_v<T> || is_void_v<T> || is_null_pointer_v<T>> {
};
template <typename T>
inline constexpr bool is_fundamental_v = is_fundamental<T>::value;
template <typename T>
struct is_scalar : bool_constant<is_arithmetic_v<T> || is_enum_v<T> || is_pointer_v<T> ||
                                 is_member_pointer_v<T> || is_null_pointer_v<T>> {};
template <typename T>
inline constexpr bool is_scalar_v = is_scalar<T>::value;
template <typename T>
struct is_object
    : bool_constant<is_scalar_v<T> || is_array_v<T> || is_union_v<T> || is_class_v<T>> {};
template <typename T>
inline constexpr bool is_object_v = is_object<T>::value;
template <typename T>
struct is_compound : bool_constant<!is_fundamental_v<T>> {};
template <typename T>
inline constexpr bool is_compound_v = is_compound<T>::value;

namespace keel_internal {
template <typename T, bool = is_arithmetic_v<T>>
struct IsSigned : bool_constant<T(-1) < T(0)> {};
template <typename T>
struct IsSigned<T, false> : false_type {};
template <typename T, bool = is_arithmetic_v<T>>
struct IsUnsigned : bool_constant<T(0) < T(-1)> {};
template <typename T>
struct IsUnsigned<T, false> : false_type {};
}  // namespace keel_internal

template <typename T>
struct is_signed : keel_internal::IsSigned<T> {};
template <typename T>
inline constexpr bool is_signed_v = is_signed<T>::value;
template <typename T>
struct is_unsigned : keel_internal::IsUnsigned<T> {};
template <typename T>
inline constexpr bool is_unsigned_v = is_unsigned<T>::value;

template <typename T>
struct decay {
 private:
  using U = remove_reference_t<T>;

 public:
  using type = conditional_t<is_array_v<U>, remove_extent_t<U>*,
                             conditional_t<is_function_v<U>, add_pointer_t<U>, remove_cv_t<U>>>;
};
template <typename T>
using decay_t = typename decay<T>::type;

template <typename T>
struct alignment_of : integral_constant<size_t, alignof(T)> {};
template <typename T>
inline constexpr size_t alignment_of_v = alignof(T);

}  // namespace std
