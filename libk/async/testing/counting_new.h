// A replacement for the global operator new and delete (link //libk/async/testing:
// counting_new) that counts live allocations and bytes, and can be told to fail: the
// tests of frame allocation failure and the bytes-per-task benchmark use it. Every form of
// operator new goes through malloc, so AddressSanitizer still sees leaks.
#pragma once

#include <cstddef>
#include <cstdint>

namespace libk::async::testing {

struct AllocationCounts {
  std::int64_t live_allocations;
  std::int64_t live_bytes;
  std::uint64_t total_allocations;
  std::uint64_t failed_allocations;
};

// Returns the counts so far.
AllocationCounts Allocations();

// Makes allocations fail: the next `successes` allocations succeed, then `failures` fail
// (the throwing forms throw std::bad_alloc, the nothrow forms return null), then all
// succeed again. FailAllocations(0, 0) restores normal service.
void FailAllocations(std::uint64_t successes, std::uint64_t failures);

// Fails allocations as FailAllocations says for its lifetime, then restores them.
class ScopedAllocationFailure {
 public:
  ScopedAllocationFailure(std::uint64_t successes, std::uint64_t failures) {
    FailAllocations(successes, failures);
  }
  ScopedAllocationFailure(const ScopedAllocationFailure&) = delete;
  ScopedAllocationFailure& operator=(const ScopedAllocationFailure&) = delete;
  ~ScopedAllocationFailure() { FailAllocations(0, 0); }
};

}  // namespace libk::async::testing
