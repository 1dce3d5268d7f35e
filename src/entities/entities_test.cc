#include "src/entities/entities.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "src/entities/entities_test_util.h"
#include "src/entities/ner_model.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::EntityWithText;
using test_util::Find;
using test_util::MakeDoc;
using test_util::WithQuotes;

const std::string kModelDir = std::string(WHOSAID_SOURCE_DIR) + "/models";

const std::unique_ptr<EntityTagger>& Tagger() {
  static auto* tagger = [] {
    auto r = EntityTagger::Load(kModelDir);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new std::unique_ptr<EntityTagger>(r.ok() ? std::move(r).value()
                                                    : nullptr);
  }();
  return *tagger;
}

TEST(EntityTaggerLoad, MissingModelIsNotFound) {
  auto r = EntityTagger::Load("/nonexistent/whosaid-models");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("ner.bin"), std::string::npos);
}

TEST(EntityTaggerLoad, CorruptModelIsCorruption) {
  // A directory of this process's own: ctest runs tests in parallel.
  std::string dir = testing::TempDir() + "/ner-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/ner.bin";
  std::ifstream in(kModelDir + "/ner.bin", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  ASSERT_GT(data.size(), 1000u);
  data[data.size() / 2] ^= 0x55;  // flip a byte in the weights
  std::ofstream(path, std::ios::binary) << data;
  auto r = EntityTagger::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::ofstream(path, std::ios::binary) << "not a model";
  r = EntityTagger::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::remove(path.c_str());
}

TEST(EntityTagger, TagsNamesWithTitles) {
  ASSERT_TRUE(Tagger());
  Document doc = MakeDoc(
      "German Chancellor Angela Merkel met French President Emmanuel Macron "
      "in Berlin on Tuesday to discuss the European Union budget.\n"
      "Merkel told reporters in Berlin that the talks went well.");
  Tagger()->Tag(&doc);
  const Entity* merkel = EntityWithText(doc, "Angela Merkel");
  ASSERT_NE(merkel, nullptr);
  EXPECT_EQ(merkel->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(merkel->title), "German Chancellor");
  const Entity* macron = EntityWithText(doc, "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(doc.Text(macron->title), "French President");
  const Entity* berlin = EntityWithText(doc, "Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->label, EntityLabel::kLoc);
  // Surname -> full name.
  const Entity* surname = EntityWithText(doc, "Merkel");
  ASSERT_NE(surname, nullptr);
  ASSERT_GE(surname->group, 0);
  EXPECT_EQ(doc.groups[surname->group].canonical, "Angela Merkel");
  EXPECT_EQ(surname->group, merkel->group);
  const auto& roles = doc.groups[merkel->group].roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), "chancellor"), roles.end());
}

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

