#include "src/entities/relatives.h"

#include <gtest/gtest.h>

#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::Find;
using test_util::MakeDoc;

// Whether the nth `name` of `text` is introduced as a relative; the kin
// gender in *gender.
bool Relative(const std::string& text, std::string_view name,
              lex::Gender* gender, int nth = 0) {
  Document doc = MakeDoc(text);
  Entity e = Ent(Find(doc, name, nth), EntityLabel::kPerson);
  return IntroducedAsRelative(doc, e, gender);
}

TEST(RelativesTest, KinNounAfterAPossessiveBeforeTheName) {
  lex::Gender g;
  EXPECT_TRUE(Relative("His daughter, Ruth Hale, spoke.", "Ruth Hale", &g));
  EXPECT_EQ(g, lex::Gender::kFemale);
  EXPECT_TRUE(Relative("The mayor's son Eric Hale left.", "Eric Hale", &g));
  EXPECT_EQ(g, lex::Gender::kMale);
  EXPECT_TRUE(Relative("Her late husband, Tom Hale, farmed.", "Tom Hale", &g));
  EXPECT_EQ(g, lex::Gender::kMale);
  EXPECT_TRUE(Relative("First daughter Ivy Hale waved.", "Ivy Hale", &g));
  EXPECT_EQ(g, lex::Gender::kFemale);
}

// Regression: "his son, Delaware Attorney General Beau X" was not read as
// a relative (the place stood between the kin noun and the title), so the
// bare surname after it named the son instead of the principal.
TEST(RelativesTest, PlaceBeforeTheRelativesTitle) {
  lex::Gender g;
  Document doc = MakeDoc(
      "He spoke of his son, Vermont Attorney General Ned Hale, at length.");
  Entity e = Ent(Find(doc, "Ned Hale"), EntityLabel::kPerson);
  e.title = Find(doc, "Attorney General");
  EXPECT_TRUE(IntroducedAsRelative(doc, e, &g));
  EXPECT_EQ(g, lex::Gender::kMale);
  // A place with no kin noun before it introduces no relative.
  Document other =
      MakeDoc("He met the press, Vermont Attorney General Ned Hale, today.");
  Entity o = Ent(Find(other, "Ned Hale"), EntityLabel::kPerson);
  o.title = Find(other, "Attorney General");
  EXPECT_FALSE(IntroducedAsRelative(other, o, &g));
}

TEST(RelativesTest, KinNounOpeningTheAppositive) {
  lex::Gender g;
  EXPECT_TRUE(Relative("Lena Hale, the senator's daughter-in-law, spoke.",
                       "Lena Hale", &g));
  EXPECT_EQ(g, lex::Gender::kFemale);
  EXPECT_TRUE(Relative("Ray Hale, son of the founder, spoke.", "Ray Hale", &g));
  EXPECT_EQ(g, lex::Gender::kMale);
  EXPECT_TRUE(Relative("Sam Hale, her cousin, spoke.", "Sam Hale", &g));
  EXPECT_EQ(g, lex::Gender::kUnknown);
}

TEST(RelativesTest, OtherPhrasesAreNoIntroduction) {
  lex::Gender g;
  // The principal whose relative is named, a role, a kin noun too far.
  EXPECT_FALSE(
      Relative("Ruth Hale, whose son is ill, spoke.", "Ruth Hale", &g));
  EXPECT_FALSE(Relative("Ruth Hale, a lawyer, spoke.", "Ruth Hale", &g));
  EXPECT_FALSE(
      Relative("Ruth Hale, the lawyer for the family of his son, "
               "spoke.",
               "Ruth Hale", &g));
  EXPECT_FALSE(Relative("A son, Ruth Hale said, was born.", "Ruth Hale", &g));
  EXPECT_FALSE(Relative("Senator Mark Hale spoke.", "Mark Hale", &g));
  // Someone else's relative: the principal of the surname Hale.
  EXPECT_FALSE(Relative("Miller's uncle, Dan Hale, spoke.", "Dan Hale", &g));
  EXPECT_FALSE(Relative("Dan Hale, Miller's uncle, spoke.", "Dan Hale", &g));
  EXPECT_EQ(g, lex::Gender::kUnknown);
  EXPECT_TRUE(Relative("Hale's son Eric Hale spoke.", "Eric Hale", &g));
}

}  // namespace
}  // namespace whosaid
