// Planted clang-tidy finding that exists only in the kernel configuration, for
// `bazel build --config=tidy //tools/gates/testdata:tidy_violation_kernel` (must fail): it
// shows that the aspect crosses kernel_binary's transition and uses the bare-metal flags.
#ifdef __KEEL_KERNEL__
namespace keel_gates_testdata {

// A parameter named against the house style: readability-identifier-naming.
int KernelOnly(int BadName) { return BadName; }

}  // namespace keel_gates_testdata
#endif
