// Tests for the mention edges (mention_edges.cc) as AttachTitlesAndGroups
// runs them: which words a name may open or close with.
#include "src/entities/mention_edges.h"

#include <gtest/gtest.h>

#include "src/entities/entities.h"
#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::EntityWithText;
using test_util::Find;
using test_util::MakeDoc;

TEST(AttachTitlesAndGroups, PersonEndsAtItsLastCapitalisedWord) {
  Document doc = MakeDoc(
      "Okafor has said no. Bashar al-Qudsi agreed, and Maria de Souza "
      "too.");
  // The tagger ran on past the surname into a verb; Arabic "al-" and
  // Portuguese "de" are parts of names.
  doc.entities.push_back(Ent(Find(doc, "Okafor has"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Bashar al-Qudsi"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Maria de Souza"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Okafor has"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Bashar al-Qudsi"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Maria de Souza"), nullptr);
}

TEST(AttachTitlesAndGroups, PersonStopsAtALowerCaseWordInside) {
  Document doc = MakeDoc(
      "Okafor on Sunday said no. Ludwig van Halden and Ana and Rui Costa "
      "agreed.");
  doc.entities.push_back(
      Ent(Find(doc, "Okafor on Sunday"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Ludwig van Halden"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Ana and Rui Costa"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ludwig van Halden"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ana and Rui Costa"), nullptr);
}

// Regression: a title-case headline ("... President Okafor Has Begun") made
// the person "Okafor Has Begun", whom later "Mr. Okafor" joined.
TEST(AttachTitlesAndGroups, PersonStopsAtACapitalisedAuxiliary) {
  Document doc = MakeDoc(
      "The Campaign Against President Okafor Has Begun. Nina Said spoke. "
      "Theresa May Will Smith.");
  doc.entities.push_back(
      Ent(Find(doc, "Okafor Has Begun"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Nina Said"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Theresa May Will Smith"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Okafor Has Begun"), nullptr);
  // "Said", "May" and "Will" are names as well.
  EXPECT_NE(EntityWithText(doc, "Nina Said"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Theresa May Will Smith"), nullptr);
}

// Regression: a headline verb ("Okafor Explains The Plan", "Ivo Kral
// Blasts Rivals") ran into the person's name and became the canonical name
// of everyone called Okafor.
TEST(AttachTitlesAndGroups, PersonStopsAtAHeadlineVerb) {
  Document doc = MakeDoc(
      "Mayor Okafor Explains The Plan. Ivo Kral Blasts Rivals. Ana Ruiz "
      "Acknowledges Payment.");
  doc.entities.push_back(
      Ent(Find(doc, "Okafor Explains The Plan"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Ivo Kral Blasts"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Ana Ruiz Acknowledges"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ivo Kral"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Ivo Kral Blasts"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ana Ruiz"), nullptr);
}

// Regression: a lower-case word with a typographic apostrophe ("Is it
// Congresswoman Okafor they\u2019re waiting for?") ran on into the name.
TEST(AttachTitlesAndGroups, PersonStopsAtALowerCaseContraction) {
  Document doc =
      MakeDoc("Is it Congresswoman Okafor they\u2019re waiting for?");
  doc.entities.push_back(
      Ent(Find(doc, "Okafor they\u2019re"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Okafor they\u2019re"), nullptr);
}

TEST(AttachTitlesAndGroups, PersonOpensWithACapitalOrAParticle) {
  Document doc = MakeDoc(
      "Aides asked whether Okafor knew. Mayor de Souza did not. The club "
      "joined serie B.");
  doc.entities.push_back(
      Ent(Find(doc, "whether Okafor"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "de Souza"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "serie B"), EntityLabel::kMisc));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Okafor"), nullptr);
  EXPECT_NE(EntityWithText(doc, "de Souza"), nullptr);
  EXPECT_NE(EntityWithText(doc, "serie B"), nullptr);  // not a person
}

// Regression: "Chuck Schumer Friday" became a speaker's canonical name:
// the tagger ran on into the day. Names of people, bodies and places end
// before a weekday; events keep theirs.
TEST(AttachTitlesAndGroups, NamesEndBeforeAWeekday) {
  Document doc = MakeDoc(
      "Ana Okafor Friday met Harbor Council Tuesday before Super Tuesday.");
  doc.entities.push_back(
      Ent(Find(doc, "Ana Okafor Friday"), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Harbor Council Tuesday"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Super Tuesday"), EntityLabel::kMisc));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Ana Okafor"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Harbor Council"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Super Tuesday"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Ana Okafor Friday"), nullptr);
}

// Regression: "Norland Center for Law and Justice" stayed three mentions
// (ORG "Norland Center", PERSON "Law", ORG "Justice"), so "Law" became a
// speaker's name. An institution's noun and its "for"/"on"/"of" phrase
// are one name; another body by its acronym, a titled person after it and
// a place after "on" are not part of it.
// Regression: the tagger's person "Okafor Tower" made "Okafor" (the man)
// join it, so his quotes were named "Okafor Tower". A building's word ends
// a place's name; a "Center" is a body; "Arena" and "Hall" are surnames too.
TEST(AttachTitlesAndGroups, ABuildingIsNoPerson) {
  Document doc =
      MakeDoc("Okafor Tower opened. The Lund Center agreed. Rui Arena spoke.");
  doc.entities.push_back(Ent(Find(doc, "Okafor Tower"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Lund Center"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Rui Arena"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[0].label, EntityLabel::kLoc);
  EXPECT_EQ(doc.entities[1].label, EntityLabel::kOrg);
  EXPECT_EQ(doc.entities[2].label, EntityLabel::kPerson);
}

// Regression: the tagger's "Todd Pell (R-Ind" became the name "Todd
// PellR-Ind". A person's name ends before a bracket.
TEST(AttachTitlesAndGroups, APersonsNameEndsBeforeABracket) {
  Document doc = MakeDoc("Sen. Todd Pell (R-Ind.) spoke.");
  doc.entities.push_back(
      Ent(Find(doc, "Todd Pell (R-Ind"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.Text(doc.entities[0].span), "Todd Pell");
  EXPECT_EQ(doc.groups[doc.entities[0].group].canonical, "Todd Pell");
}

// Regression: the tagger's headline run "Rand Pell End Up Saving" kept its
// words, so "Senator Pell" later joined someone else. A person mention ends
// where a person named elsewhere ends when the next word is a common one;
// "Ana Maria Costa" stays whole beside a cut "Ana Maria".
TEST(AttachTitlesAndGroups, ANameRunningOnIntoAHeadlineIsCut) {
  Document doc = MakeDoc(
      "Could Rand Pell End Up Saving It. Rand Pell spoke at the end. Ana "
      "Maria Costa met Ana Maria.");
  doc.entities.push_back(
      Ent(Find(doc, "Rand Pell End Up Saving"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Rand Pell", 1), EntityLabel::kPerson));
  doc.entities.push_back(
      Ent(Find(doc, "Ana Maria Costa"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ana Maria", 1), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_EQ(doc.Text(doc.entities[0].span), "Rand Pell");
  EXPECT_EQ(doc.Text(doc.entities[2].span), "Ana Maria Costa");
}

// Regression: the tagger's "the Harbor Authority." kept the sentence's full
// stop, so the organisation was named "Harbor Authority." in some articles
// and "Harbor Authority" in others. An abbreviation keeps its period.
TEST(AttachTitlesAndGroups, ANameEndsBeforeTheFullStop) {
  Document doc = MakeDoc(
      "She told the Harbor Authority. Then Tarvel Corp. agreed in Calif. "
      "with Ana Ruiz.");
  doc.entities.push_back(
      Ent(Find(doc, "Harbor Authority."), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Tarvel Corp."), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Calif."), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "Ana Ruiz."), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_EQ(doc.Text(doc.entities[0].span), "Harbor Authority");
  EXPECT_EQ(doc.Text(doc.entities[1].span), "Tarvel Corp.");
  EXPECT_EQ(doc.Text(doc.entities[2].span), "Calif.");
  EXPECT_EQ(doc.Text(doc.entities[3].span), "Ana Ruiz");
}

// Regression: the tagger's "Harbor Gazette quoted Ruiz" and "Port Council
// has" became organisations named so. A name other than a person's ends
// before an auxiliary, a verb of saying or a lower-case -ed word, not a
// compound's ("Kell brothers-funded Harbor Trust").
TEST(AttachTitlesAndGroups, AnOrganisationEndsBeforeAVerb) {
  Document doc = MakeDoc(
      "The Harbor Gazette quoted Ruiz. The Port Council has met. The Kell "
      "brothers-funded Harbor Trust left. The Ledger depicts Ruiz as weak.");
  doc.entities.push_back(
      Ent(Find(doc, "Harbor Gazette quoted Ruiz"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Port Council has"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Kell brothers-funded Harbor Trust"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Ledger depicts Ruiz"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_EQ(doc.Text(doc.entities[3].span), "Ledger");
  EXPECT_EQ(doc.Text(doc.entities[0].span), "Harbor Gazette");
  EXPECT_EQ(doc.Text(doc.entities[1].span), "Port Council");
  EXPECT_EQ(doc.Text(doc.entities[2].span),
            "Kell brothers-funded Harbor Trust");
}

// Regression: the tagger's organisation "TV host Lena Vogt" named her
// quotes "TV host Lena Vogt". A lower-case role word before a name of two
// or more capitalised words makes the name a person's.
TEST(AttachTitlesAndGroups, ARoleWordInsideAnOrganisationOpensAPerson) {
  Document doc = MakeDoc("Late-night TV host Lena Vogt said so.");
  doc.entities.push_back(
      Ent(Find(doc, "TV host Lena Vogt"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.Text(doc.entities[0].span), "Lena Vogt");
  EXPECT_EQ(doc.entities[0].label, EntityLabel::kPerson);
}

TEST(AttachTitlesAndGroups, InstitutionNamesJoinTheirPhrase) {
  Document doc = MakeDoc(
      "The Norland Center for Law and Justice sued. The Vesta Committee on "
      "Harbor Safety Chairman Ana Ruiz spoke. The Justice Office of the NPA "
      "agreed. The Quay Center on Cape Vale closed.");
  doc.entities.push_back(Ent(Find(doc, "Norland Center"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Law"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Justice"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Vesta Committee"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Harbor Safety"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Ana Ruiz"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Justice Office"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "NPA"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Quay Center"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Cape Vale"), EntityLabel::kLoc));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Norland Center for Law and Justice"), nullptr);
  EXPECT_EQ(EntityWithText(doc, "Law"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Vesta Committee on Harbor Safety"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Ana Ruiz"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Justice Office"), nullptr);
  EXPECT_NE(EntityWithText(doc, "NPA"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Quay Center"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Cape Vale"), nullptr);
}

TEST(AttachTitlesAndGroups, TrimsConjunctionsAndPunctuationAtTheEdges) {
  Document doc = MakeDoc(
      "Talks between Norvia and Keldland ended; the mayor of Tarsby -- and "
      "Dynamo ( K ) won.");
  // What a tagger may return: a conjunction, a preposition or a dash
  // inside the span; a bracket it opened itself must stay.
  doc.entities.push_back(Ent(Find(doc, "and Keldland"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "of Tarsby --"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "Dynamo ( K )"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  EXPECT_NE(EntityWithText(doc, "Keldland"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Tarsby"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Dynamo ( K )"), nullptr);
  EXPECT_EQ(doc.entities.size(), 3u);
}

}  // namespace
}  // namespace whosaid
