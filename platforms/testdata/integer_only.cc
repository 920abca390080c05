// The control for //platforms:check_no_fp_test: integer code, which must pass the check.
int ScaleByOneAndAHalf(int value) { return value + value / 2; }
