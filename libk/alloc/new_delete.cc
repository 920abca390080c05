// The kernel's global operator new and delete, in every form <new> declares, over the
// global heap (whichever design the binary links: :global_bump, :global_linked_list or
// :global_fixed_block).
//
// Each block carries a 16-byte header just below the pointer handed out, recording the
// request's size and alignment. Unsized delete (delete of an incomplete type, delete[] of
// trivially destructible elements) needs it to give the allocator back its size; sized
// delete checks its size against it, so a delete through the wrong type panics at once
// instead of corrupting a free list.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>

#include "libk/alloc/global_heap.h"
#include "libk/alloc/region.h"
#include "libk/base/source_location.h"
#include "libk/panic/panic.h"

namespace {

using libk::alloc::BytesOf;

// What the header remembers about a block.
struct Header {
  std::size_t size;
  std::size_t align;
};
static_assert(sizeof(Header) == 16);

// Returns the alignment a request really gets: at least the default new alignment.
constexpr std::size_t EffectiveAlign(std::size_t align) {
  return align < __STDCPP_DEFAULT_NEW_ALIGNMENT__ ? __STDCPP_DEFAULT_NEW_ALIGNMENT__ : align;
}

// Returns the bytes in front of the object: the header, padded to keep the object aligned.
constexpr std::size_t FrontBytes(std::size_t align) {
  return align < sizeof(Header) ? sizeof(Header) : align;
}

// Returns the object's address inside `block` (null stays null), after writing its header.
void* Finish(void* block, std::size_t size, std::size_t align) {
  if (block == nullptr) return nullptr;
  std::byte* object = BytesOf(block) + FrontBytes(align);
  const Header header{.size = size, .align = align};
  std::memcpy(object - sizeof(Header), &header, sizeof(Header));
  return object;
}

// Returns a request's total size, or panics at `loc` when it cannot be represented.
std::size_t TotalBytes(std::size_t size, std::size_t align, libk::SourceLocation loc) {
  if (size > libk::alloc::kMaxRequest) {
    libk::internal::PanicFormatted(loc, "", "operator new: {} bytes is beyond any heap", size);
  }
  return FrontBytes(align) + (size == 0 ? 1 : size);
}

void* NewOrPanic(std::size_t size, std::size_t requested_align,
                 libk::SourceLocation loc = libk::SourceLocation::Current()) {
  const std::size_t align = EffectiveAlign(requested_align);
  const std::size_t total = TotalBytes(size, align, loc);
  return Finish(libk::alloc::global_heap::AllocateOrPanic(total, align, loc), size, align);
}

void* NewOrNull(std::size_t size, std::size_t requested_align) noexcept {
  const std::size_t align = EffectiveAlign(requested_align);
  if (size > libk::alloc::kMaxRequest) return nullptr;
  const std::size_t total = FrontBytes(align) + (size == 0 ? 1 : size);
  return Finish(libk::alloc::global_heap::Allocate(total, align), size, align);
}

// The size and alignment delete was told, where it was told them (0 = not told).
struct Told {
  std::size_t size = 0;
  std::size_t align = 0;
};

void Delete(void* object, Told told,
            libk::SourceLocation loc = libk::SourceLocation::Current()) noexcept {
  if (object == nullptr) return;
  const std::byte* bytes = BytesOf(object);
  Header header{};
  std::memcpy(&header, bytes - sizeof(Header), sizeof(Header));
  const bool size_ok = told.size == 0 || told.size == header.size;
  const bool align_ok = told.align == 0 || EffectiveAlign(told.align) == header.align;
  if (!size_ok || !align_ok || header.align == 0 || (header.align & (header.align - 1)) != 0) {
    libk::internal::PanicFormatted(
        loc, "",
        "operator delete: {} allocated as {} bytes, align {}; freed as {}, align {} "
        "(wrong type, double free or corrupted block)",
        object, header.size, header.align, told.size, told.align);
  }
  const std::size_t front = FrontBytes(header.align);
  void* block = BytesOf(object) - front;
  // SAFETY: `block` is what Finish was given for this object: the header says so, and the
  // size and alignment passed back are those it was allocated with.
  libk::alloc::global_heap::Deallocate(block, front + (header.size == 0 ? 1 : header.size),
                                       header.align, loc);
}

constexpr std::size_t kDefault = 0;

std::size_t AlignOf(std::align_val_t align) { return static_cast<std::size_t>(align); }

}  // namespace

// NOLINTBEGIN(cert-dcl58-cpp): defining the replaceable allocation functions is this
// file's purpose; they live in namespace std's global counterpart by the standard's rules.
void* operator new(std::size_t size) { return NewOrPanic(size, kDefault); }
void* operator new[](std::size_t size) { return NewOrPanic(size, kDefault); }
void* operator new(std::size_t size, std::align_val_t align) {
  return NewOrPanic(size, AlignOf(align));
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return NewOrPanic(size, AlignOf(align));
}
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return NewOrNull(size, kDefault);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return NewOrNull(size, kDefault);
}
void* operator new(std::size_t size, std::align_val_t align,
                   const std::nothrow_t& /*tag*/) noexcept {
  return NewOrNull(size, AlignOf(align));
}
void* operator new[](std::size_t size, std::align_val_t align,
                     const std::nothrow_t& /*tag*/) noexcept {
  return NewOrNull(size, AlignOf(align));
}

void operator delete(void* ptr) noexcept { Delete(ptr, {}); }
void operator delete[](void* ptr) noexcept { Delete(ptr, {}); }
void operator delete(void* ptr, std::size_t size) noexcept { Delete(ptr, {.size = size}); }
void operator delete[](void* ptr, std::size_t size) noexcept { Delete(ptr, {.size = size}); }
void operator delete(void* ptr, std::align_val_t align) noexcept {
  Delete(ptr, {.align = AlignOf(align)});
}
void operator delete[](void* ptr, std::align_val_t align) noexcept {
  Delete(ptr, {.align = AlignOf(align)});
}
void operator delete(void* ptr, std::size_t size, std::align_val_t align) noexcept {
  Delete(ptr, {.size = size, .align = AlignOf(align)});
}
void operator delete[](void* ptr, std::size_t size, std::align_val_t align) noexcept {
  Delete(ptr, {.size = size, .align = AlignOf(align)});
}
void operator delete(void* ptr, const std::nothrow_t& /*tag*/) noexcept { Delete(ptr, {}); }
void operator delete[](void* ptr, const std::nothrow_t& /*tag*/) noexcept { Delete(ptr, {}); }
void operator delete(void* ptr, std::align_val_t align, const std::nothrow_t& /*tag*/) noexcept {
  Delete(ptr, {.align = AlignOf(align)});
}
void operator delete[](void* ptr, std::align_val_t align, const std::nothrow_t& /*tag*/) noexcept {
  Delete(ptr, {.align = AlignOf(align)});
}
// NOLINTEND(cert-dcl58-cpp)
