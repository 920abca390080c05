// Compiles cleanly; compile_fail_test must report that as a failure.
int Answer() { return 42; }
