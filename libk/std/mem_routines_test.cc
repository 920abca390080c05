// Properties of libk's byte routines against the C library's memcpy, memmove, memset,
// memcmp and memchr, on random buffers, sizes, offsets (often overlapping) and values.
#include "libk/std/mem_routines.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace {

using Bytes = std::vector<unsigned char>;

// Returns the sign of `x` (-1, 0 or 1).
int Sign(int x) {
  if (x == 0) return 0;
  return x > 0 ? 1 : -1;
}

// Generates buffers of bytes drawn from the whole range 0..255 at every size (RapidCheck's
// own integers start small and grow, which would leave the high bit untested for long).
rc::Gen<Bytes> AnyBytes() {
  return rc::gen::container<Bytes>(
      rc::gen::resize(rc::kNominalSize, rc::gen::arbitrary<unsigned char>()));
}

RC_GTEST_PROP(MemRoutinesTest, CopyBytesMatchesMemcpy, ()) {
  const Bytes src = *AnyBytes();
  const Bytes dest = *AnyBytes();
  const std::size_t n = *rc::gen::inRange<std::size_t>(0, std::min(src.size(), dest.size()) + 1);
  Bytes ours = dest;
  Bytes theirs = dest;
  // SAFETY: n is at most the size of both buffers, which are distinct vectors.
  libk::CopyBytes(ours.data(), src.data(), n);
  if (n > 0) std::memcpy(theirs.data(), src.data(), n);
  RC_ASSERT(ours == theirs);
}

RC_GTEST_PROP(MemRoutinesTest, MoveBytesMatchesMemmoveWithinOneBuffer, ()) {
  const Bytes buffer = *rc::gen::nonEmpty(AnyBytes());
  const std::size_t size = buffer.size();
  // Offsets and a length that keep both ranges inside the buffer; small buffers make most
  // generated ranges overlap, in both directions.
  const std::size_t n = *rc::gen::inRange<std::size_t>(0, size + 1);
  const std::size_t src = *rc::gen::inRange<std::size_t>(0, size - n + 1);
  const std::size_t dest = *rc::gen::inRange<std::size_t>(0, size - n + 1);
  RC_CLASSIFY(dest < src && dest + n > src, "overlap, moving down");
  RC_CLASSIFY(src < dest && src + n > dest, "overlap, moving up");
  Bytes ours = buffer;
  Bytes theirs = buffer;
  // SAFETY: both ranges end within the buffer (offsets are at most size - n).
  libk::MoveBytes(ours.data() + dest, ours.data() + src, n);
  if (n > 0) std::memmove(theirs.data() + dest, theirs.data() + src, n);
  RC_ASSERT(ours == theirs);
  // The law memmove promises: the destination now holds what the source held before.
  RC_ASSERT(Bytes(ours.begin() + dest, ours.begin() + dest + n) ==
            Bytes(buffer.begin() + src, buffer.begin() + src + n));
}

RC_GTEST_PROP(MemRoutinesTest, MoveBytesMatchesMemmoveAcrossBuffers, ()) {
  const Bytes src = *AnyBytes();
  const Bytes dest = *AnyBytes();
  const std::size_t n = *rc::gen::inRange<std::size_t>(0, std::min(src.size(), dest.size()) + 1);
  Bytes ours = dest;
  Bytes theirs = dest;
  // SAFETY: n is at most the size of both buffers.
  libk::MoveBytes(ours.data(), src.data(), n);
  if (n > 0) std::memmove(theirs.data(), src.data(), n);
  RC_ASSERT(ours == theirs);
}

RC_GTEST_PROP(MemRoutinesTest, SetBytesMatchesMemset, (int value)) {
  const Bytes dest = *AnyBytes();
  const std::size_t n = *rc::gen::inRange<std::size_t>(0, dest.size() + 1);
  const std::size_t offset = *rc::gen::inRange<std::size_t>(0, dest.size() - n + 1);
  Bytes ours = dest;
  Bytes theirs = dest;
  // memset converts its int argument to unsigned char, as mem_runtime.cc does.
  // SAFETY: the range ends within the buffer (offset is at most size - n).
  libk::SetBytes(ours.data() + offset, static_cast<unsigned char>(value), n);
  if (n > 0) std::memset(theirs.data() + offset, value, n);
  RC_ASSERT(ours == theirs);
}

