"""The standard headers kernel code may include: keel's allowlist of libc++'s headers.

WORKSPACE passes this list to `local_clang` (platforms/local_clang.bzl), which links these
headers, and libc++'s internal `__*` headers, from the installed libc++ into
`@local_clang//libcxx/include`: the only C++ standard library directory on the kernel's
include path. A standard header that is not listed is "hosted" for keel (it needs a heap,
exceptions, threads, floating point, a C library or an operating system) and including it
from kernel code fails with "'<name>' file not found". docs/std.md explains the choices.
"""

# What kernel code is meant to use: the freestanding language support and utilities.
KERNEL_STD_HEADERS = [
    "algorithm",
    "array",
    "atomic",
    "bit",
    "compare",
    "concepts",
    "coroutine",
    "cstdarg",
    "cstddef",
    "cstdint",
    "expected",
    "initializer_list",
    "limits",
    # addressof, construct_at, destroy_at, to_address, pointer_traits, unique_ptr. What
    # allocates (std::allocator, make_unique, shared_ptr) needs the kernel's operator new.
    "memory",
    "new",
    "optional",
    "ranges",
    "span",
    "type_traits",
    "utility",
    "variant",
]

# Headers that libc++ includes from the ones above (so they must be present), and that
# kernel code may therefore include too. Each is declarations only in the kernel's
# configuration: nothing here allocates, throws or needs a C library beyond libk's
# mem routines.
KERNEL_STD_SUPPORT_HEADERS = [
    "climits",
    "cstring",  # memcpy, memmove, memset, memcmp, memchr (libk/std:mem_runtime).
    "ctime",  # time_t, for std::chrono declarations that <atomic> reaches.
    "iosfwd",
    "iterator",
    "ratio",
    "stddef.h",
    "stdexcept",  # Exception classes, declared; -fno-exceptions makes `throw` an error.
    "stdint.h",
    "string.h",
    "tuple",
    "typeinfo",  # std::type_info, declared; -fno-rtti makes typeid an error.
    "version",
]

KERNEL_LIBCXX_HEADERS = KERNEL_STD_HEADERS + KERNEL_STD_SUPPORT_HEADERS
