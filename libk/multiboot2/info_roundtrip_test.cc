// Round trip: Parse(Build(model)) succeeds and every accessor returns exactly the model,
// for random models (RapidCheck). The structure sits right before a guard page.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/generators.h"
#include "libk/multiboot2/testing/guarded_buffer.h"
#include "libk/multiboot2/testing/info_builder.h"
#include "libk/multiboot2/testing/info_reader.h"

namespace libk::multiboot2 {
namespace {

using testing::Build;
using testing::GenInfoModel;
using testing::GuardedBuffer;
using testing::InfoModel;
using testing::ReadModel;

// Returns the tag types Build writes for `model`, in order.
std::vector<TagType> ExpectedTagTypes(const InfoModel& model) {
  std::vector<TagType> types;
  if (model.command_line) types.push_back(TagType::kCommandLine);
  if (model.bootloader_name) types.push_back(TagType::kBootloaderName);
  if (model.basic_mem_info) types.push_back(TagType::kBasicMemInfo);
  if (model.boot_device) types.push_back(TagType::kBootDevice);
  if (model.memory_map) types.push_back(TagType::kMemoryMap);
  for (std::size_t i = 0; i < model.modules.size(); ++i) types.push_back(TagType::kModule);
  if (model.framebuffer) types.push_back(TagType::kFramebuffer);
  for (const auto& tag : model.other_tags) types.push_back(static_cast<TagType>(tag.type));
  return types;
}

RC_GTEST_PROP(InfoRoundTrip, AccessorsReturnTheModel, ()) {
  const InfoModel model = *GenInfoModel();
  const std::vector<std::byte> bytes = Build(model);
  const GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);

  const Result<Info, ParseFailure> result = Info::Parse(buffer.data(), buffer.size());
  RC_ASSERT(result.is_ok());
  const Info& info = result.value();
  RC_ASSERT(info.data() == buffer.data());
  RC_ASSERT(info.total_size() == bytes.size());
  RC_ASSERT(ReadModel(info, model.memory_map_entry_size) == model);

  std::vector<TagType> types;
  for (const Tag tag : info.Tags()) types.push_back(tag.type);
  RC_ASSERT(types == ExpectedTagTypes(model));
  if (model.memory_map) RC_ASSERT(info.MemoryMap().size() == model.memory_map->size());
}

RC_GTEST_PROP(InfoRoundTrip, FromBootloaderAgreesWithParse, ()) {
  const InfoModel model = *GenInfoModel();
  const std::vector<std::byte> bytes = Build(model);
  const GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);

  const Result<Info, ParseFailure> result = Info::FromBootloader(buffer.data());
  RC_ASSERT(result.is_ok());
  RC_ASSERT(result.value().total_size() == bytes.size());
  RC_ASSERT(ReadModel(result.value(), model.memory_map_entry_size) == model);
}

// Parse needs only total_size bytes: any bytes after them are ignored.
RC_GTEST_PROP(InfoRoundTrip, TrailingBytesAfterTotalSizeAreIgnored, ()) {
  const InfoModel model = *GenInfoModel();
  std::vector<std::byte> bytes = Build(model);
  const std::size_t total = bytes.size();
  for (const std::uint8_t byte : *rc::gen::arbitrary<std::vector<std::uint8_t>>()) {
    bytes.push_back(std::byte{byte});
  }
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  RC_ASSERT(result.is_ok());
  RC_ASSERT(result.value().total_size() == total);
  RC_ASSERT(ReadModel(result.value(), model.memory_map_entry_size) == model);
}

}  // namespace
}  // namespace libk::multiboot2
