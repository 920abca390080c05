// Internal part of keel's <type_traits>: underlying_type, make_signed/make_unsigned and
// common_type. Include <type_traits>, not this header.
#pragma once

#include <cstddef>

#include <__keel/traits_base.h>
#include <__keel/traits_categories.h>

namespace std {

namespace keel_internal {
template <typename T>
concept Enum = is_enum_v<T>;
}  // namespace keel_internal

template <typename T>
struct underlying_type {};
template <keel_internal::Enum T>
struct underlying_type<T> {
  using type = __underlying_type(T);
};
template <typename T>
using underlying_type_t = typename underlying_type<T>::type;

namespace keel_internal {
// Gives `To` the const/volatile qualifiers of `From`.
template <typename From, typename To>
struct CopyCv {
  using type = To;
};
template <typename From, typename To>
struct CopyCv<const From, To> {
  using type = const To;
};
template <typename From, typename To>
struct CopyCv<volatile From, To> {
  using type = volatile To;
};
template <typename From, typename To>
struct CopyCv<const volatile From, To> {
  using type = const volatile To;
};

// The smallest standard unsigned integer type as large as T; the signed types are the same
// ranks, so their order lines up.
template <typename T>
using UnsignedOfSizeOf =
    conditional_t<sizeof(T) <= sizeof(unsigned char), unsigned char,
                  conditional_t<sizeof(T) <= sizeof(unsigned short), unsigned short,
                                conditional_t<sizeof(T) <= sizeof(unsigned int), unsigned int,
                                              conditional_t<sizeof(T) <= sizeof(unsigned long),
                                                            unsigned long, unsigned long long>>>>;

// Maps the standard integer types exactly (the unsigned ones up to unsigned long map to
// themselves by size); char types and enums by size.
template <typename T>
struct MakeUnsigned {
  using type = UnsignedOfSizeOf<T>;
};
template <>
struct MakeUnsigned<signed char> {
  using type = unsigned char;
};
template <>
struct MakeUnsigned<short> {
  using type = unsigned short;
};
template <>
struct MakeUnsigned<int> {
  using type = unsigned int;
};
template <>
struct MakeUnsigned<long> {
  using type = unsigned long;
};
template <>
struct MakeUnsigned<long long> {
  using type = unsigned long long;
};
template <>
struct MakeUnsigned<unsigned long long> {
  using type = unsigned long long;
};

template <typename U>
struct SignedOf;
template <>
struct SignedOf<unsigned char> {
  using type = signed char;
};
template <>
struct SignedOf<unsigned short> {
  using type = short;
};
template <>
struct SignedOf<unsigned int> {
  using type = int;
};
template <>
struct SignedOf<unsigned long> {
  using type = long;
};
template <>
struct SignedOf<unsigned long long> {
  using type = long long;
};

template <typename T>
concept MakeSignedInput = (is_integral_v<T> && !is_same_v<remove_cv_t<T>, bool>) || is_enum_v<T>;
}  // namespace keel_internal

template <typename T>
struct make_unsigned {};
template <keel_internal::MakeSignedInput T>
struct make_unsigned<T> {
  using type = typename keel_internal::CopyCv<
      T, typename keel_internal::MakeUnsigned<remove_cv_t<T>>::type>::type;
};
template <typename T>
using make_unsigned_t = typename make_unsigned<T>::type;

template <typename T>
struct make_signed {};
template <keel_internal::MakeSignedInput T>
struct make_signed<T> {
  using type = typename keel_internal::CopyCv<
      T, typename keel_internal::SignedOf<
             typename keel_internal::MakeUnsigned<remove_cv_t<T>>::type>::type>::type;
};
template <typename T>
using make_signed_t = typename make_signed<T>::type;

// --- common_type ([meta.trans.other]) --------------------------------------------------

template <typename... T>
struct common_type;
template <typename... T>
using common_type_t = typename common_type<T...>::type;

namespace keel_internal {
template <typename T>
using ConstRef = const remove_reference_t<T>&;

// The type of `false ? t : u` for values of type T and U.
template <typename T, typename U>
using TernaryResult = decltype(false ? declval<T>() : declval<U>());
// COND-RES from [meta.trans.other].
template <typename T, typename U>
using CondRes = decltype(false ? declval<T (&)()>()() : declval<U (&)()>()());

template <typename U, typename T>
concept HasTernaryWith = requires { typename TernaryResult<T, U>; };
template <typename U, typename T>
concept HasOnlyConstRefCondResWith =
    !HasTernaryWith<U, T> && requires { typename CondRes<ConstRef<T>, ConstRef<U>>; };

template <typename T, typename U>
struct CommonTypeOfDecayed {};
template <typename T, HasTernaryWith<T> U>
struct CommonTypeOfDecayed<T, U> {
  using type = decay_t<TernaryResult<T, U>>;
};
template <typename T, HasOnlyConstRefCondResWith<T> U>
struct CommonTypeOfDecayed<T, U> {
  using type = decay_t<CondRes<ConstRef<T>, ConstRef<U>>>;
};

template <typename Void, typename... T>
struct CommonTypeFold {};
template <typename T, typename U, typename... Rest>
struct CommonTypeFold<void_t<common_type_t<T, U>>, T, U, Rest...>
    : common_type<common_type_t<T, U>, Rest...> {};
}  // namespace keel_internal

template <>
struct common_type<> {};
template <typename T>
struct common_type<T> : common_type<T, T> {};
template <typename T, typename U>
struct common_type<T, U>
    : conditional_t<is_same_v<T, decay_t<T>> && is_same_v<U, decay_t<U>>,
                    keel_internal::CommonTypeOfDecayed<T, U>, common_type<decay_t<T>, decay_t<U>>> {
};
template <typename T, typename U, typename V, typename... Rest>
struct common_type<T, U, V, Rest...> : keel_internal::CommonTypeFold<void, T, U, V, Rest...> {};

}  // namespace std
