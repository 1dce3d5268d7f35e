// The role sieve (speaker_roles.cc) on hand-set entities (see
// entities_test_util.h): US state names and abbreviations, the state in a
// role phrase, and the person a state ties a role to ("the Vermont senator",
// "the Vermont Democrat").
#include <gtest/gtest.h>

#include <string>

#include "src/entities/entities_test_util.h"
#include "src/entities/lexicon.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/us_states.h"

namespace whosaid {
namespace {

using test_util::MakeDoc;
using test_util::WithQuotes;

TEST(UsStates, NamesAndBothAbbreviationStyles) {
  int vt = lex::UsStateOfName("vermont");
  ASSERT_GE(vt, 0);
  EXPECT_EQ(lex::UsStateOfAbbreviation("Vt."), vt);
  EXPECT_EQ(lex::UsStateOfAbbreviation("VT"), vt);
  EXPECT_EQ(lex::UsStateOfAbbreviation("Vermont"), vt);
  EXPECT_EQ(lex::UsStateOfAbbreviation("vt"), -1);
  int ny = lex::UsStateOfName("new york");
  ASSERT_GE(ny, 0);
  EXPECT_EQ(lex::UsStateOfAbbreviation("N.Y."), ny);
  EXPECT_EQ(lex::UsStateOfAbbreviation("NY"), ny);
  EXPECT_NE(lex::UsStateOfName("west virginia"),
            lex::UsStateOfName("virginia"));
  EXPECT_EQ(lex::UsStateOfName("norland"), -1);
  EXPECT_TRUE(lex::IsPartyStateTag("D-N.Y."));
  EXPECT_TRUE(lex::IsPartyStateTag("R-Texas"));
  EXPECT_FALSE(lex::IsPartyStateTag("D-day"));
  EXPECT_FALSE(lex::IsPartyStateTag("Al-Qaeda"));
}

TEST(StateInPhrase, FindsOneOrTwoWordStates) {
  Document doc = MakeDoc("the New York senator and the West Virginia mayor");
  EXPECT_EQ(speakers::StateInPhrase(doc, 0, 3), lex::UsStateOfName("new york"));
  EXPECT_EQ(speakers::StateInPhrase(doc, 5, 8),
            lex::UsStateOfName("west virginia"));
  EXPECT_EQ(speakers::StateInPhrase(doc, 0, 1), -1);
}

// Regression: "the Vermont senator" was named after whichever senator the
// article mentioned last (the Florida one). A state in the role phrase
// picks the person a party-state tag ties to it.
TEST(ResolveRole, StateInTheRolePhrasePicksThePersonOfThatState) {
  Document doc = WithQuotes(
      "Sen. Ana Ruiz (D-Vt.) and Sen. Tom Bell (R-Fla.) met on Monday. "
      "\"We agree on the bridge,\" the Vermont senator said. \"Not yet,\" "
      "the Florida senator said.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Tom Bell", EntityLabel::kPerson},
       {"Vermont", EntityLabel::kLoc},
       {"Florida", EntityLabel::kLoc}},
      {{"We agree on the bridge,", "the Vermont senator"},
       {"Not yet,", "the Florida senator"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Ruiz");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Tom Bell");
}

// The other ties: "of Vermont", "<State> Sen. X", ", a <State> Republican,"
// and a postal-style tag; a state that ties to no candidate gives no name.
TEST(ResolveRole, OtherTiesAndNoNameForAStateWithoutItsPerson) {
  Document doc = WithQuotes(
      "Sen. Lena Marsh of Vermont spoke first. Sen. Paul Dorn, a Texas "
      "Republican, followed. Ohio Gov. Ivo Kral listened, and so did Rep. "
      "Dana Cole (R-NY). \"Enough,\" the Texas senator said. \"More,\" the "
      "Vermont senator said. \"Maybe,\" the Maine senator said. \"Fine,\" "
      "the Ohio governor said. \"Good,\" the New York congresswoman said.",
      {{"Lena Marsh", EntityLabel::kPerson},
       {"Vermont", EntityLabel::kLoc},
       {"Paul Dorn", EntityLabel::kPerson},
       {"Texas", EntityLabel::kLoc},
       {"Ohio", EntityLabel::kLoc},
       {"Ivo Kral", EntityLabel::kPerson},
       {"Dana Cole", EntityLabel::kPerson},
       {"Texas", EntityLabel::kLoc},
       {"Vermont", EntityLabel::kLoc},
       {"Maine", EntityLabel::kLoc},
       {"Ohio", EntityLabel::kLoc},
       {"New York", EntityLabel::kLoc}},
      {{"Enough,", "the Texas senator"},
       {"More,", "the Vermont senator"},
       {"Maybe,", "the Maine senator"},
       {"Fine,", "the Ohio governor"},
       {"Good,", "the New York congresswoman"}});
  ASSERT_EQ(doc.quotes.size(), 5u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Paul Dorn");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Lena Marsh");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_group, -1);
  EXPECT_EQ(doc.quotes[3].speaker_name, "Ivo Kral");
  EXPECT_EQ(doc.quotes[4].speaker_name, "Dana Cole");
}

// A party noun after a state names the person tied to both ("the Vermont
// Democrat"), never the state itself; someone new ("an Ohio Republican")
// or a state with no one tied to it gives no name. A role whose holders
// the article ties to no state still finds the latest one, passing over
// one tied to another state.
TEST(ResolveRole, PartyNounsAndPeopleTiedToNoState) {
  Document doc = WithQuotes(
      "Sen. Ana Ruiz (D-Vt.) met Sen. Tom Bell (R-Vt.) and Gov. Rita Sol. "
      "New Jersey Gov. Ivo Kral joined them. \"No,\" the Vermont Democrat "
      "said. \"Yes,\" the Vermont Republican said. \"Why,\" an Ohio "
      "Republican said. \"How,\" the Ohio Republican said. \"When,\" the "
      "Florida governor said.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Tom Bell", EntityLabel::kPerson},
       {"Rita Sol", EntityLabel::kPerson},
       {"New Jersey", EntityLabel::kLoc},
       {"Ivo Kral", EntityLabel::kPerson},
       {"Vermont", EntityLabel::kLoc},
       {"Vermont", EntityLabel::kLoc},
       {"Ohio", EntityLabel::kLoc},
       {"Ohio", EntityLabel::kLoc},
       {"Florida", EntityLabel::kLoc}},
      {{"No,", "the Vermont Democrat"},
       {"Yes,", "the Vermont Republican"},
       {"Why,", "an Ohio Republican"},
       {"How,", "the Ohio Republican"},
       {"When,", "the Florida governor"}});
  ASSERT_EQ(doc.quotes.size(), 5u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Ruiz");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Tom Bell");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
  EXPECT_EQ(doc.quotes[3].speaker_name, "");
  EXPECT_EQ(doc.quotes[4].speaker_name, "Rita Sol");
}

