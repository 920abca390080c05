// Makes the nothrow forms of global operator new fail on demand, so tests can reach the
// out-of-memory paths of the owning types the way the kernel heap would: nothrow new
// returning null. Link //libk/memory:failing_new into the test; it replaces every global
// operator new and delete (over malloc and free, so ASan still checks the memory).
#pragma once

namespace libk::testing {

// While alive, lets `successes` more nothrow allocations succeed and makes every later
// one return null. Not for use from several threads.
class NothrowNewFailure {
 public:
  explicit NothrowNewFailure(int successes = 0);
  NothrowNewFailure(const NothrowNewFailure&) = delete;
  NothrowNewFailure& operator=(const NothrowNewFailure&) = delete;
  ~NothrowNewFailure();

  // Returns how many nothrow allocations returned null because of this guard.
  int refused() const;
};

}  // namespace libk::testing
