// Planted for //platforms:check_no_fp_test: floating-point arithmetic, which the kernel's
// flags compile to x87 instructions (SSE is off, x87 is not).
int ScaleByOneAndAHalf(int value) {
  double scaled = value;
  scaled *= 1.5;
  return static_cast<int>(scaled);
}
