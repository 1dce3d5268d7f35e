#include "src/claims/units.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"
#include "src/claims/quantity.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(UnitsTest, CurrencyPercentAndScaleSuffix) {
  Document d =
      Extract("Shares fell 5% after the firm lost $3bn and paid €40 m.");
  const Claim* pct = Find(d, "5%");
  ASSERT_NE(pct, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(pct->unit, "percent");
  EXPECT_EQ(pct->change, "down");
  const Claim* usd = Find(d, "$3bn");
  ASSERT_NE(usd, nullptr);
  EXPECT_DOUBLE_EQ(usd->value, 3e9);
  EXPECT_EQ(usd->unit, "USD");
  const Claim* eur = Find(d, "€40 m.");
  ASSERT_NE(eur, nullptr);
  EXPECT_DOUBLE_EQ(eur->value, 4e7);
}

// Regression: a currency sign before the digits and the million suffix
// after them ("$5m") gave the span "$5" (the sign's end won over the
// suffix's).
TEST(UnitsTest, MillionSuffixAfterCurrencySignIsInTheSpan) {
  Document d = Extract("He offered her $5m (\u00a33.7m) to leave.");
  const Claim* usd = Find(d, "$5m");
  ASSERT_NE(usd, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(usd->value, 5e6);
  EXPECT_EQ(usd->unit, "USD");
  const Claim* gbp = Find(d, "\u00a33.7m");
  ASSERT_NE(gbp, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(gbp->value, 3.7e6);
}

TEST(UnitsTest, AgesAndDurations) {
  Document d = Extract("A 45-year-old pilot began a two-year course.");
  const Claim* age = Find(d, "45-year-old");
  ASSERT_NE(age, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(age->unit, "year of age");
  const Claim* dur = Find(d, "two-year");
  ASSERT_NE(dur, nullptr);
  EXPECT_DOUBLE_EQ(dur->value, 2);
  EXPECT_EQ(dur->unit, "year");
}

TEST(UnitsTest, LexiconAndGluedUnitsDirect) {
  claims_test::Windowed w("It is 12 square miles wide and 300mm deep.");
  claims::Quantity q;
  uint32_t t = claims::LexiconUnit(w.win, w.At("square"), &q);
  EXPECT_EQ(q.unit, "square mile");
  EXPECT_EQ(w.doc.TokenText(t), "wide");
  EXPECT_TRUE(claims::LooksPlural("ships"));
  EXPECT_FALSE(claims::LooksPlural("process"));
  std::string_view norm;
  claims_test::Windowed c("They paid US$ 40 for it.");
  EXPECT_EQ(claims::CurrencyPrefix(c.win, 2, &norm), 2u);
  EXPECT_EQ(norm, "USD");
}

TEST(UnitsTest, CompoundAmountsAndGluedCodes) {
  Document d = Extract(
      "The pole is 6 feet 4 inches, the toy cost 2 dollars and 75 cents and "
      "the fee was USD250 or 30 bps, a 4pc rise.");
  const Claim* ft = Find(d, "6 feet 4 inches");
  ASSERT_NE(ft, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_NEAR(ft->value, 6 + 4.0 / 12, 1e-9);
  EXPECT_EQ(ft->unit, "foot");
  const Claim* usd = Find(d, "2 dollars and 75 cents");
  ASSERT_NE(usd, nullptr);
  EXPECT_DOUBLE_EQ(usd->value, 2.75);
  const Claim* code = Find(d, "USD250");
  ASSERT_NE(code, nullptr);
  EXPECT_DOUBLE_EQ(code->value, 250);
  EXPECT_EQ(code->unit, "USD");
  ASSERT_NE(Find(d, "30 bps"), nullptr);
  EXPECT_EQ(Find(d, "30 bps")->unit, "basis point");
  ASSERT_NE(Find(d, "4pc"), nullptr);
  EXPECT_EQ(Find(d, "4pc")->unit, "percent");
}

TEST(UnitsTest, MoneyRates) {
  Document d = Extract(
      "Workers would earn $15 an hour; the group gets about $450 million a "
      "year, and $20 each.");
  const Claim* hour = Find(d, "$15 an hour");
  ASSERT_NE(hour, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(hour->unit, "USD per hour");
  const Claim* year = Find(d, "about $450 million a year");
  ASSERT_NE(year, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(year->value, 4.5e8);
  EXPECT_EQ(year->unit, "USD per year");
  Document e =
      Extract("Sales rose to $1.17 billion a year earlier, or $2 a share.");
  ASSERT_NE(Find(e, "$1.17 billion"), nullptr)
      << ::testing::PrintToString(Texts(e));
  EXPECT_EQ(Find(e, "$1.17 billion")->unit, "USD");
  ASSERT_NE(Find(e, "$2"), nullptr) << ::testing::PrintToString(Texts(e));
  EXPECT_EQ(Find(e, "$2")->unit, "USD");
  const Claim* each = Find(d, "$20");
  ASSERT_NE(each, nullptr);
  EXPECT_EQ(each->unit, "USD");
}

TEST(UnitsTest, HyphenatedScaleWord) {
  Document d = Extract("It placed the 57-million population under lockdown.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(d.claims[0].value, 57e6);
  EXPECT_NE(d.claims[0].unit, "million");
}

TEST(UnitsTest, AgeWordApartPlusBoundAndSecondsAfterNumberWords) {
  Document d = Extract(
      "They put 16 year-old Nick and her 1-year-olds on a seven-second "
      "delay for the 60-plus age group.");
  ASSERT_EQ(d.claims.size(), 4u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "year of age");
  EXPECT_EQ(d.claims[1].unit, "year of age");
  EXPECT_EQ(d.claims[2].unit, "second");
  EXPECT_EQ(d.claims[3].change, ">");
  EXPECT_TRUE(Extract("He came twenty-second in the race.").claims.empty());
}

TEST(UnitsTest, UnitsOfSeveralHyphenatedWords) {
  Document d = Extract(
      "It had an 11-percentage-point lead in a 900-square-foot office on a "
      "772,000-square-mile island.");
  ASSERT_EQ(d.claims.size(), 3u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "percentage point");
  EXPECT_EQ(d.claims[1].unit, "square foot");
  EXPECT_EQ(d.claims[2].unit, "square mile");
}

// Regression: "an 11-percentage-point lead" counted nothing once the whole
// hyphenated suffix became the unit; the noun after it is what is counted.
TEST(UnitsTest, NounAfterAHyphenatedUnitIsCounted) {
  Document d = Extract(
      "She held a 9-percentage-point lead and built a 400-square-foot shed.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.Text(d.claims[0].counted), "lead");
  EXPECT_EQ(d.Text(d.claims[1].counted), "shed");
  // An adverb after the unit is no counted thing.
  Document a = Extract("The gap was a 5-percentage-point swing only.");
  ASSERT_EQ(a.claims.size(), 1u) << ::testing::PrintToString(Texts(a));
  EXPECT_EQ(a.Text(a.claims[0].counted), "swing");
}

// Cents stay cents as written (the scorers' "cent"), not a dollar value.
TEST(UnitsTest, CentsKeepTheirValue) {
  Document d = Extract("Wages rose 42 cents, a 12-cent gain, to $0.42 more.");
  const Claim* c = Find(d, "42 cents");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(c->value, 42);
  EXPECT_EQ(c->unit, "cent");
  const Claim* h = Find(d, "12-cent");
  ASSERT_NE(h, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(h->value, 12);
  EXPECT_EQ(h->unit, "cent");
  const Claim* u = Find(d, "$0.42");
  ASSERT_NE(u, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(u->value, 0.42);
  EXPECT_EQ(u->unit, "USD");
}

}  // namespace
}  // namespace whosaid
