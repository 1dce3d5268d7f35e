#include "src/claims/exclusions.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(ExclusionsTest, ExcludesDatesTimesOrdinalsAndNames) {
  Document d = Extract(
      "On March 3, 2019 at 10:30 the 22nd Battalion of Section 427 met "
      "in Room 5 after 9/11 and the first COVID-19 wave in 2020.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  Document t = Extract("The talks began at 5 p.m. on 14 June.");
  EXPECT_TRUE(t.claims.empty()) << ::testing::PrintToString(Texts(t));
}

TEST(ExclusionsTest, OneAsPronounIsNoClaim) {
  // "no one" and the partitive "one of the N": the claim is N.
  Document d = Extract("No one came, but one of the 12 doctors stayed.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].value, 12);
  Document m = Extract("One of these men served one year.");
  ASSERT_EQ(m.claims.size(), 1u) << ::testing::PrintToString(Texts(m));
  EXPECT_EQ(m.claims[0].unit, "year");
}

TEST(ExclusionsTest, OrdinalAfterArticleBeforeNounIsNoFraction) {
  Document d = Extract("They acted as a fifth column for a third term.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  Document f = Extract("Less than a third were women; a fifth of them left.");
  EXPECT_EQ(f.claims.size(), 2u) << ::testing::PrintToString(Texts(f));
}

TEST(ExclusionsTest, GenerationNamesAreNoGrams) {
  Document d = Extract("While 5G claims are new, the bag weighed 5g.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "g");
}

TEST(ExclusionsTest, KeepsQuantitiesBesideDates) {
  Document d = Extract("On May 4 the city counted 36 floods and 4 storms.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "floods");
  EXPECT_EQ(d.claims[1].unit, "storms");
  EXPECT_GT(d.claims[1].span.begin, d.text.find("storms") - 3);
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(ExclusionsTest, YearLikeCountsNeedACountedNoun) {
  Document d = Extract("Some said 2000 people, with 1800 troops, were there.");
  ASSERT_NE(Find(d, "2000"), nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Find(d, "2000")->unit, "people");
  ASSERT_NE(Find(d, "1800"), nullptr);
  Document y = Extract(
      "Both weighed 2016 campaigns as 2020 approaches, after the 2012 votes.");
  EXPECT_TRUE(y.claims.empty()) << ::testing::PrintToString(Texts(y));
}

}  // namespace
}  // namespace whosaid
