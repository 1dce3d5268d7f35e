#include "src/claims/lexicon.h"

#include <gtest/gtest.h>

namespace whosaid::claims {
namespace {

TEST(LexiconTest, CaseInsensitiveLookups) {
  EXPECT_TRUE(IEq("Million", "million"));
  EXPECT_FALSE(IEq("millions", "million"));
  ASSERT_NE(FindSmallNumber("Seventy"), nullptr);
  EXPECT_DOUBLE_EQ(FindSmallNumber("Seventy")->value, 70);
  EXPECT_EQ(FindSmallNumber("seventy-two"), nullptr);
  EXPECT_TRUE(IsNumberWord("seventy-two"));
  EXPECT_FALSE(IsNumberWord("several"));
}

TEST(LexiconTest, ScalesWordsAndAbbreviations) {
  const Named* bn = FindScale("bn");
  ASSERT_NE(bn, nullptr);
  EXPECT_DOUBLE_EQ(bn->value, 1e9);
  EXPECT_FALSE(IsWordScale(bn));
  EXPECT_EQ(FindScale("bn", /*words_only=*/true), nullptr);
  const Named* th = FindScale("Thousand", true);
  ASSERT_NE(th, nullptr);
  EXPECT_TRUE(IsWordScale(th));
  EXPECT_DOUBLE_EQ(FindScaleSuffix("k")->value, 1e3);
  EXPECT_DOUBLE_EQ(FindFraction("thirds")->value, 3);
}

TEST(LexiconTest, WordClasses) {
  EXPECT_TRUE(IsOrdinalWord("twentieth"));
  EXPECT_TRUE(IsOrdinalWord("fifths"));
  EXPECT_FALSE(IsOrdinalWord("forty"));
  EXPECT_TRUE(IsMonth("Sept."));
  EXPECT_FALSE(IsMonth("Mays"));
  EXPECT_TRUE(IsTimeZone("GMT"));
  EXPECT_TRUE(IsStopWord("whose"));
  EXPECT_FALSE(IsStopWord("ships"));
  EXPECT_EQ(FindChangeWord("plunged")->value, -1);
  bool saw_more_than = false;
  for (const auto& m : ModifierPhrases()) {
    if (m.surface == "more than") saw_more_than = m.symbol == ">";
  }
  EXPECT_TRUE(saw_more_than);
}

}  // namespace
}  // namespace whosaid::claims
