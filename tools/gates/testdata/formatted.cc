// The control for misformatted.cc: the same code, formatted, which format_check.py accepts.
namespace keel_gates_testdata {

int Add(int a, int b) { return a + b; }

}  // namespace keel_gates_testdata
