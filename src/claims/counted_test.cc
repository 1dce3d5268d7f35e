// What a claim counts (counted.cc), through the claims extractor on
// sentences written for these tests.
#include "src/claims/counted.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;

// The counted phrase of the claim whose span text is `claim` in `text`
// ("<none>" when the claim is missing).
std::string CountedOf(const std::string& text, std::string_view claim) {
  Document doc = Extract(text);
  const Claim* c = Find(doc, claim);
  if (c == nullptr) return "<none>";
  return std::string(doc.Text(c->counted));
}

TEST(CountedTest, NounUnitWithParticipleRateAndOfPhrase) {
  EXPECT_EQ(CountedOf("The army said 4,100 rebels killed in March.", "4,100"),
            "rebels killed");
  EXPECT_EQ(CountedOf("Pilots flew 50 missions a day over the hills.", "50"),
            "missions a day");
  EXPECT_EQ(CountedOf("Crews cleared 12 square miles of the northern valley.",
                      "12 square miles"),
            "square miles of the northern valley");
  EXPECT_EQ(
      CountedOf("Farmers lost 40 percent of the wheat crop.", "40 percent"),
      "of the wheat crop");
}

// Regression: money followed by "in" and what it is ("$2 billion in
// military aid") had no counted phrase. A place, a time or a determiner
// after "in" is no such noun.
TEST(CountedTest, MoneyCountsTheNounsAfterIn) {
  EXPECT_EQ(
      CountedOf("Congress approved $2 billion in military aid.", "$2 billion"),
      "in military aid");
  EXPECT_EQ(CountedOf("The port got $275,000 in federal funding.", "$275,000"),
            "in federal funding");
  EXPECT_EQ(CountedOf("The firm raised $4 million in Norland.", "$4 million"),
            "");
  EXPECT_EQ(CountedOf("The drive raised $9,000 in just 30 minutes.", "$9,000"),
            "");
  EXPECT_EQ(
      CountedOf("The firm booked $3 million in recent years.", "$3 million"),
      "");
  EXPECT_EQ(CountedOf("The city spent $5 million in the spring.", "$5 million"),
            "");
}

TEST(CountedTest, NotAVerbWithItsObject) {
  // "stalled" takes an object here: it is the verb, not part of the count.
  EXPECT_EQ(CountedOf("Three councils stalled the vote.", "Three"), "councils");
}

TEST(CountedTest, NounsAfterAHyphenatedNumber) {
  EXPECT_EQ(
      CountedOf("They began a three-week audit of the agency.", "three-week"),
      "audit");
  EXPECT_EQ(CountedOf("The mayor holds a 9-percentage-point lead now.",
                      "9-percentage-point"),
            "lead");
  // A verb form after the noun ends it.
  EXPECT_EQ(
      CountedOf("Rangers saw a 300-acre meadow burning at dusk.", "300-acre"),
      "meadow");
  // Regression: a word that heads no noun or an adverb ends the run ("last
  // spring"); an adjective or a participle may modify a gerund noun, and a
  // gerund noun may head a compound; "swing" is no verb form.
  EXPECT_EQ(
      CountedOf("They began a three-week audit last spring.", "three-week"),
      "audit");
  EXPECT_EQ(
      CountedOf("Visitors kept 12-foot social distancing there.", "12-foot"),
      "social distancing");
  EXPECT_EQ(
      CountedOf("The town approved a six-story office building.", "six-story"),
      "office building");
  EXPECT_EQ(CountedOf("She ended a four-day campaign swing.", "four-day"),
            "campaign swing");
  EXPECT_EQ(CountedOf("The city set a 5-stage phased reopening.", "5-stage"),
            "phased reopening");
  // A third noun ("a three-drug lethal injection protocol"), not a number
  // word, a verb before its object or an adverb after the nouns.
  EXPECT_EQ(CountedOf("They used a two-step blood test protocol.", "two-step"),
            "blood test protocol");
  EXPECT_EQ(
      CountedOf("They won a one-day golf prize two weeks ago.", "one-day"),
      "golf prize");
  EXPECT_EQ(CountedOf("A 9-foot stone wall stands there.", "9-foot"),
            "stone wall");
  EXPECT_EQ(CountedOf("It was the largest one-day stock drop ever.", "one-day"),
            "stock drop");
  // An age gives whose age it is (AgeHolder, counted_holders.cc).
  EXPECT_EQ(CountedOf("A 31-year-old driver was hurt.", "31-year-old"),
            "driver");
}

