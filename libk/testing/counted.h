// Test element types that count their live instances and detect use after destruction,
// so container and Result tests can prove there are no leaks and no double destroys.
#pragma once

#include <cstdint>
#include <utility>

namespace libk::testing {

// A copyable int wrapper. Every constructor adds one to live(), the destructor subtracts
// one; destroying or using an object that is not alive counts an error().
class Counted {
 public:
  Counted(int value = 0) : value_(value) { ++live_; }
  Counted(const Counted& other) : value_(other.value()) { ++live_; }
  Counted(Counted&& other) noexcept : value_(other.value()) {
    other.value_ = kMovedFrom;
    ++live_;
  }
  Counted& operator=(const Counted& other) {  // NOLINT(cert-oop54-cpp): self-copy is harmless.
    Check();
    value_ = other.value();
    return *this;
  }
  Counted& operator=(Counted&& other) noexcept {
    Check();
    value_ = other.value();
    other.value_ = kMovedFrom;
    return *this;
  }
  ~Counted() {
    Check();
    magic_ = kDead;
    --live_;
  }

  int value() const {
    Check();
    return value_;
  }
  friend bool operator==(const Counted& a, const Counted& b) { return a.value() == b.value(); }

  // Returns how many Counted objects are alive now.
  static int live() { return live_; }
  // Returns how many times a dead object was used or destroyed.
  static int errors() { return errors_; }

  static constexpr int kMovedFrom = -12345;

 private:
  static constexpr uint32_t kAlive = 0xa11ce;
  static constexpr uint32_t kDead = 0xdead;

  // Reading a destroyed object's magic number is the point: it detects use after destroy.
  void Check() const {
    if (magic_ != kAlive) ++errors_;  // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
  }

  static inline int live_ = 0;
  static inline int errors_ = 0;
  int value_;
  uint32_t magic_ = kAlive;
};

// A move-only Counted.
class MoveOnly {
 public:
  MoveOnly(int value = 0) : counted_(value) {}
  MoveOnly(MoveOnly&&) = default;
  MoveOnly& operator=(MoveOnly&&) = default;
  MoveOnly(const MoveOnly&) = delete;
  ~MoveOnly() = default;
  MoveOnly& operator=(const MoveOnly&) = delete;

  int value() const { return counted_.value(); }
  friend bool operator==(const MoveOnly& a, const MoveOnly& b) { return a.value() == b.value(); }

 private:
  Counted counted_;
};

}  // namespace libk::testing
