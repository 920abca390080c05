// Internal part of keel's <type_traits>: the INVOKE protocol of [func.require] and the traits
// built on it (invoke_result, is_invocable, ...). Include <type_traits>, not this header.
// Unlike the hosted library there is no std::reference_wrapper, so INVOKE does not unwrap one.
#pragma once

#include <__keel/traits_base.h>
#include <__keel/traits_categories.h>
#include <__keel/traits_properties.h>

namespace std {
namespace keel_internal {

// True when `Obj` (a value, not a pointer) is of class C or derived from it.
template <typename Obj, typename C>
concept ObjectOfClass = is_same_v<C, remove_cvref_t<Obj>> || is_base_of_v<C, remove_cvref_t<Obj>>;
// True for anything else: INVOKE dereferences it to reach the object.
template <typename Ptr, typename C>
concept PointerToClass = !ObjectOfClass<Ptr, C>;

template <typename F>
concept NotMemberPointer = !is_member_pointer_v<remove_cvref_t<F>>;
template <typename M>
concept FunctionType = is_function_v<M>;
template <typename M>
concept ObjectType = !is_function_v<M>;

// INVOKE(f, args...) for callables that are not pointers to members.
template <NotMemberPointer F, typename... Args>
constexpr auto Invoke(F&& f, Args&&... args) noexcept(
    noexcept(static_cast<F&&>(f)(static_cast<Args&&>(args)...)))
    -> decltype(static_cast<F&&>(f)(static_cast<Args&&>(args)...)) {
  return static_cast<F&&>(f)(static_cast<Args&&>(args)...);
}

// Pointer to member function, called on an object of its class.
template <FunctionType M, typename C, ObjectOfClass<C> Obj, typename... Args>
constexpr auto Invoke(M C::* f, Obj&& obj, Args&&... args) noexcept(
    noexcept((static_cast<Obj&&>(obj).*f)(static_cast<Args&&>(args)...)))
    -> decltype((static_cast<Obj&&>(obj).*f)(static_cast<Args&&>(args)...)) {
  return (static_cast<Obj&&>(obj).*f)(static_cast<Args&&>(args)...);
}

// Pointer to member function, called through a pointer (or pointer-like) to the object.
template <FunctionType M, typename C, PointerToClass<C> Ptr, typename... Args>
constexpr auto Invoke(M C::* f, Ptr&& ptr, Args&&... args) noexcept(
    noexcept(((*static_cast<Ptr&&>(ptr)).*f)(static_cast<Args&&>(args)...)))
    -> decltype(((*static_cast<Ptr&&>(ptr)).*f)(static_cast<Args&&>(args)...)) {
  return ((*static_cast<Ptr&&>(ptr)).*f)(static_cast<Args&&>(args)...);
}

// Pointer to data member, read from an object of its class.
template <ObjectType M, typename C, ObjectOfClass<C> Obj>
constexpr auto Invoke(M C::* f, Obj&& obj) noexcept -> decltype(static_cast<Obj&&>(obj).*f) {
  return static_cast<Obj&&>(obj).*f;
}

// Pointer to data member, read through a pointer (or pointer-like) to the object.
template <ObjectType M, typename C, PointerToClass<C> Ptr>
constexpr auto Invoke(M C::* f, Ptr&& ptr) noexcept(noexcept((*static_cast<Ptr&&>(ptr)).*f))
    -> decltype((*static_cast<Ptr&&>(ptr)).*f) {
  return (*static_cast<Ptr&&>(ptr)).*f;
}

template <typename F, typename... Args>
using InvokeResult = decltype(Invoke(declval<F>(), declval<Args>()...));

template <typename F, typename... Args>
concept Invocable = requires { typename InvokeResult<F, Args...>; };

template <typename F, typename... Args>
concept NothrowInvocable =
    Invocable<F, Args...> && noexcept(Invoke(declval<F>(), declval<Args>()...));

template <typename R, typename F, typename... Args>
constexpr bool IsInvocableR() {
  if constexpr (!Invocable<F, Args...>) {
    return false;
  } else if constexpr (is_void_v<R>) {
    return true;
  } else {
    return is_convertible_v<InvokeResult<F, Args...>, R>;
  }
}

template <typename R, typename F, typename... Args>
constexpr bool IsNothrowInvocableR() {
  if constexpr (!NothrowInvocable<F, Args...>) {
    return false;
  } else if constexpr (is_void_v<R>) {
    return true;
  } else {
    return is_nothrow_convertible_v<InvokeResult<F, Args...>, R>;
  }
}
}  // namespace keel_internal

template <typename F, typename... Args>
struct invoke_result {};
template <typename F, typename... Args>
  requires keel_internal::Invocable<F, Args...>
struct invoke_result<F, Args...> {
  using type = keel_internal::InvokeResult<F, Args...>;
};
template <typename F, typename... Args>
using invoke_result_t = typename invoke_result<F, Args...>::type;

template <typename F, typename... Args>
struct is_invocable : bool_constant<keel_internal::Invocable<F, Args...>> {};
template <typename F, typename... Args>
inline constexpr bool is_invocable_v = keel_internal::Invocable<F, Args...>;
template <typename R, typename F, typename... Args>
struct is_invocable_r : bool_constant<keel_internal::IsInvocableR<R, F, Args...>()> {};
template <typename R, typename F, typename... Args>
inline constexpr bool is_invocable_r_v = is_invocable_r<R, F, Args...>::value;
template <typename F, typename... Args>
struct is_nothrow_invocable : bool_constant<keel_internal::NothrowInvocable<F, Args...>> {};
template <typename F, typename... Args>
inline constexpr bool is_nothrow_invocable_v = keel_internal::NothrowInvocable<F, Args...>;
template <typename R, typename F, typename... Args>
struct is_nothrow_invocable_r : bool_constant<keel_internal::IsNothrowInvocableR<R, F, Args...>()> {
};
template <typename R, typename F, typename... Args>
inline constexpr bool is_nothrow_invocable_r_v = is_nothrow_invocable_r<R, F, Args...>::value;

}  // namespace std
