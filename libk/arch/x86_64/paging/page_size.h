// The three page sizes of x86_64 as types: Size4KiB (a P1 entry), Size2MiB (a P2 entry with
// the huge-page bit) and Size1GiB (a P3 entry with the huge-page bit). Page<S> and
// PhysFrame<S> carry one as a parameter, so a 4 KiB page cannot be mapped to a 2 MiB frame:
// the mismatch does not compile.
#pragma once

#include <concepts>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

namespace libk::x86_64::paging {

struct Size4KiB {
  static constexpr std::uint64_t kSize = std::uint64_t{1} << 12;
  static constexpr PageTableLevel kLevel = PageTableLevel::kP1;
  static constexpr const char* kName = "4KiB";
};

struct Size2MiB {
  static constexpr std::uint64_t kSize = std::uint64_t{1} << 21;
  static constexpr PageTableLevel kLevel = PageTableLevel::kP2;
  static constexpr const char* kName = "2MiB";
};

struct Size1GiB {
  static constexpr std::uint64_t kSize = std::uint64_t{1} << 30;
  static constexpr PageTableLevel kLevel = PageTableLevel::kP3;
  static constexpr const char* kName = "1GiB";
};

// One of the three page sizes. The set is closed: the mapper knows exactly these levels.
template <typename S>
concept PageSize =
    std::same_as<S, Size4KiB> || std::same_as<S, Size2MiB> || std::same_as<S, Size1GiB>;

// A page size that a P2 or P3 entry maps directly (the entry has the huge-page bit).
template <typename S>
concept HugePageSize = PageSize<S> && !std::same_as<S, Size4KiB>;

// A page size known only at run time, as a translation reports it.
enum class PageSizeKind : std::uint8_t { k4KiB, k2MiB, k1GiB };

// Returns the kind of S.
template <PageSize S>
constexpr PageSizeKind KindOf() {
  if constexpr (std::same_as<S, Size4KiB>) {
    return PageSizeKind::k4KiB;
  } else if constexpr (std::same_as<S, Size2MiB>) {
    return PageSizeKind::k2MiB;
  } else {
    return PageSizeKind::k1GiB;
  }
}

// Returns the number of bytes a page of `kind` covers.
constexpr std::uint64_t BytesOf(PageSizeKind kind) {
  switch (kind) {
    case PageSizeKind::k4KiB:
      return Size4KiB::kSize;
    case PageSizeKind::k2MiB:
      return Size2MiB::kSize;
    case PageSizeKind::k1GiB:
      return Size1GiB::kSize;
  }
  return 0;
}

// Returns the level whose entries map pages of `kind`.
constexpr PageTableLevel LevelOf(PageSizeKind kind) {
  switch (kind) {
    case PageSizeKind::k4KiB:
      return PageTableLevel::kP1;
    case PageSizeKind::k2MiB:
      return PageTableLevel::kP2;
    case PageSizeKind::k1GiB:
      return PageTableLevel::kP3;
  }
  return PageTableLevel::kP1;
}

// Returns the name of `kind` ("2MiB"). The string is static.
constexpr const char* NameOf(PageSizeKind kind) {
  switch (kind) {
    case PageSizeKind::k4KiB:
      return Size4KiB::kName;
    case PageSizeKind::k2MiB:
      return Size2MiB::kName;
    case PageSizeKind::k1GiB:
      return Size1GiB::kName;
  }
  return "unknown page size";
}

}  // namespace libk::x86_64::paging

// Prints "4KiB", "2MiB" or "1GiB".
template <>
struct libk::Formatter<libk::x86_64::paging::PageSizeKind> {
  static void Format(x86_64::paging::PageSizeKind kind, const FormatSpec& /*spec*/, Sink& sink) {
    sink.Write(StringView(x86_64::paging::NameOf(kind)));
  }
};
