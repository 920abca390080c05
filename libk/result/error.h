// The error codes of libk and the kernel: one small enum shared by every fallible
// function, so that errors propagate with LIBK_TRY without conversions. Each fallible
// declaration says which of these it returns and when.
#pragma once

#include <cstdint>

namespace libk {

enum class Error : uint8_t {
  // No memory (heap, frames, or a pool) is left to satisfy the request.
  kOutOfMemory,
  // An argument is outside what the function accepts (a misaligned address, a zero size).
  kInvalidArgument,
  // An index, address or count lies outside the valid range of the object it refers to.
  kOutOfRange,
  // A fixed-capacity container or buffer has no room for another element.
  kFull,
  // A container or queue has nothing to take.
  kEmpty,
  // The object looked up (a key, a tag, a device) does not exist.
  kNotFound,
  // The object being created or mapped is already there.
  kAlreadyExists,
  // Input data violates its format (a bad checksum, a truncated structure).
  kMalformed,
  // The request is valid but this hardware or this build does not support it.
  kUnsupported,
  // The resource is in use; retrying later may succeed.
  kBusy,
  // The operation did not complete before its deadline.
  kTimedOut,
  // The work was cancelled before it completed (a task cancelled while awaited).
  kCancelled,
};

// Every Error value, in declaration order (for tests and tables).
inline constexpr Error kAllErrors[] = {
    Error::kOutOfMemory,   Error::kInvalidArgument, Error::kOutOfRange,
    Error::kFull,          Error::kEmpty,           Error::kNotFound,
    Error::kAlreadyExists, Error::kMalformed,       Error::kUnsupported,
    Error::kBusy,          Error::kTimedOut,        Error::kCancelled,
};

// Returns the name of `error` as written in the enum without the `k` ("OutOfMemory"), or
// "UnknownError" for a value outside the enum.
constexpr const char* ErrorName(Error error) {
  switch (error) {
    case Error::kOutOfMemory:
      return "OutOfMemory";
    case Error::kInvalidArgument:
      return "InvalidArgument";
    case Error::kOutOfRange:
      return "OutOfRange";
    case Error::kFull:
      return "Full";
    case Error::kEmpty:
      return "Empty";
    case Error::kNotFound:
      return "NotFound";
    case Error::kAlreadyExists:
      return "AlreadyExists";
    case Error::kMalformed:
      return "Malformed";
    case Error::kUnsupported:
      return "Unsupported";
    case Error::kBusy:
      return "Busy";
    case Error::kTimedOut:
      return "TimedOut";
    case Error::kCancelled:
      return "Cancelled";
  }
  return "UnknownError";
}

}  // namespace libk
