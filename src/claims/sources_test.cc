#include "src/claims/sources.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(SourcesTest, SourceFromAccordingTo) {
  Document d = Extract(
      "Exports rose 7 percent, according to figures released by the Trade "
      "Office.");
  ASSERT_EQ(d.claims.size(), 1u);
  EXPECT_EQ(d.Text(d.claims[0].source), "the Trade Office");
  EXPECT_EQ(d.claims[0].source_name, "the Trade Office");
  Document a = Extract(
      "About 500 homes burned, according to the fire chief of the county, "
      "Maria Lopez.");
  ASSERT_EQ(a.claims.size(), 1u);
  EXPECT_EQ(a.Text(a.claims[0].source),
            "the fire chief of the county, Maria Lopez");
}

TEST(SourcesTest, SourceFromQuote) {
  Document d;
  d.text = "The minister said that 3 bridges collapsed. 7 roads are shut.";
  Segment(SegmentOptions(), &d);
  Attribution q;
  q.content = {static_cast<uint32_t>(d.text.find("3 bridges")),
               static_cast<uint32_t>(d.text.find("collapsed") + 9)};
  q.speaker = {0, static_cast<uint32_t>(std::string("The minister").size())};
  d.quotes.push_back(q);
  ExtractClaims(&d);
  ASSERT_EQ(d.claims.size(), 2u);
  EXPECT_EQ(d.claims[0].attribution, 0);
  EXPECT_EQ(d.claims[0].source_name, "The minister");
  EXPECT_EQ(d.claims[1].attribution, -1);
  EXPECT_TRUE(d.claims[1].source.empty());
}

// Regression: an unresolved pronoun speaker became the claim's source_name
// ("she", "which"); a pronoun names no one.
TEST(SourcesTest, UnresolvedPronounSpeakerIsNoName) {
  Document d;
  d.text = "She said that 3 bridges collapsed.";
  Segment(SegmentOptions(), &d);
  Attribution q;
  q.content = {static_cast<uint32_t>(d.text.find("3 bridges")),
               static_cast<uint32_t>(d.text.find("collapsed") + 9)};
  q.speaker = {0, 3};
  d.quotes.push_back(q);
  ExtractClaims(&d);
  ASSERT_EQ(d.claims.size(), 1u);
  EXPECT_EQ(d.claims[0].attribution, 0);
  EXPECT_EQ(d.Text(d.claims[0].source), "She");
  EXPECT_TRUE(d.claims[0].source_name.empty());
}

}  // namespace
}  // namespace whosaid
