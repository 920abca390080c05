// Optional<T>: a value or nothing, without a heap and without exceptions. Reading an
// empty Optional panics; value() reports the caller's source location. Optional<T&> holds
// a reference (a checked, rebindable pointer) for lookups such as ArrayVec::At.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/result/internal/either.h"

namespace libk {

// The type of kNone, the empty value assignable to any Optional.
struct NoneType {
  struct Tag {};
  explicit constexpr NoneType(Tag) {}
};

// Converts to an empty Optional of any type.
inline constexpr NoneType kNone{NoneType::Tag{}};

template <typename T>
class Optional;

namespace internal {
template <typename T>
inline constexpr bool kIsOptional = false;
template <typename T>
inline constexpr bool kIsOptional<Optional<T>> = true;

// A U from which Optional<T> builds its value (not an Optional or kNone itself).
template <typename U, typename T>
concept OptionalSource = std::is_constructible_v<T, U> && !kIsOptional<std::remove_cvref_t<U>> &&
                         !std::is_same_v<std::remove_cvref_t<U>, NoneType>;

// A U whose references convert to T references (adding const, or derived to base).
template <typename U, typename T>
concept ReferenceConvertibleTo = !std::is_same_v<U, T> && std::is_convertible_v<U*, T*>;
}  // namespace internal

// Holds either a T or nothing. Copyable and movable when T is; trivially copyable when T
// is (then usable in constant expressions).
template <typename T>
class Optional {
  static_assert(!std::is_void_v<T> && !std::is_same_v<std::remove_cv_t<T>, NoneType>,
                "Optional<void> and Optional<NoneType> make no sense");
  static_assert(!std::is_array_v<T>, "wrap arrays in a struct or an ArrayVec");

 public:
  using ValueType = T;

  // Constructs an empty Optional.
  constexpr Optional() : storage_(internal::InSecond{}) {}
  constexpr Optional(NoneType) : Optional() {}

  // Constructs an Optional holding a T made from `value`; explicit when that conversion is.
  template <internal::OptionalSource<T> U = T>
  constexpr explicit(!std::is_convertible_v<U, T>) Optional(U&& value)
      : storage_(internal::InFirst{}, std::forward<U>(value)) {}

  constexpr bool has_value() const { return storage_.is_first(); }
  constexpr explicit operator bool() const { return has_value(); }

  // Returns the value; panics, reporting the caller's location, if there is none. The
  // rvalue overload moves the value out (the Optional keeps a moved-from T).
  constexpr T& value(SourceLocation loc = SourceLocation::Current()) & {
    CheckHasValue(loc);
    return storage_.first();
  }
  constexpr const T& value(SourceLocation loc = SourceLocation::Current()) const& {
    CheckHasValue(loc);
    return storage_.first();
  }
  constexpr T value(SourceLocation loc = SourceLocation::Current()) && {
    CheckHasValue(loc);
    return std::move(storage_).first();
  }

  // Return the value; panic if there is none (operators cannot take a caller location,
  // so the panic reports this header; use value() to get the caller's).
  constexpr T& operator*() & { return value(); }
  constexpr const T& operator*() const& { return value(); }
  constexpr T operator*() && { return std::move(*this).value(); }
  constexpr T* operator->() { return __builtin_addressof(value()); }
  constexpr const T* operator->() const { return __builtin_addressof(value()); }

  // Returns the value, or `fallback` converted to T if there is none.
  template <typename U>
  constexpr T ValueOr(U&& fallback) const& {
    return has_value() ? storage_.first() : static_cast<T>(std::forward<U>(fallback));
  }
  template <typename U>
  constexpr T ValueOr(U&& fallback) && {
    return has_value() ? std::move(storage_).first() : static_cast<T>(std::forward<U>(fallback));
  }

  // Destroys any value and constructs a new one from `args`; returns it.
  template <typename... Args>
  constexpr T& Emplace(Args&&... args) {
    return storage_.EmplaceFirst(std::forward<Args>(args)...);
  }

  // Destroys any value, leaving the Optional empty.
  constexpr void Reset() {
    if (has_value()) storage_.EmplaceSecond();
  }

  // Moves the value (if any) out into the result and leaves this Optional empty.
  constexpr Optional Take() {
    Optional taken = std::move(*this);
    Reset();
    return taken;
  }

  // Returns f(value) wrapped in an Optional, or an empty Optional if there is no value.
  template <typename F>
  constexpr auto Map(F&& f) const& {
    using U = std::remove_cvref_t<decltype(std::forward<F>(f)(storage_.first()))>;
    if (!has_value()) return Optional<U>();
    return Optional<U>(std::forward<F>(f)(storage_.first()));
  }
  template <typename F>
  constexpr auto Map(F&& f) && {
    using U = std::remove_cvref_t<decltype(std::forward<F>(f)(std::move(storage_).first()))>;
    if (!has_value()) return Optional<U>();
    return Optional<U>(std::forward<F>(f)(std::move(storage_).first()));
  }

  friend constexpr bool operator==(const Optional& a, const Optional& b)
    requires std::equality_comparable<T>
  {
    if (a.has_value() != b.has_value()) return false;
    return !a.has_value() || a.storage_.first() == b.storage_.first();
  }
  friend constexpr bool operator==(const Optional& a, NoneType) { return !a.has_value(); }

 private:
  constexpr void CheckHasValue(SourceLocation loc) const {
    if (!has_value()) [[unlikely]] {
      Panic("value() of an empty Optional", loc);
    }
  }

  internal::Either<T, internal::Empty> storage_;
};

// Holds either a reference to a T or nothing. Copying copies the reference; it never
// binds to a temporary.
template <typename T>
class Optional<T&> {
 public:
  using ValueType = T&;

  constexpr Optional() = default;
  constexpr Optional(NoneType) {}
  constexpr Optional(T& ref) : ptr_(__builtin_addressof(ref)) {}
  // Refuses temporaries, which would leave the reference dangling.
  Optional(std::remove_cvref_t<T>&&) = delete;
  // Converts Optional<U&> to Optional<const U&> (or to a base class reference).
  template <internal::ReferenceConvertibleTo<T> U>
  constexpr Optional(Optional<U&> other)
      : ptr_(other.has_value() ? __builtin_addressof(other.value()) : nullptr) {}

  constexpr bool has_value() const { return ptr_ != nullptr; }
  constexpr explicit operator bool() const { return has_value(); }

  // Returns the referenced object; panics, reporting the caller's location, if there is none.
  constexpr T& value(SourceLocation loc = SourceLocation::Current()) const {
    if (ptr_ == nullptr) [[unlikely]] {
      Panic("value() of an empty Optional", loc);
    }
    return *ptr_;
  }
  // Return the referenced object; panic if there is none (reporting this header).
  constexpr T& operator*() const { return value(); }
  constexpr T* operator->() const { return __builtin_addressof(value()); }

  // Returns the referenced object, or `fallback` if there is none.
  constexpr T& ValueOr(T& fallback) const { return ptr_ != nullptr ? *ptr_ : fallback; }

  constexpr void Reset() { ptr_ = nullptr; }

  friend constexpr bool operator==(const Optional& a, NoneType) { return !a.has_value(); }

 private:
  T* ptr_ = nullptr;
};

}  // namespace libk
