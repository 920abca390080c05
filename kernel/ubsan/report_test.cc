// The words for each failed check, from records laid out as clang lays them out (abi.h).
// The QEMU tests (tests/integration/ubsan_*.cc) check the same against real compiler output.
#include "kernel/ubsan/report.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"

#include "kernel/ubsan/abi.h"

namespace kernel::ubsan {
namespace {

// A descriptor followed by its name, as the compiler emits it.
template <std::size_t N>
struct TestType {
  TypeDescriptor header;
  char name[N];
};

constexpr std::uint16_t Integer(unsigned log2_width, bool is_signed) {
  return static_cast<std::uint16_t>((log2_width << 1) | (is_signed ? 1 : 0));
}

constexpr TestType<6> kInt{{TypeDescriptor::kInteger, Integer(5, true)}, "'int'"};
constexpr TestType<15> kUnsigned{{TypeDescriptor::kInteger, Integer(5, false)}, "'unsigned int'"};
constexpr TestType<7> kLong{{TypeDescriptor::kInteger, Integer(6, true)}, "'long'"};
constexpr TestType<11> kInt128{{TypeDescriptor::kInteger, Integer(7, true)}, "'__int128'"};
constexpr TestType<7> kBool{{TypeDescriptor::kInteger, Integer(3, false)}, "'bool'"};
constexpr TestType<9> kArray{{TypeDescriptor::kUnknown, 0}, "'int[4]'"};
constexpr TestType<4> kStruct{{TypeDescriptor::kUnknown, 0}, "'S'"};

constexpr SourceLocation kHere{"kernel/ubsan/report_test.cc", 10, 20};
constexpr SourceLocation kAttribute{"kernel/x.h", 3, 4};

ValueHandle Value(std::uint64_t bits) {
  // SAFETY: a value up to 64 bits travels in the handle's bits; the report never
  // dereferences such a handle.
  return std::bit_cast<ValueHandle>(std::uintptr_t{bits});
}

class StringSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { text_.append(text.data(), text.size()); }
  std::string text() const { return text_; }

 private:
  std::string text_;
};

template <typename Fn>
std::string Describe(Fn describe) {
  StringSink sink;
  describe(sink);
  return sink.text();
}

TEST(Report, Shifts) {
  const ShiftOutOfBoundsData data{kHere, &kInt.header, &kInt.header};
  const auto shift = [&](std::uint64_t left, std::uint64_t right) {
    return Describe(
        [&](libk::Sink& out) { DescribeShiftOutOfBounds(out, data, Value(left), Value(right)); });
  };
  EXPECT_EQ(shift(1, 40), "shift exponent 40 is too large for 32-bit type 'int'");
  // A 32-bit -1 arrives zero-extended; it is sign-extended from the type's width.
  EXPECT_EQ(shift(1, 0xffffffff), "shift exponent -1 is negative");
  EXPECT_EQ(shift(0xfffffffe, 3), "left shift of negative value -2");
  EXPECT_EQ(shift(3, 31), "left shift of 3 by 31 places cannot be represented in type 'int'");
}

TEST(Report, ArithmeticOverflow) {
  const OverflowData data{kHere, &kInt.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeOverflow(out, data, Operation::kAdd, Value(0x7fffffff), Value(1));
            }),
            "signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'");
  const OverflowData wide{kHere, &kLong.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeOverflow(out, wide, Operation::kMultiply, Value(1ULL << 62), Value(-4ULL));
            }),
            "signed integer overflow: 4611686018427387904 * -4 cannot be represented in type "
            "'long'");
  EXPECT_EQ(
      Describe([&](libk::Sink& out) { DescribeNegateOverflow(out, data, Value(0x80000000)); }),
      "negation of -2147483648 cannot be represented in type 'int'");
  EXPECT_EQ(
      Describe([&](libk::Sink& out) { DescribeDivisionOverflow(out, data, Value(7), Value(0)); }),
      "division of 7 by zero");
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeDivisionOverflow(out, data, Value(0x80000000), Value(0xffffffff));
            }),
            "division of -2147483648 by -1 cannot be represented in type 'int'");
  const OverflowData unsigned_data{kHere, &kUnsigned.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeOverflow(out, unsigned_data, Operation::kSubtract, Value(1), Value(2));
            }),
            "unsigned integer overflow: 1 - 2 cannot be represented in type 'unsigned int'");
}

