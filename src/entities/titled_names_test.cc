// Tests for the titled-name repairs that run inside AttachTitlesAndGroups.
#include "src/entities/titled_names.h"

#include <gtest/gtest.h>

#include "src/entities/entities.h"
#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::EntityWithText;
using test_util::Find;
using test_util::MakeDoc;

TEST(RepairNamesAfterInnerTitles, OrganisationBeforeTitleBecomesTitle) {
  Document doc = MakeDoc(
      "Harbor Valley Police Chief Linda Okafor said the road was closed. "
      "Okafor said more later.");
  // The tagger's whole mention as ORG: the place and force, the role, the
  // name.
  doc.entities.push_back(Ent(
      Find(doc, "Harbor Valley Police Chief Linda Okafor"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Okafor", 1), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* linda = EntityWithText(doc, "Linda Okafor");
  ASSERT_NE(linda, nullptr);
  EXPECT_EQ(linda->label, EntityLabel::kPerson);
  EXPECT_FALSE(linda->title.empty());
  // The bare surname later is the same person.
  const Entity* later = nullptr;
  for (const Entity& e : doc.entities) {
    if (doc.Text(e.span) == "Okafor") later = &e;
  }
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->group, linda->group);
}

TEST(RepairNamesAfterInnerTitles, NameWithoutEvidenceOrOrgWordStays) {
  Document doc = MakeDoc(
      "Lakeside Mayor Quorvin Plaza opened. The Governor Street Bridge "
      "Authority met. The Pinewood President Hotel closed.");
  // "Quorvin" is no known first name and "Plaza" no person elsewhere;
  // "Authority" and "Hotel" end organisation names.
  doc.entities.push_back(
      Ent(Find(doc, "Lakeside Mayor Quorvin Plaza"), EntityLabel::kLoc));
  doc.entities.push_back(
      Ent(Find(doc, "Governor Street Bridge Authority"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Pinewood President Hotel"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Lakeside Mayor Quorvin Plaza"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Governor Street Bridge Authority"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Pinewood President Hotel"), nullptr);
}

TEST(RepairNamesAfterInnerTitles, FirstNameJoinsSurnameMentionAfterIt) {
  Document doc =
      MakeDoc("Riverton Transit Board Chairman Gen. Martin Ekwueme resigned.");
  // The tagger cut the name between its two words.
  doc.entities.push_back(
      Ent(Find(doc, "Riverton Transit Board Chairman Gen. Martin"),
          EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Ekwueme"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* martin = EntityWithText(doc, "Martin Ekwueme");
  ASSERT_NE(martin, nullptr);
  EXPECT_EQ(martin->label, EntityLabel::kPerson);
  EXPECT_EQ(EntityWithText(doc, "Riverton Transit Board Chairman Gen. Martin"),
            nullptr);
}

// Regression: "Mr. Rahami" tagged as a place stayed a place (one name word
// was not enough), and "Mrs. Clinton lost" (the tagger ran on past the
// name) stayed whatever the tagger said.
TEST(RepairTitledNames, HonorificMakesAPersonOfOneNameWord) {
  Document doc = MakeDoc(
      "A jury declined to indict Mr. Rahami. It was the race that Mrs. "
      "Clinton lost. Miss Universe spoke.");
  doc.entities.push_back(Ent(Find(doc, "Mr. Rahami"), EntityLabel::kLoc));
  doc.entities.push_back(
      Ent(Find(doc, "Mrs. Clinton lost"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "Miss Universe"), EntityLabel::kMisc));
  AttachTitlesAndGroups(&doc);
  const Entity* rahami = EntityWithText(doc, "Rahami");
  ASSERT_NE(rahami, nullptr);
  EXPECT_EQ(rahami->label, EntityLabel::kPerson);
  const Entity* clinton = EntityWithText(doc, "Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(clinton->label, EntityLabel::kPerson);
  const Entity* pageant = EntityWithText(doc, "Miss Universe");
  ASSERT_NE(pageant, nullptr);
  EXPECT_EQ(pageant->label, EntityLabel::kMisc);
}

TEST(JoinNamesSplitAtInitials, MiddleInitialJoinsTheTwoHalves) {
  Document doc = MakeDoc(
      "The vote passed, said Sen. Nora J. Pellwood of Ohio. Pellwood "
      "smiled. Later Tom R. and Ada Vance left.");
  // The tagger broke the name at its initial.
  doc.entities.push_back(Ent(Find(doc, "Nora"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "J. Pellwood"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ohio"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "Pellwood", 1), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Tom R."), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ada Vance"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* nora = EntityWithText(doc, "Nora J. Pellwood");
  ASSERT_NE(nora, nullptr);
  EXPECT_EQ(EntityWithText(doc, "Nora"), nullptr);
  // The bare surname later is the same person.
  const Entity* later = nullptr;
  for (const Entity& e : doc.entities) {
    if (doc.Text(e.span) == "Pellwood") later = &e;
  }
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->group, nora->group);
  // "and" between them: two people, left as they are.
  EXPECT_NE(EntityWithText(doc, "Tom R."), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ada Vance"), nullptr);
}

TEST(JoinNamesSplitAtInitials, InitialEndingTheFirstHalfJoinsToo) {
  Document doc = MakeDoc("Critics, said Mary K. Ruiz, were wrong.");
  doc.entities.push_back(Ent(Find(doc, "Mary K."), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ruiz"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Mary K. Ruiz"), nullptr);
  EXPECT_EQ(doc.entities.size(), 1u);
}

// Regression: "Nikolay N. Zakharov" was tagged "N. Zakharov", and the
// speaker's name lost its first name.
TEST(JoinNamesSplitAtInitials, KnownFirstNameBeforeAnInitialJoins) {
  Document doc = MakeDoc(
      "Yesterday Maria L. Okafor spoke. Mr. T. Brandt and Judge P. Ruiz "
      "left.");
  doc.entities.push_back(Ent(Find(doc, "L. Okafor"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "T. Brandt"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "P. Ruiz"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Maria L. Okafor"), nullptr);
  // An honorific or a title is no first name.
  EXPECT_NE(EntityWithText(doc, "T. Brandt"), nullptr);
  EXPECT_NE(EntityWithText(doc, "P. Ruiz"), nullptr);
}

TEST(JoinNamesSplitAtInitials, OtherMiddleInitialsAreAnotherPerson) {
  Document doc = MakeDoc(
      "George H. W. Bush led in 1991; George W. Bush led in 2003. Later "
      "George Bush spoke.");
  doc.entities.push_back(
      Ent(Find(doc, "George H. W. Bush"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "George W. Bush"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "George Bush"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* father = EntityWithText(doc, "George H. W. Bush");
  const Entity* son = EntityWithText(doc, "George W. Bush");
  ASSERT_NE(father, nullptr);
  ASSERT_NE(son, nullptr);
  EXPECT_NE(father->group, son->group);
}

}  // namespace
}  // namespace whosaid
