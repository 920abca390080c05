// Where in the source something happened: file, line and function, captured at the call
// site through default arguments (the freestanding build has no <source_location>), and a
// column where the reporter knows one (the kernel's UBSan reports).
#pragma once

namespace libk {

struct SourceLocation {
  const char* file = "";
  unsigned line = 0;
  const char* function = "";
  unsigned column = 0;  // 0: unknown, and not printed.

  // Returns the location of the caller when used as a default argument.
  static constexpr SourceLocation Current(const char* file = __builtin_FILE(),
                                          unsigned line = __builtin_LINE(),
                                          const char* function = __builtin_FUNCTION()) {
    return SourceLocation{file, line, function, 0};
  }
};

}  // namespace libk
