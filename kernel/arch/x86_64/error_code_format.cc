#include "kernel/arch/x86_64/error_code_format.h"

#include <cstdint>

#include "libk/fmt/format.h"

namespace kernel::x86_64 {
namespace {

// Writes words separated by ", ".
class WordList {
 public:
  explicit WordList(libk::Sink& sink) : sink_(&sink) {}

  libk::Sink& Next() {
    if (!first_) sink_->Write(", ");
    first_ = false;
    return *sink_;
  }
  void Add(const char* word) { Next().Write(word); }

 private:
  libk::Sink* sink_;  // Not null: the sink outlives the list.
  bool first_ = true;
};

}  // namespace

void DescribePageFault(PageFaultErrorCode code, libk::Sink& sink) {
  WordList words(sink);
  const bool write = code.Has(PageFaultFlag::kWrite);
  const bool fetch = code.Has(PageFaultFlag::kInstructionFetch);
  if (!write && !fetch) words.Add("read");
  if (write) words.Add("write");
  if (fetch) words.Add("instruction fetch");
  words.Add(code.Has(PageFaultFlag::kPresent) ? "protection violation" : "not present");
  words.Add(code.Has(PageFaultFlag::kUser) ? "user" : "kernel");
  if (code.Has(PageFaultFlag::kReservedWrite)) words.Add("reserved bit set");
  if (code.Has(PageFaultFlag::kProtectionKey)) words.Add("protection key");
  if (code.Has(PageFaultFlag::kShadowStack)) words.Add("shadow stack");
  if (code.Has(PageFaultFlag::kSgx)) words.Add("SGX");
  if (code.unknown() != 0) libk::Format(words.Next(), "unknown bits {:#x}", code.unknown());
}

void DescribeSelector(SelectorErrorCode code, libk::Sink& sink) {
  if (code == SelectorErrorCode{}) {
    sink.Write("no selector");
    return;
  }
  switch (code.table) {
    case DescriptorTable::kGdt:
      libk::Format(sink, "GDT index {}", code.index);
      break;
    case DescriptorTable::kLdt:
      libk::Format(sink, "LDT index {}", code.index);
      break;
    case DescriptorTable::kIdt:
      libk::Format(sink, "IDT vector {}", code.index);
      break;
  }
  if (code.external) sink.Write(", external");
}

}  // namespace kernel::x86_64
