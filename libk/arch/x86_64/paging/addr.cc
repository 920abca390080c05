#include "libk/arch/x86_64/paging/addr.h"

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"

namespace libk::x86_64::paging {

const char* AddressErrorName(AddressError error) {
  switch (error) {
    case AddressError::kNonCanonical:
      return "not canonical";
    case AddressError::kBeyondPhysicalLimit:
      return "beyond the physical address limit";
    case AddressError::kNotAligned:
      return "not aligned to the page size";
  }
  return "unknown address error";
}

}  // namespace libk::x86_64::paging

void libk::Formatter<libk::x86_64::paging::AddressError>::Format(x86_64::paging::AddressError error,
                                                                 const FormatSpec& /*spec*/,
                                                                 Sink& sink) {
  sink.Write(StringView(x86_64::paging::AddressErrorName(error)));
}

void libk::Formatter<libk::x86_64::paging::PageTableIndex>::Format(
    x86_64::paging::PageTableIndex index, const FormatSpec& /*spec*/, Sink& sink) {
  libk::Format(sink, "PageTableIndex({})", index.value());
}

void libk::Formatter<libk::x86_64::paging::PhysAddr>::Format(x86_64::paging::PhysAddr addr,
                                                             const FormatSpec& /*spec*/,
                                                             Sink& sink) {
  libk::Format(sink, "PhysAddr({:#x})", addr.value());
}

void libk::Formatter<libk::x86_64::paging::VirtAddr>::Format(x86_64::paging::VirtAddr addr,
                                                             const FormatSpec& /*spec*/,
                                                             Sink& sink) {
  libk::Format(sink, "VirtAddr({:#x})", addr.value());
}