// Regression: money or a percentage used as an adjective left the noun
// after it uncounted ("a $3 million grant"). Not when the amount is a
// noun itself: "the top 5% earned", "the $40 it costs", "the 60% needed".
TEST(CountedTest, NounAfterAnAdjectivalAmount) {
  EXPECT_EQ(CountedOf("The club won a $3 million grant.", "$3 million"),
            "grant");
  EXPECT_EQ(CountedOf("Voters faced a hefty $40 million bond measure.",
                      "$40 million"),
            "bond measure");
  EXPECT_EQ(
      CountedOf("The county's $9 billion road budget grew.", "$9 billion"),
      "road budget");
  EXPECT_EQ(CountedOf("There is a 70 percent chance of rain.", "70 percent"),
            "chance");
  EXPECT_EQ(CountedOf("The board backed a 4% raise for nurses.", "4%"),
            "raise");
  EXPECT_EQ(CountedOf("In 1990 the top 5% earned most.", "5%"), "");
  EXPECT_EQ(CountedOf("She paid the $40 it costs.", "$40"), "");
  EXPECT_EQ(CountedOf("He got the 60% needed to pass.", "60%"), "");
  EXPECT_EQ(CountedOf("Towns gave $40 to the fund.", "$40"), "");
  // "that" after a verb opens a clause; "agreed" is a verb form.
  EXPECT_EQ(CountedOf("That $200 fee was waived.", "$200"), "fee");
  // (The share's verb is what it counts: ShareVerbPhrases.)
  EXPECT_EQ(CountedOf("A poll found that 60 percent agreed.", "60 percent"),
            "agreed");
  EXPECT_EQ(
      CountedOf("The $4 billion road plan adds bridges too.", "$4 billion"),
      "road plan");
  EXPECT_EQ(
      CountedOf("Tova raised a sizable $12 million last year.", "$12 million"),
      "");
  EXPECT_EQ(CountedOf("They praised the $9 billion small business relief "
                      "program.",
                      "$9 billion"),
            "small business relief program");
  EXPECT_EQ(
      CountedOf("There is another $80 million ready to spend.", "$80 million"),
      "");
  // A noun before the amount is no adjective: "the plan" is not counted.
  EXPECT_EQ(CountedOf("They called the plan 100 percent legal.", "100 percent"),
            "");
}

// Regression: the subject of a verb of level or change ("the death toll
// rose to 45") and the object of a verb of change before "to"/"by" ("cut
// the bus fare to $2") were not counted. Pronouns, proper names alone,
// times and verb forms are not what is counted.
TEST(CountedTest, NounPhraseTiedByAVerb) {
  EXPECT_EQ(CountedOf("The flood's death toll has risen to 45.", "45"),
            "flood's death toll");
  EXPECT_EQ(CountedOf("Joblessness fell to 3.9 percent in May.", "3.9 percent"),
            "Joblessness");
  EXPECT_EQ(CountedOf("The firm said revenue was $3 billion.", "$3 billion"),
            "revenue");
  EXPECT_EQ(
      CountedOf("The number of cases in the town climbed to 1,300.", "1,300"),
      "number of cases in the town");
  EXPECT_EQ(CountedOf("The average refund would be about $900.", "about $900"),
            "average refund");
  EXPECT_EQ(CountedOf("The mayor cut the bus fare to $2.", "$2"), "bus fare");
  EXPECT_EQ(CountedOf("The plan would reduce emissions by 30%.", "30%"),
            "emissions");
  EXPECT_EQ(CountedOf("It has since fallen to $500.", "$500"), "");
  // "was" with a length gives a place; "times" compares.
  EXPECT_EQ(CountedOf("The boat was 25 miles south of the pier.", "25 miles"),
            "");
  EXPECT_EQ(CountedOf("Rents are 3 times higher.", "3 times"), "");
  // A percentage of an adjective after "be": "white" is no count of the
  // county.
  EXPECT_EQ(CountedOf("The county is 90 percent rural.", "90 percent"), "");
  EXPECT_EQ(CountedOf("Turnout was 60 percent.", "60 percent"), "Turnout");
  EXPECT_EQ(CountedOf("The rents were 20 percent higher.", "20 percent"),
            "rents");
  // Not after another verb or an infinitive's "to"; not a comparative.
  // A name in "-ly" is no adverb; the object of "after" is no subject.
  EXPECT_EQ(CountedOf("Italy's toll jumped from 30 to 46.", "30"),
            "Italy's toll");
  EXPECT_EQ(CountedOf("Italy's toll jumped from 30 to 46.", "46"),
            "Italy's toll");
  EXPECT_EQ(CountedOf("Income after inflation fell by $900.", "$900"), "");
  EXPECT_EQ(CountedOf("Costs fell because spending has dropped 5 percent.",
                      "5 percent"),
            "spending");
  EXPECT_EQ(CountedOf("The fee to join the golf club doubled to $900.", "$900"),
            "");
  EXPECT_EQ(CountedOf("The wall, which had been forecast to cost $9 billion, "
                      "stalled.",
                      "$9 billion"),
            "");
  EXPECT_EQ(CountedOf("Sales are expected to reach $9 billion.", "$9 billion"),
            "Sales");
  EXPECT_EQ(
      CountedOf("Savings for workers 55 and older is $15,000.", "$15,000"), "");
  // "for" inside the phrase; "right now" between it and the verb; not a
  // phrase inside a prepositional one, nor "together".
  EXPECT_EQ(CountedOf("The price of care for toddlers is $900 a month.",
                      "$900 a month"),
            "price of care for toddlers");
  EXPECT_EQ(
      CountedOf("The fund's cash right now is $40 million.", "$40 million"),
      "fund's cash");
  EXPECT_EQ(CountedOf("Fans with a dim view of the league rose to 30 percent.",
                      "30 percent"),
            "");
  EXPECT_EQ(CountedOf("Acme and Zorbex together sank $9 million into it.",
                      "$9 million"),
            "");
  EXPECT_EQ(CountedOf("Zorbex Corp jumped 3 percent.", "3 percent"), "");
  EXPECT_EQ(CountedOf("Sales this year rose 8 percent.", "8 percent"), "");
  EXPECT_EQ(CountedOf("The people who died were 40.", "40"), "");
  EXPECT_EQ(
      CountedOf("The plan, which rose to $8 billion, died.", "$8 billion"), "");
}

