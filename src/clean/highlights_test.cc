#include "src/clean/highlights.h"

#include <gtest/gtest.h>

#include <string>

#include "src/clean/clean.h"

namespace whosaid {
namespace {

using clean_internal::IsHighlightBullet;
using clean_internal::OpensHighlights;

TEST(Highlights, LabelOpensTheLine) {
  EXPECT_TRUE(OpensHighlights("Story highlights Mayor vows to fix roads"));
  EXPECT_TRUE(OpensHighlights("STORY HIGHLIGHTS"));
  EXPECT_TRUE(OpensHighlights("Key points: rates rise"));
  EXPECT_FALSE(OpensHighlights("Story highlightsX"));
  EXPECT_FALSE(OpensHighlights("The story highlights a gap in the law."));
}

TEST(Highlights, BulletIsShortAndEndsNoSentence) {
  EXPECT_TRUE(IsHighlightBullet("Mayor says the roads will be fixed", 40));
  EXPECT_TRUE(IsHighlightBullet("Council: \"We are out of money\"", 40));
  EXPECT_FALSE(
      IsHighlightBullet("The mayor said the roads would be fixed.", 40));
  EXPECT_FALSE(IsHighlightBullet("Will the roads be fixed?", 40));
  EXPECT_TRUE(IsHighlightBullet("Roads are the worst in the U.S.", 40));
  EXPECT_FALSE(IsHighlightBullet("We fixed it!", 40));
  EXPECT_FALSE(IsHighlightBullet("The road was fixed by Mr. A.", 40));
  EXPECT_FALSE(
      IsHighlightBullet("\xE2\x80\x9CWe are out of money.\xE2\x80\x9D", 40));
  EXPECT_FALSE(IsHighlightBullet("one two three four five six", 5));
  EXPECT_FALSE(IsHighlightBullet("", 40));
}

TEST(Highlights, SummaryAboveTheBodyIsRemoved) {
  const std::string input =
      "Story highlights Mayor Lena Ortiz says the roads will be fixed\n\n"
      "Ortiz blames the state for the delay\n\n"
      "Mayor Lena Ortiz said Tuesday that every road in the city would be "
      "fixed by June.\n\n"
      "Short line without a period\n\n"
      "\"The state owes us,\" Ortiz said.";
  Document doc;
  CleanText(input, CleanOptions(), &doc);
  EXPECT_EQ(doc.text.find("highlights"), std::string::npos);
  EXPECT_EQ(doc.text.find("blames"), std::string::npos);
  EXPECT_EQ(doc.text.rfind("Mayor Lena Ortiz said Tuesday", 0), 0u);
  // Lines after the body began are not bullets.
  EXPECT_NE(doc.text.find("Short line without a period"), std::string::npos);
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings[0].find("2 highlights"), std::string::npos)
      << doc.warnings[0];

  CleanOptions keep;
  keep.max_highlight_bullets = 0;
  Document kept;
  CleanText(input, keep, &kept);
  EXPECT_NE(kept.text.find("blames"), std::string::npos);
}

}  // namespace
}  // namespace whosaid
