// Result<T, E>: the return type of every fallible function in libk and the kernel. It
// holds a T (or nothing, for Result<void>) or an error E, is [[nodiscard]] so an error
// cannot be ignored silently, and propagates with LIBK_TRY. Misuse (value() of an error)
// panics with the caller's source location.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/internal/either.h"

namespace libk {

// A success value on its way into a Result (made by Ok()).
template <typename T>
struct OkValue {
  T value;
};
template <>
struct OkValue<void> {};

// An error on its way into a Result (made by Err()).
template <typename E>
struct ErrValue {
  E error;
};

// Returns `value` marked as success; converts to any Result whose T it can build.
template <typename T>
constexpr OkValue<std::decay_t<T>> Ok(T&& value) {
  return OkValue<std::decay_t<T>>{std::forward<T>(value)};
}
// Returns a success for Result<void, E>.
constexpr OkValue<void> Ok() { return {}; }

// Returns `error` marked as failure; converts to any Result whose E it can build.
template <typename E>
constexpr ErrValue<std::decay_t<E>> Err(E&& error) {
  return ErrValue<std::decay_t<E>>{std::forward<E>(error)};
}

template <typename T, typename E>
class Result;

namespace internal {
template <typename T>
inline constexpr bool kIsResultPart = false;
template <typename T>
inline constexpr bool kIsResultPart<OkValue<T>> = true;
template <typename E>
inline constexpr bool kIsResultPart<ErrValue<E>> = true;
template <typename T, typename E>
inline constexpr bool kIsResultPart<Result<T, E>> = true;

// A U from which Result<T, E> builds its value (not an Ok, Err or Result itself).
template <typename U, typename T>
concept ResultValueSource =
    !std::is_void_v<T> && std::is_constructible_v<T, U> && !kIsResultPart<std::remove_cvref_t<U>>;

// Results of these T and E compare with ==.
template <typename T, typename E>
concept ComparableParts =
    std::equality_comparable<E> && (std::is_void_v<T> || std::equality_comparable<T>);
}  // namespace internal

// Holds either a value of type T (nothing for T = void) or an error of type E.
// Invariant: exactly one of the two is alive. Copyable and movable when T and E are;
// trivially copyable when they are.
template <typename T, typename E = Error>
class [[nodiscard]] Result {
  static_assert(!std::is_reference_v<T>, "Result<T&> is not supported; return a pointer");
  static_assert(!std::is_reference_v<E> && !std::is_void_v<E>, "E must be an object type");
  // Every member is declared for T = void too (Clang 14 instantiates members whose
  // constraints fail in an explicit instantiation, so they cannot differ only by those).
  using Stored = std::conditional_t<std::is_void_v<T>, internal::Empty, T>;
  using Ref = std::conditional_t<std::is_void_v<T>, void, Stored&>;
  using ConstRef = std::conditional_t<std::is_void_v<T>, void, const Stored&>;

 public:
  using ValueType = T;
  using ErrorType = E;

  // Constructs a success holding `value` (so `return value;` works); explicit when T is.
  template <internal::ResultValueSource<T> U = Stored>
  constexpr explicit(!std::is_convertible_v<U, T>) Result(U&& value)
      : storage_(internal::InFirst{}, std::forward<U>(value)) {}
  // Constructs a success from Ok(value), or from Ok() for Result<void>.
  template <typename U>
    requires std::is_constructible_v<Stored, U>
  constexpr Result(OkValue<U> ok) : storage_(internal::InFirst{}, std::move(ok.value)) {}
  template <typename Void = T>
    requires std::is_void_v<Void>
  constexpr Result(OkValue<void>) : storage_(internal::InFirst{}) {}
  // Constructs a failure from Err(error).
  template <typename F>
    requires std::is_constructible_v<E, F>
  constexpr Result(ErrValue<F> err) : storage_(internal::InSecond{}, std::move(err.error)) {}

  constexpr bool is_ok() const { return storage_.is_first(); }
  constexpr bool is_error() const { return !is_ok(); }

  // Returns the value (nothing for Result<void>); panics, reporting the caller's location,
  // if this is an error. The rvalue overload moves the value out.
  constexpr Ref value(SourceLocation loc = SourceLocation::Current()) & {
    CheckOk("value() of an error Result", loc);
    if constexpr (!std::is_void_v<T>) return storage_.first();
  }
  constexpr ConstRef value(SourceLocation loc = SourceLocation::Current()) const& {
    CheckOk("value() of an error Result", loc);
    if constexpr (!std::is_void_v<T>) return storage_.first();
  }
  constexpr T value(SourceLocation loc = SourceLocation::Current()) && {
    CheckOk("value() of an error Result", loc);
    if constexpr (!std::is_void_v<T>) return std::move(storage_).first();
  }

  // Returns the value, panicking at the caller if this is an error: the greppable name for
  // "this cannot fail here", for code that has no better answer than a panic.
  constexpr T UnwrapOrPanic(SourceLocation loc = SourceLocation::Current()) && {
    CheckOk("UnwrapOrPanic() of an error Result", loc);
    if constexpr (!std::is_void_v<T>) return std::move(storage_).first();
  }