TEST(Report, WideValuesArePassedByAddressAndPrintedInHex) {
  const OverflowData data{kHere, &kInt128.header};
  const unsigned __int128 left = (static_cast<unsigned __int128>(1) << 126) + 5;
  const unsigned __int128 right = static_cast<unsigned __int128>(1) << 126;
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeOverflow(out, data, Operation::kAdd, &left, &right);
            }),
            "signed integer overflow: 0x40000000000000000000000000000005 + "
            "0x40000000000000000000000000000000 cannot be represented in type '__int128'");
}

TEST(Report, Bounds) {
  const OutOfBoundsData data{kHere, &kArray.header, &kLong.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeOutOfBounds(out, data, Value(-1ULL)); }),
            "index -1 out of bounds for type 'int[4]'");
}

TEST(Report, TypeMismatch) {
  const TypeMismatchData load{kHere, &kInt.header, 2, 0};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeTypeMismatch(out, load, nullptr); }),
            "load of null pointer of type 'int'");
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeTypeMismatch(out, load, Value(0x1002)); }),
            "load of misaligned address 0x1002 for type 'int', which requires 4-byte alignment");
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeTypeMismatch(out, load, Value(0x1000)); }),
            "load of address 0x1000 with insufficient space for an object of type 'int'");
  const TypeMismatchData member{kHere, &kStruct.header, 3, 3};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeTypeMismatch(out, member, nullptr); }),
            "member access within null pointer of type 'S'");
}

TEST(Report, InvalidValuesAndBuiltins) {
  const InvalidValueData data{kHere, &kBool.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeInvalidValue(out, data, Value(5)); }),
            "load of value 5, which is not a valid value for type 'bool'");
  const InvalidBuiltinData clz{kHere, 1};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeInvalidBuiltin(out, clz); }),
            "passing zero to __builtin_clz(), which is not a valid argument");
  const VlaBoundData vla{kHere, &kInt.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeVlaBound(out, vla, Value(0xfffffffd)); }),
            "variable length array bound evaluates to non-positive value -3");
}

TEST(Report, NullArgumentsAndReturns) {
  const NonNullArgData argument{kHere, kAttribute, 2};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeNonNullArgument(out, argument); }),
            "null pointer passed as argument 2, which is declared to never be null (nonnull "
            "attribute at kernel/x.h:3:4)");
  const NonNullReturnData result{kAttribute};
  EXPECT_EQ(Describe([&](libk::Sink& out) { DescribeNonNullReturn(out, result); }),
            "null pointer returned from a function declared to never return null "
            "(returns_nonnull attribute at kernel/x.h:3:4)");
}

TEST(Report, PointerOverflow) {
  const auto overflow = [](std::uint64_t base, std::uint64_t result) {
    return Describe(
        [&](libk::Sink& out) { DescribePointerOverflow(out, Value(base), Value(result)); });
  };
  EXPECT_EQ(overflow(0, 0x10), "applying non-zero offset 0x10 to null pointer");
  EXPECT_EQ(overflow(0x10, 0),
            "applying non-zero offset to non-null pointer 0x10 produced null pointer");
  EXPECT_EQ(overflow(0xffffffff80000010, 0xffffffff80000000),
            "addition of unsigned offset to 0xffffffff80000010 overflowed to 0xffffffff80000000");
  EXPECT_EQ(overflow(0x1000, 0x2000),
            "subtraction of unsigned offset from 0x1000 overflowed to 0x2000");
  EXPECT_EQ(overflow(0xffffffff80000000, 0x10),
            "pointer index expression with base 0xffffffff80000000 overflowed to 0x10");
}

TEST(Report, AlignmentAssumption) {
  const AlignmentAssumptionData data{kHere, kAttribute, &kInt.header};
  EXPECT_EQ(Describe([&](libk::Sink& out) {
              DescribeAlignmentAssumption(out, data, Value(0x1004), Value(64), nullptr);
            }),
            "assumption of 64-byte alignment for pointer 0x1004 failed (assumed at "
            "kernel/x.h:3:4)");
}

}  // namespace
}  // namespace kernel::ubsan
