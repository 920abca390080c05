// A 2 MiB frame made straight from an address, skipping the alignment check: there is no
// public constructor, only FromStartAddress (a Result) and Containing (rounds down).
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)

PhysFrame<Size2MiB> Unchecked() { return PhysFrame<Size2MiB>(PhysAddr::New(0x201000)); }
