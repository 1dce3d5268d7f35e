#include "src/claims/number_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(NumberParserTest, DigitsSeparatorsAndScales) {
  Document d =
      Extract("The plant employs 13,000 workers and cost 2.5 billion.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(d.claims[0].value, 13000);
  EXPECT_EQ(d.claims[0].unit, "workers");
  EXPECT_EQ(d.Text(d.claims[0].counted), "workers");
  EXPECT_DOUBLE_EQ(d.claims[1].value, 2.5e9);
}

// Regression: "2.000 euros" was read as 2.
TEST(NumberParserTest, PeriodGroupedThousandsWithZeroDecimals) {
  Document d = Extract(
      "Fines reach 2.000 euros, more than 400.000 people signed and the "
      "yield was 2.875 percent, up from 0.000 in May.");
  const Claim* euros = Find(d, "2.000 euros");
  ASSERT_NE(euros, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(euros->value, 2000);
  const Claim* people = Find(d, "more than 400.000");
  ASSERT_NE(people, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(people->value, 400000);
  const Claim* yield = Find(d, "2.875 percent");
  ASSERT_NE(yield, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(yield->value, 2.875);  // a real decimal stays one
}

TEST(NumberParserTest, NumberWordsAndFractions) {
  Document d = Extract(
      "Twenty-eight thousand fans came, a dozen left early and two-thirds "
      "of the seats were sold.");
  const Claim* a = Find(d, "Twenty-eight thousand");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, 28000);
  EXPECT_EQ(a->unit, "fans");
  const Claim* b = Find(d, "a dozen");
  ASSERT_NE(b, nullptr);
  EXPECT_DOUBLE_EQ(b->value, 12);
  const Claim* c = Find(d, "two-thirds");
  ASSERT_NE(c, nullptr);
  EXPECT_NEAR(c->value, 2.0 / 3, 1e-9);
}

TEST(NumberParserTest, RobustToAbsurdInput) {
  std::string digits(10000, '7');
  Document d = Extract("Values 1e999999 and " + digits + " and 5 cats.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(d.claims[0].value, 5);
  EXPECT_FALSE(d.warnings.empty());
  Document m = Extract("Москва 12 рублей и 人口 300 万 and ٣ and 7 km");
  for (const auto& c : m.claims) {
    EXPECT_LE(c.span.end, m.text.size());
  }
}

TEST(NumberParserTest, DirectDigitsAndWords) {
  ClaimsOptions opt;
  claims_test::Windowed w(
      "We saw 1.234,5 birds and two hundred and six geese.");
  claims::NumberParser p(opt, w.win);
  claims::Number n;
  ASSERT_TRUE(p.ParseNumber(w.At("1.234,5"), &n));
  EXPECT_DOUBLE_EQ(n.value, 1234.5);
  EXPECT_FALSE(n.reject);
  claims::Number m;
  ASSERT_TRUE(p.ParseNumber(w.At("two"), &m));
  EXPECT_DOUBLE_EQ(m.value, 206);
  EXPECT_TRUE(m.from_words);
  EXPECT_EQ(w.doc.TokenText(m.tok_end), "geese");
}

TEST(NumberParserTest, RejectsIdentifiersAndTimes) {
  ClaimsOptions opt;
  claims_test::Windowed w("Version 1.2.3 shipped at 10:45 in the 1990s.");
  claims::NumberParser p(opt, w.win);
  for (const char* t : {"1.2.3", "10:45", "1990s"}) {
    claims::Number n;
    ASSERT_TRUE(p.ParseNumber(w.At(t), &n)) << t;
    EXPECT_TRUE(n.reject) << t;
  }
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(NumberParserTest, LeadingDotSpacedGroupsAndCapitalM) {
  Document d = Extract(
      "Rates moved .25 points, 12 500 fans came and the app had 10M users.");
  const Claim* dot = Find(d, ".25");
  ASSERT_NE(dot, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(dot->value, 0.25);
  const Claim* sp = Find(d, "12 500");
  ASSERT_NE(sp, nullptr);
  EXPECT_DOUBLE_EQ(sp->value, 12500);
  const Claim* m = Find(d, "10M");
  ASSERT_NE(m, nullptr);
  EXPECT_DOUBLE_EQ(m->value, 1e7);
  Document v = Extract("Install version.2 of the tool on 10m of cable.");
  EXPECT_EQ(Find(v, ".2"), nullptr) << ::testing::PrintToString(Texts(v));
  ASSERT_NE(Find(v, "10m"), nullptr);
  EXPECT_EQ(Find(v, "10m")->unit, "m");
}

TEST(NumberParserTest, HalvesQuartersAndDozens) {
  Document d = Extract(
      "More than half of the crew left, quarter million coins fell, "
      "half million barrels spilled and 3 dozens eggs broke.");
  const Claim* h = Find(d, "More than half");
  ASSERT_NE(h, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(h->value, 0.5);
  EXPECT_EQ(h->change, ">");
  ASSERT_NE(Find(d, "quarter million"), nullptr);
  EXPECT_DOUBLE_EQ(Find(d, "quarter million")->value, 250000);
  ASSERT_NE(Find(d, "half million barrels"), nullptr);
  ASSERT_NE(Find(d, "3 dozens"), nullptr);
  EXPECT_DOUBLE_EQ(Find(d, "3 dozens")->value, 36);
  Document p = Extract("In the first half of 2013 his half of the deal held.");
  EXPECT_TRUE(p.claims.empty()) << ::testing::PrintToString(Texts(p));
}

TEST(NumberParserTest, VulgarFractionsAndHalves) {
  Document d = Extract(
      "The queue lasted 2\u00BD hours and the treaty took 3 million and a half "
      "signatures, while one million and a quarter people marched.");
  const Claim* a = Find(d, "2\u00BD");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, 2.5);
  EXPECT_EQ(a->unit, "hours");
  const Claim* b = Find(d, "3 million and a half");
  ASSERT_NE(b, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(b->value, 3.5e6);
  const Claim* c = Find(d, "one million and a quarter");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(c->value, 1.25e6);
}

TEST(NumberParserTest, SpokenDecimalsButNotAtOnePoint) {
  Document d = Extract(
      "Inflation was two point five percent. At one point two guards left.");
  const Claim* a = Find(d, "two point five percent");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, 2.5);
  for (const Claim& c : d.claims) EXPECT_NE(c.value, 1.2) << d.Text(c.span);
}

TEST(NumberParserTest, DigitsWithScaleWordsAndRemainders) {
  Document d = Extract(
      "The hotel has 4 thousand 3 hundred and 21 rooms and sold 10 tln "
      "roubles of bonds.");
  const Claim* a = Find(d, "4 thousand 3 hundred and 21");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, 4321);
  const Claim* b = Find(d, "10 tln roubles");
  ASSERT_NE(b, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(b->value, 1e13);
}

TEST(NumberParserTest, FinanceMillionShorthands) {
  Document d = Extract(
      "The fund lost 75 USD million, then 30 MUSD, and aims for US$ 1MM; "
      "perhaps 2m people hold it but the 400m hurdles is a race.");
  const Claim* a = Find(d, "75 USD million");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, 75e6);
  EXPECT_EQ(a->unit, "USD");
  const Claim* b = Find(d, "30 MUSD");
  ASSERT_NE(b, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(b->value, 30e6);
  const Claim* c = Find(d, "US$ 1MM");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(c->value, 1e6);
  const Claim* e = Find(d, "2m");
  ASSERT_NE(e, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(e->value, 2e6);
  const Claim* f = Find(d, "400m");
  ASSERT_NE(f, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(f->value, 400);
  EXPECT_EQ(f->unit, "m");
}

TEST(NumberParserTest, NegativeOneAndFeetInches) {
  Document d = Extract("The score was minus one. He is 5 ft 2 in tall.");
  const Claim* a = Find(d, "minus one");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(a->value, -1);
  const Claim* b = Find(d, "5 ft 2 in");
  ASSERT_NE(b, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_NEAR(b->value, 5 + 2.0 / 12, 1e-9);
}

}  // namespace
}  // namespace whosaid
