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

// Regression: "one cannot lead from behind" gave the claim "one" counting
// "lead": before a negated auxiliary the bare "one" is the pronoun.
TEST(ExclusionsTest, OneBeforeANegatedAuxiliaryIsThePronoun) {
  EXPECT_TRUE(Extract("And one cannot lead from behind.").claims.empty());
  EXPECT_TRUE(Extract("One can't deny that it worked.").claims.empty());
  EXPECT_TRUE(
      Extract("One won\u2019t see such a harbor again.").claims.empty());
  EXPECT_EQ(Extract("Only one soldier died.").claims.size(), 1u);
}

// Regression: "One rescue worker said ..." gave the claim "One rescue":
// the count stopped inside the compound noun, before the speech verb that
// makes "one" the article of a speaker.
TEST(ExclusionsTest, OneBeforeACompoundSpeakerAndItsVerb) {
  EXPECT_TRUE(Extract("One rescue worker said the pier fell.").claims.empty());
  EXPECT_TRUE(
      Extract("One senior port official told us it was shut.").claims.empty());
  // A count stays one: a hyphenated "one-" and a preposition before the
  // verb.
  EXPECT_EQ(Extract("They issued a one-page order that said no.").claims.size(),
            1u);
  EXPECT_EQ(Extract("Only one rescue worker said yes.").claims.size(), 1u);
}

