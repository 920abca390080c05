#include "libk/arch/x86_64/paging/internal/host_invalidate.h"

#include <atomic>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/internal/invalidate.h"

namespace libk::x86_64::paging::internal {
namespace {

std::atomic<std::uint64_t> invalidations{0};
std::atomic<std::uint64_t> last_address{0};

}  // namespace

void InvalidateTlbEntry(VirtAddr address) {
  last_address.store(address.value(), std::memory_order_relaxed);
  invalidations.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t HostTlbInvalidations() { return invalidations.load(std::memory_order_relaxed); }

VirtAddr LastHostTlbInvalidation() {
  return VirtAddr::NewTruncate(last_address.load(std::memory_order_relaxed));
}

}  // namespace libk::x86_64::paging::internal