// Regression: "the president" was named after whichever president the
// article mentioned last, the Russian one or the vice president. A country
// in the phrase picks the holder titled for it; a phrase without one
// prefers the holder titled with just that role and no country.
TEST(ResolveRole, CountryAndExactRoleDecideBetweenHolders) {
  Document doc = WithQuotes(
      "President Tom Bell met Vice President Ana Ruiz and Russian President "
      "Ivo Kral. \"We agreed,\" the president said. \"We did not,\" the "
      "Russian president said. \"Later,\" the vice president said.",
      {{"Tom Bell", EntityLabel::kPerson},
       {"Ana Ruiz", EntityLabel::kPerson},
       {"Russian", EntityLabel::kMisc},
       {"Ivo Kral", EntityLabel::kPerson},
       {"Russian", EntityLabel::kMisc}},
      {{"We agreed,", "the president"},
       {"We did not,", "the Russian president"},
       {"Later,", "the vice president"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Tom Bell");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ivo Kral");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Ana Ruiz");
}

// Regression: "the former vice president" went to the only holder of a
// "president" role ("former President Tom Bell"), and "the governor" to the
// lieutenant governor: a role with "vice", "deputy" or "lieutenant" before
// its noun is another office, both ways.
TEST(ResolveRole, ViceOfficesAreOtherOffices) {
  Document doc = WithQuotes(
      "Nominee Ana Ruiz spoke with former President Tom Bell and Lt. Gov. "
      "Rita Sol. \"Soon,\" the former vice president said. \"Never,\" the "
      "governor said.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Tom Bell", EntityLabel::kPerson},
       {"Rita Sol", EntityLabel::kPerson}},
      {{"Soon,", "the former vice president"}, {"Never,", "the governor"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

// Regression: "The official" after "A White House official said ..." went
// to an official the article had named earlier: the definite phrase means
// the unnamed one brought in as a subject since. An indefinite phrase that
// is no subject ("a run for mayor") or an appositive brings in no one.
TEST(ResolveRole, TheUnnamedOneBroughtInLastIsMeant) {
  Document doc = WithQuotes(
      "Ana Ruiz, a White House official, spoke on Monday. A White House "
      "official said the talks had failed. \"No deal,\" the official said. "
      "Tom Bell, the former mayor, backed a run for mayor by his aide. "
      "\"Go for it,\" the former mayor said. Ivo Kral, a spokesman for the "
      "port, said the cranes had stopped. \"We wait,\" the spokesman said.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Tom Bell", EntityLabel::kPerson},
       {"Ivo Kral", EntityLabel::kPerson}},
      {{"No deal,", "the official"},
       {"Go for it,", "the former mayor"},
       {"We wait,", "the spokesman"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Tom Bell");
  // An appositive after a name ("Ivo Kral, a spokesman for the port,")
  // names the one it brings in.
  EXPECT_EQ(doc.quotes[2].speaker_name, "Ivo Kral");
}

// Regression: "the president's critics" and "the senator's son" were
// named after the president and the senator; his office still speaks for
// him.
TEST(ResolveRole, PeopleOfAPossessorAreOthers) {
  Document doc = WithQuotes(
      "President Tom Bell and Sen. Ana Ruiz met. \"Too late,\" the "
      "president's critics said. \"Not now,\" the senator's son said. "
      "\"Soon,\" the senator's office said.",
      {{"Tom Bell", EntityLabel::kPerson}, {"Ana Ruiz", EntityLabel::kPerson}},
      {{"Too late,", "the president's critics"},
       {"Not now,", "the senator's son"},
       {"Soon,", "the senator's office"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Ana Ruiz");
}

// Regression: "an administration official" and "one longtime aide" were
// named after an official or aide the article named elsewhere; the words
// of an unnamed source name no one. A judge so introduced is often named
// next and keeps the name.
TEST(ResolveRole, AnonymousSourcesNameNoOne) {
  Document doc = WithQuotes(
      "Ana Ruiz, a senior official, spoke on Monday. \"Soon,\" an "
      "administration official said. \"Later,\" one longtime aide said. "
      "\"Denied,\" a federal judge said. Judge Tom Bell wrote the order.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Tom Bell", EntityLabel::kPerson}},
      {{"Soon,", "an administration official"},
       {"Later,", "one longtime aide"},
       {"Denied,", "a federal judge"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Tom Bell");
}

// Regression: "a source close to the mayor" and "a senior official,
// simply" (words the speaker span took along after the noun) were named
// after the mayor or an official named elsewhere.
TEST(ResolveRole, AnonymousSourceNounsInsideLongerPhrases) {
  Document doc = WithQuotes(
      "Mayor Ana Ruiz spoke on Monday. \"Soon,\" a source close to the "
      "mayor said. \"Later,\" said a senior official, simply.",
      {{"Ana Ruiz", EntityLabel::kPerson}},
      {{"Soon,", "a source close to the mayor"},
       {"Later,", "a senior official, simply"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

// Another office that ends in the same noun is not the phrase's role
// ("the prime minister" is not the foreign minister named after him); a
// country in the phrase that no holder's title names leaves out those
// titled for another country only (no name rather than a wrong one).
TEST(ResolveRole, OtherOfficesAndOtherCountries) {
  Document doc = WithQuotes(
      "Prime Minister Jan Nowak spoke after Foreign Minister Piotr Lis. "
      "\"Enough,\" the prime minister said. French Ambassador Eva Roux "
      "left. \"Soon,\" the German ambassador said.",
      {{"Jan Nowak", EntityLabel::kPerson},
       {"Piotr Lis", EntityLabel::kPerson},
       {"French", EntityLabel::kMisc},
       {"Eva Roux", EntityLabel::kPerson},
       {"German", EntityLabel::kMisc}},
      {{"Enough,", "the prime minister"}, {"Soon,", "the German ambassador"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Jan Nowak");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
}

// Regression: "The prime minister said ..." at the top of an article took
// the holder of another country's office named only later ("Irish Prime
// Minister ..."): a definite office named before anyone holds it in just
// its words names no one, while "A federal judge ruled ... Judge X" and a
// phrase with words of its own ("the city's mayor") still look ahead.
TEST(ResolveRole, NoLaterHolderOfAnotherCountrysOfficeForADefiniteOffice) {
  Document doc = WithQuotes(
      "\"Not now,\" the prime minister said. Irish Prime Minister Sean "
      "Byrne disagreed. \"Unlawful,\" a federal judge said on Monday. Judge "
      "Ada Pike wrote the order.",
      {{"Irish", EntityLabel::kMisc},
       {"Sean Byrne", EntityLabel::kPerson},
       {"Ada Pike", EntityLabel::kPerson}},
      {{"Not now,", "the prime minister"}, {"Unlawful,", "a federal judge"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ada Pike");
}

// Regression: "the county health director said" took the national agency's
// director named before: a level of government in the phrase must be in
// the holder's role too.
TEST(ResolveRole, ALevelOfGovernmentMustMatch) {
  Document doc = WithQuotes(
      "Ana Ruiz, the director of the national health agency, spoke. "
      "\"Masks work,\" the county health director said.",
      {{"Ana Ruiz", EntityLabel::kPerson}},
      {{"Masks work,", "the county health director"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  Document other = WithQuotes(
      "Ana Ruiz, the director of the national health agency, spoke. Lena "
      "Vogt, the county health director, agreed. \"Wash hands,\" the "
      "county health director said.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Lena Vogt", EntityLabel::kPerson}},
      {{"Wash hands,", "the county health director", 1}});
  ASSERT_EQ(other.quotes.size(), 1u);
  EXPECT_EQ(other.quotes[0].speaker_name, "Lena Vogt");
}

}  // namespace
}  // namespace whosaid
