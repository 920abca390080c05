#include "libk/arch/x86_64/paging/mapper_types.h"

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"

namespace libk::x86_64::paging {

const char* MapErrorName(MapError error) {
  switch (error) {
    case MapError::kFrameAllocationFailed:
      return "frame allocation failed";
    case MapError::kPageAlreadyMapped:
      return "page already mapped";
    case MapError::kParentEntryHugePage:
      return "parent entry is a huge page";
  }
  return "unknown map error";
}

const char* UnmapErrorName(UnmapError error) {
  switch (error) {
    case UnmapError::kPageNotMapped:
      return "page not mapped";
    case UnmapError::kParentEntryHugePage:
      return "parent entry is a huge page";
    case UnmapError::kSizeMismatch:
      return "mapped with smaller pages";
    case UnmapError::kInvalidFrameAddress:
      return "invalid frame address";
  }
  return "unknown unmap error";
}

const char* FlagUpdateErrorName(FlagUpdateError error) {
  switch (error) {
    case FlagUpdateError::kPageNotMapped:
      return "page not mapped";
    case FlagUpdateError::kParentEntryHugePage:
      return "parent entry is a huge page";
    case FlagUpdateError::kSizeMismatch:
      return "mapped with smaller pages";
  }
  return "unknown flag update error";
}

const char* TranslateErrorName(TranslateError error) {
  switch (error) {
    case TranslateError::kNotMapped:
      return "not mapped";
    case TranslateError::kInvalidEntry:
      return "invalid entry";
  }
  return "unknown translate error";
}

}  // namespace libk::x86_64::paging

void libk::Formatter<libk::x86_64::paging::MapError>::Format(x86_64::paging::MapError error,
                                                             const FormatSpec& /*spec*/,
                                                             Sink& sink) {
  sink.Write(StringView(x86_64::paging::MapErrorName(error)));
}

void libk::Formatter<libk::x86_64::paging::UnmapError>::Format(x86_64::paging::UnmapError error,
                                                               const FormatSpec& /*spec*/,
                                                               Sink& sink) {
  sink.Write(StringView(x86_64::paging::UnmapErrorName(error)));
}

void libk::Formatter<libk::x86_64::paging::FlagUpdateError>::Format(
    x86_64::paging::FlagUpdateError error, const FormatSpec& /*spec*/, Sink& sink) {
  sink.Write(StringView(x86_64::paging::FlagUpdateErrorName(error)));
}

void libk::Formatter<libk::x86_64::paging::TranslateError>::Format(
    x86_64::paging::TranslateError error, const FormatSpec& /*spec*/, Sink& sink) {
  sink.Write(StringView(x86_64::paging::TranslateErrorName(error)));
}

void libk::Formatter<libk::x86_64::paging::Translation>::Format(
    const x86_64::paging::Translation& translation, const FormatSpec& /*spec*/, Sink& sink) {
  libk::Format(sink, "Translation({} + {:#x}, {}, {})", translation.frame_start, translation.offset,
               translation.size, translation.flags);
}
