#include "src/attribution/source_span.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/segment/segment.h"

namespace whosaid::attribution {
namespace {

// The speaker text left by TrimSourceEnd for the first `words` tokens of
// `text` (a whole sentence; the speaker is its opening).
std::string Trimmed(const std::string& text, int tokens) {
  Document d;
  d.text = text;
  Segment(SegmentOptions(), &d);
  int e = TrimSourceEnd(d, 0, tokens - 1);
  return std::string(
      d.Text(Span{d.tokens[0].span.begin, d.tokens[e].span.end}));
}

TEST(SourceSpanTest, TimeAdverbialsBeforeTheCueAreCut) {
  EXPECT_EQ(Trimmed("Senator Ida Hale on Tuesday dismissed the plan.", 5),
            "Senator Ida Hale");
  EXPECT_EQ(Trimmed("The appeals court this month ruled against it.", 5),
            "The appeals court");
  EXPECT_EQ(Trimmed("Mayor Roth earlier Friday morning said no.", 5),
            "Mayor Roth");
  EXPECT_EQ(Trimmed("Voss also said no.", 2), "Voss");
  EXPECT_EQ(Trimmed("Voss, the envoy, on Monday said no.", 7),
            "Voss, the envoy");
}

// The speaker text that `extend` (ExtendSourceOverPlaceTag or
// ExtendSourceOverListHead) leaves when the decoder's span starts at the
// first occurrence of `start` and ends before `cue`; the first occurrence
// of each of `people` is tagged PERSON.
template <typename Extend>
std::string ExtendedWith(Extend extend, const std::string& text,
                         const std::vector<std::string>& people,
                         const std::string& start, const std::string& cue) {
  Document d;
  d.text = text;
  Segment(SegmentOptions(), &d);
  for (const std::string& name : people) {
    Entity e;
    uint32_t nb = static_cast<uint32_t>(text.find(name));
    e.span = {nb, nb + static_cast<uint32_t>(name.size())};
    e.label = EntityLabel::kPerson;
    d.entities.push_back(e);
  }
  auto token_at = [&](size_t byte) {
    int i = 0;
    while (d.tokens[i].span.begin < byte) ++i;
    return i;
  };
  int b = token_at(text.find(start));
  int e_tok = token_at(text.find(cue)) - 1;
  int nb = extend(d, b, e_tok);
  return std::string(
      d.Text(Span{d.tokens[nb].span.begin, d.tokens[e_tok].span.end}));
}

std::string Extended(const std::string& text, const std::string& person,
                     const std::string& start, const std::string& cue) {
  return ExtendedWith(ExtendSourceOverPlaceTag, text, {person}, start, cue);
}

std::string ListExtended(const std::string& text,
                         const std::vector<std::string>& names,
                         const std::string& start, const std::string& cue) {
  return ExtendedWith(ExtendSourceOverListHead, text, names, start, cue);
}

// Regression: the decoder started speakers at the state after a name
// ("Del., who was ..."), and the state became the speaker's name.
TEST(SourceSpanTest, SpeakerStartedAtAStateTagStartsAtThePerson) {
  EXPECT_EQ(Extended("Ty Moss of Newark, Del., who is a scout leader, wanted "
                     "the ban kept.",
                     "Ty Moss", "Del", "wanted"),
            "Ty Moss of Newark, Del., who is a scout leader,");
  EXPECT_EQ(Extended("Rep. Ana Ruiz, D-Ga., who ran in 2018, promised a vote.",
                     "Ana Ruiz", "D-Ga", "promised"),
            "Ana Ruiz, D-Ga., who ran in 2018,");
  // No person right before the comma: nothing to extend over.
  EXPECT_EQ(Extended("The bill passed. Officials in Newark, Del., who met, "
                     "said no.",
                     "bill", "Del", "said"),
            "Del., who met,");
  // Not a state.
  EXPECT_EQ(
      Extended("Ty Moss, Reuters, said no.", "Ty Moss", "Reuters", "said"),
      "Reuters,");
}

TEST(SourceSpanTest, AdverbsInLyBeforeTheCueAreCut) {
  EXPECT_EQ(Trimmed("The envoys almost universally rejected it.", 4),
            "The envoys");
  EXPECT_EQ(Trimmed("Mayor Roth bluntly said no.", 3), "Mayor Roth");
  // Nouns in -ly are part of the speaker.
  EXPECT_EQ(Trimmed("The Pyle family said no.", 3), "The Pyle family");
  EXPECT_EQ(Trimmed("A city tally showed gains.", 3), "A city tally");
  // So is an adverb of a clause inside the speaker.
  EXPECT_EQ(Trimmed("Voters who left early said no.", 4),
            "Voters who left early");
}

TEST(SourceSpanTest, AdjunctAfterACommaIsCut) {
  EXPECT_EQ(Trimmed("Ada Pyle, waving a flag, said no.", 6), "Ada Pyle");
  EXPECT_EQ(Trimmed("Ada Pyle, in particular, said no.", 6), "Ada Pyle");
  // An appositive and an "including" list stay.
  EXPECT_EQ(Trimmed("Ada Pyle, the mayor, said no.", 6),
            "Ada Pyle, the mayor,");
  EXPECT_EQ(Trimmed("Unions, including dockers, said no.", 5),
            "Unions, including dockers,");
  // A noun in -ing is no participle, and a speaker after an introductory
  // phrase is not cut at its comma.
  EXPECT_EQ(Trimmed("Ports, shipping firms and unions agreed.", 6),
            "Ports, shipping firms and unions");
  EXPECT_EQ(Trimmed("To that, housing advocate Ana Diaz said no.", 7),
            "To that, housing advocate Ana Diaz");
}

TEST(SourceSpanTest, AdverbialOfAClauseInsideTheSpeakerStays) {
  EXPECT_EQ(Trimmed("A survey released Monday found gains.", 4),
            "A survey released Monday");
  EXPECT_EQ(Trimmed("Farmers who marched on Sunday said no.", 5),
            "Farmers who marched on Sunday");
  // The whole span is never cut, nor a span without an adverbial.
  EXPECT_EQ(Trimmed("Today is the day.", 1), "Today");
  EXPECT_EQ(Trimmed("The Monday Club said no.", 3), "The Monday Club");
}

TEST(SourceSpanTest, LowerLyAdverbs) {
  Document d;
  d.text = "Mayor Roth forcefully told the Kelly family and an ally daily.";
  Segment(SegmentOptions(), &d);
  std::vector<std::string> found;
  for (int i = 0; i < static_cast<int>(d.tokens.size()); ++i) {
    if (IsLowerLyAdverb(d, i)) found.emplace_back(d.TokenText(i));
  }
  // Not a name ("Kelly"), nor a noun or adjective in -ly.
  EXPECT_EQ(found, std::vector<std::string>{"forcefully"});
}

// Regression: the decoder started the speakers of a list at its second
// name ("Christie, | Kasich and Bush said").
TEST(SourceSpanTest, SpeakerStartedInsideAListStartsWithTheList) {
  EXPECT_EQ(ListExtended("It rained. Ana Ruiz, Li Wen and Tom Dabb said no.",
                         {"Ana Ruiz", "Li Wen", "Tom Dabb"}, "Li Wen", "said"),
            "Ana Ruiz, Li Wen and Tom Dabb");
  EXPECT_EQ(ListExtended("It rained.\nRuiz, Wen, Dabb and others said no.",
                         {"Ruiz", "Wen", "Dabb"}, "Dabb", "said"),
            "Ruiz, Wen, Dabb and others");
  // The name before the comma does not open the sentence.
  EXPECT_EQ(ListExtended("As Ana Ruiz, Li Wen and Tom Dabb said, no.",
                         {"Ana Ruiz", "Li Wen", "Tom Dabb"}, "Li Wen", "said"),
            "Li Wen and Tom Dabb");
  // No "and" in the span: an appositive, not a list.
  EXPECT_EQ(ListExtended("It rained. Ana Ruiz, the mayor, said no.",
                         {"Ana Ruiz"}, "the mayor", "said"),
            "the mayor,");
}

}  // namespace
}  // namespace whosaid::attribution
