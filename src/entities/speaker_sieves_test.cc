// Speaker sieves and names on hand-set entities (see
// entities_test_util.h): institutions named like places, organisation
// nouns, relative clauses, modifiers, pronouns, quote marks in tagged names
// (the role sieve's tests are in speaker_roles_test.cc, those of mentions
// that name someone besides the speaker in speaker_others_test.cc).
#include "src/entities/speaker_sieves.h"

#include <gtest/gtest.h>

#include <string>

#include "src/entities/entities_test_util.h"
#include "src/entities/lexicon.h"

namespace whosaid {
namespace {

using test_util::MakeDoc;
using test_util::WithQuotes;

// Regression: "White House officials" and "the Des Moines Register
// editorial board" lost their names as a place modifying a noun. A place
// name headed by an institution's or a publication's noun keeps it; a
// plain place still does not.
TEST(ResolveSpeakers, InstitutionNamedLikeAPlaceKeepsItsName) {
  Document doc = WithQuotes(
      "\"We object,\" White House officials said. \"It is over,\" the "
      "Harbor Register editorial board wrote. \"Fine,\" Norland officials "
      "said.",
      {{"White House", EntityLabel::kLoc},
       {"Harbor Register", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc}},
      {{"We object,", "White House officials"},
       {"It is over,", "the Harbor Register editorial board"},
       {"Fine,", "Norland officials"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "White House");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Harbor Register");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
}

// Regression: "the committee" took the nearest organisation (the Senate)
// over the committee named just before it.
// Regression: a speaker "NHA" that the tagger missed was named by the
// words of group names only, so once "NHA" joined "Norland Harbor
// Authority" it found no name. A group's acronyms count as its words.
TEST(ResolveSpeakers, AnAcronymOfAGroupNamesIt) {
  Document doc = WithQuotes(
      "The Norland Harbor Authority (NHA) met. \"No,\" NHA said.",
      {{"Norland Harbor Authority", EntityLabel::kOrg}}, {{"No,", "NHA", 1}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Norland Harbor Authority");
}

// Regression: "The organization said" after the Senate was named was the
// Senate: a body of the state is not a group, company or party.
TEST(ResolveSpeakers, ABodyOfTheStateIsNoGroupOrCompany) {
  Document doc = WithQuotes(
      "The Norland Senate passed the bill. \"We object,\" the organization "
      "said.",
      {{"Norland Senate", EntityLabel::kOrg}},
      {{"We object,", "the organization"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
}

// Regression: "The tax agency said" after the American Cancer Society and
// the Affordable Care Act were named took one of them: a society is no
// agency, and a law says nothing.
TEST(ResolveSpeakers, NoSocietyForAnAgencyAndNoLawForAnyone) {
  Document doc = WithQuotes(
      "The Norland Cancer Society and the Fair Care Act were discussed. "
      "\"We will wait,\" the tax agency said. \"No,\" it said.",
      {{"Norland Cancer Society", EntityLabel::kOrg},
       {"Fair Care Act", EntityLabel::kOrg}},
      {{"We will wait,", "the tax agency"}, {"No,", "it"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_NE(doc.quotes[1].speaker_name, "Fair Care Act");
}

// Regression: "NHA workers say", with "NHA" untagged, found the Norland
// Harbor Authority by its acronym: the workers speak for themselves.
TEST(ResolveSpeakers, AnOrganisationsWorkersFoundByNameWordAreNotIt) {
  Document doc = WithQuotes(
      "The Norland Harbor Authority (NHA) met. \"No,\" NHA workers said.",
      {{"Norland Harbor Authority", EntityLabel::kOrg}},
      {{"No,", "NHA workers"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
}

// Regression: "People close to Ana Ruiz said", "those close to the
// mayor" and "Ruiz's confidants" were named Ana Ruiz: people close to
// someone are others.
TEST(ResolveSpeakers, PeopleCloseToSomeoneAreOthers) {
  Document doc = WithQuotes(
      "Mayor Ana Ruiz left. \"Soon,\" people close to Ruiz said. "
      "\"Later,\" those close to the mayor said. \"Never,\" Ruiz's "
      "confidants said.",
      {{"Ana Ruiz", EntityLabel::kPerson}, {"Ruiz", EntityLabel::kPerson}},
      {{"Soon,", "people close to Ruiz"},
       {"Later,", "those close to the mayor"},
       {"Never,", "Ruiz's confidants"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
}

// Regression: "a campaign group said" took the organisation named last:
// an indefinite noun brings in a new one.
TEST(ResolveSpeakers, AnIndefiniteOrganisationNounIsNoOneNamed) {
  Document doc = WithQuotes(
      "The Harbor Trust met on Monday. \"No,\" a campaign group said.",
      {{"Harbor Trust", EntityLabel::kOrg}}, {{"No,", "a campaign group"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
}

// Regression: once "ACLU" was named the American Civil Liberties Union,
// "the organization said" skipped it for "union" in its name and took a
// network named before. A union is also "the organization".
TEST(ResolveSpeakers, AUnionIsAlsoTheOrganization) {
  Document doc = WithQuotes(
      "Norland TV reported it first. The Harbor Workers Union condemned the "
      "attack. \"We are outraged,\" the organization said.",
      {{"Norland TV", EntityLabel::kOrg},
       {"Harbor Workers Union", EntityLabel::kOrg}},
      {{"We are outraged,", "the organization"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Harbor Workers Union");
}

// Regression: an untagged speaker "Osei" took "Osei Tower", the first
// name holding the word, rather than Kwame Osei: a name's last word counts
// before its other words.
TEST(ResolveSpeakers, AnUntaggedNameWordIsANamesLastWordFirst) {
  Document doc = WithQuotes(
      "\"No,\" Osei said. The Osei Tower opened. Kwame Osei spoke.",
      {{"Osei Tower", EntityLabel::kOrg}, {"Kwame Osei", EntityLabel::kPerson}},
      {{"No,", "Osei"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Kwame Osei");
}

TEST(ResolveSpeakers, OrganisationNounPrefersTheOrganisationItNames) {
  Document doc = WithQuotes(
      "The Senate Finance Committee met on Tuesday. The Senate votes next "
      "week, the committee said.",
      {{"Senate Finance Committee", EntityLabel::kOrg},
       {"Senate", EntityLabel::kOrg}},
      {{"The Senate votes next week", "the committee"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Senate Finance Committee");
}

// Regression: "the ethics committee" took the only organisation named
// before it, a movement; a committee carries its kind in its name or its
// acronym ("the DNC").
TEST(ResolveSpeakers, CommitteeTakesOnlyAnOrganisationNamedAsOne) {
  Document doc = WithQuotes(
      "The Fairplay movement grew. The ethics committee said it was "
      "investigating. The DNC met. Money was short, the committee said.",
      {{"Fairplay", EntityLabel::kOrg}, {"DNC", EntityLabel::kOrg}},
      {{"it was investigating", "The ethics committee"},
       {"Money was short", "the committee"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "DNC");
}

// Regression: a name inside the speaker's relative clause was taken for
// the speaker ("Ben Bradley, who had backed Mrs May's deal," was Theresa
// May), or joined to it ("Shawn Brimley, who ..., and an adviser to Ms.
// Flournoy," was "Shawn Brimley and Flournoy").
TEST(ResolveSpeakers, NamesInARelativeClauseAreSomeoneElse) {
  Document doc = WithQuotes(
      "The Delta Institute, which is funded by Omar Vance, objected. Nina "
      "Holt, who was an aide to Omar Vance until 2012, and before that a "
      "lawyer, said the rule was wrong.",
      {{"Delta Institute", EntityLabel::kOrg},
       {"Omar Vance", EntityLabel::kPerson},
       {"Nina Holt", EntityLabel::kPerson},
       {"Omar Vance", EntityLabel::kPerson}},
      {{"objected", "The Delta Institute, which is funded by Omar Vance,"},
       {"the rule was wrong",
        "Nina Holt, who was an aide to Omar Vance until 2012, and before that "
        "a lawyer,"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Delta Institute");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Nina Holt");
}

// Regression: a capitalised word that only modifies the speaker's noun
// became the speaker's name ("Congressional aides" was "Congressional",
// "COVID-19 deaths" was "COVID-19"); an organisation's report or people
// keep its name ("a Harbor Institute poll", "IRS officials").
TEST(ResolveSpeakers, ModifierOfACommonNounIsNoName) {
  Document doc = WithQuotes(
      "Congressional aides said the vote would slip. One caller said it was "
      "late. A Harbor Institute poll found support fell. Then IRS officials "
      "said "
      "forms were late.",
      {},
      {{"the vote would slip", "Congressional aides"},
       {"it was late", "One caller"},
       {"support fell", "A Harbor Institute poll"},
       {"forms were late", "IRS officials"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Harbor Institute");
  EXPECT_EQ(doc.quotes[3].speaker_name, "IRS");
}

// Regression: "He will release the delegates to Mitt Romney, whom he has
// endorsed": the second "he" took the person named in between.
TEST(ResolveSpeakers, LaterPronounOfASentenceIsItsSubject) {
  Document doc = WithQuotes(
      "Omar Vance won two delegates. He will give both to Dana Reyes, whom "
      "he has endorsed.",
      {{"Omar Vance", EntityLabel::kPerson},
       {"Dana Reyes", EntityLabel::kPerson}},
      {{"endorsed", "he"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Omar Vance");
}

// Regression: "Democratic attorneys general from 12 states" took the name
// of the attorney general quoted earlier.
TEST(ResolveSpeakers, PluralTitleNamesNobodyInParticular) {
  Document doc = WithQuotes(
      "Attorney General Dana Whitcomb sued on Monday. Democratic attorneys "
      "general from 12 states said the rule was illegal. The attorney "
      "general said more suits would follow.",
      {{"Dana Whitcomb", EntityLabel::kPerson}},
      {{"the rule was illegal", "Democratic attorneys general from 12 states"},
       {"more suits would follow", "The attorney general"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Dana Whitcomb");
}

// Regression: "House Democrats" and "House Republicans" were both "House".
TEST(ResolveSpeakers, PartyMembersOfAnInstitutionAreTheirFaction) {
  Document doc = WithQuotes(
      "House Democrats said the bill was dead. House Republicans said it "
      "would pass. House Democrats' lawyers said nothing. The House said "
      "it would vote.",
      {{"House", EntityLabel::kOrg},
       {"House", EntityLabel::kOrg},
       {"House", EntityLabel::kOrg},
       {"House", EntityLabel::kOrg}},
      {{"the bill was dead", "House Democrats"},
       {"would pass", "House Republicans"},
       {"nothing", "House Democrats' lawyers"},
       {"it would vote", "The House"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "House Democrats");
  EXPECT_EQ(doc.quotes[1].speaker_name, "House Republicans");
  EXPECT_NE(doc.quotes[2].speaker_name, "House Democrats");
  EXPECT_EQ(doc.quotes[3].speaker_name, "House");
}

// Regression: "the Atlanta Journal-Constitution" with only "Atlanta" tagged
// was named "Atlanta"; a capital after a colon was taken for a name.
TEST(ResolveSpeakers, PlaceOpeningALongerNameIsNotTheSpeaker) {
  Document doc = WithQuotes(
      "The fund was empty, according to the Harbor City Gazette-Ledger. "
      "Ohio State Police said the road was closed. There is hope: "
      "Occasional polls showed the mayor ahead. Texas Gov. Ana Ruiz said "
      "nothing. Ships left, said U.S. Forces Norland. Norland War veterans "
      "said little. White House Counsel Pat Vale said no.",
      {{"Harbor City", EntityLabel::kLoc},
       {"Ohio", EntityLabel::kLoc},
       {"Texas", EntityLabel::kLoc},
       {"Ana Ruiz", EntityLabel::kPerson},
       {"U.S.", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc},
       {"White House", EntityLabel::kLoc},
       {"Pat Vale", EntityLabel::kPerson}},
      {{"The fund was empty", "the Harbor City Gazette-Ledger"},
       {"the road was closed", "Ohio State Police"},
       {"the mayor ahead", "Occasional polls"},
       {"nothing", "Texas Gov. Ana Ruiz"},
       {"Ships left", "U.S. Forces Norland"},
       {"little", "Norland War veterans"},
       {"no", "White House Counsel Pat Vale"}});
  ASSERT_EQ(doc.quotes.size(), 7u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Harbor City Gazette-Ledger");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ohio State Police");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
  EXPECT_EQ(doc.quotes[3].speaker_name, "Ana Ruiz");
  EXPECT_EQ(doc.quotes[4].speaker_name, "U.S. Forces Norland");
  // The run modifies the noun after it: not a name of the speaker.
  EXPECT_NE(doc.quotes[5].speaker_name, "Norland War");
  EXPECT_EQ(doc.quotes[6].speaker_name, "Pat Vale");
}

// Regression: "they" took any organisation named nearby ("pressure from
// the Senate ... they intend") though it stands for people no name covers.
TEST(ResolveSpeakers, TheyNamesOnlyABodyThatActedBefore) {
  Document doc = WithQuotes(
      "Advocates met under pressure from the Harbor Council. They said the "
      "plan was late. The Vale Union voted on Monday. They said the strike "
      "would go on.",
      {{"Harbor Council", EntityLabel::kOrg},
       {"Vale Union", EntityLabel::kOrg}},
      {{"the plan was late", "They"}, {"the strike would go on", "They", 1}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Vale Union");
}

TEST(ResolveSpeakers, TheyFollowsANamedPairOfSpeakers) {
  Document doc = WithQuotes(
      "Ana Ruiz and Li Wen wrote that the plan was late. They added that "
      "the fund was empty. Tom Hale said the roads were fine. They said "
      "nothing more.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Li Wen", EntityLabel::kPerson},
       {"Tom Hale", EntityLabel::kPerson}},
      {{"the plan was late", "Ana Ruiz and Li Wen"},
       {"the fund was empty", "They"},
       {"the roads were fine", "Tom Hale"},
       {"nothing more", "They", 1}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Ruiz and Li Wen");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ana Ruiz and Li Wen");
  // The nearest earlier speaker is one person: "they" is someone else.
  EXPECT_EQ(doc.quotes[3].speaker_name, "");
}

// Regression: names such as 'Joe”' and 'Late Desk” Vance Hollis' came
// from tagged spans holding a quote mark. A mark at the edge is trimmed;
// one with no partner inside the name ends what came before it; a pair (a
// nickname) and a plural possessive's apostrophe stay.
TEST(ResolveSpeakers, StrayQuoteMarksLeaveNames) {
  Document doc = WithQuotes(
      "Viewers of \xE2\x80\x9CLate Desk\xE2\x80\x9D Vance Hollis said "
      "\"it works.\" Ann \"Red\" Tully said \"it fails.\" Asked again, "
      "\xE2\x80\x9CJoe\xE2\x80\x9D said \"it depends.\" The Port "
      "Workers\xE2\x80\x99 Relief Fund said \"it pays.\"",
      {{"Desk\xE2\x80\x9D Vance Hollis", EntityLabel::kPerson},
       {"Ann \"Red\" Tully", EntityLabel::kPerson},
       {"Joe\xE2\x80\x9D", EntityLabel::kPerson},
       {"Port Workers\xE2\x80\x99 Relief Fund", EntityLabel::kOrg}},
      {{"it works.", "Vance Hollis"},
       {"it fails.", "Ann \"Red\" Tully"},
       {"it depends.", "Joe"},
       {"it pays.", "The Port Workers\xE2\x80\x99 Relief Fund"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Vance Hollis");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Ann \"Red\" Tully");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Joe");
  // A plural possessive's apostrophe is no quote mark (the name drops it,
  // as it drops "'s").
  EXPECT_EQ(doc.quotes[3].speaker_name, "Port Workers Relief Fund");
}

// Regression: "Mrs. Clinton" was named Bill Clinton, the nearest person
// with that surname. An honorific rules out a person of the other gender;
// with none left, the mention is a person of its own ("Quill"), whom a
// later "Mr. Quill" does not join.
TEST(ResolveSpeakers, HonorificsKeepSpousesApart) {
  Document doc = WithQuotes(
      "Tom Quill said \"the farm is doing well.\" Mrs. Quill said \"it "
      "needs rain.\" Mr. Quill said \"we will manage.\"",
      {{"Tom Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"the farm is doing well.", "Tom Quill"},
       {"it needs rain.", "Quill", 1},
       {"we will manage.", "Quill", 2}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Tom Quill");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Quill");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Tom Quill");
}

// Lists of holders with commas, and places as the whole mention, name
// every holder ("Europe, Canada and Mexico"); places that modify someone and
// appositives with an "and" in them do not.
TEST(ResolveSpeakers, CommaListsAndPlacesAreCoordinations) {
  Document doc = WithQuotes(
      "Trade fell. Norland, Vesta and Ostria said \"we object.\" Officials "
      "in Norland and Vesta said \"we agree.\" Ana Ruiz, Li Wen and Tom "
      "Dabb said \"no.\" Ana Ruiz, Vale Media chief and a former Dabb aide, "
      "said \"yes.\"",
      {{"Norland", EntityLabel::kLoc},
       {"Vesta", EntityLabel::kLoc},
       {"Ostria", EntityLabel::kLoc},
       {"Norland", EntityLabel::kLoc},
       {"Vesta", EntityLabel::kLoc},
       {"Ana Ruiz", EntityLabel::kPerson},
       {"Li Wen", EntityLabel::kPerson},
       {"Tom Dabb", EntityLabel::kPerson},
       {"Ana Ruiz", EntityLabel::kPerson},
       {"Vale Media", EntityLabel::kOrg},
       {"Dabb", EntityLabel::kPerson}},
      {{"we object.", "Norland, Vesta and Ostria"},
       {"we agree.", "Officials in Norland and Vesta"},
       {"no.", "Ana Ruiz, Li Wen and Tom Dabb"},
       {"yes.", "Ana Ruiz, Vale Media chief and a former Dabb aide,"}});
  ASSERT_EQ(doc.quotes.size(), 4u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Norland, Vesta and Ostria");
  EXPECT_EQ(doc.quotes[1].speaker_name.find(" and "), std::string::npos);
  EXPECT_EQ(doc.quotes[2].speaker_name, "Ana Ruiz, Li Wen and Tom Dabb");
  EXPECT_EQ(doc.quotes[3].speaker_name, "Ana Ruiz");
  // Titles before the names and a party tag after one stay out.
  Document titled = WithQuotes(
      "Ana Ruiz, Sen. Li Wen, D-Vt., and former Mayor Tom Dabb said \"no.\"",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Li Wen", EntityLabel::kPerson},
       {"D-Vt", EntityLabel::kOrg},
       {"Tom Dabb", EntityLabel::kPerson}},
      {{"no.", "Ana Ruiz, Sen. Li Wen, D-Vt., and former Mayor Tom Dabb"}});
  ASSERT_EQ(titled.quotes.size(), 1u);
  EXPECT_EQ(titled.quotes[0].speaker_name, "Ana Ruiz, Li Wen and Tom Dabb");
}

// Regression: "who" took the name just before it even where that name
// only described someone: a place ("Rand Paul of Kentucky, who"), or a
// modifier of a noun ("the White House physician who", "Trump supporters
// who").
TEST(ResolveSpeakers, WhoIsTheHolderAPlaceOrModifierDescribes) {
  Document doc = WithQuotes(
      "Senators like Ana Ruiz of Norland, who voted no, said \"never.\" Li "
      "Wen, 52, a Norland physician who left, said \"maybe.\" Tom Dabb "
      "praised Norland officials, who said \"fine.\" Rios supporters who "
      "came said \"yes.\" Tom Dabb, a mayor, met people in Vesta who "
      "said \"no.\" The Norland Post, which said \"ok,\" closed.",
      {{"Ana Ruiz", EntityLabel::kPerson},
       {"Norland", EntityLabel::kLoc},
       {"Li Wen", EntityLabel::kPerson},
       {"Norland", EntityLabel::kLoc},
       {"Tom Dabb", EntityLabel::kPerson},
       {"Norland", EntityLabel::kLoc},
       {"Rios", EntityLabel::kPerson},
       {"Tom Dabb", EntityLabel::kPerson},
       {"Vesta", EntityLabel::kLoc},
       {"Norland Post", EntityLabel::kOrg}},
      {{"never.", "who", 0},
       {"maybe.", "who", 1},
       {"fine.", "who", 2},
       {"yes.", "who", 3},
       {"no.", "who", 4},
       {"ok,", "which"}});
  ASSERT_EQ(doc.quotes.size(), 6u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Ana Ruiz");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Li Wen");
  EXPECT_EQ(doc.quotes[2].speaker_name, "");
  EXPECT_EQ(doc.quotes[3].speaker_name, "");
  EXPECT_EQ(doc.quotes[4].speaker_name, "");
  EXPECT_EQ(doc.quotes[5].speaker_name, "Norland Post");
}

// Regression: "the Fox News host", "a Norland Post reader" were named the
// organisation; its officials and spokesmen still speak for it.
TEST(ResolveSpeakers, AnOrganisationsPeopleSpeakForThemselves) {
  Document doc = WithQuotes(
      "The show aired. The Norland Post host said \"no.\" Norland Post "
      "readers said \"maybe.\" Norland Post officials said \"yes.\"",
      {{"Norland Post", EntityLabel::kOrg},
       {"Norland Post", EntityLabel::kOrg},
       {"Norland Post", EntityLabel::kOrg}},
      {{"no.", "The Norland Post host"},
       {"maybe.", "Norland Post readers"},
       {"yes.", "Norland Post officials"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Norland Post");
}

// A name that stands alone in an article is a surname: its counted gender
// ("Warren": she) rules it out for a pronoun of the other gender, where the
// name's words did not.
TEST(ResolveSpeakers, ALoneSurnameHasItsCountedGender) {
  std::string surname;
  for (const auto& [w, g] : lex::CountedSurnames()) {
    if (g == lex::Gender::kMale &&
        lex::GenderOfWord(w) == lex::Gender::kUnknown && w.size() > 3 &&
        w.find_first_of("'-") == std::string_view::npos) {
      surname = std::string(w);
      break;
    }
  }
  ASSERT_FALSE(surname.empty());
  surname[0] = static_cast<char>(surname[0] - 'a' + 'A');
  Document doc = WithQuotes(
      "Quorn Dabb spoke first. Then " + surname +
          " arrived. She said \"it rained.\"",
      {{"Quorn Dabb", EntityLabel::kPerson}, {surname, EntityLabel::kPerson}},
      {{"it rained.", "She"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Quorn Dabb") << surname;
}

TEST(ResolveSpeakers, HonorificPicksThePersonOfItsGender) {
  // A lower-case "miss" is a verb, no honorific: that "Quill" goes to the
  // nearest, Tom. "Ms." is Mara although Tom is nearer.
  Document doc = WithQuotes(
      "Mara Quill met Tom Quill, a farmer, at noon. Critics may miss "
      "Quill, who said \"we tried.\" Ms. Quill said \"we agree.\"",
      {{"Mara Quill", EntityLabel::kPerson},
       {"Tom Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson},
       {"Quill", EntityLabel::kPerson}},
      {{"we tried.", "Quill", 2}, {"we agree.", "Quill", 3}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Tom Quill");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Mara Quill");
}

// Any double quote mark counts, not only the straight and curly English
// ones: a guillemet or a low-9 mark with no partner ends the name too.
TEST(ResolveSpeakers, StrayGuillemetsLeaveNames) {
  Document doc = WithQuotes(
      "Readers of \xC2\xAB"
      "Evening Post\xC2\xBB Mara Lind said \"it "
      "works.\" Fans of \xE2\x80\x9E"
      "Night Shift\xE2\x80\x9C Olaf Berg said "
      "\"it fails.\"",
      {{"Post\xC2\xBB Mara Lind", EntityLabel::kPerson},
       {"Shift\xE2\x80\x9C Olaf Berg", EntityLabel::kPerson}},
      {{"it works.", "Mara Lind"}, {"it fails.", "Olaf Berg"}});
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Mara Lind");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Olaf Berg");
}

// "Federal prosecutors in Reno" are not Reno, nor is "a realtor in
// Elkton, Maryland" Maryland; "a study in Nordic Review" names its source.
TEST(ResolveMention, PlaceAfterACommonNounIsNoSpeaker) {
  Document doc = WithQuotes(
      "Federal prosecutors in Reno said the case was closed. A realtor in "
      "Elkton, Maryland, said prices fell. A study in Nordic Review said "
      "sleep matters.",
      {{"Reno", EntityLabel::kLoc},
       {"Elkton", EntityLabel::kLoc},
       {"Maryland", EntityLabel::kLoc},
       {"Nordic Review", EntityLabel::kLoc}},
      {{"the case was closed", "Federal prosecutors in Reno"},
       {"prices fell", "A realtor in Elkton, Maryland,"},
       {"sleep matters", "A study in Nordic Review"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Nordic Review");
}

// A one-word place or demonym that is the surname of the article's one
// person so named is that person ("German said" after "Michael German").
TEST(ResolveMention, PlaceWordThatIsAPersonsSurname) {
  Document doc = WithQuotes(
      "Michael Holland, a former agent, spoke first. Holland said the rules "
      "were old.",
      {{"Michael Holland", EntityLabel::kPerson},
       {"Holland", EntityLabel::kLoc}},
      {{"the rules were old", "Holland", 1}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Michael Holland");
}

// Regression: "Port officers" was named after the Norland Port Authority:
// the sentence's first word is capitalised for its place, and the article
// writes "port" in lower case. A name there keeps its holder ("Vale
// officials"), as does an organisation's noun ("Authority staff").
TEST(ResolveSpeakers, ASentencesFirstWordBeforeANounIsNoName) {
  Document doc = WithQuotes(
      "The Norland Port Authority runs the port. Port officers said the pier "
      "was shut. Vale Holdings declined. Vale officials said talks went on. "
      "Authority staff said it was safe.",
      {{"Norland Port Authority", EntityLabel::kOrg},
       {"Vale Holdings", EntityLabel::kOrg}},
      {{"the pier was shut", "Port officers", 0, "said"},
       {"talks went on", "Vale officials", 0, "said"},
       {"it was safe", "Authority staff", 0, "said"}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Vale Holdings");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Norland Port Authority");
}

// Regression: "a Republican who" was named "Republican", and "the former
// Norland Treasury Secretary who" the treasury. "Who" stands for people
// named by their party ("Democrats who"), not for one party or nation
// noun, nor for a body whose role noun comes between.
TEST(ResolveSpeakers, WhoIsNoPartyNounNorTheBodyOfARole) {
  Document doc = WithQuotes(
      "Tom Dabb met a Republican who said \"never.\" He was the former "
      "Norland Treasury Secretary who said \"maybe.\" Then Democrats who "
      "came said \"yes.\"",
      {{"Tom Dabb", EntityLabel::kPerson},
       {"Republican", EntityLabel::kMisc},
       {"Norland Treasury", EntityLabel::kOrg},
       {"Democrats", EntityLabel::kMisc}},
      {{"never.", "who", 0}, {"maybe.", "who", 1}, {"yes.", "who", 2}});
  ASSERT_EQ(doc.quotes.size(), 3u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "");
  EXPECT_EQ(doc.quotes[1].speaker_name, "");
  EXPECT_EQ(doc.quotes[2].speaker_name, "Democrats");
}

// Regression: "the company" went to the outlet the statement was given
// to ("told Vale News") instead of the company named before it.
TEST(ResolveSpeakers, TheCompanyIsNotTheOutletItToldIt) {
  Document doc = WithQuotes(
      "Harbor Freight Lines cut 300 jobs, a manager told Vale News. The "
      "company said the cuts were final.",
      {{"Harbor Freight Lines", EntityLabel::kOrg},
       {"Vale News", EntityLabel::kOrg}},
      {{"the cuts were final", "The company", 0, "said"}});
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Harbor Freight Lines");
}

}  // namespace
}  // namespace whosaid
