#include "src/claims/context_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(ContextRulesTest, NumbersInWebIdentifiersAreNoClaims) {
  Document d = Extract(
      "The clip poster=\"http://img.example.org/p/88231/7741_99120-vs.jpg"
      "?pid=55102\" shows 40 boats.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Texts(d)[0], "40");
  Document e = Extract("[embed id=7712093] Nine people came.");
  EXPECT_EQ(Find(e, "7712093"), nullptr) << ::testing::PrintToString(Texts(e));
  EXPECT_NE(Find(e, "Nine"), nullptr);
  Document t = Extract("Mara wrote:\n\n3/ Then the board said no.");
  EXPECT_TRUE(t.claims.empty()) << ::testing::PrintToString(Texts(t));
  // Slashes between amounts, fractions and units stay quantities.
  Document k = Extract("Fees are like $11/$12 now, 2/3 of them at 90km/h.");
  EXPECT_NE(Find(k, "$11"), nullptr) << ::testing::PrintToString(Texts(k));
  EXPECT_NE(Find(k, "$12"), nullptr);
  EXPECT_NE(Find(k, "2/3"), nullptr);
  Document s = Extract("All the money spent = 0, he wrote.");
  EXPECT_EQ(s.claims.size(), 1u) << ::testing::PrintToString(Texts(s));
}

TEST(ContextRulesTest, AgesToldByAComparison) {
  Document d = Extract(
      "Turnout fell among voters 45 or younger and rose among those 70 and "
      "over, while renters 30 and older moved.");
  for (const char* age : {"45", "70", "30"}) {
    const Claim* c = Find(d, age);
    ASSERT_NE(c, nullptr) << age << ::testing::PrintToString(Texts(d));
    EXPECT_EQ(c->unit, "year of age") << age;
  }
  Document y = Extract("Half of the sick are younger than 25.");
  const Claim* c = Find(y, "25");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(y));
  EXPECT_EQ(c->unit, "year of age");
  // A size is no age: "groups of 20 or under", "scores of 90 and over".
  Document g =
      Extract("Groups of 20 or under may meet; scores of 90 and over.");
  for (const auto& k : g.claims) EXPECT_NE(k.unit, "year of age");
}

