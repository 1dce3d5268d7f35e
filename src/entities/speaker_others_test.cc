// Speaker resolution on hand-set entities (see entities_test_util.h) where a
// mention names someone besides its speaker: a relative, a critic, a lawyer
// or a possessor ("Trump's lawyers", "her husband", "critics of Trump", the
// first lady beside a bare surname), who is never the one speaking.
#include <gtest/gtest.h>

#include <string>

#include "src/entities/entities_test_util.h"
#include "src/entities/speaker_sieves.h"

namespace whosaid {
namespace {

using test_util::MakeDoc;
using test_util::WithQuotes;

// Regression: in an article that names only "first lady Mara Quill" in
// full, every "President Quill" and bare "Quill" was the first lady.
TEST(ResolveSpeakers, BareSurnameIsNotTheFirstLady) {
  Document doc = WithQuotes(
      "President Quill spoke first. Quill said \"the farm bill will pass.\" "
      "First lady Mara Quill said \"we visited ten farms.\" Mrs. Quill said "
      "\"the children loved it.\"",
      {{"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"the farm bill will pass.", "Quill", 1},
       {"we visited ten farms.", "Mara Quill"},
       {"the children loved it.", "Quill", 3}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Quill");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Mara Quill");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Mara Quill");
}

// Regression: "President Trump", "Mr. Trump" and "he" were Ivanka Trump in
// articles that named her in full as the first daughter and him only by
// surname; a relative's husband took the bare surname of his wife.
TEST(ResolveSpeakers, BareSurnameIsNotARelative) {
  Document doc = WithQuotes(
      "Mara Quill met her husband, Tom Quill, at noon. Quill said \"we "
      "tried.\" Tom Quill, her son-in-law, said \"it rained.\" Mr. Quill "
      "said \"we agree.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Tom Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Tom Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"we tried.", "Quill", 2},
       {"it rained.", "Tom Quill", 1},
       {"we agree.", "Quill", 4}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Mara Quill");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Tom Quill");
  // An honorific of the relative's gender still names the relative.
  EXPECT_EQ(doc.quotes[2].speaker_name, "Tom Quill");
}

TEST(ResolveSpeakers, TitledSurnameIsNotTheFirstDaughter) {
  Document doc = WithQuotes(
      "First daughter Ivy Quill spoke. President Quill said \"we won.\" "
      "Mr. Quill said \"thanks.\" Ms. Quill said \"it was fun.\"",
      {{"Ivy Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"we won.", "Quill", 1},
       {"thanks.", "Quill", 2},
       {"it was fun.", "Quill", 3}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Quill");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Quill");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Ivy Quill");
}

// Regression: "Trump's lawyers", "his critics" and "Aghdam's father" were
// named after their possessor.
TEST(ResolveSpeakers, ThePossessorOfARelativeOrCriticIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "Mara Quill was arrested. Quill's father said \"she was ill.\" Her "
      "critics said \"she lied.\" Dan Roe, her lawyer, said \"she is "
      "innocent.\" Her lawyer said \"we will appeal.\" The Norland "
      "Ministry's spokeswoman said \"no comment.\" Its critics said \"it "
      "failed.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Dan Roe", EntityLabel::kPerson},
       {"Norland Ministry", EntityLabel::kOrg}},
      {{"she was ill.", "Quill's father"},
       {"she lied.", "Her critics"},
       {"she is innocent.", "Dan Roe, her lawyer,"},
       {"we will appeal.", "Her lawyer"},
       {"no comment.", "The Norland Ministry's spokeswoman"},
       {"it failed.", "Its critics"}});
  ASSERT_EQ(doc.quotes.size(), 6u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Dan Roe");
  // The role sieve finds the lawyer the article named.
  EXPECT_EQ(doc.quotes[3].speaker_name, "Dan Roe");
  // An organisation's spokeswoman speaks as it; its critics do not.
  EXPECT_EQ(doc.quotes[4].speaker_name, "Norland Ministry");
  EXPECT_EQ(doc.quotes[5].speaker_name, "");
}

// Regression: "many of Biden's Democratic rivals", "one of Singer's
// clients" were named after the possessor.
TEST(ResolveSpeakers, APartyOrLongerModifierStillHeadsOtherPeople) {
  Document doc = WithQuotes(
      "Mara Quill ran. Quill's Democratic rivals said \"no.\" Quill's "
      "clients said \"yes.\" Quill's top foreign policy advisers said "
      "\"maybe.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"no.", "Quill's Democratic rivals"},
       {"yes.", "Quill's clients"},
       {"maybe.", "Quill's top foreign policy advisers"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
}

// Regression: "critics of Trump", "friends of Kavanaugh" were named after
// the object; a title before "of" is no such noun.
TEST(ResolveSpeakers, TheObjectOfCriticsOrFriendsIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "Mara Quill ran. Critics of Quill said \"no.\" A friend of Ms. Quill "
      "said \"yes.\" The Founding Partner of Vale Media said \"ok.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Vale Media", EntityLabel::kOrg}},
      {{"no.", "Critics of Quill"},
       {"yes.", "A friend of Ms. Quill"},
       {"ok.", "The Founding Partner of Vale Media"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Vale Media");
  // A representative named after the principal speaks as themself.
  Document named = WithQuotes(
      "Mara Quill ran. A lawyer for Quill, Dan Roe, said \"no.\" A "
      "spokesman for Quill said \"yes.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Dan Roe", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"no.", "A lawyer for Quill, Dan Roe,"},
       {"yes.", "A spokesman for Quill"}});
  ASSERT_EQ(named.quotes.size(), 2u);
  EXPECT_EQ(named.quotes[0].speaker_name, "Dan Roe");
  EXPECT_EQ(named.quotes[1].speaker_name, "Mara Quill");
}

// Regression: "Castro's brother-in-law, Juan Alicea," was named after the
// possessor: the "-in-law" kin nouns are one token and were not kin.
TEST(ResolveSpeakers, ThePossessorOfAnInLawIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "Mara Quill was arrested. Quill's brother-in-law, Dan Roe, said \"she "
      "was ill.\" Quill's sisters-in-law said \"she lied.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Dan Roe", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"she was ill.", "Quill's brother-in-law, Dan Roe,"},
       {"she lied.", "Quill's sisters-in-law"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Dan Roe");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

// Regression: "her husband" was named after "her", and "Dorn's wife, St.
// Louis police Sgt. Ann Dorn" after Dorn (the comma after "wife" hid the
// relation). A relation noun after a possessive names someone else.
TEST(ResolveSpeakers, RelationAfterAPossessiveIsSomeoneElse) {
  Document doc = WithQuotes(
      "Mayor Lena Varga spoke first. \"We wait,\" her husband said. Tom "
      "Dorn was hurt. \"He is brave,\" Dorn's wife, Harbor police Sgt. Ann "
      "Dorn, said.",
      {{"Lena Varga", EntityLabel::kPerson},
       {"Tom Dorn", EntityLabel::kPerson},
       {"Dorn", EntityLabel::kPerson},
       {"Ann Dorn", EntityLabel::kPerson}},
      {{"We wait,", "her husband"},
       {"He is brave,", "Dorn's wife, Harbor police Sgt. Ann Dorn,"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ann Dorn");
}

// Regression: "The family of Tony Kim" was named after Kim Jong Un (the
// name word "Kim" was read without "Tony" before it, so the family noun
// did not govern it), and "the grandson of former President X" after the
// article's president (the role word in the object of a kin noun).
TEST(ResolveSpeakers, ObjectsOfKinNounsWithTheirWholeNameOrTitle) {
  Document doc = WithQuotes(
      "President Ivo Kral met Kim Jong Un. The family of Tony Kim thanked "
      "him. The grandson of former President Ned Hale said it was time.",
      {{"Ivo Kral", EntityLabel::kPerson},
       {"Kim Jong Un", EntityLabel::kPerson}},
      {{"him", "The family of Tony Kim", 0, "thanked"},
       {"it was time", "The grandson of former President Ned Hale", 0,
        "said"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

}  // namespace
}  // namespace whosaid
