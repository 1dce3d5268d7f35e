// Tests for ResolveSpeakers (speakers.cc) on documents with hand-set
// entities and quotes: names, roles, pronouns and who/which clauses.
#include <gtest/gtest.h>

#include <string>

#include "src/entities/entities.h"
#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Find;
using test_util::WithQuotes;

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

// Regression: "Port Board Chairman Ana Ruiz and Harbor Council Leader Li
// Wen" was named after Ana Ruiz alone: the organisation in the second
// person's title stood between the two names as a holder of its own.
TEST(ResolveSpeakers, AnOrganisationInATitleIsNoHolder) {
  Document doc = WithQuotes(
      "Port Board Chairman Ana Ruiz and Harbor Council Leader Li Wen said "
      "the pier would reopen.",
      {{"Port Board", EntityLabel::kOrg},
       {"Ana Ruiz", EntityLabel::kPerson},
       {"Harbor Council", EntityLabel::kOrg},
       {"Li Wen", EntityLabel::kPerson}},
      {{"the pier would reopen",
        "Port Board Chairman Ana Ruiz and Harbor Council Leader Li Wen", 0,
        "said"}});
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Ruiz and Li Wen");
}

// Regression: "Vale" tagged PERSON in one sentence and ORG in another took
// the "he said" after it: a one-word name the article also tags as an
// organisation, of no known gender, is no he/she.
TEST(ResolveSpeakers, AOneWordNameAlsoTaggedOrgIsNoHeOrShe) {
  Document doc = WithQuotes(
      "Tom Dabb runs a plant. Vale shares rose after Vale cut costs. "
      "\"We are growing,\" he said.",
      {{"Tom Dabb", EntityLabel::kPerson},
       {"Vale", EntityLabel::kOrg},
       {"Vale", EntityLabel::kPerson}},
      {{"We are growing,", "he"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Tom Dabb");
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

}  // namespace
}  // namespace whosaid