TEST(ExclusionsTest, AtOnePointAndOnOneHandAreIdioms) {
  Document d = Extract(
      "At one point, the mayor left. On the one hand, costs rose; on one "
      "hand, jobs grew.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  Document p = Extract("The poll gave him a lead of one point.");
  EXPECT_EQ(p.claims.size(), 1u) << ::testing::PrintToString(Texts(p));
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

TEST(ExclusionsTest, YearLikeCountsNeedACountedNoun) {
  Document d = Extract("Some said 2000 people, with 1800 troops, were there.");
  ASSERT_NE(Find(d, "2000"), nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Find(d, "2000")->unit, "people");
  ASSERT_NE(Find(d, "1800"), nullptr);
  Document y = Extract(
      "Both weighed 2016 campaigns as 2020 approaches, after the 2012 votes.");
  EXPECT_TRUE(y.claims.empty()) << ::testing::PrintToString(Texts(y));
}

TEST(ExclusionsTest, VerseReferencesAreNoClaims) {
  Document d = Extract("As 1 Peter 3:15 says, answer 2 questions.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].value, 2);
}

TEST(ExclusionsTest, CapitalisedNumberWordInANameIsNoClaim) {
  Document d =
      Extract("It got the Central Park Five convicted. Five men sued.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "men");
}

TEST(ExclusionsTest, NumbersAfterNumberAndAbbreviatedYearsAreNoClaims) {
  Document d = Extract(
      "Prepare speech number 17, as after \u201988 they did, number one.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
}

TEST(ExclusionsTest, VagueSpanAndOneTimeAreNoClaims) {
  Document d = Extract(
      "In the next decade or two, a one-time surgeon became a two-time "
      "candidate.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].value, 2);
}

TEST(ExclusionsTest, OneAsTheArticleIsNoClaim) {
  EXPECT_TRUE(
      Extract("\u201cGo away,\u201d one man said to him.").claims.empty());
  EXPECT_TRUE(
      Extract("There is one clear rule about that money.").claims.empty());
  EXPECT_TRUE(
      Extract("There\u2019s one proposal they could consider.").claims.empty());
  EXPECT_TRUE(
      Extract("On one side were the Federalists, on the other side the rest.")
          .claims.empty());
  // Counted ones stay.
  Document o = Extract("They took all but one of the 59 seats.");
  EXPECT_EQ(o.claims.size(), 2u) << ::testing::PrintToString(Texts(o));
  Document s = Extract("There is only one legal question.");
  EXPECT_EQ(s.claims.size(), 1u) << ::testing::PrintToString(Texts(s));
}

TEST(ExclusionsTest, OneCountsAfterOnlyAndBeforeDayAfter) {
  Document d = Extract("There is only one legal question.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "question");
  EXPECT_TRUE(Extract("She was the only one.").claims.empty());
  Document a = Extract("One day after he was released, he left.");
  ASSERT_EQ(a.claims.size(), 1u) << ::testing::PrintToString(Texts(a));
  EXPECT_EQ(a.claims[0].unit, "day");
  EXPECT_TRUE(Extract("One day he will understand.").claims.empty());
  EXPECT_TRUE(Extract("To see chaos, one needs only to look.").claims.empty());
  EXPECT_TRUE(Extract("We are one people united.").claims.empty());
  EXPECT_TRUE(
      Extract("Nor do they favour one viewpoint over another.").claims.empty());
  EXPECT_TRUE(Extract("One result is that prices fell.").claims.empty());
  EXPECT_EQ(Extract("One soldier was killed.").claims.size(), 1u);
  EXPECT_TRUE(
      Extract("They go one step further and reframe it.").claims.empty());
  EXPECT_EQ(Extract("It took one step a day.").claims.size(), 1u);
}

TEST(ExclusionsTest, HalfBeforeADeterminerIsAFraction) {
  Document d = Extract("He ran with weights for half the race.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(d.claims[0].value, 0.5);
  EXPECT_TRUE(Extract("He is right half the time.").claims.empty());
  EXPECT_TRUE(Extract("In the second half the team scored.").claims.empty());
}

TEST(ExclusionsTest, GalleryCountersAndOneSizeFitsAllAreNoClaims) {
  EXPECT_TRUE(Extract("Hide Caption 23 of 24 Photos: Moments from his career.")
                  .claims.empty());
  EXPECT_TRUE(Extract("Image 1 of / 3 Caption Close.").claims.empty());
  EXPECT_TRUE(Extract("There is no one-size-fits-all policy.").claims.empty());
  EXPECT_EQ(Extract("He won 23 of 24 races.").claims.size(), 2u);
}

TEST(ExclusionsTest, CodesAndShowNamesAreNoClaims) {
  Document d =
      Extract("Savings in 401(k)s fell, the shows The Five and 3 others said.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].value, 3);
}

TEST(ExclusionsTest, WinLossRecordsAndQuotedTitlesAreNoClaims) {
  EXPECT_TRUE(Extract("In that season the 49ers were 2-14 and went 10-6 later.")
                  .claims.empty());
  EXPECT_TRUE(
      Extract("It was a 5-4 decision after a 2-7 record.").claims.empty());
  EXPECT_TRUE(Extract("\u201cThe 360\u201d shows you diverse perspectives.")
                  .claims.empty());
  // A range with a unit after "is" stays a range.
  Document d = Extract("The wait is 5-10 minutes.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_TRUE(d.claims[0].is_range);
  EXPECT_EQ(Extract("The 360 members voted.").claims.size(), 1u);
}

TEST(ExclusionsTest, ParallelElidedCountsKeepOne) {
  Document d = Extract(
      "Of my four grandparents, one is of Japanese descent, two are from "
      "Europe, and one is native American.");
  EXPECT_EQ(d.claims.size(), 4u) << ::testing::PrintToString(Texts(d));
  Document w = Extract("We won one (North Carolina) and lost three (Montana).");
  EXPECT_EQ(w.claims.size(), 2u) << ::testing::PrintToString(Texts(w));
  // Without a parallel count, "one is" stays a pronoun.
  EXPECT_TRUE(Extract("One is tempted to laugh at it.").claims.empty());
  EXPECT_TRUE(Extract("It is the one (they say) that won.").claims.empty());
}

TEST(ExclusionsTest, OneThingBeforeAColonCounts) {
  Document d =
      Extract("We may say one thing: Russia has nothing to do with it.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "thing");
  EXPECT_TRUE(Extract("One thing is clear: no one cares.").claims.empty());
}

TEST(ExclusionsTest, TrackAndPartyCompoundsCount) {
  Document d = Extract("Seoul kept a two-track policy and a two-party system.");
  ASSERT_EQ(d.claims.size(), 2u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].unit, "track");
  EXPECT_EQ(d.claims[1].unit, "party");
  EXPECT_TRUE(Extract("It was a one-sided, two-faced affair.").claims.empty());
}

TEST(ExclusionsTest, NumberSignAcrossASentenceSplitAndPercentNames) {
  EXPECT_TRUE(Extract("He may tie Eisenhower for the most No. 1 finishes.")
                  .claims.empty());
  Document p = Extract("CleanCare NoGerm Advanced Hand Sanitizer 75% Alcohol");
  ASSERT_EQ(p.claims.size(), 1u) << ::testing::PrintToString(Texts(p));
  EXPECT_EQ(p.claims[0].value, 75);
  EXPECT_TRUE(Extract("He ran Windows 10 in Section 5.").claims.empty());
}

TEST(ExclusionsTest, OneBeforeAPresentReportingVerbIsTheArticle) {
  EXPECT_TRUE(Extract("One estimate suggests a delay.").claims.empty());
  EXPECT_EQ(Extract("Only one estimate was made.").claims.size(), 1u);
}

TEST(ExclusionsTest, ByOneEstimateAndRadioStationsAreNoClaims) {
  Document d = Extract("Sales fell, by one estimate, to 400,000 barrels.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(d.claims[0].value, 400000);
  EXPECT_TRUE(Extract("He spoke on Lubbock's 95.1 FM radio.").claims.empty());
}

TEST(ExclusionsTest, LabelsAddressesEmergencyNumbersAndListMarkers) {
  Document d = Extract(
      "The state can move to phase two, see pages 82 or 122, and a 911 call "
      "came from 7 West Drive. It has parts: 1) the wall, 2) the gate.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  // Counts stay: "two phases", "3 Wall Street banks".
  Document k = Extract("It has two phases and 3 Wall Street banks joined.");
  EXPECT_EQ(k.claims.size(), 2u) << ::testing::PrintToString(Texts(k));
}

TEST(ExclusionsTest, TalliesNamesAndIdioms) {
  Document d = Extract(
      "The House voted 226 to 191 and the panel voted 16 to 0. The Gang of "
      "Eight met one by one for the number one priority, a one-two punch in "
      "a zero-sum game.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  // Ranges and changes stay.
  Document r = Extract("Prices fell 20 to 15 percent; it grew from 9 to 4.");
  EXPECT_FALSE(r.claims.empty());
  Document g = Extract("Between 8 and 10 people came, 10 to 20 more later.");
  ASSERT_EQ(g.claims.size(), 2u) << ::testing::PrintToString(Texts(g));
  EXPECT_TRUE(g.claims[0].is_range);
  EXPECT_TRUE(g.claims[1].is_range);
}

// Regression: "one" before a capitalised modifier ("One NASA study had
// planes fly") became a claim once the head noun was found; it is the
// article unless a bound, a negation, a parallel count or a casualty marks
// a count (eval/data/README.md: "one man said" is no quantity).
TEST(ExclusionsTest, OneBeforeACapitalisedModifierIsTheArticle) {
  Document d = Extract(
      "One Harvard survey had students keep diaries. Later one Ohio senator "
      "is pushing a bill, and one Labour councillor, Ann Reed, objected.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  // Counts stay: a bound, "only", "one more", a negation, parallel counts
  // and casualties.
  EXPECT_EQ(Extract("It signed off on at least one FBI request.").claims.size(),
            1u);
  EXPECT_EQ(Extract("There is only one Senate bill left.").claims.size(), 1u);
  EXPECT_EQ(Extract("We need one more Cabinet member.").claims.size(), 1u);
  EXPECT_EQ(Extract("They didn't lose one Labour seat.").claims.size(), 1u);
  Document p =
      Extract("The panel had three Tory members and one Green member.");
  EXPECT_EQ(p.claims.size(), 2u) << ::testing::PrintToString(Texts(p));
  Document c = Extract("VICTIMS: One Dutch tourist killed in the raid.");
  EXPECT_EQ(c.claims.size(), 1u) << ::testing::PrintToString(Texts(c));
  // Lowercase modifiers are untouched ("one tired monopoly").
  EXPECT_EQ(Extract("They face one tired monopoly.").claims.size(), 1u);
}

// Ratios written as ranges are no quantities ("a 17 to 1 ratio").
TEST(ExclusionsTest, RatiosWrittenAsRangesAreNoClaims) {
  Document d = Extract(
      "Men outnumber women by a 12 to 1 ratio, a 3-1 ratio, a 5-to-2 ratio.");
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  Document r = Extract("Between 12 and 14 ratios were computed.");
  EXPECT_FALSE(r.claims.empty());
}

}  // namespace
}  // namespace whosaid