TEST(ContextRulesTest, PlusOrMinusIsAMarginNotANegativeNumber) {
  Document d = Extract(
      "The poll's margin of error is plus or minus 2.5 percentage points; "
      "the low was minus 4 degrees.");
  const Claim* m = Find(d, "plus or minus 2.5 percentage points");
  ASSERT_NE(m, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(m->value, 2.5);
  EXPECT_EQ(m->approx, "plus or minus");
  const Claim* t = Find(d, "minus 4 degrees");
  ASSERT_NE(t, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(t->value, -4);
}

TEST(ContextRulesTest, MainVerbAfterTheCountedNounIsNotCounted) {
  auto counted = [](const Document& d, const char* span) -> std::string {
    const Claim* c = Find(d, span);
    if (c == nullptr || c->counted.empty()) return "";
    return std::string(d.Text(c->counted));
  };
  Document a = Extract("Six files contained private letters.");
  EXPECT_EQ(counted(a, "Six"), "files") << ::testing::PrintToString(Texts(a));
  Document b = Extract("Two surveys showed Ms. Ray ahead.");
  EXPECT_EQ(counted(b, "Two"), "surveys");
  // Without an object the verb says which ones are counted.
  Document c = Extract("About 300 fans marched to the square.");
  EXPECT_EQ(counted(c, "About 300"), "fans marched");
  Document r = Extract("At least 40 donors raised 90 percent of it.");
  EXPECT_EQ(counted(r, "At least 40"), "donors");
  // Participles of the noun stay: "killed in", "wounded and", "Friday".
  Document p = Extract(
      "The blast left 12 sailors killed in the port, one guard wounded and "
      "nine cases confirmed Friday.");
  EXPECT_EQ(counted(p, "12"), "sailors killed");
  EXPECT_EQ(counted(p, "one"), "guard wounded");
  EXPECT_EQ(counted(p, "nine"), "cases confirmed");
}

TEST(ContextRulesTest, CodesWithALeadingZeroAreNoClaims) {
  EXPECT_TRUE(claims::LeadingZeroCode("007"));
  EXPECT_TRUE(claims::LeadingZeroCode("0400"));
  EXPECT_FALSE(claims::LeadingZeroCode("0"));
  EXPECT_FALSE(claims::LeadingZeroCode("0.5"));
  EXPECT_FALSE(claims::LeadingZeroCode("400"));
  EXPECT_FALSE(claims::LeadingZeroCode("0000"));
  Document d = Extract(
      "Agent 007 left at 0600 with 12 crates; Nev. 03 went to Ms. Ruiz.");
  EXPECT_EQ(Find(d, "007"), nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Find(d, "0600"), nullptr);
  EXPECT_EQ(Find(d, "03"), nullptr);
  EXPECT_NE(Find(d, "12"), nullptr);
  Document z = Extract("Only 0.5 percent voted.");
  EXPECT_NE(Find(z, "0.5 percent"), nullptr)
      << ::testing::PrintToString(Texts(z));
}

TEST(ContextRulesTest, TranscriptSpeakerLabelsAreNoClaims) {
  Document d = Extract(
      "speaker 2\n\nYes, we did.\n\nspeaker 3\n\nWe spent two days there.");
  EXPECT_EQ(Find(d, "2"), nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Find(d, "3"), nullptr);
  EXPECT_NE(Find(d, "two"), nullptr);
}

TEST(ContextRulesTest, TitlesWithTimeUnitsAndCapitalisedFractions) {
  Document d = Extract(
      "She told \u201c48 Hours\u201d on a farm in a Third World nation that "
      "she had waited 48 hours, and he spoke on 20 Minutes Live.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Texts(d)[0], "48");
  // After a capitalised word the unit is a headline's, a quantity.
  Document h = Extract("The Plan Would Cost $90 Billion Over 10 Years.");
  EXPECT_NE(Find(h, "Over 10"), nullptr) << ::testing::PrintToString(Texts(h));
  // A lowercase fraction stays a fraction.
  Document f = Extract("Nearly a third of the town left.");
  EXPECT_NE(Find(f, "Nearly a third"), nullptr)
      << ::testing::PrintToString(Texts(f));
}

TEST(ContextRulesTest, AYearBeforeToIsNoRangeLow) {
  Document d = Extract(
      "Outlays rose from $3.2 million in 2009 to $17.5 million in 2019, and "
      "members fell from 61.4 million in 2001 to 58 million in 2011.");
  const Claim* a = Find(d, "$17.5 million");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_FALSE(a->is_range);
  EXPECT_DOUBLE_EQ(a->value, 17.5e6);
  const Claim* m = Find(d, "58 million");
  ASSERT_NE(m, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(m->value, 58e6);
  for (const auto& c : d.claims) EXPECT_FALSE(c.is_range);
  // Ranges of counts stay: "in 2,000 to 4,000 homes".
  Document r = Extract("Power failed in 2,000 to 4,000 homes.");
  ASSERT_EQ(r.claims.size(), 1u) << ::testing::PrintToString(Texts(r));
  EXPECT_TRUE(r.claims[0].is_range);
}

TEST(ContextRulesTest, AVerbAfterAPluralNounEndsTheCountedPhrase) {
  auto counted = [](const Document& d, const char* span) -> std::string {
    const Claim* c = Find(d, span);
    if (c == nullptr || c->counted.empty()) return "";
    return std::string(d.Text(c->counted));
  };
  Document a = Extract(
      "Some 41 percent of Canadians approve of the plan, while 30 percent of "
      "farm owners want changes.");
  EXPECT_EQ(counted(a, "Some 41 percent"), "of Canadians")
      << ::testing::PrintToString(Texts(a));
  EXPECT_EQ(counted(a, "30 percent"), "of farm owners");
  Document b = Extract("Nearly half of young people expect less.");
  EXPECT_EQ(counted(b, "Nearly half"), "of young people");
  Document c = Extract("Some 20 percent of the e-mails sent were lost.");
  EXPECT_EQ(counted(c, "Some 20 percent"), "of the e-mails");
  // Plurals that modify a noun, and plural nouns after a plural, stay.
  Document e = Extract(
      "About 12 percent of the sales tax went to 5 percent of voters ages "
      "18 to 29.");
  EXPECT_EQ(counted(e, "About 12 percent"), "of the sales tax");
  EXPECT_EQ(counted(e, "5 percent"), "of voters ages");
  EXPECT_TRUE(claims::VerbAfterPluralNoun("Republicans", "say"));
  EXPECT_FALSE(claims::VerbAfterPluralNoun("Texas", "farmland"));
  EXPECT_FALSE(claims::VerbAfterPluralNoun("bus", "stop"));
  EXPECT_FALSE(claims::VerbAfterPluralNoun("fake-news", "menace"));
  EXPECT_FALSE(claims::VerbAfterPluralNoun("always", "vote"));
  EXPECT_FALSE(claims::VerbAfterPluralNoun("rights", "law"));
}

}  // namespace
}  // namespace whosaid
