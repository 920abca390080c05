// The control for tidy_violation.cc: the same functions without the findings, so the
// self-test shows that clang-tidy objects to the planted findings and not to the setup.
namespace keel_gates_testdata {
namespace {

// Returns twice `value`.
[[maybe_unused]] int Twice(int value) { return 2 * value; }

// Returns half of `n`, rounded towards zero.
[[maybe_unused]] double Half(int n) { return static_cast<double>(n) / 2; }

}  // namespace
}  // namespace keel_gates_testdata
