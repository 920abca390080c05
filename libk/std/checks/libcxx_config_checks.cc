// Checks that a build uses libc++ in keel's kernel configuration (libcxx_config/): compiled
// for the kernel and into the host test that runs the checks against the same headers, so
// neither can silently fall back to another library or to the installed __config_site.
#include <version>

namespace keel_std_checks {

#if !defined(_LIBCPP_VERSION) || _LIBCPP_VERSION / 10000 != __clang_major__
#error "expected libc++ of the compiler's LLVM version"
#endif
#if !defined(_LIBCPP_HAS_NO_THREADS) || !defined(_LIBCPP_HAS_NO_LOCALIZATION) || \
    !defined(_LIBCPP_HAS_NO_WIDE_CHARACTERS) || !defined(_LIBCPP_HAS_NO_FILESYSTEM)
#error "expected keel's __config_site (no threads, locales, wide characters or files)"
#endif
#if _LIBCPP_HARDENING_MODE != _LIBCPP_HARDENING_MODE_FAST
#error "expected keel's __config_site to make the fast hardening mode the default"
#endif
#if defined(__KEEL_KERNEL__)
static_assert(__STDC_HOSTED__ == 0, "the kernel is compiled freestanding");
#if defined(__cpp_exceptions) || defined(__cpp_rtti) || defined(__SSE__) || defined(__MMX__)
#error "the kernel is compiled without exceptions, RTTI, SSE and MMX"
#endif
#endif

}  // namespace keel_std_checks
