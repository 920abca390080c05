#include "libk/arch/x86_64/error_code_format.h"

#include <cstdint>

#include "libk/fmt/format.h"

namespace libk::x86_64 {
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
  const bool write = code.Contains(PageFaultFlag::kWrite);
  const bool fetch = code.Contains(PageFaultFlag::kInstructionFetch);
  if (!write && !fetch) words.Add("read");
  if (write) words.Add("write");
  if (fetch) words.Add("instruction fetch");
  words.Add(code.Contains(PageFaultFlag::kPresent) ? "protection violation" : "not present");
  words.Add(code.Contains(PageFaultFlag::kUser) ? "user" : "kernel");
  if (code.Contains(PageFaultFlag::kReservedWrite)) words.Add("reserved bit set");
  if (code.Contains(PageFaultFlag::kProtectionKey)) words.Add("protection key");
  if (code.Contains(PageFaultFlag::kShadowStack)) words.Add("shadow stack");
  if (code.Contains(PageFaultFlag::kSgx)) words.Add("SGX");
  const std::uint64_t unknown = code.bits() & ~PageFaultErrorCode::kAllBits;
  if (unknown != 0) libk::Format(words.Next(), "unknown bits {:#x}", unknown);
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

}  // namespace libk::x86_64