RC_GTEST_PROP(MemRoutinesTest, CompareBytesHasTheSignOfMemcmp, ()) {
  // A shared prefix puts the first difference anywhere, not almost always at byte 0.
  const Bytes prefix = *AnyBytes();
  const Bytes a_tail = *AnyBytes();
  const Bytes b_tail = *AnyBytes();
  Bytes a = prefix;
  a.insert(a.end(), a_tail.begin(), a_tail.end());
  Bytes b = prefix;
  b.insert(b.end(), b_tail.begin(), b_tail.end());
  // Mostly compare everything both buffers have, so that the tails take part.
  const std::size_t limit = std::min(a.size(), b.size());
  const std::size_t n = *rc::gen::weightedOneOf<std::size_t>(
      {{3, rc::gen::just(limit)}, {1, rc::gen::inRange<std::size_t>(0, limit + 1)}});
  const int theirs = n > 0 ? std::memcmp(a.data(), b.data(), n) : 0;
  RC_CLASSIFY(theirs == 0, "equal");
  // SAFETY: n is at most the size of both buffers.
  RC_ASSERT(Sign(libk::CompareBytes(a.data(), b.data(), n)) == Sign(theirs));
  RC_ASSERT(Sign(libk::CompareBytes(b.data(), a.data(), n)) == -Sign(theirs));
}

RC_GTEST_PROP(MemRoutinesTest, FindByteMatchesMemchr, ()) {
  const Bytes haystack = *AnyBytes();
  const std::size_t n = *rc::gen::inRange<std::size_t>(0, haystack.size() + 1);
  // Often a byte that is there, so that the search stops early as well as runs off the end.
  const unsigned char value =
      haystack.empty()
          ? *rc::gen::arbitrary<unsigned char>()
          : *rc::gen::weightedOneOf<unsigned char>(
                {{1, rc::gen::arbitrary<unsigned char>()}, {2, rc::gen::elementOf(haystack)}});
  const void* theirs = n > 0 ? std::memchr(haystack.data(), value, n) : nullptr;
  const std::size_t expected =
      theirs == nullptr
          ? n
          : static_cast<std::size_t>(static_cast<const unsigned char*>(theirs) - haystack.data());
  RC_CLASSIFY(theirs == nullptr, "not found");
  // SAFETY: n is at most the size of the buffer.
  RC_ASSERT(libk::FindByte(haystack.data(), value, n) == expected);
}

// The routines are constexpr, so they also work in constant expressions.
// SAFETY (all calls below): constant evaluation rejects any access out of bounds.
constexpr bool OverlappingMovesWorkAtCompileTime() {
  unsigned char up[6] = {1, 2, 3, 4, 5, 6};
  libk::MoveBytes(up + 2, up, 4);
  unsigned char down[6] = {1, 2, 3, 4, 5, 6};
  libk::MoveBytes(down, down + 2, 4);
  return up[2] == 1 && up[5] == 4 && down[0] == 3 && down[3] == 6 && down[5] == 6;
}
static_assert(OverlappingMovesWorkAtCompileTime());

constexpr bool CompareAndSetWorkAtCompileTime() {
  unsigned char a[3] = {1, 2, 3};
  unsigned char b[3] = {1, 2, 200};
  if (libk::CompareBytes(a, b, 3) >= 0 || libk::CompareBytes(a, b, 2) != 0) return false;
  libk::SetBytes(b, 7, 3);
  libk::CopyBytes(a, b, 2);
  return a[0] == 7 && a[1] == 7 && a[2] == 3;
}
static_assert(CompareAndSetWorkAtCompileTime());

constexpr unsigned char kHaystack[4] = {5, 0, 5, 9};
static_assert(libk::FindByte(kHaystack, 5, 4) == 0 && libk::FindByte(kHaystack, 9, 4) == 3);
static_assert(libk::FindByte(kHaystack, 9, 3) == 3 && libk::FindByte(kHaystack, 0, 0) == 0);

}  // namespace