  // Returns the error; panics, reporting the caller's location, if this is a success.
  constexpr const E& error(SourceLocation loc = SourceLocation::Current()) const& {
    CheckError(loc);
    return storage_.second();
  }
  constexpr E error(SourceLocation loc = SourceLocation::Current()) && {
    CheckError(loc);
    return std::move(storage_).second();
  }

  // Returns the value, or `fallback` converted to T if this is an error.
  template <typename U>
  constexpr T ValueOr(U&& fallback) const& {
    static_assert(!std::is_void_v<T>, "Result<void> has no value");
    return is_ok() ? storage_.first() : static_cast<T>(std::forward<U>(fallback));
  }
  template <typename U>
  constexpr T ValueOr(U&& fallback) && {
    static_assert(!std::is_void_v<T>, "Result<void> has no value");
    return is_ok() ? std::move(storage_).first() : static_cast<T>(std::forward<U>(fallback));
  }

  // Returns Ok(f(value)) (f() for Result<void>) on success, the same error otherwise.
  template <typename F>
  constexpr auto Map(F&& f) const& {
    return MapImpl(std::forward<F>(f), *this);
  }
  template <typename F>
  constexpr auto Map(F&& f) && {
    return MapImpl(std::forward<F>(f), std::move(*this));
  }

  // Returns f(value) (a Result with the same E) on success, the same error otherwise.
  template <typename F>
  constexpr auto AndThen(F&& f) const& {
    return AndThenImpl(std::forward<F>(f), *this);
  }
  template <typename F>
  constexpr auto AndThen(F&& f) && {
    return AndThenImpl(std::forward<F>(f), std::move(*this));
  }

  // Returns Err(f(error)) on failure, the same value otherwise.
  template <typename F>
  constexpr auto MapError(F&& f) && {
    using F2 = std::remove_cvref_t<decltype(std::forward<F>(f)(std::move(storage_).second()))>;
    using Out = Result<T, F2>;
    if (is_ok()) {
      if constexpr (std::is_void_v<T>) {
        return Out(Ok());
      } else {
        return Out(Ok(std::move(storage_).first()));
      }
    }
    return Out(Err(std::forward<F>(f)(std::move(storage_).second())));
  }

  friend constexpr bool operator==(const Result& a, const Result& b)
    requires internal::ComparableParts<T, E>
  {
    if (a.is_ok() != b.is_ok()) return false;
    return a.is_ok() ? a.storage_.first() == b.storage_.first()
                     : a.storage_.second() == b.storage_.second();
  }

 private:
  template <typename U, typename F>
  friend class Result;

  constexpr void CheckOk(const char* message, SourceLocation loc) const {
    if (!is_ok()) [[unlikely]] {
      Panic(message, loc);
    }
  }
  constexpr void CheckError(SourceLocation loc) const {
    if (is_ok()) [[unlikely]] {
      Panic("error() of a successful Result", loc);
    }
  }

  // Calls f with the value (or with nothing for Result<void>) of `self`, a Result of this
  // type that holds a value.
  template <typename F, typename Self>
  static constexpr decltype(auto) CallWithValue(F&& f, Self&& self) {
    if constexpr (std::is_void_v<T>) {
      return std::forward<F>(f)();
    } else {
      return std::forward<F>(f)(std::forward<Self>(self).storage_.first());
    }
  }

  template <typename F, typename Self>
  static constexpr auto MapImpl(F&& f, Self&& self) {
    using U =
        std::remove_cvref_t<decltype(CallWithValue(std::forward<F>(f), std::forward<Self>(self)))>;
    using Out = Result<U, E>;
    if (!self.is_ok()) return Out(Err(std::forward<Self>(self).storage_.second()));
    if constexpr (std::is_void_v<U>) {
      CallWithValue(std::forward<F>(f), std::forward<Self>(self));
      return Out(Ok());
    } else {
      return Out(Ok(CallWithValue(std::forward<F>(f), std::forward<Self>(self))));
    }
  }

  template <typename F, typename Self>
  static constexpr auto AndThenImpl(F&& f, Self&& self) {
    using Out =
        std::remove_cvref_t<decltype(CallWithValue(std::forward<F>(f), std::forward<Self>(self)))>;
    static_assert(internal::kIsResultPart<Out> && std::is_same_v<typename Out::ErrorType, E>,
                  "AndThen's function must return a Result with the same error type");
    if (!self.is_ok()) return Out(Err(std::forward<Self>(self).storage_.second()));
    return CallWithValue(std::forward<F>(f), std::forward<Self>(self));
  }

  internal::Either<Stored, E> storage_;
};

}  // namespace libk

// Evaluates `expr`, a Result. On error, returns that error from the enclosing function
// (whose return type must be a Result that can hold it); on success, the whole expression
// is the value (nothing for Result<void>). A Clang/GCC statement expression.
#define LIBK_TRY(expr)                                                                          \
  ({                                                                                            \
    auto&& libk_try_result_ = (expr);                                                           \
    if (libk_try_result_.is_error()) [[unlikely]] {                                             \
      return ::libk::Err(::std::forward<decltype(libk_try_result_)>(libk_try_result_).error()); \
    }                                                                                           \
    ::std::forward<decltype(libk_try_result_)>(libk_try_result_).value();                       \
  })
