// Compile-time checks of <type_traits> and <concepts>. The same file is compiled for the
// kernel (libc++ in keel's configuration), against libc++ on the host, and against the
// host's libstdc++, so each expectation holds in two independent implementations.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace keel_std_checks {
namespace {

struct Empty {};
struct Base {
  virtual ~Base() = default;
};
struct Derived : Base {};
struct PrivateBase : private Empty {};
struct Trivial {
  int a;
  char b;
};
struct NonTrivialDtor {
  ~NonTrivialDtor() {}
};
struct ThrowingDtor {
  ~ThrowingDtor() noexcept(false) {}
};
struct PrivateDtor {
 private:
  ~PrivateDtor() = default;
};
struct ThrowingMove {
  ThrowingMove(ThrowingMove&&) noexcept(false) {}
  ThrowingMove& operator=(ThrowingMove&&) noexcept(false) { return *this; }
};
struct NoDefault {
  explicit NoDefault(int) {}
};
struct Padded {
  char c;
  int i;
};
struct Abstract {
  virtual void F() = 0;
};
struct Final final {};
struct Aggregate {
  int x;
  int y[2];
};
struct ExplicitFromInt {
  explicit ExplicitFromInt(int) {}
};
struct Callable {
  int operator()(int) const noexcept { return 0; }
  long operator()(char*) { return 0; }
};
struct Widget {
  int member;
  int Get(long) const noexcept { return member; }
  int& Ref() & { return member; }
};
union Union {
  int i;
  long l;
};
enum Unscoped : short { kUnscoped };
enum class Scoped : unsigned long long { kScoped };
enum class Small : std::uint8_t { kSmall };
using Function = int(long);

// --- integral_constant, logic ----------------------------------------------------------
static_assert(std::integral_constant<int, 3>::value == 3);
static_assert(std::integral_constant<int, 3>{}() == 3);
static_assert(std::true_type::value && !std::false_type::value);
static_assert(std::is_same_v<std::bool_constant<true>, std::true_type>);
static_assert(std::conjunction_v<> && std::conjunction_v<std::true_type, std::true_type>);
static_assert(!std::conjunction_v<std::true_type, std::false_type>);
static_assert(!std::disjunction_v<> && std::disjunction_v<std::false_type, std::true_type>);
static_assert(std::negation_v<std::false_type>);
static_assert(std::is_same_v<std::conditional_t<true, int, long>, int>);
static_assert(std::is_same_v<std::conditional_t<false, int, long>, long>);
static_assert(std::is_same_v<std::enable_if_t<true>, void>);
static_assert(std::is_same_v<std::enable_if_t<true, int>, int>);
static_assert(std::is_same_v<std::void_t<int, long>, void>);
static_assert(std::is_same_v<std::type_identity_t<int[3]>, int[3]>);

// --- transformations -------------------------------------------------------------------
static_assert(std::is_same_v<std::remove_cv_t<const volatile int>, int>);
static_assert(std::is_same_v<std::remove_cv_t<const int*>, const int*>);
static_assert(std::is_same_v<std::remove_const_t<const volatile int>, volatile int>);
static_assert(std::is_same_v<std::remove_reference_t<int&&>, int>);
static_assert(std::is_same_v<std::remove_cvref_t<const int&>, int>);
static_assert(std::is_same_v<std::remove_cvref_t<const int (&)[2]>, int[2]>);
static_assert(std::is_same_v<std::remove_pointer_t<int* const>, int>);
static_assert(std::is_same_v<std::remove_pointer_t<int**>, int*>);
static_assert(std::is_same_v<std::remove_extent_t<int[2][3]>, int[3]>);
static_assert(std::is_same_v<std::remove_all_extents_t<int[2][3]>, int>);
static_assert(std::is_same_v<std::add_const_t<int&>, int&>);
static_assert(std::is_same_v<std::add_const_t<int*>, int* const>);
static_assert(std::is_same_v<std::add_pointer_t<int&>, int*>);
static_assert(std::is_same_v<std::add_pointer_t<Function>, int (*)(long)>);
static_assert(std::is_same_v<std::add_lvalue_reference_t<int&&>, int&>);
static_assert(std::is_same_v<std::add_lvalue_reference_t<void>, void>);
static_assert(std::is_same_v<std::add_rvalue_reference_t<int&>, int&>);
static_assert(std::is_same_v<std::add_rvalue_reference_t<const void>, const void>);
static_assert(std::is_same_v<std::decay_t<const int&>, int>);
static_assert(std::is_same_v<std::decay_t<int[3]>, int*>);
static_assert(std::is_same_v<std::decay_t<const char (&)[4]>, const char*>);
static_assert(std::is_same_v<std::decay_t<Function>, int (*)(long)>);
static_assert(std::is_same_v<decltype(std::declval<int>()), int&&>);
static_assert(std::is_same_v<std::underlying_type_t<Scoped>, unsigned long long>);
static_assert(std::is_same_v<std::underlying_type_t<Unscoped>, short>);
static_assert(std::is_same_v<std::make_unsigned_t<int>, unsigned int>);
static_assert(std::is_same_v<std::make_unsigned_t<const long>, const unsigned long>);
static_assert(std::is_same_v<std::make_unsigned_t<char>, unsigned char>);
static_assert(std::is_same_v<std::make_unsigned_t<char16_t>, unsigned short>);
static_assert(std::is_same_v<std::make_unsigned_t<Small>, unsigned char>);
static_assert(std::is_same_v<std::make_signed_t<unsigned long long>, long long>);
static_assert(std::is_same_v<std::make_signed_t<volatile unsigned char>, volatile signed char>);
static_assert(std::is_same_v<std::make_signed_t<Scoped>, long>);
static_assert(std::is_same_v<std::common_type_t<int>, int>);
static_assert(std::is_same_v<std::common_type_t<int, long, short>, long>);
static_assert(std::is_same_v<std::common_type_t<const int&, int&&>, int>);
static_assert(std::is_same_v<std::common_type_t<unsigned, int>, unsigned>);
static_assert(std::is_same_v<std::common_type_t<Derived*, Base*>, Base*>);
static_assert(std::is_same_v<std::common_type_t<void, void>, void>);
static_assert(std::is_same_v<std::common_type_t<int*, std::nullptr_t>, int*>);

// SFINAE-friendliness: no `type` member rather than a hard error.
template <typename T>
concept HasType = requires { typename T::type; };
static_assert(!HasType<std::common_type<int, Empty>>);
static_assert(!HasType<std::common_type<>>);
static_assert(!HasType<std::underlying_type<int>>);
static_assert(!HasType<std::invoke_result<int, int>>);

// --- categories ------------------------------------------------------------------------
static_assert(std::is_void_v<const void> && !std::is_void_v<void*>);
static_assert(std::is_null_pointer_v<std::nullptr_t>);
static_assert(std::is_integral_v<bool> && std::is_integral_v<const char8_t>);
static_assert(std::is_integral_v<wchar_t> && std::is_integral_v<unsigned long long>);
static_assert(!std::is_integral_v<Small> && !std::is_integral_v<int*>);
static_assert(!std::is_integral_v<int&>);
static_assert(std::is_floating_point_v<double> && !std::is_floating_point_v<int>);
static_assert(std::is_signed_v<int> && std::is_signed_v<char> && !std::is_signed_v<bool>);
static_assert(std::is_unsigned_v<bool> && std::is_unsigned_v<char16_t>);
static_assert(!std::is_signed_v<Scoped> && !std::is_unsigned_v<Scoped>);
static_assert(std::is_enum_v<Scoped> && std::is_enum_v<Unscoped> && !std::is_enum_v<int>);
static_assert(std::is_class_v<Empty> && !std::is_class_v<Union> && !std::is_class_v<Scoped>);
static_assert(std::is_union_v<Union> && !std::is_union_v<Empty>);
static_assert(std::is_pointer_v<int* const> && !std::is_pointer_v<int Widget::*>);
static_assert(!std::is_pointer_v<std::nullptr_t>);
static_assert(std::is_reference_v<int&> && std::is_reference_v<int&&>);
static_assert(std::is_lvalue_reference_v<int&> && !std::is_lvalue_reference_v<int&&>);
static_assert(std::is_rvalue_reference_v<int&&> && !std::is_rvalue_reference_v<int&>);
static_assert(std::is_array_v<int[]> && std::is_array_v<int[2][3]> && !std::is_array_v<int*>);
static_assert(std::is_bounded_array_v<int[2]> && !std::is_bounded_array_v<int[]>);
static_assert(std::is_unbounded_array_v<int[]> && !std::is_unbounded_array_v<int[2]>);
static_assert(std::rank_v<int[2][3]> == 2 && std::extent_v<int[2][3], 1> == 3);
static_assert(std::extent_v<int[]> == 0 && std::extent_v<int> == 0);
static_assert(std::is_function_v<Function> && std::is_function_v<void() const&>);
static_assert(!std::is_function_v<Function*> && !std::is_function_v<Function&>);
static_assert(!std::is_function_v<Callable>);
static_assert(std::is_member_function_pointer_v<decltype(&Widget::Get)>);
static_assert(std::is_member_object_pointer_v<decltype(&Widget::member)>);
static_assert(std::is_member_pointer_v<int Widget::* const>);
static_assert(std::is_const_v<const int> && !std::is_const_v<const int*>);
static_assert(!std::is_const_v<const int&>);
static_assert(std::is_volatile_v<volatile int>);
static_assert(std::is_arithmetic_v<bool> && !std::is_arithmetic_v<Small>);
static_assert(std::is_fundamental_v<std::nullptr_t> && std::is_fundamental_v<void>);
static_assert(std::is_scalar_v<Small> && std::is_scalar_v<int Widget::*>);
static_assert(std::is_object_v<int[]> && !std::is_object_v<int&> && !std::is_object_v<void>);
static_assert(std::is_compound_v<int*> && !std::is_compound_v<int>);

// --- properties ------------------------------------------------------------------------
static_assert(std::is_trivially_copyable_v<Trivial> && !std::is_trivially_copyable_v<Base>);
static_assert(!std::is_trivially_copyable_v<ThrowingMove>);
static_assert(std::is_trivial_v<Trivial> && !std::is_trivial_v<NoDefault>);
static_assert(std::is_standard_layout_v<Trivial> && !std::is_standard_layout_v<Base>);
static_assert(std::is_empty_v<Empty> && !std::is_empty_v<Trivial> && !std::is_empty_v<Union>);
static_assert(std::is_polymorphic_v<Derived> && !std::is_polymorphic_v<Empty>);
static_assert(std::is_abstract_v<Abstract> && std::is_final_v<Final>);
static_assert(std::is_aggregate_v<Aggregate> && std::is_aggregate_v<int[2]>);
static_assert(std::is_aggregate_v<const Aggregate> && !std::is_aggregate_v<NoDefault>);
static_assert(std::has_virtual_destructor_v<Derived> && !std::has_virtual_destructor_v<Empty>);
static_assert(std::alignment_of_v<std::uint64_t> == 8 && std::alignment_of<char>::value == 1);
static_assert(std::has_unique_object_representations_v<int>);
static_assert(std::has_unique_object_representations_v<const Trivial[2]> == false);
static_assert(!std::has_unique_object_representations_v<Padded>);
static_assert(std::has_unique_object_representations_v<Small[4]>);

static_assert(std::is_constructible_v<int, long> && !std::is_constructible_v<int*, long>);
static_assert(std::is_constructible_v<ExplicitFromInt, int>);
static_assert(std::is_constructible_v<Aggregate> && !std::is_constructible_v<NoDefault>);
static_assert(std::is_constructible_v<const int&, long>);
static_assert(!std::is_constructible_v<int&, long>);
static_assert(std::is_default_constructible_v<Trivial> && !std::is_default_constructible_v<int&>);
static_assert(std::is_copy_constructible_v<Trivial> && !std::is_copy_constructible_v<ThrowingMove>);
static_assert(std::is_move_constructible_v<ThrowingMove>);
static_assert(!std::is_move_constructible_v<void>);
static_assert(std::is_copy_assignable_v<int> && !std::is_copy_assignable_v<const int>);
static_assert(std::is_move_assignable_v<ThrowingMove> && !std::is_copy_assignable_v<ThrowingMove>);
static_assert(std::is_assignable_v<int&, long> && !std::is_assignable_v<int, int>);
static_assert(std::is_destructible_v<int&> && std::is_destructible_v<Trivial[3]>);
static_assert(!std::is_destructible_v<void> && !std::is_destructible_v<int[]>);
static_assert(!std::is_destructible_v<Function> && !std::is_destructible_v<PrivateDtor>);
static_assert(std::is_destructible_v<ThrowingDtor> &&
              !std::is_nothrow_destructible_v<ThrowingDtor>);
static_assert(std::is_nothrow_destructible_v<int> && std::is_nothrow_destructible_v<Base>);
static_assert(std::is_trivially_destructible_v<Trivial> && std::is_trivially_destructible_v<int&>);
static_assert(!std::is_trivially_destructible_v<NonTrivialDtor>);
static_assert(std::is_trivially_default_constructible_v<Trivial>);
static_assert(!std::is_trivially_default_constructible_v<Base>);
static_assert(std::is_trivially_constructible_v<int, const int&>);
static_assert(std::is_trivially_copy_constructible_v<Trivial>);
static_assert(std::is_trivially_move_assignable_v<Trivial>);
static_assert(!std::is_trivially_copy_assignable_v<ThrowingMove>);
static_assert(std::is_nothrow_constructible_v<Trivial> &&
              !std::is_nothrow_constructible_v<NoDefault, int>);
static_assert(std::is_nothrow_default_constructible_v<int>);
static_assert(std::is_nothrow_copy_constructible_v<Trivial>);
static_assert(!std::is_nothrow_move_constructible_v<ThrowingMove>);
static_assert(std::is_nothrow_move_assignable_v<int> &&
              !std::is_nothrow_move_assignable_v<ThrowingMove>);
static_assert(std::is_nothrow_copy_assignable_v<Trivial>);
static_assert(std::is_nothrow_assignable_v<int&, int>);

// --- relations -------------------------------------------------------------------------
static_assert(std::is_base_of_v<Base, Derived> && std::is_base_of_v<Base, Base>);
static_assert(std::is_base_of_v<Empty, PrivateBase> && !std::is_base_of_v<Derived, Base>);
static_assert(!std::is_base_of_v<int, int>);
static_assert(std::is_convertible_v<Derived*, Base*> && !std::is_convertible_v<Base*, Derived*>);
static_assert(!std::is_convertible_v<PrivateBase*, Empty*>);
static_assert(std::is_convertible_v<void, void> && !std::is_convertible_v<int, void>);
static_assert(!std::is_convertible_v<int, ExplicitFromInt>);
static_assert(!std::is_convertible_v<int, int[1]> && !std::is_convertible_v<Function, Function>);
static_assert(std::is_convertible_v<Function, Function*> && std::is_convertible_v<int[2], int*>);
static_assert(std::is_nothrow_convertible_v<int, long>);
static_assert(std::is_nothrow_convertible_v<void, void> &&
              !std::is_nothrow_convertible_v<int, void>);

// --- invoke ----------------------------------------------------------------------------
static_assert(std::is_same_v<std::invoke_result_t<Callable, int>, int>);
static_assert(std::is_same_v<std::invoke_result_t<Callable&, char*>, long>);
static_assert(!std::is_invocable_v<const Callable, char*>);
static_assert(std::is_nothrow_invocable_v<Callable, int> &&
              !std::is_nothrow_invocable_v<Callable, char*>);
static_assert(std::is_invocable_r_v<long, Callable, int> &&
              std::is_invocable_r_v<void, Callable, int>);
static_assert(!std::is_invocable_r_v<int*, Callable, int>);
static_assert(std::is_nothrow_invocable_r_v<long, Callable, int>);
static_assert(std::is_same_v<std::invoke_result_t<Function*, int>, int>);
static_assert(
    std::is_same_v<std::invoke_result_t<decltype(&Widget::Get), const Widget&, int>, int>);
static_assert(std::is_same_v<std::invoke_result_t<decltype(&Widget::Get), Widget*, long>, int>);
static_assert(std::is_nothrow_invocable_v<decltype(&Widget::Get), Widget*, long>);
static_assert(std::is_invocable_v<decltype(&Widget::Ref), Widget&>);
static_assert(!std::is_invocable_v<decltype(&Widget::Ref), Widget&&>);
static_assert(std::is_same_v<std::invoke_result_t<int Widget::*, const Widget&>, const int&>);
static_assert(std::is_same_v<std::invoke_result_t<int Widget::*, Widget>, int&&>);
static_assert(std::is_same_v<std::invoke_result_t<int Widget::*, Widget*>, int&>);
static_assert(!std::is_invocable_v<int Widget::*, Widget&, int>);
static_assert(!std::is_invocable_v<int Widget::*, int*>);

// --- is_constant_evaluated -------------------------------------------------------------
constexpr bool InConstantEvaluation() { return std::is_constant_evaluated(); }
static_assert(InConstantEvaluation());

// --- concepts --------------------------------------------------------------------------
static_assert(std::same_as<int, int> && !std::same_as<int, const int>);
static_assert(std::derived_from<Derived, Base> && !std::derived_from<PrivateBase, Empty>);
static_assert(!std::derived_from<int, int>);
static_assert(std::convertible_to<Derived*, Base*> && !std::convertible_to<int, ExplicitFromInt>);
static_assert(std::integral<char> && !std::integral<float>);
static_assert(std::signed_integral<long> && !std::signed_integral<unsigned>);
static_assert(std::unsigned_integral<bool> && std::unsigned_integral<unsigned char>);
static_assert(std::floating_point<long double> && !std::floating_point<int>);
static_assert(std::destructible<int&> && !std::destructible<ThrowingDtor>);
static_assert(std::constructible_from<ExplicitFromInt, int>);
static_assert(!std::constructible_from<PrivateDtor>);
static_assert(std::default_initializable<Trivial> && !std::default_initializable<NoDefault>);
static_assert(!std::default_initializable<const int>);
static_assert(std::move_constructible<ThrowingMove> && !std::copy_constructible<ThrowingMove>);
static_assert(std::copy_constructible<Trivial> && std::copy_constructible<int&>);
static_assert(std::invocable<Callable, int> && !std::invocable<Callable, Empty>);
static_assert(std::regular_invocable<decltype(&Widget::Get), Widget&, long>);
static_assert(std::predicate<Callable, int> && !std::predicate<Callable, Empty>);
static_assert(!std::relation<bool (*)(int, int), int, Empty>);
static_assert(std::relation<bool (*)(long, long), int, long>);
static_assert(std::equality_comparable<int> && !std::equality_comparable<Trivial>);
static_assert(std::totally_ordered<int*> && !std::totally_ordered<Trivial>);

}  // namespace
}  // namespace keel_std_checks
