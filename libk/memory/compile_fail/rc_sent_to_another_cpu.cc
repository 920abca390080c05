// Must not compile: hands an Rc, whose counts are not atomic, to code that may run it on
// another CPU (any function that requires Send, such as a cross-CPU queue's Push).
#include <utility>

#include "libk/memory/rc.h"
#include "libk/memory/send.h"

template <libk::Send T>
void RunOnAnotherCpu(T value) {
  (void)value;
}

void Share() { RunOnAnotherCpu(libk::MakeRc<int>(1)); }
