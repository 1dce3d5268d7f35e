#include "src/claims/nouns.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(NounsTest, StatedAges) {
  Document d =
      Extract("I have written since I was 18, and he was nine when he began.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "year of age");
  EXPECT_EQ(d.claims[1].unit, "year of age");
  Document n = Extract("The score was 18 points, and it was 9 to 5.");
  for (const auto& c : n.claims) EXPECT_NE(c.unit, "year of age");
}

TEST(NounsTest, NounAfterOneSkipsPremodifiers) {
  Document d = Extract("Competition beats one tired monopoly.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "monopoly");
  Document w = Extract("For a politician, one wrong word changes the meaning.");
  ASSERT_EQ(w.claims.size(), 1u) << ::testing::PrintToString(Texts(w));
  EXPECT_EQ(w.claims[0].unit, "word");
  Document s = Extract(
      "Each state has at least one liberal-leaning news site, and more.");
  ASSERT_EQ(s.claims.size(), 1u) << ::testing::PrintToString(Texts(s));
  EXPECT_EQ(s.claims[0].unit, "site");
  Document u = Extract("They suspended at least 1 service due to the virus.");
  ASSERT_EQ(u.claims.size(), 1u) << ::testing::PrintToString(Texts(u));
  EXPECT_EQ(u.claims[0].unit, "service");
  Document y = Extract("He left one year later.");
  ASSERT_EQ(y.claims.size(), 1u) << ::testing::PrintToString(Texts(y));
  EXPECT_EQ(y.claims[0].unit, "year");
}

TEST(NounsTest, NounAfterOneSkipsRoleAdjectivesAndPostModifiers) {
  Document d = Extract("At least one other lawmaker backed the bill.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "lawmaker");
  Document f = Extract(
      "The board heard one source familiar with the plan and one aide close "
      "to the mayor.");
  ASSERT_EQ(f.claims.size(), 2u) << ::testing::PrintToString(Texts(f));
  EXPECT_EQ(f.claims[0].unit, "source");
  EXPECT_EQ(f.claims[1].unit, "aide");
}

TEST(NounsTest, AppositiveAge) {
  Document d =
      Extract("\u201cIt feels like a dream,\u201d Aubrey Patterson, 23, said.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "year of age");
  Document l = Extract("They won 12, 23, and 34 seats.");
  for (const auto& c : l.claims) EXPECT_NE(c.unit, "year of age");
}

TEST(NounsTest, StatedAgeDirect) {
  claims_test::Windowed w("Since I was 18, it was 18 of them.");
  uint32_t first = w.At("18");
  EXPECT_TRUE(claims::StatedAge(w.win, first, first + 1));
  EXPECT_FALSE(claims::StatedAge(w.win, w.At("of") - 1, w.At("of")));
}

TEST(NounsTest, SoftHyphensInsideTheNoun) {
  // U+00AD break points some publishers put inside words.
  Document d = Extract(
      "It has chapters in four cit\u00adies and five Demo\u00adcrat\u00adic "
      "can\u00addid\u00adates.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "cities");
  EXPECT_EQ(d.claims[1].unit, "candidates");
}

TEST(NounsTest, AcronymPluralsAndCapitalisedModifiersAfterAdjectives) {
  Document d = Extract(
      "They sent 2 million POWs back, freed five top Gitmo-held terrorists "
      "and met two key Republicans.");
  ASSERT_EQ(d.claims.size(), 3u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "pows");
  EXPECT_EQ(d.claims[1].unit, "terrorists");
  EXPECT_EQ(d.claims[2].unit, "republicans");
}

TEST(NounsTest, SingularInSBeforeThePluralNoun) {
  Document d = Extract("They produced at least 115 news stories about it.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "stories");
}

TEST(NounsTest, AgeOfAndAged) {
  Document d = Extract("People over the age of 65 and those aged 70 voted.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "year of age");
  EXPECT_EQ(d.claims[1].unit, "year of age");
  Document n = Extract("The page of 65 entries and the cage of 3 birds.");
  for (const auto& c : n.claims) EXPECT_NE(c.unit, "year of age");
}

TEST(NounsTest, CoordinatedPremodifiers) {
  Document d =
      Extract("At least 65,000 mail-in or absentee ballots were late.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "ballots");
}

// Regression: "one senior DOJ official" counted "senior", "One analysis
// found" counted "found", "One intelligence official argued" counted
// "intelligence".
TEST(NounsTest, NounAfterOneIsTheHeadNotAModifierOrAVerb) {
  Document d = Extract(
      "At least one senior DOJ official had concerns, and only one White "
      "House aide left.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "official");
  EXPECT_EQ(d.claims[1].unit, "aide");
  Document c = Extract("We heard one intelligence official, then left.");
  ASSERT_EQ(c.claims.size(), 1u) << ::testing::PrintToString(Texts(c));
  EXPECT_EQ(c.claims[0].unit, "official");
  // A verb or an adverb after "one" is never the counted noun; the
  // reporting verb then makes "one" the article.
  EXPECT_TRUE(Extract("One analysis found that costs rose.").claims.empty());
  EXPECT_TRUE(Extract("One intelligence official argued it.").claims.empty());
  EXPECT_TRUE(Extract("He said one even died there.").claims.empty());
  Document w = Extract("That is one reason why we left.");
  for (const auto& cl : w.claims) EXPECT_NE(cl.unit, "why");
}

TEST(NounsTest, AgeAfterTheWordAgeAndAfterWhoWas) {
  Document d = Extract(
      "Coverage lasts up to age 26. Smith, who was 44, died. They turn 18 "
      "when school ends.");
  ASSERT_EQ(d.claims.size(), 3u) << ::testing::PrintToString(Texts(d));
  for (const auto& c : d.claims) EXPECT_EQ(c.unit, "year of age");
  Document r = Extract("Turnout among voters ages 18 to 29 doubled.");
  ASSERT_EQ(r.claims.size(), 1u) << ::testing::PrintToString(Texts(r));
  EXPECT_TRUE(r.claims[0].is_range);
  EXPECT_EQ(r.claims[0].unit, "year of age");
  Document n = Extract("The Age 2 study and the one who was 3 points up.");
  for (const auto& c : n.claims) EXPECT_NE(c.unit, "year of age");
}

TEST(NounsTest, AgesAfterANameAContractionOrAnAdverb) {
  Document d = Extract(
      "He left when Marlow was 7, and the boy, who is only nine, stayed. "
      "\u201cI\u2019m 58 and I can run,\u201d she said.");
  for (const char* age : {"7", "nine", "58"}) {
    const Claim* c = Find(d, age);
    ASSERT_NE(c, nullptr) << age << ::testing::PrintToString(Texts(d));
    EXPECT_EQ(c->unit, "year of age") << age;
  }
  // A unit after the number, or no time clause, is no age.
  Document n = Extract(
      "It passed when Congress was 50 votes short; Ortiz was 12 in the "
      "standings.");
  for (const auto& c : n.claims) EXPECT_NE(c.unit, "year of age");
}

}  // namespace
}  // namespace whosaid
