// Tests for the clause rules on token spans (the rules on documents are
// covered end to end by AttributorTest's coordinated-predicate tests).
#include "src/attribution/clause_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "src/attribution/feature_util.h"
#include "src/attribution/span_test_util.h"

namespace whosaid::attribution {
namespace {

// ReportsNoSpeech on `text`, the cue running from the first occurrence of
// `cue` to that of `cue_last` (the same token when empty), the content
// from `content_first` to the sentence's last word and the speaker the
// first token (none when `no_speaker`).
bool NoSpeech(const std::string& text, const std::string& cue,
              const std::string& content_first,
              const std::string& cue_last = "", bool no_speaker = false) {
  Parsed p(text);
  const int c = TokenOf(p.doc, cue);
  const int ce = cue_last.empty() ? c : TokenOf(p.doc, cue_last);
  const int b = TokenOf(p.doc, content_first);
  int e = static_cast<int>(p.doc.tokens.size()) - 1;
  while (e > b && p.view.cls[e] == internal::kStop) --e;
  const TSpan speaker = no_speaker ? TSpan{} : TSpan{0, 0};
  return ReportsNoSpeech(p.doc, p.view, TSpan{c, ce}, TSpan{b, e}, speaker);
}

TEST(ReportsNoSpeech, DeedsIntentionsAndFeelingsAreNoSpeech) {
  EXPECT_TRUE(NoSpeech("The ferry captain pleaded guilty to two counts.",
                       "pleaded", "guilty"));
  EXPECT_TRUE(
      NoSpeech("The council endorsed the harbour plan.", "endorsed", "the"));
  EXPECT_TRUE(
      NoSpeech("The mayor refused to open the archive.", "refused", "to"));
  EXPECT_TRUE(NoSpeech("The league hopes to finish the stadium by May.",
                       "hopes", "to"));
  EXPECT_TRUE(
      NoSpeech("Fishermen fear that the quota will be cut.", "fear", "that"));
  EXPECT_TRUE(NoSpeech("The bakery did not return a call seeking comment.",
                       "return", "a call"));
  // The feeling before a trailing preposition.
  EXPECT_TRUE(NoSpeech("Fishermen are worried about the new quota.", "are",
                       "the", "about"));
}

TEST(ReportsNoSpeech, SpeechStays) {
  EXPECT_FALSE(
      NoSpeech("The mayor said the archive would open in May.", "said", "the"));
  // A speech act with an infinitive, and a deed verb with a "that" clause.
  EXPECT_FALSE(NoSpeech("The mayor vowed to open the archive.", "vowed", "to"));
  EXPECT_FALSE(NoSpeech("The union charged that the ferry was unsafe.",
                        "charged", "that"));
  // An infinitive after a verb that reports nothing only with "to".
  EXPECT_FALSE(NoSpeech("The mayor declined the offer of a second term.",
                        "declined", "the"));
  // A request is no request for comment without a cue of not answering.
  EXPECT_FALSE(NoSpeech("Prosecutors oppose requests for an early release.",
                        "oppose", "requests"));
  EXPECT_TRUE(NoSpeech("The bakery did not respond to our requests.", "respond",
                       "our"));
  // A verb of speech makes the cue a report, whatever the content (every
  // word of the sorted list is found: "wrote" sorts after "writes").
  EXPECT_FALSE(NoSpeech("The mayor wrote that she hopes to stay.", "wrote",
                        "that", "", true));
  EXPECT_FALSE(NoSpeech("The ferry will run, saying nothing.", "saying",
                        "nothing", "", true));
  EXPECT_FALSE(
      NoSpeech("The mayor said she would not comment.", "said", "she"));
  // Without a speaker only a verb of speech reports.
  EXPECT_TRUE(NoSpeech("The ferry appeared calm on Monday.", "appeared", "calm",
                       "", true));
  EXPECT_FALSE(
      NoSpeech("The ferry appeared calm on Monday.", "appeared", "calm"));
  EXPECT_FALSE(NoSpeech("The ferry will resume service, said on Monday.",
                        "said", "The", "", true));
  // A feeling word governing the verb of the report.
  EXPECT_FALSE(NoSpeech("I would like to stress that the pier is safe.",
                        "would", "that", "stress"));
  // A quotation is the speaker's own words, whatever the cue.
  EXPECT_FALSE(
      NoSpeech("The coach hopes “we get the ball back early.”", "hopes", "“"));
}

TEST(ShareSubject, SecondPredicateTakesTheFirstSpeakerWhenItHasNone) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan none;
  ShareSubject(first_source, first_content, &none);
  EXPECT_EQ(none, first_source);
}

TEST(ShareSubject, APieceOfTheFirstSpeakerOrContentIsReplaced) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan piece{0, 0};  // "Rendell" of "Rendell, a Clinton surrogate,"
  ShareSubject(first_source, first_content, &piece);
  EXPECT_EQ(piece, first_source);
  TSpan in_content{8, 9};
  ShareSubject(first_source, first_content, &in_content);
  EXPECT_EQ(in_content, first_source);
}

TEST(ShareSubject, ASpeakerOfItsOwnStays) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan own{14, 15};
  ShareSubject(first_source, first_content, &own);
  EXPECT_EQ(own, (TSpan{14, 15}));
  TSpan none;
  ShareSubject(TSpan{}, first_content, &none);  // no first speaker to share
  EXPECT_TRUE(none.none());
}

}  // namespace
}  // namespace whosaid::attribution
