// Storage for exactly one of two alternatives: the shared engine of Result<T, E> and
// Optional<T>. Alternatives with trivial lifetimes make a trivially copyable Either (so a
// Result<int> travels in registers and works in constant expressions); others get
// hand-written construction, assignment and destruction.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "libk/panic/panic.h"

namespace libk::internal {

// The alternative that carries nothing: an empty Optional, a successful Result<void>.
struct Empty {
  friend constexpr bool operator==(Empty, Empty) { return true; }
};

// Tags choosing which alternative a constructor builds.
struct InFirst {};
struct InSecond {};

template <typename T>
inline constexpr bool kTrivialLifetime =
    (std::is_trivially_copy_constructible_v<T> && std::is_trivially_move_constructible_v<T> &&
     std::is_trivially_copy_assignable_v<T> && std::is_trivially_move_assignable_v<T> &&
     std::is_trivially_destructible_v<T>);

// What copying and moving an Either needs from both alternatives.
template <typename A, typename B>
concept BothCopyConstructible = std::is_copy_constructible_v<A> && std::is_copy_constructible_v<B>;

template <typename A, typename B>
concept BothMoveConstructible = std::is_move_constructible_v<A> && std::is_move_constructible_v<B>;

template <typename A, typename B>
concept BothCopyable =
    BothCopyConstructible<A, B> && std::is_copy_assignable_v<A> && std::is_copy_assignable_v<B>;

template <typename A, typename B>
concept BothMovable =
    BothMoveConstructible<A, B> && std::is_move_assignable_v<A> && std::is_move_assignable_v<B>;

// The accessors shared by both storage strategies. Every access checks which alternative
// is live, so a bug in Result or Optional panics instead of reading the wrong member.
template <typename Derived, typename A, typename B>
class EitherAccess {
 public:
  constexpr bool is_first() const { return Self().is_first_; }

  constexpr A& first() & { return Checked(Self(), true).first_; }
  constexpr const A& first() const& { return Checked(Self(), true).first_; }
  constexpr A&& first() && { return std::move(Checked(Self(), true).first_); }
  constexpr B& second() & { return Checked(Self(), false).second_; }
  constexpr const B& second() const& { return Checked(Self(), false).second_; }
  constexpr B&& second() && { return std::move(Checked(Self(), false).second_); }

 private:
  // Only the Either that derives from this may construct it.
  friend Derived;
  constexpr EitherAccess() = default;

  constexpr Derived& Self() { return static_cast<Derived&>(*this); }
  constexpr const Derived& Self() const { return static_cast<const Derived&>(*this); }

  // `self` is always Self() of the calling accessor, never a temporary.
  template <typename D>
  static constexpr D& Checked(D& self, bool want_first) {
    LIBK_ASSERT(self.is_first_ == want_first, "Either accessed through the wrong alternative");
    return self;  // NOLINT(bugprone-return-const-ref-from-parameter): self is *this.
  }
};

// Trivial alternatives: every special member is the implicit, trivial one.
template <typename A, typename B, bool = kTrivialLifetime<A> && kTrivialLifetime<B>>
class Either : public EitherAccess<Either<A, B>, A, B> {
 public:
  template <typename... Args>
  constexpr explicit Either(InFirst, Args&&... args)
      : first_(std::forward<Args>(args)...), is_first_(true) {}
  template <typename... Args>
  constexpr explicit Either(InSecond, Args&&... args)
      : second_(std::forward<Args>(args)...), is_first_(false) {}

  // Replaces the live alternative with a new first (or second) alternative.
  template <typename... Args>
  constexpr A& EmplaceFirst(Args&&... args) {
    *this = Either(InFirst{}, std::forward<Args>(args)...);
    return first_;
  }
  template <typename... Args>
  constexpr B& EmplaceSecond(Args&&... args) {
    *this = Either(InSecond{}, std::forward<Args>(args)...);
    return second_;
  }

 private:
  friend class EitherAccess<Either, A, B>;
  union {
    A first_;
    B second_;
  };
  bool is_first_;  // NOLINT(modernize-use-default-member-init): each constructor sets it.
};

// Non-trivial alternatives: construction and destruction follow the live alternative.
// Invariant: exactly the member named by is_first_ is alive.
template <typename A, typename B>
class Either<A, B, false> : public EitherAccess<Either<A, B>, A, B> {
 public:
  template <typename... Args>
  constexpr explicit Either(InFirst, Args&&... args)
      : first_(std::forward<Args>(args)...), is_first_(true) {}
  template <typename... Args>
  constexpr explicit Either(InSecond, Args&&... args)
      : second_(std::forward<Args>(args)...), is_first_(false) {}

  Either(const Either& other)
    requires BothCopyConstructible<A, B>
      : is_first_(other.is_first_) {
    if (is_first_) {
      ::new (__builtin_addressof(first_)) A(other.first_);
    } else {
      ::new (__builtin_addressof(second_)) B(other.second_);
    }
  }

  Either(Either&& other) noexcept(std::is_nothrow_move_constructible_v<A> &&
                                  std::is_nothrow_move_constructible_v<B>)
    requires BothMoveConstructible<A, B>
      : is_first_(other.is_first_) {
    if (is_first_) {
      ::new (__builtin_addressof(first_)) A(std::move(other.first_));
    } else {
      ::new (__builtin_addressof(second_)) B(std::move(other.second_));
    }
  }

  Either& operator=(const Either& other)
    requires BothCopyable<A, B>
  {
    if (this == &other) return *this;
    if (is_first_ && other.is_first_) {
      first_ = other.first_;
    } else if (!is_first_ && !other.is_first_) {
      second_ = other.second_;
    } else if (other.is_first_) {
      EmplaceFirst(other.first_);
    } else {
      EmplaceSecond(other.second_);
    }
    return *this;
  }

  Either& operator=(Either&& other) noexcept(std::is_nothrow_move_constructible_v<A> &&
                                             std::is_nothrow_move_constructible_v<B> &&
                                             std::is_nothrow_move_assignable_v<A> &&
                                             std::is_nothrow_move_assignable_v<B>)
    requires BothMovable<A, B>
  {
    if (this == &other) return *this;
    if (is_first_ && other.is_first_) {
      first_ = std::move(other.first_);
    } else if (!is_first_ && !other.is_first_) {
      second_ = std::move(other.second_);
    } else if (other.is_first_) {
      EmplaceFirst(std::move(other.first_));
    } else {
      EmplaceSecond(std::move(other.second_));
    }
    return *this;
  }

  constexpr ~Either() { Destroy(); }

  // Replaces the live alternative with a new first (or second) alternative.
  template <typename... Args>
  A& EmplaceFirst(Args&&... args) {
    Destroy();
    ::new (__builtin_addressof(first_)) A(std::forward<Args>(args)...);
    is_first_ = true;
    return first_;
  }
  template <typename... Args>
  B& EmplaceSecond(Args&&... args) {
    Destroy();
    ::new (__builtin_addressof(second_)) B(std::forward<Args>(args)...);
    is_first_ = false;
    return second_;
  }

 private:
  friend class EitherAccess<Either, A, B>;

  constexpr void Destroy() {
    if (is_first_) {
      first_.~A();
    } else {
      second_.~B();
    }
  }

  union {
    A first_;
    B second_;
  };
  bool is_first_;  // NOLINT(modernize-use-default-member-init): each constructor sets it.
};

}  // namespace libk::internal
