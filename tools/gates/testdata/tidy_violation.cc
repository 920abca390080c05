// Planted clang-tidy findings for the gates' self-test (//tools/gates:gates_bite_test and
// `bazel build --config=tidy //tools/gates/testdata:tidy_violation`, which must fail).
// It compiles cleanly; only clang-tidy objects. Not part of //... (tags = ["manual"]).
namespace keel_gates_testdata {

// A parameter named against the house style: readability-identifier-naming.
int Twice(int Value) { return 2 * Value; }

// An integer division whose result is used as a double: bugprone-integer-division.
double Half(int n) { return n / 2; }

}  // namespace keel_gates_testdata
