// The kernel is built without SSE: the x86-64 ABI returns a double in an SSE register, so a
// function returning one is rejected.
double Half(int value) { return value / 2.0; }
