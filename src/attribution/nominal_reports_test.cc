#include "src/attribution/nominal_reports.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/segment/segment.h"

namespace whosaid::attribution {
namespace {

struct Found {
  std::string cue, source, after_that;
};

std::vector<Found> Find(const std::string& text) {
  Document d;
  d.text = text;
  Segment(SegmentOptions(), &d);
  DocView v;
  v.Build(d);
  std::vector<NominalReport> out;
  FindNominalReports(d, v, &out);
  auto text_of = [&](TSpan s) {
    return std::string(
        d.Text(Span{d.tokens[s.b].span.begin, d.tokens[s.e].span.end}));
  };
  std::vector<Found> found;
  for (const NominalReport& r : out) {
    found.push_back({text_of(r.cue), text_of(r.source),
                     text_of(TSpan{r.that + 1, r.that + 1})});
  }
  return found;
}

TEST(NominalReports, PossessorNounAndThatClause) {
  auto f = Find(
      "Critics mocked Ana Ruiz’s claim that the harbour was safe. "
      "They also recalled his earlier warning that fares would rise, and "
      "the mayor's insistence that “nothing is lost.” The Port Authority's "
      "estimates that 40 ships will call were cut.");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].cue, "claim");
  EXPECT_EQ(f[0].source, "Ana Ruiz’s");
  EXPECT_EQ(f[0].after_that, "the");
  // One lowercase modifier joins the cue.
  EXPECT_EQ(f[1].cue, "earlier warning");
  EXPECT_EQ(f[1].source, "his");
  EXPECT_EQ(f[2].cue, "insistence");
  EXPECT_EQ(f[2].source, "the mayor's");
  EXPECT_EQ(f[2].after_that, "“");
  EXPECT_EQ(f[3].cue, "estimates");
  EXPECT_EQ(f[3].source, "The Port Authority's");
  EXPECT_EQ(f[3].after_that, "40");
}

TEST(NominalReports, NoPossessorNoClauseNoReport) {
  // No possessor: a determiner, a clitic "is", a plural noun without "the".
  EXPECT_TRUE(Find("The claim that the harbour was safe fell apart.").empty());
  EXPECT_TRUE(Find("It’s a warning that fares will rise.").empty());
  EXPECT_TRUE(
      Find("Some officials' fears that the dam would fail grew.").empty());
  // A relative clause ("that was sent"), a demonstrative after the noun,
  // and a noun that reports nothing.
  EXPECT_TRUE(Find("Her message that was sent on Friday arrived.").empty());
  EXPECT_TRUE(Find("His claim, that one, was odd.").empty());
  EXPECT_TRUE(Find("Ruiz’s boat that sank was old.").empty());
}

TEST(NominalReports, ReportingNounsAreAClosedList) {
  EXPECT_TRUE(IsReportingNoun("claim"));
  EXPECT_TRUE(IsReportingNoun("assurances"));
  EXPECT_FALSE(IsReportingNoun("boat"));
  EXPECT_FALSE(IsReportingNoun("Claim"));  // lower case only
}

}  // namespace
}  // namespace whosaid::attribution
