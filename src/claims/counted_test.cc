// What a claim counts (counted.cc), through the claims extractor on
// sentences written for these tests.
#include "src/claims/counted.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;

// The counted phrase of the claim whose span text is `claim` in `text`
// ("<none>" when the claim is missing).
std::string CountedOf(const std::string& text, std::string_view claim) {
  Document doc = Extract(text);
  const Claim* c = Find(doc, claim);
  if (c == nullptr) return "<none>";
  return std::string(doc.Text(c->counted));
}

TEST(CountedTest, NounUnitWithParticipleRateAndOfPhrase) {
  EXPECT_EQ(CountedOf("The army said 4,100 rebels killed in March.", "4,100"),
            "rebels killed");
  EXPECT_EQ(CountedOf("Pilots flew 50 missions a day over the hills.", "50"),
            "missions a day");
  EXPECT_EQ(CountedOf("Crews cleared 12 square miles of the northern valley.",
                      "12 square miles"),
            "square miles of the northern valley");
  EXPECT_EQ(
      CountedOf("Farmers lost 40 percent of the wheat crop.", "40 percent"),
      "of the wheat crop");
}

// Regression: money followed by "in" and what it is ("$2 billion in
// military aid") had no counted phrase. A place, a time or a determiner
// after "in" is no such noun.
TEST(CountedTest, MoneyCountsTheNounsAfterIn) {
  EXPECT_EQ(
      CountedOf("Congress approved $2 billion in military aid.", "$2 billion"),
      "in military aid");
  EXPECT_EQ(CountedOf("The port got $275,000 in federal funding.", "$275,000"),
            "in federal funding");
  EXPECT_EQ(CountedOf("The firm raised $4 million in Norland.", "$4 million"),
            "");
  EXPECT_EQ(CountedOf("The drive raised $9,000 in just 30 minutes.", "$9,000"),
            "");
  EXPECT_EQ(
      CountedOf("Sales reached $3 million in recent years.", "$3 million"), "");
  EXPECT_EQ(CountedOf("The city spent $5 million in the spring.", "$5 million"),
            "");
}

TEST(CountedTest, NotAVerbWithItsObject) {
  // "stalled" takes an object here: it is the verb, not part of the count.
  EXPECT_EQ(CountedOf("Three councils stalled the vote.", "Three"), "councils");
}

TEST(CountedTest, NounsAfterAHyphenatedNumber) {
  EXPECT_EQ(
      CountedOf("They began a three-week audit of the agency.", "three-week"),
      "audit");
  EXPECT_EQ(CountedOf("The mayor holds a 9-percentage-point lead now.",
                      "9-percentage-point"),
            "lead");
  // A verb form after the noun ends it.
  EXPECT_EQ(
      CountedOf("Rangers saw a 300-acre meadow burning at dusk.", "300-acre"),
      "meadow");
  // Regression: a word that heads no noun or an adverb ends the run ("last
  // spring"); an adjective or a participle may modify a gerund noun, and a
  // gerund noun may head a compound; "swing" is no verb form.
  EXPECT_EQ(
      CountedOf("They began a three-week audit last spring.", "three-week"),
      "audit");
  EXPECT_EQ(
      CountedOf("Visitors kept 12-foot social distancing there.", "12-foot"),
      "social distancing");
  EXPECT_EQ(
      CountedOf("The town approved a six-story office building.", "six-story"),
      "office building");
  EXPECT_EQ(CountedOf("She ended a four-day campaign swing.", "four-day"),
            "campaign swing");
  EXPECT_EQ(CountedOf("The city set a 5-stage phased reopening.", "5-stage"),
            "phased reopening");
  // Ages name the person, not a count.
  EXPECT_EQ(CountedOf("A 31-year-old driver was hurt.", "31-year-old"), "");
}

}  // namespace
}  // namespace whosaid
