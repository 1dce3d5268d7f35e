#include "src/entities/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "src/entities/mentions.h"

namespace whosaid::lex {
namespace {

// The lookups go through one combined word index built from the lists;
// TaggerLexicon() reads the lists themselves, so it is the reference.
TEST(Lexicon, IndexAgreesWithTheLists) {
  std::vector<TaggedWord> words = TaggerLexicon();
  ASSERT_GT(words.size(), 100u);
  for (const TaggedWord& t : words) {
    SCOPED_TRACE(std::string(t.word));
    EXPECT_EQ(IsRoleHead(t.word), (t.bits & 1) != 0);
    EXPECT_EQ(IsCountryOrDemonym(t.word), (t.bits & 2) != 0);
    EXPECT_EQ(IsHonorific(t.word), (t.bits & 4) != 0);
    EXPECT_EQ(IsOrgWord(t.word), (t.bits & 8) != 0);
    // A counted first name fills a gap in the hand lists ("jordan"),
    // which CountedFirstNamesOnlyFillGaps checks.
    const bool counted =
        std::any_of(CountedFirstNames().begin(), CountedFirstNames().end(),
                    [&](const auto& named) { return named.first == t.word; });
    if ((t.bits & (16 | 32)) != 0 || !counted) {
      Gender g = GenderOfWord(t.word);
      EXPECT_EQ(g == Gender::kMale, (t.bits & 16) != 0);
      EXPECT_EQ(g == Gender::kFemale, (t.bits & 32) != 0);
    }
    unsigned char lists = ListsOf(t.word);
    EXPECT_EQ((lists & kRoleHeadList) != 0, IsRoleHead(t.word));
    EXPECT_EQ((lists & kRoleModifierList) != 0, IsRoleModifier(t.word));
    EXPECT_EQ((lists & kHonorificList) != 0, IsHonorific(t.word));
    EXPECT_EQ((lists & kCountryList) != 0, IsCountryOrDemonym(t.word));
    EXPECT_EQ((lists & kOrgWordList) != 0, IsOrgWord(t.word));
  }
  EXPECT_EQ(ListsOf("general"), kRoleHeadList | kRoleModifierList);
  EXPECT_EQ(ListsOf("nonword"), 0);
}

// Counted first names answer GenderOfWord where the hand list has no
// gender for them, and never reach the tagger's lexicon features.
TEST(Lexicon, CountedFirstNamesOnlyFillGaps) {
  const auto& counted = CountedFirstNames();
  ASSERT_GT(counted.size(), 50u);
  std::vector<TaggedWord> tagged = TaggerLexicon();
  size_t female = 0;
  for (const auto& [word, gender] : counted) {
    SCOPED_TRACE(std::string(word));
    ASSERT_NE(gender, Gender::kUnknown);
    female += gender == Gender::kFemale;
    const TaggedWord* hand = nullptr;
    for (const TaggedWord& t : tagged) {
      if (t.word == word) hand = &t;
    }
    if (hand == nullptr || (hand->bits & (16 | 32)) == 0) {
      EXPECT_EQ(GenderOfWord(word), gender);
    } else {
      EXPECT_EQ(GenderOfWord(word),
                (hand->bits & 16) ? Gender::kMale : Gender::kFemale);
    }
  }
  EXPECT_GT(female, 5u);
}

TEST(Lexicon, Lookups) {
  EXPECT_TRUE(IsRoleHead("president"));
  EXPECT_FALSE(IsRoleHead("President"));  // callers lower-case
  EXPECT_FALSE(IsRoleHead("presiden"));
  EXPECT_FALSE(IsRoleHead("presidents"));
  EXPECT_FALSE(IsRoleHead(""));
  EXPECT_TRUE(IsRoleModifier("deputy"));
  EXPECT_FALSE(IsRoleModifier("minister"));
  EXPECT_TRUE(IsRoleHead("general") && IsRoleModifier("general"));
  EXPECT_TRUE(IsHonorific("mr."));
  EXPECT_FALSE(IsHonorific("mr.."));
  EXPECT_TRUE(IsCountryOrDemonym("u.s."));
  EXPECT_TRUE(IsOrgWord("inc."));
  EXPECT_EQ(ExpandAbbreviation("gen."), "general");
  EXPECT_EQ(ExpandAbbreviation("reps."), "representative");
  EXPECT_EQ(ExpandAbbreviation("general"), "general");
  EXPECT_EQ(ExpandAbbreviation("xyz"), "xyz");
  EXPECT_EQ(ExpandAbbreviation(""), "");
  EXPECT_EQ(GenderOfWord("mr."), Gender::kMale);
  EXPECT_EQ(GenderOfWord("president"), Gender::kUnknown);
  EXPECT_EQ(PronounOf("she"), PronounKind::kFemale);
  EXPECT_EQ(PronounOf("us"), PronounKind::kFirst);  // also a country
  EXPECT_TRUE(IsCountryOrDemonym("us"));
  EXPECT_EQ(PronounOf("whom"), PronounKind::kRelative);
  EXPECT_EQ(PronounOf("the"), PronounKind::kNone);
  EXPECT_EQ(PronounOf(std::string(300, 'a')), PronounKind::kNone);
  EXPECT_FALSE(IsRoleHead(std::string_view("pres\0ident", 10)));
}

TEST(Lexicon, WithoutContraction) {
  using mention::WithoutContraction;
  EXPECT_EQ(WithoutContraction("i\xE2\x80\x99m"), "i");
  EXPECT_EQ(WithoutContraction("i've"), "i");
  EXPECT_EQ(WithoutContraction("they\xE2\x80\x99re"), "they");
  EXPECT_EQ(WithoutContraction("he'd"), "he");
  EXPECT_EQ(WithoutContraction("we'll"), "we");
  EXPECT_EQ(WithoutContraction("trump's"), "trump's");
  EXPECT_EQ(WithoutContraction("o\xE2\x80\x99rourke"), "o\xE2\x80\x99rourke");
  EXPECT_EQ(WithoutContraction("'m"), "'m");
  EXPECT_EQ(WithoutContraction("smith"), "smith");
}

TEST(Lexicon, TitleAndRoleHeadWords) {
  using mention::IsRoleHeadWord;
  using mention::IsTitleWord;
  for (std::string_view w : {"president", "deputy", "mr.", "french", "u.s.",
                             "deputy-minister", "colonel-general"}) {
    EXPECT_TRUE(IsTitleWord(w)) << w;
  }
  for (std::string_view w : {"apple", "", "foreign-acting", "foo-minister",
                             "minister-", "inc.", "President"}) {
    EXPECT_FALSE(IsTitleWord(w)) << w;
  }
  EXPECT_TRUE(IsRoleHeadWord("minister"));
  EXPECT_TRUE(IsRoleHeadWord("deputy-minister"));
  EXPECT_FALSE(IsRoleHeadWord("foreign"));  // a modifier, not a head
  EXPECT_FALSE(IsRoleHeadWord("french"));
  EXPECT_FALSE(IsRoleHeadWord("foreign-acting"));
  EXPECT_TRUE(IsRoleHeadWord("foreign-minister"));
}

// Counted surnames answer GenderOfSurname, each with its gender, sorted and
// once (the generator writes them so), and unknown words stay unknown.
TEST(Lexicon, CountedSurnamesAnswerGenderOfSurname) {
  const auto& counted = CountedSurnames();
  ASSERT_GT(counted.size(), 50u);
  size_t female = 0;
  for (size_t i = 0; i < counted.size(); ++i) {
    const auto& [word, gender] = counted[i];
    SCOPED_TRACE(std::string(word));
    ASSERT_NE(gender, Gender::kUnknown);
    if (i > 0) {
      EXPECT_LT(counted[i - 1].first, word);
    }
    EXPECT_EQ(GenderOfSurname(word), gender);
    female += gender == Gender::kFemale;
  }
  EXPECT_GT(female, 5u);
  EXPECT_EQ(GenderOfSurname("nonword"), Gender::kUnknown);
}

}  // namespace
}  // namespace whosaid::lex