// Regression: the group named by a sentence-opening of-phrase ("Of the 300
// students, 40 ...") was not counted. Not a pronoun alone, not when the
// number does not follow the comma.
TEST(CountedTest, FrontedPartitive) {
  EXPECT_EQ(CountedOf("Of the 300 students, 40 passed.", "40"),
            "Of the 300 students");
  EXPECT_EQ(
      CountedOf("Among all members polled, 62 percent agreed.", "62 percent"),
      "Among all members polled");
  EXPECT_EQ(
      CountedOf("Of the riders who paid, nearly 90 left early.", "nearly 90"),
      "Of the riders");
  EXPECT_EQ(CountedOf("Of those, 62 stayed.", "62"), "");
  // Not "Of course," (the share's own verb counts instead).
  EXPECT_EQ(CountedOf("Of course, 40 percent agreed.", "40 percent"), "agreed");
  EXPECT_EQ(CountedOf("Of the staff, most said 40 had quit.", "40"), "");
}

// Regression: an of-phrase was cut at a possessive ("of the valley's
// farms" came out as "of the valley"). A possessive goes on to the noun it
// owns; one before no word leaves the phrase as it was.
TEST(CountedTest, OfPhraseThroughAPossessive) {
  EXPECT_EQ(
      CountedOf("Drought hit 30 percent of the valley's farms.", "30 percent"),
      "of the valley's farms");
  EXPECT_EQ(CountedOf("Crews fixed 12 percent of Norland\u2019s wind turbines "
                      "by May.",
                      "12 percent"),
            "of Norland\u2019s wind turbines");
  EXPECT_EQ(CountedOf("The fund holds 40 percent of the players' pension "
                      "money.",
                      "40 percent"),
            "of the players' pension money");
  EXPECT_EQ(CountedOf("He read 20 percent of Smith's \"Long Walk\" aloud.",
                      "20 percent"),
            "of Smith");
  // A verb in "-s" after the owned noun ends it.
  EXPECT_EQ(CountedOf("A bid for 6 boxes of the mayor's tax returns opens a "
                      "fight.",
                      "6"),
            "boxes of the mayor's tax returns");
}

// Regression: verbs of level outside the first lists ("held steady at",
// "is up", "pushed ... to") left the number without what it measures.
TEST(CountedTest, MoreVerbsOfLevelAndChange) {
  EXPECT_EQ(
      CountedOf("Unemployment held steady at 4.1 percent.", "4.1 percent"),
      "Unemployment");
  EXPECT_EQ(CountedOf("Retail sales are up 6 percent.", "6 percent"),
            "Retail sales");
  EXPECT_EQ(CountedOf("The bill pushed the top tax rate to 45 percent.",
                      "45 percent"),
            "top tax rate");
  EXPECT_EQ(CountedOf("The county's jobless rate was falling from 9 percent.",
                      "9 percent"),
            "county's jobless rate");
  EXPECT_EQ(
      CountedOf("The bank left the key rate steady at 2 percent.", "2 percent"),
      "key rate");
  // "held" without "at" holds what follows it.
  EXPECT_EQ(
      CountedOf("The old jail has held nearly 900 at times.", "nearly 900"),
      "");
  // "up" after a verb other than "be" is no change of a level.
  EXPECT_EQ(CountedOf("They picked up 40 at the market.", "40"), "");
}

// Regression: a second share of the same group ("... versus 31 percent who
// oppose it") had no counted phrase. Only after a percentage that counts an
// of-phrase and before a share's verb, "who" or the end of a clause.
TEST(CountedTest, SharesOfOneGroup) {
  EXPECT_EQ(CountedOf("A poll found 48 percent of the town's voters back the "
                      "levy versus 31 percent who oppose it.",
                      "31 percent"),
            "of the town's voters");
  EXPECT_EQ(CountedOf("Of the 90 nurses, 40 percent stayed, while 35 percent "
                      "said they would leave and 25 percent did.",
                      "25 percent"),
            "Of the 90 nurses");
  EXPECT_EQ(CountedOf("It took 27 percent of the vote, compared to 70 "
                      "percent.",
                      "70 percent"),
            "of the vote");
  EXPECT_EQ(CountedOf("It took 5 percent of wages, and 2 percent goes to a "
                      "fund.",
                      "2 percent"),
            "");
  // Not after a subject ("Turnout") nor before other words.
  EXPECT_EQ(
      CountedOf("Turnout was 60 percent, versus 52 percent.", "52 percent"),
      "");
}

}  // namespace
}  // namespace whosaid