// A contracted pronoun ("I’ve") or an abbreviated month ("a Dec. 3
// post") is no proper name of a speaker.
TEST(ResolveSpeakers, ContractedPronounsAndMonthsAreNoNames) {
  Document doc = WithQuotes(
      "Prices rose, as I\xE2\x80\x99ve said for years. \"Sales fell,\" "
      "reads a Dec. 3 post by the shop.",
      {},
      {{"Prices rose", "I\xE2\x80\x99ve", 0, "said"},
       {"Sales fell,", "a Dec.", 0, "reads"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

TEST(ResolveSpeakers, SurnameRoleNounAndPronoun) {
  Document doc = WithQuotes(
      "Gen. Tomas Brandt, the alliance's chief of logistics, spoke on "
      "Friday. \"Supplies are moving,\" Brandt said. The general added that "
      "\"the roads are open.\" Mayor Lucy Hart disagreed. \"Nothing has "
      "arrived,\" she said. \"We are still waiting,\" said the mayor.",
      {{"Tomas Brandt", EntityLabel::kPerson},
       {"Brandt", EntityLabel::kPerson},
       {"Lucy Hart", EntityLabel::kPerson}},
      {{"Supplies are moving,", "Brandt", 1},
       {"the roads are open.", "The general"},
       {"Nothing has arrived,", "she"},
       {"We are still waiting,", "the mayor"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Tomas Brandt");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Tomas Brandt");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Lucy Hart");
  EXPECT_EQ(doc.quotes[3].speaker_name, "Lucy Hart");
  EXPECT_EQ(doc.quotes[0].speaker_group, doc.quotes[1].speaker_group);
}

TEST(ResolveSpeakers, GenderPreviousSpeakerAndWho) {
  Document doc = WithQuotes(
      "Mr. Paul Okafor met Ms. Rita Lund in Oslo. \"It was useful,\" he said. "
      "Lund, who chairs the committee, said \"we will meet again.\" "
      "\"I hope so,\" she added.",
      {{"Paul Okafor", EntityLabel::kPerson},
       {"Rita Lund", EntityLabel::kPerson},
       {"Oslo", EntityLabel::kLoc},
       {"Lund", EntityLabel::kPerson}},
      {{"It was useful,", "he"},
       {"we will meet again.", "who"},
       {"I hope so,", "she"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "Paul Okafor");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Rita Lund");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Rita Lund");
}

// Regression: a "she" two paragraphs after Lund's quote, with an
// organisation quoted in between, was left unresolved.
TEST(ResolveSpeakers, PronounContinuesAnEarlierSpeakerOfItsGender) {
  Document doc = WithQuotes(
      "Ms. Rita Lund spoke first. \"We are ready,\" Lund said.\n\nThe "
      "Harbor Board said \"it agrees.\" Officials met on Monday. Talks "
      "went on for hours. Nobody left.\n\n\"We will see,\" she said.",
      {{"Rita Lund", EntityLabel::kPerson},
       {"Lund", EntityLabel::kPerson},
       {"Harbor Board", EntityLabel::kOrg}},
      {{"We are ready,", "Lund", 1},
       {"it agrees.", "The Harbor Board"},
       {"We will see,", "she"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "Rita Lund");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Harbor Board");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Rita Lund");
}

// Regression: "Google, which said ..." left the speaker unresolved.
TEST(ResolveSpeakers, WhichNamesTheOrganisationBeforeIt) {
  Document doc = WithQuotes(
      "Many firms gave money. This includes Norvella, which said it gave "
      "\"$12 million to schools.\"",
      {{"Norvella", EntityLabel::kOrg}},
      {{"it gave \"$12 million to schools.\"", "which"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "Norvella");
  // "which" never stands for a person, and a sentence-initial "Which" for
  // no one before it.
  Document person = WithQuotes(
      "The memo named Ms. Ana Ruiz, which said the plan \"will fail.\" Ruiz "
      "left. Which said nothing \"of use.\"",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Ruiz", EntityLabel::kPerson}},
      {{"the plan \"will fail.\"", "which"}, {"\"of use.\"", "Which"}});
  EXPECT_EQ(person.quotes[0].speaker_name, "");
  EXPECT_EQ(person.quotes[1].speaker_name, "");
}

TEST(ResolveSpeakers, CoordinatedHoldersAreAllNamed) {
  Document doc = WithQuotes(
      "Exports fell by half, according to the Trade Office and Minister Ana "
      "Ruiz. Ruiz blamed the port strike.",
      {{"Trade Office", EntityLabel::kOrg}, {"Ana Ruiz", EntityLabel::kPerson}},
      {{"Exports fell by half", "the Trade Office and Minister Ana Ruiz", 0,
        "according to"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "Trade Office and Ana Ruiz");
  EXPECT_EQ(ResolveMentionName(doc, Find(doc,
                                         "the Trade Office and Minister "
                                         "Ana Ruiz")),
            "Trade Office and Ana Ruiz");
  // Two names not joined by "and" are not a coordination.
  Document apposition = WithQuotes(
      "Prices rose, said Ana Ruiz of Trade Office.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Trade Office", EntityLabel::kOrg}},
      {{"Prices rose", "Ana Ruiz of Trade Office", 0, "said"}});
  EXPECT_EQ(apposition.quotes[0].speaker_name.find(" and "), std::string::npos);
  // An "and" inside an appositive after a comma describes one holder.
  Document described = WithQuotes(
      "Prices rose, said Ana Ruiz, a trader and founder of Vale Media.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Vale Media", EntityLabel::kOrg}},
      {{"Prices rose", "Ana Ruiz, a trader and founder of Vale Media", 0,
        "said"}});
  EXPECT_EQ(described.quotes[0].speaker_name, "Ana Ruiz");
  // A list with a comma before its "and" is still a coordination.
  Document listed = WithQuotes(
      "Prices rose, said Ana Ruiz, the mayor, and Li Wen.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Li Wen", EntityLabel::kPerson}},
      {{"Prices rose", "Ana Ruiz, the mayor, and Li Wen", 0, "said"}});
  EXPECT_EQ(listed.quotes[0].speaker_name, "Ana Ruiz and Li Wen");
}

TEST(ResolveSpeakers, ParticipleCueTakesTheClauseSpeaker) {
  Document doc = WithQuotes(
      "Mayor Ines Vale said the plan was ready, adding that work starts soon. "
      "Critics, noting the cost, were unconvinced.",
      {{"Ines Vale", EntityLabel::kPerson}},
      {{"the plan was ready", "Mayor Ines Vale", 0, "said"},
       {"that work starts soon", "", 0, "adding"}});
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ines Vale");
  EXPECT_EQ(doc.quotes[1].speaker_group, doc.quotes[0].speaker_group);
}

TEST(ResolveSpeakers, ParticipleCueDoesNotCrossSentences) {
  Document doc = WithQuotes(
      "Mayor Ines Vale said the plan was ready. Later, adding that work "
      "starts soon was a mistake.",
      {{"Ines Vale", EntityLabel::kPerson}},
      {{"the plan was ready", "Mayor Ines Vale", 0, "said"},
       {"that work starts soon", "", 0, "adding"}});
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

TEST(ResolveSpeakers, UnresolvedKeepsProperNameOrEmpty) {
  Document doc = WithQuotes(
      "\"Prices will fall,\" officials said. \"Not soon,\" said Dr. Imre "
      "Vass.",
      {}, {{"Prices will fall,", "officials"}, {"Not soon,", "Dr. Imre Vass"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[0].speaker_group, -1);
  EXPECT_EQ(doc.quotes[1].speaker_name, "Imre Vass");
  EXPECT_EQ(ResolveMentionName(doc, Find(doc, "Dr. Imre Vass")), "Imre Vass");
}

TEST(ResolveSpeakers, DaysAndMonthsAreNoSpeakers) {
  Document doc = WithQuotes(
      "\"Cases are stabilising,\" the WHO on Saturday said. A report "
      "released Monday found that prices rose.",
      {},
      {{"Cases are stabilising,", "the WHO on Saturday"},
       {"that prices rose", "A report released Monday"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "WHO");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

TEST(ResolveSpeakers, FirstPersonInsideQuoteIsItsSpeaker) {
  Document doc = WithQuotes(
      "Carla Nunes said: \"As I told the board, we need 40 new buses.\"",
      {{"Carla Nunes", EntityLabel::kPerson}},
      {{"As I told the board, we need 40 new buses.", "Carla Nunes"}});
  EXPECT_EQ(ResolveMentionName(doc, Find(doc, "I")), "Carla Nunes");
  EXPECT_EQ(ResolveMentionName(doc, Find(doc, "we")), "Carla Nunes");
}

// A name that modifies the speaker's head ("Varga spokeswoman Nell Ortiz",
// "Varga's lawyer, Abe Kim") is not the speaker; a possessive with no
// person after it still names whom the speaker speaks for, and names
// joined by "and" are not modifiers.
TEST(ResolveSpeakers, NameModifyingTheHeadIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "Mayor Lena Varga proposed the tax. \"It is fair,\" Varga spokeswoman "
      "Nell Ortiz said. \"It is legal,\" Varga's lawyer, Abe Kim, said. "
      "\"We agree,\" Varga's office said. \"We object,\" Ruth Coe and "
      "council member Dan Pratt said.",
      {{"Lena Varga", EntityLabel::kPerson},
       {"Varga", EntityLabel::kPerson},
       {"Nell Ortiz", EntityLabel::kPerson},
       {"Varga", EntityLabel::kPerson},
       {"Abe Kim", EntityLabel::kPerson},
       {"Varga", EntityLabel::kPerson},
       {"Ruth Coe", EntityLabel::kPerson},
       {"Dan Pratt", EntityLabel::kPerson}},
      {{"It is fair,", "Varga spokeswoman Nell Ortiz"},
       {"It is legal,", "Varga's lawyer, Abe Kim,"},
       {"We agree,", "Varga's office"},
       {"We object,", "Ruth Coe and council member Dan Pratt"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Nell Ortiz");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Abe Kim");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Lena Varga");
  EXPECT_EQ(doc.quotes[3].speaker_name.rfind("Ruth Coe", 0), 0u)
      << doc.quotes[3].speaker_name;
}

// Regression: "U.S. intelligence agencies said" was named "U.S.": a place
// that modifies the head noun is not the speaker. A place that is the
// speaker ("Norland on Monday", "Norland's envoy") still names it, and so
// does a name that is no place or adjective ("Korvo engineers").
TEST(ResolveSpeakers, PlaceModifyingTheHeadNounIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "\"The threat is real,\" Norland intelligence agencies said. \"We "
      "disagree,\" Norland on Monday said. \"No comment,\" Norland's envoy "
      "said. \"Rates will rise,\" Veltish lawmakers said. \"We are fine,\" "
      "Korvo engineers said. \"Talks go on,\" the Norland envoy to Veltia "
      "said.",
      {{"Norland", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc},
       {"Veltish", EntityLabel::kMisc},
       {"Korvo", EntityLabel::kMisc},
       {"Norland", EntityLabel::kLoc},
       {"Veltia", EntityLabel::kLoc}},
      {{"The threat is real,", "Norland intelligence agencies"},
       {"We disagree,", "Norland on Monday"},
       {"No comment,", "Norland's envoy"},
       {"Rates will rise,", "Veltish lawmakers"},
       {"We are fine,", "Korvo engineers"},
       {"Talks go on,", "the Norland envoy to Veltia"}});
  ASSERT_EQ(doc.quotes.size(), 6u);
  // Nor is another place beside the modifier the speaker.
  EXPECT_EQ(doc.quotes[5].speaker_name, "");
  // A company the tagger calls MISC is no adjective: it names the side.
  EXPECT_EQ(doc.quotes[4].speaker_name, "Korvo");
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[0].speaker_group, -1);
  EXPECT_EQ(doc.quotes[1].speaker_name, "Norland");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Norland");
  EXPECT_EQ(doc.quotes[3].speaker_name, "");
}

// Regression: "it" took an organisation that was no agent before it (a
// picture made by a company was named after the company). "It" names an
// organisation that is the subject of an earlier sentence, unless a thing
// became the subject since.
TEST(ResolveSpeakers, ItNamesOnlyAnOrganisationThatIsTheSubject) {
  Document doc = WithQuotes(
      "The map was drawn by analysts at Korvex Labs. It shows that \"the "
      "towns are split.\" Harbor Trust opened a fund. It said \"rents "
      "will fall.\" Harbor Trust hired a painter. The mural took a year. It "
      "shows that \"the sea is rising.\"",
      {{"Korvex Labs", EntityLabel::kOrg},
       {"Harbor Trust", EntityLabel::kOrg},
       {"Harbor Trust", EntityLabel::kOrg}},
      {{"the towns are split.", "It"},
       {"rents will fall.", "It", 1},
       {"the sea is rising.", "It", 2}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Harbor Trust");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
}

// The page the project was born from (read from ../shared when present).
TEST(EntityTagger, ExamplePageTitlesAndGroups) {
  std::ifstream in(std::string(WHOSAID_SOURCE_DIR) +
                   "/../shared/examples/rt-2017-12-28-coalition-syria.txt");
  if (!in) GTEST_SKIP() << "../shared/examples not found";
  ASSERT_TRUE(Tagger());
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc = MakeDoc(ss.str());
  Tagger()->Tag(&doc);
  struct Want {
    const char* name;
    const char* title;
    const char* appositive;
  };
  const Want want[] = {
      {"Felix Gedney", "Gen.",
       "the coalition's deputy commander for strategy and support"},
      {"Vladimir Putin", "President", ""},
      {"Sergey Surovkin", "Colonel-General",
       "the commander of the Russian forces in Syria"},
      {"Valery Gerasimov", "Russian Chief of General Staff", ""},
      {"Donald Trump", "US President", ""},
      {"James Mattis", "Defense Secretary", ""},
      {"Jean-Yves Le Drian", "French Foreign Minister", ""},
  };
  for (const Want& w : want) {
    const Entity* e = EntityWithText(doc, w.name);
    ASSERT_NE(e, nullptr) << w.name;
    EXPECT_EQ(e->label, EntityLabel::kPerson) << w.name;
    EXPECT_EQ(doc.Text(e->title), w.title) << w.name;
    if (*w.appositive) {
      EXPECT_EQ(doc.Text(e->appositive), w.appositive) << w.name;
    }
    ASSERT_GE(e->group, 0);
    EXPECT_EQ(doc.groups[e->group].canonical, w.name);
  }
  const Entity* gedney = EntityWithText(doc, "Gedney");
  ASSERT_NE(gedney, nullptr);
  EXPECT_EQ(doc.groups[gedney->group].canonical, "Felix Gedney");
  const auto& roles = doc.groups[gedney->group].roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), "general"), roles.end());
  const Entity* isis = EntityWithText(doc, "ISIS");
  ASSERT_NE(isis, nullptr);
  EXPECT_EQ(doc.groups[isis->group].canonical, "Islamic State");
  EXPECT_EQ(doc.groups[isis->group].label, EntityLabel::kOrg);
  // "The general claimed ..." resolves to Gedney.
  EXPECT_EQ(ResolveMentionName(doc, Find(doc, "The general")), "Felix Gedney");
}

// Documents for the speed test: CoNLL dev rebuilt as the scorer does when
// ../shared is present, else a synthetic text.
std::vector<Document> SpeedDocs() {
  std::vector<Document> docs;
  std::ifstream in(std::string(WHOSAID_SOURCE_DIR) +
                   "/../shared/data/ner/conll2003/eng.testa");
  std::string line, text, sentence;
  auto flush = [&]() {
    if (!sentence.empty()) {
      if (!text.empty()) text += '\n';
      text += sentence;
      sentence.clear();
    }
  };
  while (in && std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      if (!text.empty()) docs.push_back(MakeDoc(text));
      text.clear();
    } else if (line.empty()) {
      flush();
    } else {
      if (!sentence.empty()) sentence += ' ';
      sentence += line.substr(0, line.find(' '));
    }
  }
  flush();
  if (!text.empty()) docs.push_back(MakeDoc(text));
  if (docs.empty()) {
    for (int i = 0; i < 400; ++i) {
      text +=
          "Prime Minister Kaito Mori of Japan met Chancellor Olaf Berg in "
          "Vienna on Monday, the ministry said. Berg told reporters the "
          "European Union would back the deal, with 3.5 percent growth "
          "expected in 2024.\n";
    }
    docs.push_back(MakeDoc(text));
  }
  return docs;
}

TEST(NerSpeed, TokensPerSecond) {
  ASSERT_TRUE(Tagger());
  std::vector<Document> docs = SpeedDocs();
  size_t tokens = 0;
  for (const Document& d : docs) tokens += d.tokens.size();
  std::vector<Entity> ents;
  size_t found = 0;
  for (const Document& d : docs) {  // warm up
    Tagger()->TagNames(d, &ents);
    found += ents.size();
  }
  // CPU time of this (single-threaded) process: less sensitive to other
  // jobs on a shared machine than wall time.
  const int reps = 3;
  std::clock_t t0 = std::clock();
  for (int r = 0; r < reps; ++r) {
    for (const Document& d : docs) Tagger()->TagNames(d, &ents);
  }
  std::clock_t t1 = std::clock();
  for (Document& d : docs) Tagger()->Tag(&d);
  std::clock_t t2 = std::clock();
  double ner = reps * tokens * double(CLOCKS_PER_SEC) / double(t1 - t0);
  double all = tokens * double(CLOCKS_PER_SEC) / double(t2 - t1);
  std::printf(
      "NER tagger: %.0f tokens/s; with titles and groups: %.0f tokens/s "
      "(%zu docs, %zu tokens)\n",
      ner, all, docs.size(), tokens);
  EXPECT_GT(ner, 50000);  // loose bound: sanitizer and debug builds pass
  EXPECT_GT(found, tokens / 40);
}

}  // namespace
}  // namespace whosaid
