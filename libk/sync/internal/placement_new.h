// Placement new, for constructing an object in storage we already own. It comes from <new>
// when the platform has one; until //libk/std provides <new> for the kernel, this header
// declares the one form libk/sync needs.
#pragma once

#if __has_include(<new>)
#include <new>
#else
#include <cstddef>

// Returns `place`: the object is constructed there.
// FIXME: remove once //libk/std ships <new>; __has_include then picks it up above.
[[nodiscard]] inline void* operator new(std::size_t, void* place) noexcept { return place; }
#endif
