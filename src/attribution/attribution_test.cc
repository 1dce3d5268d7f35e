// End-to-end tests of the Attributor on texts written for them: relations,
// their speakers and the bounds of their contents (the quotation forms are in
// attribution_quotations_test.cc, the model file and cue tagger in
// model_test.cc and cue_tagger_test.cc).
#include "src/attribution/attribution.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "src/attribution/attributor_test_util.h"
#include "whosaid/document.h"

namespace whosaid {
namespace {

TEST_F(AttributorTest, DirectQuote) {
  Document d = Run("“We will rebuild the harbour first,” Okafor said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.content), "“We will rebuild the harbour first,”");
  EXPECT_EQ(d.Text(q.cue), "said");
  EXPECT_EQ(d.Text(q.speaker), "Okafor");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_GT(q.score, 0.5f);
}

TEST_F(AttributorTest, SplitQuoteIsOneRelationWithParts) {
  Document d =
      Run("“The budget is balanced,” she said, “and the schools will get "
          "every cent they were promised.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.speaker), "she");
  EXPECT_EQ(d.Text(q.cue), "said");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(d.Text(q.parts[0]), "“The budget is balanced,”");
  EXPECT_EQ(d.Text(q.parts[1]),
            "“and the schools will get every cent they were promised.”");
  EXPECT_EQ(q.content.begin, q.parts[0].begin);
  EXPECT_EQ(q.content.end, q.parts[1].end);
  // Both parts are quoted: the reporting clause between them does not make
  // the quotation mixed.
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  // An adverbial of the reporting clause is in neither part.
  d =
      Run("“The budget is balanced,” she said on Tuesday, “and the schools "
          "will get every cent they were promised.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.Text(d.quotes[0].parts[1]),
            "“and the schools will get every cent they were promised.”");
  EXPECT_EQ(d.quotes[0].kind, QuoteKind::kDirect);
}

// With Options::speech_cues_only, an indirect relation whose cue is a deed
// or an intention is dropped; a report of speech in the same text stays.
TEST_F(AttributorTest, SpeechCuesOnlyDropsDeedsAndIntentions) {
  const std::string text =
      "The harbour master pleaded guilty to falsifying the logs. Her "
      "lawyer declined to comment on the plea. The port authority said the "
      "ferries would run on schedule.";
  Document all = Run(text);
  ASSERT_NE(ByCue(all, "said"), nullptr);
  Options options;
  options.clean = false;
  options.model_dir = ModelDir();
  options.speech_cues_only = true;
  auto ex = Extractor::Create(options);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  RawDocument raw;
  raw.id = "t";
  raw.body = text;
  Document strict = ex.value()->Extract(raw);
  EXPECT_EQ(ByCue(strict, "pleaded guilty"), nullptr);
  EXPECT_EQ(ByCue(strict, "pleaded"), nullptr);
  EXPECT_EQ(ByCue(strict, "declined"), nullptr);
  ASSERT_NE(ByCue(strict, "said"), nullptr);
  EXPECT_EQ(strict.Text(ByCue(strict, "said")->content),
            "the ferries would run on schedule");
  EXPECT_LT(strict.quotes.size(), all.quotes.size());
}

TEST_F(AttributorTest, IndirectWithThat) {
  Document d =
      Run("The mayor said that the bridge would reopen to traffic in May.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "The mayor");
  EXPECT_EQ(d.Text(q->content),
            "that the bridge would reopen to traffic in May");
  EXPECT_EQ(q->kind, QuoteKind::kIndirect);
}

TEST_F(AttributorTest, AccordingTo) {
  Document d =
      Run("Exports rose by 4 percent last year, according to the trade "
          "ministry.");
  const Attribution* q = ByCue(d, "according to");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "the trade ministry");
  EXPECT_EQ(d.Text(q->content), "Exports rose by 4 percent last year");
}

TEST_F(AttributorTest, InvertedSaidName) {
  Document d = Run("“Prices will keep rising,” said Lindqvist.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "Lindqvist");
  EXPECT_EQ(d.Text(q->content), "“Prices will keep rising,”");
}

TEST_F(AttributorTest, PronounSpeaker) {
  Document d =
      Run("The senator spoke for an hour. He said the report was deeply "
          "flawed.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "He");
  EXPECT_EQ(d.Text(q->content), "the report was deeply flawed");
}

// Regression: the speaker of a participle cue after a long report lies beyond
// the source window, and the decoder took a name from inside the report
// ("Obama"). A speaker inside another relation's content cannot speak a cue
// outside it; the reporting clause's speaker is taken.
TEST_F(AttributorTest, ParticipleCueDoesNotTakeASpeakerFromTheReport) {
  Document d =
      Run("Transit Authority chair Ruth Alvarez said on Sunday she was "
          "\"flabbergasted\" by the Obama administration's proposal to cut the "
          "subway repair budget by a third over the coming decade, saying the "
          "board had wasted three weeks on a \"hopeless\" plan.");
  const Attribution* said = ByCue(d, "said");
  const Attribution* saying = ByCue(d, "saying");
  ASSERT_NE(said, nullptr);
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(d.Text(said->speaker), "Transit Authority chair Ruth Alvarez");
  EXPECT_EQ(d.Text(saying->speaker), "Transit Authority chair Ruth Alvarez");
  EXPECT_EQ(d.Text(saying->content),
            "the board had wasted three weeks on a \"hopeless\" plan");
}

// "That said," opening a sentence is a discourse marker, not a report; the
// same words reporting speech still are.
TEST_F(AttributorTest, ThatSaidOpeningASentenceIsNoReport) {
  Document d =
      Run("The council approved the budget on Monday. That said, the mayor "
          "still has doubts about the new bridge. Having said that, the vote "
          "was close. That being said, the plan goes ahead. Ana Ruiz said the "
          "bridge was too expensive.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.Text(d.quotes[0].speaker), "Ana Ruiz");
  EXPECT_EQ(d.Text(d.quotes[0].content), "the bridge was too expensive");
}

// Regression: after "... Barlow wrote on Twitter." the content was taken
// from the next paragraph's quotation; without a colon the next paragraph
// is not the report's content, and a quotation of three sentences before
// the cue is reached.
TEST_F(AttributorTest, QuoteBeforeTheCueNotTheNextParagraph) {
  Document d =
      Run("\"It never ends! No problem!\" Barlow wrote on Twitter.\n\n"
          "\"Another rumour out there. It never ends! No problem!\" Barlow "
          "wrote on Twitter.\n\n"
          "\"Same story again.\" Barlow wrote on Twitter.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.Text(d.quotes[0].content), "\"It never ends! No problem!\"");
  EXPECT_EQ(d.Text(d.quotes[1].content),
            "\"Another rumour out there. It never ends! No problem!\"");
  EXPECT_EQ(d.Text(d.quotes[2].content), "\"Same story again.\"");
}

// Regression: a party-and-state tag inside a speaker ("D-Queens") was taken
// as the speaker of the next cue; it is a piece of the whole speaker.
TEST_F(AttributorTest, AppositivePieceOfASpeakerIsTheWholeSpeaker) {
  Document d =
      Run("Transit Authority chair Ruth Alvarez, D-Queens, said on Sunday she "
          "was \"flabbergasted\" by the Obama administration's proposal to cut "
          "the subway repair budget by a third over the coming decade, saying "
          "the board had wasted three weeks on a \"hopeless\" plan.");
  const Attribution* saying = ByCue(d, "saying");
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(d.Text(saying->speaker),
            "Transit Authority chair Ruth Alvarez, D-Queens,");
}

// Regression (attr7): a weak report inside a strong one's content ("is
// expected") was kept first by its larger margin and cut the outer content.
TEST_F(AttributorTest, OuterStrongReportKeepsItsContent) {
  Document d =
      Run("The mayor is expected to announce new bus fares on Friday, city "
          "officials said.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "city officials");
  EXPECT_EQ(d.Text(q->content).substr(0, 9), "The mayor");
}

// Regression (cue15): the second predicate of a coordination ("... and
// warned against") was dropped as a report inside the first content, which
// ran on over it.
TEST_F(AttributorTest, CoordinatedPredicatesAreTwoRelations) {
  Document d =
      Run("Senator Maria Okafor, a Vermont Democrat, said the bill would raise "
          "bus fares and warned against cuts to rural routes.");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content), "the bill would raise bus fares");
  const Attribution* warned = ByCue(d, "warned against");
  ASSERT_NE(warned, nullptr);
  EXPECT_EQ(d.Text(warned->content), "cuts to rural routes");
  EXPECT_EQ(d.Text(warned->speaker), d.Text(said->speaker));
  // A comma before the conjunction stays out of the first content too.
  d =
      Run("Okafor said the council had approved the budget, and promised a "
          "vote on the fares next month.");
  said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content), "the council had approved the budget");
  ASSERT_NE(ByCue(d, "promised"), nullptr);
}

// Two clauses joined by "and" under one report are one content: only a
// conjunction right before a tagged cue ends it.
TEST_F(AttributorTest, CoordinatedClausesStayOneContent) {
  Document d =
      Run("City officials said the bridge would reopen in May and the repairs "
          "would cost less than planned.");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content),
            "the bridge would reopen in May and the repairs would cost less "
            "than planned");
}

// A reporting clause after its content ("CLAUSE, SPEAKER CUE [ADDRESSEE]
// [WHEN]"): what was said is the clause before the speaker, never a content
// that holds the speaker and cue nor the addressee and time after the cue.
TEST_F(AttributorTest, ReportingClauseAfterItsContent) {
  struct Case {
    const char* text;
    const char* cue;
    const char* content;
  };
  for (const Case& c : {
           Case{"Kestrel Air will drop 120 routes this summer, the airline "
                "told travel agents on Monday.",
                "told", "Kestrel Air will drop 120 routes this summer"},
           Case{"Fares will rise by 5 percent in January, the rail operator "
                "announced on Friday.",
                "announced", "Fares will rise by 5 percent in January"},
           Case{"The mill will close two of its lines by June, the company "
                "announced on Tuesday.",
                "announced", "The mill will close two of its lines by June"},
           // The speaker inside the content, after the clause's comma.
           Case{"Ticket prices will rise by ten percent, the transit agency "
                "said on Friday. The bridge will close for repairs in June, "
                "city officials confirmed Monday.",
                "confirmed", "The bridge will close for repairs in June"},
           // A report set off by commas inside what was said stays inside.
           Case{"The museum, the curator said, would reopen in May with a "
                "new wing.",
                "said",
                "The museum, the curator said, would reopen in May with a new "
                "wing"},
       }) {
    Document d = Run(c.text);
    const Attribution* q = ByCue(d, c.cue);
    ASSERT_NE(q, nullptr) << c.text;
    EXPECT_EQ(d.Text(q->content), c.content);
  }
}

TEST_F(AttributorTest, NoRelationWithoutReport) {
  Document d = Run("The river rose in one night and the fields were lost.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST_F(AttributorTest, SpansAreValidOnUnbalancedQuotes) {
  Document d =
      Run("“This never closes, he said. ” And ” this “ is “ odd ” said "
          "Brandt, “who said nothing.");
  for (const auto& a : d.quotes) {
    EXPECT_LT(a.content.begin, a.content.end);
    EXPECT_LE(a.content.end, d.text.size());
    EXPECT_LE(a.cue.end, d.text.size());
    EXPECT_LE(a.speaker.end, d.text.size());
  }
}

double Seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

TEST_F(AttributorTest, PathologicalInputsFinishQuickly) {
  std::string quotes;
  for (int i = 0; i < 10000; ++i) quotes += i % 2 ? "” said " : "“";
  std::string words;
  while (words.size() < (1u << 20)) words += "officials said that it ";
  std::string one_sentence;
  while (one_sentence.size() < (1u << 20)) one_sentence += "“a” b, ";
  for (const std::string* s : {&quotes, &words, &one_sentence}) {
    double t = Seconds([&] {
      Document d = Run(*s);
      EXPECT_TRUE(d.error.ok());
      for (const auto& a : d.quotes) EXPECT_LE(a.content.end, d.text.size());
    });
    EXPECT_LT(t, 20.0) << "input of " << s->size() << " bytes";
  }
}

// Regression: page furniture before a colon ("Photograph: ...", "Read:
// ...") was read as a speaker and its line as a direct quote.
TEST_F(AttributorTest, HeadingBeforeAColonIsNoSpeaker) {
  Document d =
      Run("Photograph: Dana Reyes for the Harbor Times\n\nRead: Why the harbor "
          "pier closed after the storm of 2019\n\nThe pier was closed for "
          "repairs, the mayor said.");
  for (const Attribution& q : d.quotes) {
    EXPECT_NE(d.Text(q.cue), ":") << d.Text(q.speaker);
  }
  EXPECT_NE(ByCue(d, "said"), nullptr);
}

// The page the project was born from (read from ../shared when present).
TEST_F(AttributorTest, ExamplePage) {
  std::string path = std::string(WHOSAID_SOURCE_DIR) +
                     "/../shared/examples/rt-2017-12-28-coalition-syria.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "example page not found at " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  Document d = Run(ss.str());
  struct Want {
    const char* speaker_prefix;
    const char* cue;
    const char* content_piece;
  };
  const Want wants[] = {
      {"Gen. Felix Gedney", "said", "We will continue to deconflict"},
      {"The general", "claimed", "limited number of ISIS militants"},
      {"Gedney", "added", "in areas controlled by partner forces"},
      {"he", "went on to say", "They seem to be moving with impunity"},
      {"Putin", "said", "quickly dissolving under attacks"},
      {"Putin", "announced", "the most battle-hardened grouping"},
      {"Russian Chief of General Staff Valery Gerasimov", "said",
       "60-70 sorties a day"},
      {"Gerasimov", "said", "It appears the goals of the coalition"},
      {"US President Donald Trump", "said", "We’ve won"},
      {"US President Donald Trump", "", "knocking the hell out of"},
      {"French Foreign Minister Jean-Yves Le Drian", "accusing",
       "appropriating"},
      {"both the Defense Ministry and President Vladimir Putin", "according to",
       "98 percent"},
      {"the commander of the Russian forces in Syria", "according to",
       "67,000 square kilometers"},
  };
  for (const Want& w : wants) {
    bool found = false;
    for (const auto& q : d.quotes) {
      if (d.Text(q.content).find(w.content_piece) == std::string::npos) {
        continue;
      }
      found = true;
      EXPECT_EQ(d.Text(q.speaker).substr(0, strlen(w.speaker_prefix)),
                w.speaker_prefix)
          << "for " << w.content_piece;
      if (*w.cue) {
        EXPECT_NE(d.Text(q.cue).find(w.cue), std::string::npos)
            << "cue " << d.Text(q.cue) << " for " << w.content_piece;
      }
    }
    EXPECT_TRUE(found) << "no relation with content containing "
                       << w.content_piece;
  }
}

// A lone adverb in -ly before the cue is no speaker (it once was:
// "forcefully"); it is part of the cue (AdjustCueBounds).
TEST_F(AttributorTest, LoneLyAdverbIsNoSpeaker) {
  Document d =
      Run("Ida Hale, the chief executive of the harbour trust, forcefully "
          "told reporters that the port would stay open.");
  const Attribution* q = ByCue(d, "forcefully told");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->content), "that the port would stay open");
  EXPECT_FALSE(q->speaker.empty());
  EXPECT_NE(d.Text(q->speaker), "forcefully");
}

// The whole pipeline: an adverb and a pronoun's clitic before the cue are
// the cue's; the clitic is not the speaker's.
TEST_F(AttributorTest, CueTakesAdverbAndPronounClitic) {
  // Before the rule: cue "said", and cue "denouncing" with speaker "It’s".
  Document d =
      Run("The ferry captain later said that the crossing would reopen in May. "
          "It’s denouncing what it calls a reckless plan for the old pier.");
  EXPECT_NE(ByCue(d, "later said"), nullptr);
  const Attribution* q = ByCue(d, "’s denouncing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "It");
}

TEST_F(AttributorTest, NominalReportWithItsPossessor) {
  // Without the rule neither sentence has a relation: the tagger does not
  // tag these nouns.
  Document d = Run(
      "Despite the mayor’s assurances that the old pier is safe, trucks were "
      "turned away. Engineers were surprised by the harbour master’s "
      "insistence that the old pier is safe for heavy trucks.");
  const Attribution* q = ByCue(d, "assurances");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "the mayor’s");
  EXPECT_EQ(d.Text(q->content), "that the old pier is safe");
  q = ByCue(d, "insistence");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "the harbour master’s");
  EXPECT_EQ(d.Text(q->content), "that the old pier is safe for heavy trucks");
  // Inside another relation's content it adds nothing.
  d = Run(
      "Okafor said that despite the mayor’s assurances that the old pier is "
      "safe, trucks were turned away.");
  EXPECT_EQ(ByCue(d, "assurances"), nullptr);
  EXPECT_NE(ByCue(d, "said"), nullptr);
}

}  // namespace
}  // namespace whosaid
