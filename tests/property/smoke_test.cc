#include <rapidcheck.h>
int main() {
  return rc::check("add commutes", [](int a, int b) { RC_ASSERT(a + b == b + a); }) ? 0 : 1;
}
