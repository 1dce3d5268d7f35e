// Tests for AttachTitlesAndGroups (groups.cc): titles, appositives and
// roles attached to names, titled names repaired, and how mentions are
// grouped (which one-word names are the longer name's short form).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::EntityWithText;
using test_util::Find;
using test_util::MakeDoc;

TEST(AttachTitlesAndGroups, AppositivesAndRoles) {
  Document doc = MakeDoc(
      "Anna Kowalski, a retired general, said the plan was sound. "
      "According to the head of the port authority, Mark Ellison, trade "
      "is up.");
  doc.entities.push_back(Ent(Find(doc, "Anna Kowalski"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Mark Ellison"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.Text(doc.entities[0].appositive), "a retired general");
  EXPECT_EQ(doc.Text(doc.entities[1].appositive),
            "the head of the port authority");
  ASSERT_EQ(doc.groups.size(), 2u);
  EXPECT_EQ(doc.groups[0].roles, std::vector<std::string>{"general"});
  EXPECT_EQ(doc.groups[1].roles, std::vector<std::string>{"head"});
}

// Regression: ", the official said." after a name, and "According to the
// official, President X made ..." before one, were taken for the name's
// appositive, and every "the official" of the article became X.
TEST(AttachTitlesAndGroups, NoAppositiveFromAnAttribution) {
  Document doc = MakeDoc(
      "The plan was backed by Defense Secretary Tom Bell, the official said. "
      "According to the official, President Ivo Kral made it clear. Ana "
      "Ruiz, the aide added, is happy.");
  doc.entities.push_back(Ent(Find(doc, "Tom Bell"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ivo Kral"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ana Ruiz"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  for (const Entity& e : doc.entities) {
    EXPECT_TRUE(e.appositive.empty()) << doc.Text(e.span);
  }
}

// Regression: in "Like Ivo Kral, the Norland leader faces ...", the
// subject after the comparison's comma became Kral's appositive (and
// "leader" his role); after "For" an appositive stays one.
TEST(AttachTitlesAndGroups, NoAppositiveAfterAnOpeningComparison) {
  Document doc = MakeDoc(
      "Like Ivo Kral, the party leader faces a revolt. For Ana Ruiz, the "
      "mayor of Norland, it is late.");
  doc.entities.push_back(Ent(Find(doc, "Ivo Kral"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ana Ruiz"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_TRUE(doc.entities[0].appositive.empty());
  EXPECT_EQ(doc.Text(doc.entities[1].appositive), "the mayor of Norland");
}

// Regression: "While his lawyers wrote to Osei, the president was slow to
// ..." made "the president" Osei's appositive, so every later "the
// president" of the article became Osei. After an opening clause the phrase
// with its own verb is the main clause; a name inside a plain sentence
// keeps a relative clause's verb in its appositive.
TEST(AttachTitlesAndGroups, NoAppositiveFromTheMainClauseAfterAnOpener) {
  Document doc = MakeDoc(
      "While his lawyers wrote to Kwame Osei, the president was slow to "
      "answer. He met Lena Vogt, the mayor who was elected in May.");
  doc.entities.push_back(Ent(Find(doc, "Kwame Osei"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Lena Vogt"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_TRUE(doc.entities[0].appositive.empty());
  EXPECT_EQ(doc.Text(doc.entities[1].appositive),
            "the mayor who was elected in May");
}

// Regression: "Kwame Osei, President Lund's son-in-law and senior
// adviser," gave Osei the role "president", so "the president" later in
// the article was Osei. A role before a possessive is the possessor's.
TEST(AttachTitlesAndGroups, ARoleBeforeAPossessiveIsThePossessors) {
  Document doc = MakeDoc(
      "Kwame Osei, President Lund's son-in-law and senior adviser, stayed. "
      "Lena Vogt, the mayor's spokeswoman, left.");
  doc.entities.push_back(Ent(Find(doc, "Kwame Osei"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Lena Vogt"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.groups.size(), 2u);
  EXPECT_EQ(doc.groups[0].roles, std::vector<std::string>{"senior adviser"});
  EXPECT_EQ(doc.groups[1].roles, std::vector<std::string>{"spokeswoman"});
}

// Regression: "The president has also said that ... during dinner, Kwame
// Osei told him" made the clause before the comma Osei's appositive (and
// "president" his role). A phrase with its own finite verb is a clause.
TEST(AttachTitlesAndGroups, NoAppositiveBeforeFromAClause) {
  Document doc = MakeDoc(
      "The president has also said that at the dinner, Kwame Osei asked "
      "him. The head of the port, Mark Ellison, agreed.");
  doc.entities.push_back(Ent(Find(doc, "Kwame Osei"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Mark Ellison"), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_TRUE(doc.entities[0].appositive.empty());
  EXPECT_EQ(doc.Text(doc.entities[1].appositive), "The head of the port");
}

// Regression: "Paul" joined Paul Dorsey, named nearer, though Rand Paul
// bears it as his surname; and "Harris" joined the tagger's headline run
// "KAMALA HARRIS TEARS INTO" rather than Kamala Harris. A one-word name is
// a surname first.
TEST(AttachTitlesAndGroups, AOneWordNameIsASurnameFirst) {
  Document doc =
      MakeDoc("Rand Paul met Paul Dorsey on Monday. Paul said no to it.");
  doc.entities.push_back(Ent(Find(doc, "Rand Paul"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Paul Dorsey"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Paul", 2), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[2].group, doc.entities[0].group);
}

TEST(AttachTitlesAndGroups, TitleTrimmedFromNameAndAcronymAlias) {
  Document doc = MakeDoc(
      "Sen. Laura Whitfield criticised the Northern Fisheries Council (NFC, "
      "once the NFB) on Monday. The NFC did not reply to Whitfield.");
  doc.entities.push_back(
      Ent(Find(doc, "Sen. Laura Whitfield"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "NFC", 1), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Whitfield", 1), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* laura = EntityWithText(doc, "Laura Whitfield");
  ASSERT_NE(laura, nullptr);
  EXPECT_EQ(doc.Text(laura->title), "Sen.");
  EXPECT_EQ(doc.groups[laura->group].roles,
            std::vector<std::string>{"senator"});
  const Entity* council = EntityWithText(doc, "Northern Fisheries Council");
  ASSERT_NE(council, nullptr);  // created by the acronym rule
  EXPECT_EQ(council->label, EntityLabel::kOrg);
  const Entity* nfc = EntityWithText(doc, "NFC");
  ASSERT_NE(nfc, nullptr);
  EXPECT_EQ(nfc->group, council->group);
  const auto& aliases = doc.groups[council->group].aliases;
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "NFB"), aliases.end());
  const Entity* surname = EntityWithText(doc, "Whitfield");
  ASSERT_NE(surname, nullptr);
  EXPECT_EQ(surname->group, laura->group);
}

// Regression: a group took its first mention's label, so "Islamic State"
// tagged LOC once made the group of five ORG "ISIS" mentions a LOC.
TEST(AttachTitlesAndGroups, GroupTakesItsMentionsMajorityLabel) {
  Document doc = MakeDoc(
      "Fighters of the Islamic State (ISIS) left the town. ISIS said it "
      "would return. Officials said ISIS was weakened.");
  doc.entities.push_back(Ent(Find(doc, "Islamic State"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "ISIS", 1), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "ISIS", 2), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  const Entity* is = EntityWithText(doc, "Islamic State");
  ASSERT_NE(is, nullptr);
  ASSERT_GE(is->group, 0);
  EXPECT_EQ(doc.groups[is->group].canonical, "Islamic State");
  EXPECT_EQ(doc.groups[is->group].label, EntityLabel::kOrg);
  EXPECT_EQ(is->label, EntityLabel::kLoc);  // the mention keeps its own
}

// Regression: the NER model of format v8 tags "Mayor Ines Varga" as one
// MISC mention; a lone role head before name words is a title when the
// last word is a person's name elsewhere in the article.
TEST(AttachTitlesAndGroups, RoleHeadBeforeAKnownPersonIsATitle) {
  Document doc = MakeDoc(
      "The bridge opened, Mayor Ines Varga told reporters. Varga said it "
      "was safe.");
  doc.entities.push_back(
      Ent(Find(doc, "Mayor Ines Varga"), EntityLabel::kMisc));
  doc.entities.push_back(Ent(Find(doc, "Varga", 1), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  const Entity* ines = EntityWithText(doc, "Ines Varga");
  ASSERT_NE(ines, nullptr);
  EXPECT_EQ(ines->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(ines->title), "Mayor");
}

TEST(AttachTitlesAndGroups, RepairsTitledNameSplitByTagger) {
  Document doc = MakeDoc(
      "Senate Majority Leader Rhea Dunmore spoke first. Then Major League "
      "Baseball officials met.");
  // What a tagger may return: the title glued to the first name as ORG,
  // the surname left out; "Major League Baseball" must stay as it is.
  doc.entities.push_back(
      Ent(Find(doc, "Senate Majority Leader Rhea"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Major League Baseball"), EntityLabel::kMisc));
  AttachTitlesAndGroups(&doc);
  const Entity* rhea = EntityWithText(doc, "Rhea Dunmore");
  ASSERT_NE(rhea, nullptr);
  EXPECT_EQ(rhea->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(rhea->title), "Senate Majority Leader");
  const Entity* mlb = EntityWithText(doc, "Major League Baseball");
  ASSERT_NE(mlb, nullptr);
  EXPECT_EQ(mlb->label, EntityLabel::kMisc);
}

TEST(AttachTitlesAndGroups, SplitsTwoTitledNamesJoinedByAnd) {
  Document doc = MakeDoc(
      "Detroit Mayor Rhea Dunmore and Senate Minority Leader Tom Ekwueme "
      "spoke. Procter and Gamble and Johnson and Johnson did not.");
  // One mention over both names, the surname of the second left out;
  // company names with "and" stay as they are.
  doc.entities.push_back(Ent(
      Find(doc, "Detroit Mayor Rhea Dunmore and Senate Minority Leader Tom"),
      EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Procter and Gamble"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Johnson and Johnson"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  const Entity* rhea = EntityWithText(doc, "Rhea Dunmore");
  ASSERT_NE(rhea, nullptr);
  EXPECT_EQ(rhea->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(rhea->title), "Mayor");
  const Entity* tom = EntityWithText(doc, "Tom Ekwueme");
  ASSERT_NE(tom, nullptr);
  EXPECT_EQ(tom->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(tom->title), "Senate Minority Leader");
  EXPECT_NE(EntityWithText(doc, "Procter and Gamble"), nullptr);
  EXPECT_NE(EntityWithText(doc, "Johnson and Johnson"), nullptr);
}

// Regression: the mention ending the document, with no entity after it
// (the check for a following surname read past the entity list).
TEST(AttachTitlesAndGroups, SplitsTitledNamesAtTheEndOfTheDocument) {
  Document doc =
      MakeDoc("They met Mayor Rhea Dunmore and Senate Minority Leader Tom");
  doc.entities.push_back(
      Ent(Find(doc, "Mayor Rhea Dunmore and Senate Minority Leader Tom"),
          EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_NE(EntityWithText(doc, "Rhea Dunmore"), nullptr);
  const Entity* tom = EntityWithText(doc, "Tom");
  ASSERT_NE(tom, nullptr);
  EXPECT_EQ(tom->label, EntityLabel::kPerson);
}

TEST(OrganisationGroups, OneWordNameJoinsTheLongerNameItStarts) {
  Document doc =
      MakeDoc("Nordvale Biotech cut jobs on Friday. Nordvale said sales fell.");
  doc.entities.push_back(Ent(Find(doc, "Nordvale Biotech"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Nordvale", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[1].group].canonical, "Nordvale Biotech");
}

// Regression: "Texas", a place the tagger once called an organisation,
// took all its mentions into the group of "Texas Department" (so "Texas
// authorities" were that department).
TEST(OrganisationGroups, APlaceOnceTaggedAnOrganisationStaysAPlace) {
  Document doc = MakeDoc(
      "Norland police said so. The Norland Department agreed. Norland "
      "voted. Norland rested.");
  doc.entities.push_back(Ent(Find(doc, "Norland"), EntityLabel::kLoc));
  doc.entities.push_back(
      Ent(Find(doc, "Norland Department"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Norland", 2), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Norland", 3), EntityLabel::kLoc));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_NE(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[0].group].canonical, "Norland");
  EXPECT_EQ(doc.groups[doc.entities[0].group].label, EntityLabel::kLoc);
}

// Regression: "Washington (CNN) ..." made CNN an alias of Washington, so
// every "CNN poll" was Washington's.
TEST(OrganisationGroups, AnAcronymHoldsItsNamesInitials) {
  Document doc = MakeDoc(
      "Norvale (KTV) The Justice Ministry (MJ) said so. KTV said more. MJ "
      "agreed.");
  doc.entities.push_back(Ent(Find(doc, "Norvale"), EntityLabel::kLoc));
  doc.entities.push_back(Ent(Find(doc, "Justice Ministry"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "KTV", 1), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "MJ", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_NE(doc.entities[0].group, doc.entities[2].group);
  EXPECT_EQ(doc.entities[1].group, doc.entities[3].group);
}

// Regression: "the Norland Harbor Authority ... NHA said" kept NHA apart
// (no parentheses introduced it), so the agency had two names and "NHA"
// speakers did not join its quotes. An acronym that spells one earlier
// name's initials is that name; one used before any such name is not.
TEST(OrganisationGroups, AnAcronymOfAnEarlierNameWithoutParentheses) {
  Document doc = MakeDoc(
      "The Norland Harbor Authority met. NHA said no. TPC said yes. The "
      "Tarvel Port Council left.");
  doc.entities.push_back(
      Ent(Find(doc, "Norland Harbor Authority"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "NHA"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "TPC"), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "Tarvel Port Council"), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_EQ(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[1].group].canonical,
            "Norland Harbor Authority");
  EXPECT_NE(doc.entities[2].group, doc.entities[3].group);
}

// Regression: "DNC", spelled out as the Democratic National Committee, also
// joined the tagger's "DNC Server" as a one-word name starting it, and the
// committee was named "DNC Server". A spelled-out acronym stays with its
// name.
TEST(OrganisationGroups, ASpelledOutAcronymDoesNotJoinALongerName) {
  Document doc = MakeDoc(
      "The Tarvel Port Council met. TPC Server logs leaked. TPC said no.");
  doc.entities.push_back(
      Ent(Find(doc, "Tarvel Port Council"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "TPC Server"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "TPC", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[2].group, doc.entities[0].group);
  EXPECT_EQ(doc.groups[doc.entities[0].group].canonical, "Tarvel Port Council");
}

// Regression: "UN" joined "UN Relief and Works Agency" and "ATF" the
// tagger's "ATF Director" as one-word names starting them. An acronym joins
// only its name plus a company or newsroom word ("NTV News").
TEST(OrganisationGroups, AnAcronymJoinsOnlyItsCompanyOrNewsroomName) {
  Document doc = MakeDoc(
      "KBA Director Ana Ruiz spoke. KBA said no. NTV News reported. NTV said "
      "yes.");
  doc.entities.push_back(Ent(Find(doc, "KBA Director"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "KBA", 1), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "NTV News"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "NTV", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_NE(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.entities[2].group, doc.entities[3].group);
}

TEST(OrganisationGroups, AnInstitutionNamedByItsKindStaysItself) {
  Document doc = MakeDoc(
      "The Senate Judiciary Committee met on Tuesday. The Senate votes "
      "next week, and the House Oversight Committee waits. The House "
      "adjourned.");
  doc.entities.push_back(
      Ent(Find(doc, "Senate Judiciary Committee"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Senate", 1), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "House Oversight Committee"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "House", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_NE(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[1].group].canonical, "Senate");
  EXPECT_NE(doc.entities[2].group, doc.entities[3].group);
  EXPECT_EQ(doc.groups[doc.entities[3].group].canonical, "House");
}

TEST(OrganisationGroups, AnInstitutionIsTheOfFormOfItsName) {
  Document doc = MakeDoc(
      "The House of Delegates met on Tuesday. The House votes next week.");
  doc.entities.push_back(
      Ent(Find(doc, "House of Delegates"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "House", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].group, doc.entities[1].group);
}

// A one-word name joins a relative's group only in a relative's form (an
// honorific, or introduced as a relative itself). Since branch speed23 the
// second is asked only when such a group holds the word: both ways here.
TEST(PersonGroups, OneWordNameJoinsARelativeOnlyAsARelative) {
  Document doc = MakeDoc(
      "His daughter, Ruth Quill, spoke first. Later his daughter Ruth "
      "waved. Quill smiled.");
  doc.entities.push_back(Ent(Find(doc, "Ruth Quill"), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Ruth", 1), EntityLabel::kPerson));
  doc.entities.push_back(Ent(Find(doc, "Quill", 1), EntityLabel::kPerson));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 3u);
  ASSERT_GE(doc.entities[0].group, 0);
  // "his daughter Ruth": introduced as a relative, so the relative's group.
  EXPECT_EQ(doc.entities[1].group, doc.entities[0].group);
  // A bare "Quill" is not the relative.
  EXPECT_NE(doc.entities[2].group, doc.entities[0].group);
}

}  // namespace
}  // namespace whosaid
