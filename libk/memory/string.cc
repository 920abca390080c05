#include "libk/memory/string.h"

#include <cstddef>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/fmt/string_view.h"
#include "libk/memory/allocation.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk {

String::String(String&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)),
      allocation_failed_(std::exchange(other.allocation_failed_, false)) {}

String& String::operator=(String&& other) noexcept {
  if (this != &other) {
    Free();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    allocation_failed_ = std::exchange(other.allocation_failed_, false);
  }
  return *this;
}

String::~String() { Free(); }

Result<String> String::TryFrom(StringView text) {
  String result;
  LIBK_TRY(result.TryAppend(text));
  return result;
}

Result<void> String::TryReserve(std::size_t capacity) {
  if (capacity <= capacity_) return Ok();
  if (capacity >= memory::kMaxAllocationBytes) return Err(Error::kOutOfMemory);
  char* fresh = memory::AllocateArray<char>(capacity + 1);
  if (fresh == nullptr) return Err(Error::kOutOfMemory);
  const std::size_t size = size_;
  for (std::size_t i = 0; i < size; ++i) fresh[i] = data_[i];
  fresh[size] = '\0';
  Free();
  data_ = fresh;
  size_ = size;
  capacity_ = capacity;
  return Ok();
}

Result<void> String::Grow(std::size_t capacity) {
  const std::size_t doubled = capacity_ < 15 ? 15 : (2 * capacity_) + 1;
  return TryReserve(capacity > doubled ? capacity : doubled);
}

Result<void> String::TryAppend(StringView text) {
  if (text.empty()) return Ok();
  if (text.size() > capacity_ - size_) {
    if (text.size() > memory::kMaxAllocationBytes - size_) return Err(Error::kOutOfMemory);
    LIBK_TRY(Grow(size_ + text.size()));
  }
  for (std::size_t i = 0; i < text.size(); ++i) data_[size_ + i] = text[i];
  size_ += text.size();
  data_[size_] = '\0';
  return Ok();
}

void String::Append(StringView text, SourceLocation loc) {
  if (TryAppend(text).is_error()) [[unlikely]] {
    libk::internal::PanicFormatted(loc, "", "String: out of memory appending {} characters to {}",
                                   text.size(), size_);
  }
}

void String::Write(StringView text) {
  if (TryAppend(text).is_error()) allocation_failed_ = true;
}

void String::Clear() {
  size_ = 0;
  if (data_ != nullptr) data_[0] = '\0';
  allocation_failed_ = false;
}

void String::Free() {
  if (data_ != nullptr) {
    // SAFETY: the invariant: data_ came from AllocateArray<char>(capacity_ + 1).
    memory::FreeArray(data_, capacity_ + 1);
  }
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
}

}  // namespace libk
