#include "libk/arch/x86_64/paging/page_table.h"

#include "libk/fmt/format.h"

void libk::Formatter<libk::x86_64::paging::PageTableEntry>::Format(
    x86_64::paging::PageTableEntry entry, const FormatSpec& /*spec*/, Sink& sink) {
  if (entry.IsUnused()) {
    sink.Write("PageTableEntry(unused)");
    return;
  }
  libk::Format(sink, "PageTableEntry({}, {})", entry.addr(), entry.flags());
}
