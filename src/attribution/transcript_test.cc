#include "src/attribution/transcript.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "src/pipeline/extract_test_util.h"

namespace whosaid {
namespace {

using test_util::ExtractText;

const Attribution* QuoteStartingWith(const Document& d,
                                     std::string_view start) {
  for (const Attribution& q : d.quotes) {
    if (d.Text(q.content).starts_with(start)) return &q;
  }
  return nullptr;
}

TEST(TranscriptTest, TurnsOfAnInterviewAreDirectQuotes) {
  Document d = ExtractText(
      "Senator Maria Okonkwo spoke to the host, Daniel Brennan, on Sunday.\n\n"
      "BRENNAN: Will the bill pass this year?\n\n"
      "OKONKWO: It will pass. We have 52 votes in the Senate and more are "
      "coming.\n\n"
      "BRENNAN: And the cost?\n\n"
      "OKONKWO: About 40 billion dollars over ten years, which is less than "
      "people think.\n");
  const Attribution* votes = QuoteStartingWith(d, "It will pass.");
  ASSERT_NE(votes, nullptr);
  EXPECT_EQ(votes->kind, QuoteKind::kDirect);
  EXPECT_EQ(d.Text(votes->speaker), "OKONKWO");
  EXPECT_EQ(votes->speaker_name, "Maria Okonkwo");
  EXPECT_EQ(d.Text(votes->cue), ":");
  EXPECT_EQ(d.Text(votes->content),
            "It will pass. We have 52 votes in the Senate and more are "
            "coming.");
  const Attribution* question = QuoteStartingWith(d, "Will the bill");
  ASSERT_NE(question, nullptr);
  EXPECT_EQ(question->speaker_name, "Daniel Brennan");
  // A number in a turn is the speaker's claim.
  bool found = false;
  for (const Claim& c : d.claims) {
    if (d.Text(c.span) == "52") {
      found = true;
      EXPECT_EQ(c.source_name, "Maria Okonkwo");
    }
  }
  EXPECT_TRUE(found);
  // Sorted by content start, as Attribute() leaves them.
  for (size_t i = 1; i < d.quotes.size(); ++i) {
    EXPECT_LE(d.quotes[i - 1].content.begin, d.quotes[i].content.begin);
  }
}

TEST(TranscriptTest, HeadingsAndLoneLabelsAreNoTurns) {
  Document d = ExtractText(
      "The council met on Monday.\n\n"
      "UPDATE: The vote was moved to Friday, officials confirmed.\n\n"
      "WARNING: Some readers may find the images distressing.\n\n"
      "NASA: The launch window opens at dawn.\n");
  // (The learned tagger may read a colon as a cue of its own; turns are
  // the direct quotes with a colon cue.)
  for (const Attribution& q : d.quotes) {
    EXPECT_FALSE(q.kind == QuoteKind::kDirect && d.Text(q.cue) == ":")
        << d.Text(q.content);
  }
}

TEST(TranscriptTest, FieldListsAndFactChecksAreNoDialogue) {
  Document d = ExtractText(
      "Recent attacks, by date.\n\n"
      "TARGET: A market in the old town\n\n"
      "ATTACKER: Unidentified gunmen\n\n"
      "TARGET: The central bus station\n\n"
      "ATTACKER: A lone man with a knife\n\n"
      "CLAIM: Crime rose 40 percent.\n\n"
      "FACT: It fell by 3 percent.\n\n"
      "CLAIM: Nobody was arrested.\n\n"
      "FACT: Police arrested 12 people.\n");
  // (The learned tagger may read a colon as a cue of its own; turns are
  // the direct quotes with a colon cue.)
  for (const Attribution& q : d.quotes) {
    EXPECT_FALSE(q.kind == QuoteKind::kDirect && d.Text(q.cue) == ":")
        << d.Text(q.content);
  }
}

TEST(TranscriptTest, UnknownLabelsCountInADialogue) {
  Document d = ExtractText(
      "Here is the exchange.\n\n"
      "HOST: Where were you that night?\n\n"
      "GUEST: At home, with my family.\n\n"
      "HOST: Can anyone confirm that?\n\n"
      "GUEST: My wife and two neighbours can.\n");
  const Attribution* home = QuoteStartingWith(d, "At home");
  ASSERT_NE(home, nullptr);
  EXPECT_EQ(d.Text(home->speaker), "GUEST");
  EXPECT_EQ(home->speaker_name, "");  // a role, not a name
  Document named = ExtractText(
      "From the broadcast.\n\n"
      "SEN. ÉLODIE O’NEILL-BRANDT: We will vote on Friday.\n\n"
      "HOST: Are you sure?\n\n"
      "SEN. ÉLODIE O’NEILL-BRANDT: Yes, quite sure.\n\n"
      "HOST: Thank you, Senator.\n");
  const Attribution* vote = QuoteStartingWith(named, "We will vote");
  ASSERT_NE(vote, nullptr);
  EXPECT_EQ(vote->speaker_name, "Élodie O’Neill-Brandt");
}

}  // namespace
}  // namespace whosaid
