// Tests for elliptical amounts (ellipsis.cc), on sentences written for them.
#include "src/claims/ellipsis.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid::claims {
namespace {

using claims_test::Extract;
using claims_test::Find;

std::string CountedOf(const Document& doc, const Claim* c) {
  return c == nullptr ? "(no claim)" : std::string(doc.Text(c->counted));
}

TEST(EllipsisTest, ABareAmountAfterAContrastCountsWhatTheFirstCounts) {
  Document doc = Extract(
      "The ferries carried 400-500 passengers a week, while the barges took "
      "some 60 to 80.");
  EXPECT_EQ(CountedOf(doc, Find(doc, "400-500")), "passengers a week");
  const Claim* bare = Find(doc, "some 60 to 80");
  EXPECT_EQ(CountedOf(doc, bare), "passengers a week");
  // The unit stays as written: none.
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->unit, "");
}

TEST(EllipsisTest, NoContrastOrAnAmountThatGoesOnTakesNothing) {
  // "more than" is the amount's own; the clause goes on after "12".
  Document doc = Extract(
      "The port moved 300 containers, more than 250 last year. The crews "
      "sent 90 trucks, while the rail line ran 12 trains.");
  EXPECT_EQ(CountedOf(doc, Find(doc, "more than 250")), "");
  EXPECT_EQ(CountedOf(doc, Find(doc, "12")), "trains");
}

}  // namespace
}  // namespace whosaid::claims
