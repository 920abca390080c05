// Planted for //platforms:check_no_fp_test: a function that turns SSE back on for itself,
// so its floating-point arithmetic compiles to SSE instructions despite -mno-sse.
[[gnu::target("sse2")]] int ScaleByOneAndAHalf(int value) { return static_cast<int>(value * 1.5); }
