// Plural people nouns and plural subjects, on text written for the test.
#include "src/entities/subjects.h"

#include <gtest/gtest.h>

#include "src/pipeline/extract_test_util.h"

namespace whosaid::speakers {
namespace {

TEST(PluralSubjectsTest, PluralPeopleNouns) {
  EXPECT_TRUE(IsPluralPeopleNoun("officials"));   // a role head + s
  EXPECT_TRUE(IsPluralPeopleNoun("plaintiffs"));  // a group noun
  EXPECT_TRUE(IsPluralPeopleNoun("americans"));   // a demonym + s
  EXPECT_FALSE(IsPluralPeopleNoun("frances"));    // a country + s: a name
  EXPECT_FALSE(IsPluralPeopleNoun("businesss"));  // -ss
  EXPECT_FALSE(IsPluralPeopleNoun("repairs"));
}

TEST(PluralSubjectsTest, HeadOfThePluralSubject) {
  Document d = test_util::ExtractText(
      "Some 40 Harbor Board inspectors signed a letter. The Harbor Board "
      "fined local farmers. Port officials, who met on Monday, agreed.");
  ASSERT_EQ(d.sentences.size(), 3u);
  auto head = [&](uint32_t s) {
    uint32_t h = PluralSubjectHead(d, s, d.sentences[s].token_begin);
    return h == UINT32_MAX ? std::string() : std::string(d.TokenText(h));
  };
  EXPECT_EQ(head(0), "inspectors");
  EXPECT_EQ(head(1), "");  // the plural is the object of "fined"
  EXPECT_EQ(head(2), "officials");
}

}  // namespace
}  // namespace whosaid::speakers
