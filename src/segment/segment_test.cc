#include "src/segment/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/segment/tokenizer.h"

namespace whosaid {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) {
    out.emplace_back(text.substr(t.span.begin, t.span.size()));
  }
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(SegmentOptions(), &doc);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

TEST(TokenizerTest, SplitsPunctuationAndQuotes) {
  EXPECT_EQ(Tokens("“We’ve won,” he said."),
            (std::vector<std::string>{"“", "We’ve", "won", ",", "”", "he",
                                      "said", "."}));
}

TEST(TokenizerTest, KeepsNumbersAbbreviationsAndCompounds) {
  EXPECT_EQ(Tokens("Gen. Smith of the U.S. Army flew 60-70 sorties, 1,000 km."),
            (std::vector<std::string>{"Gen.", "Smith", "of", "the", "U.S.",
                                      "Army", "flew", "60-70", "sorties", ",",
                                      "1,000", "km", "."}));
  EXPECT_EQ(Tokens("a well-known $3.5 bn deal, 5%"),
            (std::vector<std::string>{"a", "well-known", "$", "3.5", "bn",
                                      "deal", ",", "5", "%"}));
}

TEST(TokenizerTest, SplitsPossessives) {
  EXPECT_EQ(Tokens("the coalition's chief and Moscow’s role, don't"),
            (std::vector<std::string>{"the", "coalition", "'s", "chief", "and",
                                      "Moscow", "’s", "role", ",", "don't"}));
}

TEST(TokenizerTest, KeepsUrlsAndHandles) {
  EXPECT_EQ(Tokens("see https://example.org/a?b=1. @jane_doe or a@b.com"),
            (std::vector<std::string>{"see", "https://example.org/a?b=1", ".",
                                      "@jane_doe", "or", "a@b.com"}));
}

// capitalized / all_caps of every word and number token against a direct
// reading of their definitions (first code point upper case; at least two
// letters, all upper case), on ASCII, accented, mixed and odd tokens; and
// the token boundaries at ASCII and Unicode spaces and word characters.
TEST(TokenizerTest, CaseFlagsMatchTheirDefinitions) {
  const std::string text =
      "NASA U.S. McDonald ÉCOLE ÉCOle École A I'M IBM's X-RAY x-ray 3M "
      "COVID-19 covid-19 ÀB àB Àb AÉ Aé co\u00ADop CO\u00ADOP 1,000 "
      "\u00A0NBSP\u2003em\u3000ideo ΑΘΗΝΑ Αθήνα XY. ab.\tTAB\nNEW "
      "ÖLPREIS'S über-CHEF";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  int checked = 0;
  for (const Token& t : toks) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    std::string_view w =
        std::string_view(text).substr(t.span.begin, t.span.size());
    int len = 0;
    bool first = true, cap = false, all_upper = true;
    int letters = 0;
    for (size_t i = 0; i < w.size(); i += len) {
      char32_t cp = DecodeUtf8(w, i, &len);
      if (first) cap = IsUpper(cp);
      first = false;
      if (IsLetter(cp)) {
        ++letters;
        all_upper = all_upper && IsUpper(cp);
      }
    }
    EXPECT_EQ(t.capitalized, cap) << w;
    EXPECT_EQ(t.all_caps, letters >= 2 && all_upper) << w;
    ++checked;
  }
  EXPECT_GE(checked, 30);
  EXPECT_EQ(Tokens("co\u00ADop ab\u00A0cd ef\u2003gh 9/11 AT&T"),
            (std::vector<std::string>{"co\u00ADop", "ab", "cd", "ef", "gh",
                                      "9/11", "AT&T"}));
}

TEST(TokenizerTest, QuoteRoles) {
  std::string text = "He said \"no\" and ‘maybe’.";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<QuoteRole> roles;
  for (const auto& t : toks) {
    if (t.kind == TokenKind::kQuote) roles.push_back(t.quote);
  }
  EXPECT_EQ(roles,
            (std::vector<QuoteRole>{QuoteRole::kOpen, QuoteRole::kClose,
                                    QuoteRole::kOpen, QuoteRole::kClose}));
}

TEST(SegmentTest, SplitsSentences) {
  EXPECT_EQ(Sentences("He left. She stayed! Did it work? Yes."),
            (std::vector<std::string>{"He left.", "She stayed!", "Did it work?",
                                      "Yes."}));
}

TEST(SegmentTest, AbbreviationsDoNotSplit) {
  EXPECT_EQ(Sentences("Gen. Felix Gedney spoke. Mr. J. Smith agreed."),
            (std::vector<std::string>{"Gen. Felix Gedney spoke.",
                                      "Mr. J. Smith agreed."}));
  EXPECT_EQ(
      Sentences("He met U.S. President Trump. Then he left the U.S. "
                "The talks ended."),
      (std::vector<std::string>{"He met U.S. President Trump.",
                                "Then he left the U.S.", "The talks ended."}));
}

TEST(SegmentTest, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(Sentences("“We won.” He smiled. “Why?” he asked."),
            (std::vector<std::string>{"“We won.”", "He smiled.",
                                      "“Why?” he asked."}));
}

TEST(SegmentTest, LineBreaksEndParagraphs) {
  Document doc;
  doc.text = "Title line\n\nFirst para. Two.\nSecond para";
  Segment(SegmentOptions(), &doc);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.Text(doc.paragraphs[1].span), "First para. Two.");
  EXPECT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(doc.sentences[3].paragraph, 2u);
}

TEST(SegmentTest, LongSentencesAreCapped) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  Document doc;
  doc.text = text;
  SegmentOptions options;
  options.max_sentence_tokens = 100;
  Segment(options, &doc);
  EXPECT_EQ(doc.sentences.size(), 10u);
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

// Regression (fuzz/corpus/segment_fuzzer/regression-closing-past-cap):
// closing brackets after a final period once pushed a sentence past
// max_sentence_tokens.
TEST(SegmentTest, ClosingMarksNeverExceedTheCap) {
  std::string text;
  for (int i = 0; i < 62; ++i) text += "w ";
  text += "A.))))))) B";
  Document doc;
  doc.text = text;
  SegmentOptions options;
  options.max_sentence_tokens = 64;
  Segment(options, &doc);
  for (const auto& s : doc.sentences) {
    EXPECT_LE(s.token_end - s.token_begin, 64u);
  }
}

}  // namespace
}  // namespace whosaid
