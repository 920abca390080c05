// Must not compile: an Arc shares its value across CPUs, and an Rc inside it would be
// copied and dropped on several CPUs at once.
#include "libk/memory/arc.h"
#include "libk/memory/rc.h"

void Share(const libk::Rc<int>& local) { auto shared = libk::MakeArc<libk::Rc<int>>(local); }
