// Must not compile: passes an Rc where an Arc is required; nothing converts one into the
// other.
#include "libk/memory/arc.h"
#include "libk/memory/rc.h"

int Read(libk::Arc<int> shared) { return *shared; }

int Pass() { return Read(libk::MakeRc<int>(1)); }
