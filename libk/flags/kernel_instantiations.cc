// Instantiates Flags under the kernel's compiler flags, so a freestanding build catches any
// dependency on the hosted standard library.
#include <cstddef>
#include <cstdint>

#include "libk/flags/flags.h"

namespace libk {
namespace {

enum class KernelFlag : uint64_t { kPresent = 1, kWritable = 2, kNoExecute = uint64_t{1} << 63 };
LIBK_DEFINE_FLAGS(KernelFlag, {KernelFlag::kPresent, "PRESENT"},
                  {KernelFlag::kWritable, "WRITABLE"}, {KernelFlag::kNoExecute, "NO_EXECUTE"});

}  // namespace

template class Flags<KernelFlag>;

// Formats a flag set into `buffer` (truncating), exercising AppendNames.
size_t KernelFlagsInstantiations(uint64_t bits, char* buffer, size_t size) {
  Flags<KernelFlag> flags = Flags<KernelFlag>::FromBits(bits).ValueOr(KernelFlag::kPresent);
  flags |= KernelFlag::kWritable | KernelFlag::kNoExecute;
  flags -= ~Flags<KernelFlag>::FromBitsTruncate(bits);
  size_t used = 0;
  AppendNames(flags, [&](const char* piece) {
    for (; *piece != '\0' && used + 1 < size; ++piece) buffer[used++] = *piece;
  });
  if (size != 0) buffer[used] = '\0';
  return used;
}

}  // namespace libk
