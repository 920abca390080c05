// Planted: inline assembly outside raw/ (a violation on the asm line only).
// asm("hlt") in a comment and "asm(" in a string are not code.
const char* kText = "asm(\"cli\")";

void Spin() { __asm__ __volatile__("pause"); }
