// TlbFlush tokens: Flush() invalidates exactly its page once, Ignore() nothing, moving
// hands the duty over, and a token dropped or used twice panics.
#include "libk/arch/x86_64/paging/tlb_flush.h"

#include <utility>

#include <gtest/gtest.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/internal/host_invalidate.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/testing/format_to_string.h"

namespace libk::x86_64::paging {
namespace {

using internal::HostTlbInvalidations;
using internal::LastHostTlbInvalidation;

const Page<Size2MiB> kPage = Page<Size2MiB>::Containing(VirtAddr::New(0xffff'8000'0020'0000));

TEST(TlbFlush, FlushInvalidatesItsPageOnce) {
  const auto before = HostTlbInvalidations();
  TlbFlush<Size2MiB> flush(kPage);
  EXPECT_TRUE(flush.pending());
  flush.Flush();
  EXPECT_FALSE(flush.pending());
  EXPECT_EQ(HostTlbInvalidations(), before + 1);
  EXPECT_EQ(LastHostTlbInvalidation(), kPage.StartAddress());
}

TEST(TlbFlush, IgnoreInvalidatesNothing) {
  const auto before = HostTlbInvalidations();
  TlbFlush<Size2MiB>(kPage).Ignore();
  EXPECT_EQ(HostTlbInvalidations(), before);
}

TEST(TlbFlush, MovingHandsTheDutyOver) {
  TlbFlush<Size2MiB> first(kPage);
  TlbFlush<Size2MiB> second(std::move(first));
  // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the point.
  EXPECT_FALSE(first.pending());
  EXPECT_TRUE(second.pending());
  second.Ignore();
}

TEST(TlbFlush, Formatting) {
  TlbFlush<Size2MiB> flush(kPage);
  EXPECT_EQ(libk::testing::FormatToString("{}", flush),
            "TlbFlush(Page<2MiB>(VirtAddr(0xffff800000200000)), pending)");
  flush.Ignore();
}

TEST(TlbFlushDeathTest, DroppedOrReusedTokensPanic) {
  EXPECT_DEATH(
      { const TlbFlush<Size2MiB> dropped(kPage); },
      "TlbFlush for Page<2MiB>\\(VirtAddr\\(0xffff800000200000\\)\\) dropped without "
      "Flush\\(\\) or Ignore\\(\\)");
  EXPECT_DEATH(
      {
        TlbFlush<Size2MiB> twice(kPage);
        twice.Flush();
        twice.Flush();
      },
      "used twice");
}

}  // namespace
}  // namespace libk::x86_64::paging
