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

// Regression: numbers inside the "content" of an action read as a
// relation ("The council approved 40 new buses", "pleaded guilty to ...")
// took the actor as their source. Only a cue that states or proposes
// (said, reported, found, called for, a colon) gives its speaker, or the
// speaker's own quoted words.
TEST(SourcesTest, AnActionsActorIsNoSource) {
  for (const std::string cue : {"approved", "reported", "called for"}) {
    SCOPED_TRACE(cue);
    Document d;
    d.text = "The council " + cue + " 40 new buses.";
    Segment(SegmentOptions(), &d);
    Attribution q;
    const uint32_t cue_at = static_cast<uint32_t>(d.text.find(cue));
    q.cue = {cue_at, static_cast<uint32_t>(cue_at + cue.size())};
    q.content = {static_cast<uint32_t>(d.text.find("40")),
                 static_cast<uint32_t>(d.text.find("buses") + 5)};
    q.speaker = {0, static_cast<uint32_t>(std::string("The council").size())};
    q.kind = QuoteKind::kIndirect;
    d.quotes.push_back(q);
    ExtractClaims(&d);
    ASSERT_EQ(d.claims.size(), 1u);
    if (cue == "approved") {
      EXPECT_TRUE(d.claims[0].source.empty());
    } else {
      EXPECT_EQ(d.claims[0].source_name, "The council");
    }
  }
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

// Regression: an unresolved "it" (a picture, a study) became the claim's
// source; a thing pronoun with no name gives no source at all, while a
// resolved one keeps its name.
TEST(SourcesTest, UnresolvedThingPronounIsNoSource) {
  for (const char* opener : {"It", "This"}) {
    Document d;
    d.text = std::string(opener) + " shows that 4 groups of readers formed.";
    Segment(SegmentOptions(), &d);
    Attribution q;
    q.content = {static_cast<uint32_t>(d.text.find("4 groups")),
                 static_cast<uint32_t>(d.text.find("formed") + 6)};
    q.speaker = {0, static_cast<uint32_t>(std::string(opener).size())};
    d.quotes.push_back(q);
    ExtractClaims(&d);
    ASSERT_EQ(d.claims.size(), 1u) << opener;
    EXPECT_EQ(d.claims[0].attribution, 0) << opener;
    EXPECT_TRUE(d.claims[0].source.empty()) << opener;
    EXPECT_TRUE(d.claims[0].source_name.empty()) << opener;
  }
  Document named;
  named.text = "It said that 4 groups of readers formed.";
  Segment(SegmentOptions(), &named);
  Attribution q;
  q.content = {static_cast<uint32_t>(named.text.find("4 groups")),
               static_cast<uint32_t>(named.text.find("formed") + 6)};
  q.speaker = {0, 2};
  q.speaker_name = "Norvella";
  named.quotes.push_back(q);
  ExtractClaims(&named);
  ASSERT_EQ(named.claims.size(), 1u);
  EXPECT_EQ(named.Text(named.claims[0].source), "It");
  EXPECT_EQ(named.claims[0].source_name, "Norvella");
}

TEST(SourcesTest, AgeInReportedSpeechIsTheReporters) {
  Document d;
  d.text =
      "Neighbors said the 23-year-old had fired 40 rounds and that \"the "
      "24-year-old was kind.\"";
  Segment(SegmentOptions(), &d);
  Attribution q;
  q.content = {static_cast<uint32_t>(d.text.find("the 23")),
               static_cast<uint32_t>(d.text.size())};
  q.speaker = {0, 9};
  q.kind = QuoteKind::kMixed;
  d.quotes.push_back(q);
  ExtractClaims(&d);
  const Claim* age = Find(d, "23-year-old");
  const Claim* rounds = Find(d, "40");
  const Claim* quoted_age = Find(d, "24-year-old");
  ASSERT_NE(age, nullptr) << ::testing::PrintToString(Texts(d));
  ASSERT_NE(rounds, nullptr) << ::testing::PrintToString(Texts(d));
  ASSERT_NE(quoted_age, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_TRUE(age->source.empty());  // a description in the reporter's words
  EXPECT_EQ(age->attribution, -1);
  EXPECT_EQ(rounds->source_name, "Neighbors");
  EXPECT_EQ(quoted_age->source_name, "Neighbors");  // their own words
}

// "those 70 and older" bounds a group in what the speaker states; unlike
// "the 23-year-old" above it is the speaker's, not a reporter's gloss.
TEST(SourcesTest, AgeBoundingAGroupInReportedSpeechIsTheSpeakers) {
  Document d;
  d.text =
      "The study found that death rates among those 70 and older and among "
      "adults younger than 30 fell.";
  Segment(SegmentOptions(), &d);
  Attribution q;
  q.content = {static_cast<uint32_t>(d.text.find("death")),
               static_cast<uint32_t>(d.text.size() - 1)};
  q.speaker = {0, 9};
  q.kind = QuoteKind::kIndirect;
  d.quotes.push_back(q);
  ExtractClaims(&d);
  for (const char* age : {"70", "30"}) {
    const Claim* c = Find(d, age);
    ASSERT_NE(c, nullptr) << age << ::testing::PrintToString(Texts(d));
    EXPECT_EQ(c->unit, "year of age") << age;
    EXPECT_EQ(c->source_name, "The study") << age;
  }
}

TEST(SourcesTest, AgeToldByAClauseInReportedSpeechIsTheSpeakers) {
  Document d;
  d.text =
      "His aunt said the trouble began when Ortiz was 9, and that Ortiz, "
      "who was 30, left.";
  Segment(SegmentOptions(), &d);
  Attribution q;
  q.content = {static_cast<uint32_t>(d.text.find("the trouble")),
               static_cast<uint32_t>(d.text.size() - 1)};
  q.speaker = {0, 8};
  q.kind = QuoteKind::kIndirect;
  d.quotes.push_back(q);
  ExtractClaims(&d);
  const Claim* c = Find(d, "9");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(c->unit, "year of age");
  EXPECT_EQ(c->source_name, "His aunt");
  // The appositive age is the reporter's.
  const Claim* w = Find(d, "30");
  ASSERT_NE(w, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(w->unit, "year of age");
  EXPECT_TRUE(w->source_name.empty());
}

// A number in what a speaker is praised or blamed *for* is given, not
// claimed: the writer states it. A reporting verb and the judge's own
// quoted words keep the speaker.
TEST(SourcesTest, DeedOfAJudgingCueIsTheWriters) {
  Document d;
  d.text =
      "The mayor thanked the crews for clearing 40 roads and for \"the 12 "
      "bridges we reopened.\" The chief said 9 roads stay shut.";
  Segment(SegmentOptions(), &d);
  auto at = [&](std::string_view w) {
    return static_cast<uint32_t>(d.text.find(w));
  };
  Attribution judged;
  judged.cue = {at("thanked"), at("thanked") + 7};
  judged.content = {at("the crews"), at(" The chief")};
  judged.speaker = {0, 9};
  judged.kind = QuoteKind::kMixed;
  Attribution said;
  said.cue = {at("said"), at("said") + 4};
  said.content = {at("9 roads"), static_cast<uint32_t>(d.text.size())};
  said.speaker = {at("The chief"), at("The chief") + 9};
  d.quotes = {judged, said};
  ExtractClaims(&d);
  const Claim* cleared = Find(d, "40");
  const Claim* quoted = Find(d, "12");
  const Claim* shut = Find(d, "9");
  ASSERT_NE(cleared, nullptr) << ::testing::PrintToString(Texts(d));
  ASSERT_NE(quoted, nullptr) << ::testing::PrintToString(Texts(d));
  ASSERT_NE(shut, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(cleared->attribution, -1);
  EXPECT_TRUE(cleared->source.empty());
  EXPECT_EQ(quoted->source_name, "The mayor");  // the judge's own words
  EXPECT_EQ(shut->source_name, "The chief");
}

}  // namespace
}  // namespace whosaid
