// LinkSpeakers: one-word names to the dominant full name, middle-initial
// variants to the plain name unless variants conflict, an organisation's
// acronym to the one organisation whose initials spell it; other
// organisations and ambiguous names stay unlinked; the order of rows does
// not matter.
#include "src/corpus/speaker_links.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace whosaid {
namespace {

SpeakerLinkRow Row(int64_t id, std::string key, std::string label,
                   size_t quotes) {
  return {id, std::move(key), std::move(label), quotes, ""};
}

// A speaker with its display name; the key is the name in lower case
// without dots (as NormalizeText keys it, near enough for these names).
SpeakerLinkRow Named(int64_t id, std::string name, std::string label,
                     size_t quotes) {
  std::string key;
  for (char ch : name) {
    if (ch == '.') continue;
    key.push_back('A' <= ch && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
  }
  return {id, std::move(key), std::move(label), quotes, std::move(name)};
}

// key -> key of the linked speaker ("" when not linked).
// The tests' corpora are small: links need 3 quotes of the full name
// (the default, 10, is for real corpora).
CorpusOptions SmallCorpusOptions() {
  CorpusOptions o;
  o.speaker_link_min_quotes = 3;
  // The acronym tests below but AcronymNeedsAnArticleThatTiesIt give no
  // mentions.
  o.speaker_link_acronym_needs_mention = false;
  return o;
}

std::map<std::string, std::string> Links(
    std::vector<SpeakerLinkRow> rows, SpeakerLinkCounts* counts = nullptr,
    CorpusOptions options = SmallCorpusOptions()) {
  auto out = LinkSpeakers(rows, options, counts);
  std::map<int64_t, std::string> key_of;
  for (const auto& r : rows) key_of[r.id] = r.key;
  std::map<std::string, std::string> links;
  for (size_t i = 0; i < rows.size(); ++i) {
    links[rows[i].key] = out[i] ? key_of[out[i]] : "";
  }
  return links;
}

TEST(SpeakerLinks, OneWordNameLinksToDominantFullName) {
  SpeakerLinkCounts c;
  auto links = Links(
      {Row(1, "olga brandvold", "PERSON", 9), Row(2, "brandvold", "PERSON", 4),
       Row(3, "pia brandvold", "PERSON", 1)},
      &c);
  EXPECT_EQ(links["brandvold"], "olga brandvold");
  EXPECT_EQ(links["olga brandvold"], "");
  EXPECT_EQ(links["pia brandvold"], "");
  EXPECT_EQ(c.one_word, 1u);
  EXPECT_EQ(c.variants, 0u);
  EXPECT_EQ(c.quotes, 4u);
}

TEST(SpeakerLinks, NoLinkBelowTheShareOrSupport) {
  // 9 of 13 quotes is under 80%.
  auto links = Links({Row(1, "olga brandvold", "PERSON", 9),
                      Row(2, "pia brandvold", "PERSON", 4),
                      Row(3, "brandvold", "PERSON", 5)});
  EXPECT_EQ(links["brandvold"], "");
  // Dominant but with fewer quotes than speaker_link_min_quotes.
  links = Links({Row(1, "olga brandvold", "PERSON", 2),
                 Row(3, "brandvold", "PERSON", 5)});
  EXPECT_EQ(links["brandvold"], "");
  CorpusOptions lax = SmallCorpusOptions();
  lax.speaker_link_min_quotes = 2;
  links = Links(
      {Row(1, "olga brandvold", "PERSON", 2), Row(3, "brandvold", "PERSON", 5)},
      nullptr, lax);
  EXPECT_EQ(links["brandvold"], "olga brandvold");
  CorpusOptions strict = SmallCorpusOptions();
  strict.speaker_link_min_word_quotes = 6;
  links = Links({Row(1, "olga brandvold", "PERSON", 20),
                 Row(3, "brandvold", "PERSON", 5)},
                nullptr, strict);
  EXPECT_EQ(links["brandvold"], "");
}

TEST(SpeakerLinks, OrganisationsAreNeverLinked) {
  auto links =
      Links({Row(1, "green house", "ORG", 50), Row(2, "house", "ORG", 30),
             Row(3, "ada house", "PERSON", 10), Row(4, "tower", "ORG", 7),
             Row(5, "ida tower", "PERSON", 10)});
  EXPECT_EQ(links["house"], "");  // an ORG one-word name
  EXPECT_EQ(links["tower"], "");
  // A PERSON one-word name only counts PERSON full names: the ORG
  // "green house" does not dilute "ada house".
  links = Links({Row(1, "green house", "ORG", 50), Row(2, "house", "PERSON", 3),
                 Row(3, "ada house", "PERSON", 10)});
  EXPECT_EQ(links["house"], "ada house");
  // An unknown type is not a person either.
  links = Links({Row(1, "ada house", "PERSON", 10), Row(2, "house", "", 3)});
  EXPECT_EQ(links["house"], "");
}

TEST(SpeakerLinks, AcronymLinksToTheOrganisationItsInitialsSpell) {
  SpeakerLinkCounts c;
  auto links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                      Named(2, "NHA", "ORG", 5),
                      Named(4, "Office of the Tidal Survey", "ORG", 10),
                      Named(5, "OTS", "ORG", 1)},
                     &c);
  EXPECT_EQ(links["nha"], "norland harbor authority");
  EXPECT_EQ(links["norland harbor authority"], "");
  // "of" and "the" have no initial.
  EXPECT_EQ(links["ots"], "office of the tidal survey");
  EXPECT_EQ(c.acronyms, 2u);
  EXPECT_EQ(c.one_word, 0u);
  EXPECT_EQ(c.quotes, 6u);
  // The dotted acronym too.
  auto out = LinkSpeakers(
      std::vector<SpeakerLinkRow>{
          Named(1, "Norland Harbor Authority", "ORG", 12),
          Named(3, "N.H.A.", "ORG", 2)},
      SmallCorpusOptions(), nullptr);
  EXPECT_EQ(out[1], 1);
}

TEST(SpeakerLinks, AcronymNeedsOneOrganisationWithEnoughQuotes) {
  // Two organisations spell NHA with 10+ quotes each: no link.
  auto links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                      Named(2, "National Hurling Association", "ORG", 10),
                      Named(3, "NHA", "ORG", 5)});
  EXPECT_EQ(links["nha"], "");
  // A rarely quoted second one does not compete ...
  links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                 Named(2, "National Hurling Association", "ORG", 9),
                 Named(3, "NHA", "ORG", 5)});
  EXPECT_EQ(links["nha"], "norland harbor authority");
  // ... and is not linked to on its own.
  links = Links({Named(2, "National Hurling Association", "ORG", 9),
                 Named(3, "NHA", "ORG", 5)});
  EXPECT_EQ(links["nha"], "");
  CorpusOptions lax = SmallCorpusOptions();
  lax.speaker_link_acronym_min_quotes = 9;
  links = Links({Named(2, "National Hurling Association", "ORG", 9),
                 Named(3, "NHA", "ORG", 5)},
                nullptr, lax);
  EXPECT_EQ(links["nha"], "national hurling association");
  // 0 turns acronym links off.
  CorpusOptions off = SmallCorpusOptions();
  off.speaker_link_acronym_min_quotes = 0;
  links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                 Named(3, "NHA", "ORG", 5)},
                nullptr, off);
  EXPECT_EQ(links["nha"], "");
}

TEST(SpeakerLinks, AcronymCountsANameWithItsTheForm) {
  // 6 + 5 quotes: one body of 11, linked at its form with more quotes.
  auto links = Links({Named(1, "Norland Harbor Authority", "ORG", 5),
                      Named(2, "The Norland Harbor Authority", "ORG", 6),
                      Named(3, "NHA", "ORG", 4)});
  EXPECT_EQ(links["nha"], "the norland harbor authority");
  EXPECT_EQ(links["norland harbor authority"], "");
  // Another body of 10+ quotes spells it too: no link.
  links = Links({Named(1, "Norland Harbor Authority", "ORG", 5),
                 Named(2, "The Norland Harbor Authority", "ORG", 6),
                 Named(4, "The National Hurling Association", "ORG", 10),
                 Named(3, "NHA", "ORG", 4)});
  EXPECT_EQ(links["nha"], "");
}

TEST(SpeakerLinks, AcronymNeedsAnArticleThatTiesIt) {
  CorpusOptions o;  // the default: a mention is needed
  const std::vector<SpeakerLinkRow> rows = {
      Named(1, "Norland Harbor Authority", "ORG", 8),
      Named(2, "The Norland Harbor Authority", "ORG", 4),
      Named(3, "NHA", "ORG", 5),
      Named(4, "Tidal Survey Office", "ORG", 20),
      Named(5, "TSO", "ORG", 2),
      Named(6, "Tova Sund Olsen", "PERSON", 3)};
  SpeakerLinkCounts c;
  EXPECT_EQ(LinkSpeakers(rows, o, &c), std::vector<int64_t>(6, 0));
  // "the NHA's" resolved to the "the" form: the body is tied; "TSO" said
  // by a person ties nothing, nor does another acronym.
  std::vector<AcronymMention> mentions;
  AddAcronymMentions("the NHA\u2019s harbor master", 2, &mentions);
  AddAcronymMentions("TSO", 6, &mentions);
  AddAcronymMentions("the TS", 4, &mentions);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].letters, "NHA");
  auto out = LinkSpeakers(rows, o, &c, mentions);
  EXPECT_EQ(out, (std::vector<int64_t>{0, 0, 1, 0, 0, 0}));
  EXPECT_EQ(c.acronyms, 1u);
  AddAcronymMentions("(T.S.O.),", 4, &mentions);
  out = LinkSpeakers(rows, o, &c, mentions);
  EXPECT_EQ(out, (std::vector<int64_t>{0, 0, 1, 0, 4, 0}));
}

TEST(SpeakerLinks, AcronymMentionsAreAcronymWords) {
  std::vector<AcronymMention> m;
  AddAcronymMentions("the Norland spokesman Ola", 1, &m);
  AddAcronymMentions("A spokesman", 1, &m);
  AddAcronymMentions("NHA2 officials", 1, &m);
  EXPECT_TRUE(m.empty());
  AddAcronymMentions("NHA's and the AT&T board", 7, &m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].letters, "NHA");
  EXPECT_EQ(m[1].letters, "ATT");
  EXPECT_EQ(m[1].speaker, 7);
}

TEST(SpeakerLinks, AcronymLinksOnlyOrganisationsByCapitals) {
  // Not an acronym: a capitalised word, one capital, or lower case.
  auto links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                      Named(2, "Nha", "ORG", 5), Named(3, "N", "ORG", 5),
                      Named(4, "N.H.A.2", "ORG", 5)});
  EXPECT_EQ(links["nha"], "");
  EXPECT_EQ(links["n"], "");
  EXPECT_EQ(links["nha2"], "");
  // Either side typed other than ORG: no link.
  links = Links({Named(1, "Norland Harbor Authority", "PERSON", 12),
                 Named(3, "NHA", "ORG", 5)});
  EXPECT_EQ(links["nha"], "");
  links = Links({Named(1, "Norland Harbor Authority", "ORG", 12),
                 Named(3, "NHA", "MISC", 5)});
  EXPECT_EQ(links["nha"], "");
  // An acronym is not the full name of another acronym, even when its key
  // has a word per letter.
  links = Links({{1, "n h a", "ORG", 12, "N.H.A."}, Named(3, "NHA", "ORG", 5)});
  EXPECT_EQ(links["nha"], "");
}

TEST(SpeakerLinks, InitialVariantLinksToPlainName) {
  SpeakerLinkCounts c;
  auto links =
      Links({Row(1, "karl brandt", "PERSON", 30),
             Row(2, "karl j brandt", "PERSON", 5),
             Row(3, "brandt", "PERSON", 4), Row(4, "anna brandt", "PERSON", 6)},
            &c);
  EXPECT_EQ(links["karl j brandt"], "karl brandt");
  // 35 of 41 full-name quotes (85%) once the variant counts with its plain
  // name; 30 of 41 alone would be under 80%.
  EXPECT_EQ(links["brandt"], "karl brandt");
  EXPECT_EQ(c.variants, 1u);
  EXPECT_EQ(c.one_word, 1u);
  EXPECT_EQ(c.quotes, 9u);
}

TEST(SpeakerLinks, ConflictingInitialsLinkNothing) {
  auto links = Links({Row(1, "george bosk", "PERSON", 30),
                      Row(2, "george w bosk", "PERSON", 50),
                      Row(3, "george h w bosk", "PERSON", 20)});
  EXPECT_EQ(links["george w bosk"], "");
  EXPECT_EQ(links["george h w bosk"], "");
  // The same initials written twice are no conflict.
  links = Links({Row(1, "lena marsh", "PERSON", 3),
                 Row(2, "lena k marsh", "PERSON", 2),
                 Row(3, "lena k marsh jr", "ORG", 2)});
  EXPECT_EQ(links["lena k marsh"], "lena marsh");
  // No plain name stored, or it is not a person: no link.
  links = Links({Row(2, "lena k marsh", "PERSON", 2)});
  EXPECT_EQ(links["lena k marsh"], "");
  links = Links(
      {Row(1, "lena marsh", "ORG", 3), Row(2, "lena k marsh", "PERSON", 2)});
  EXPECT_EQ(links["lena k marsh"], "");
  // A full middle name is not an initial.
  links = Links({Row(1, "lena marsh", "PERSON", 3),
                 Row(2, "lena kay marsh", "PERSON", 2)});
  EXPECT_EQ(links["lena kay marsh"], "");
}

TEST(SpeakerLinks, SuffixIsNotTheFamilyName) {
  auto links = Links({Row(1, "tom reyes jr", "PERSON", 10),
                      Row(2, "reyes", "PERSON", 2), Row(3, "jr", "PERSON", 2)});
  EXPECT_EQ(links["reyes"], "tom reyes jr");
  EXPECT_EQ(links["jr"], "");
}

TEST(SpeakerLinks, OrderOfRowsDoesNotMatter) {
  std::vector<SpeakerLinkRow> rows = {
      Row(1, "karl brandt", "PERSON", 30), Row(2, "karl j brandt", "PERSON", 5),
      Row(3, "brandt", "PERSON", 4),       Row(4, "anna brandt", "PERSON", 6),
      Row(5, "ada house", "PERSON", 10),   Row(6, "bo house", "PERSON", 10),
      Row(7, "house", "PERSON", 3)};
  auto first = Links(rows);
  std::reverse(rows.begin(), rows.end());
  EXPECT_EQ(Links(rows), first);
  EXPECT_EQ(first["house"], "");  // two equal full names: neither dominates
}

TEST(SpeakerLinks, MajorityLabel) {
  std::vector<std::pair<std::string, size_t>> counts = {
      {"ORG", 2}, {"PERSON", 3}, {"", 10}, {"ORG", 2}};
  EXPECT_EQ(MajorityLabel(counts), "ORG");
  counts = {{"PERSON", 2}, {"ORG", 2}};
  EXPECT_EQ(MajorityLabel(counts), "ORG");  // ties to the smaller label
  counts = {{"", 4}};
  EXPECT_EQ(MajorityLabel(counts), "");
}

TEST(SpeakerLabelTally, OneCountPerPairInKeyOrder) {
  SpeakerLabelTally tally;
  EXPECT_TRUE(tally.empty());
  EXPECT_TRUE(tally.Take().empty());
  // Quotes of three speakers over several documents, out of order.
  for (auto [speaker, label] :
       std::vector<std::pair<int64_t, std::string_view>>{{7, "PERSON"},
                                                         {3, "ORG"},
                                                         {7, ""},
                                                         {7, "PERSON"},
                                                         {12, "PERSON"},
                                                         {3, "ORG"},
                                                         {7, "ORG"},
                                                         {7, "PERSON"}}) {
    tally.Add(speaker, label);
  }
  EXPECT_FALSE(tally.empty());
  const auto counts = tally.Take();
  ASSERT_EQ(counts.size(), 5u);
  const std::vector<std::tuple<int64_t, std::string, int64_t>> want = {
      {3, "ORG", 2},
      {7, "", 1},
      {7, "ORG", 1},
      {7, "PERSON", 3},
      {12, "PERSON", 1}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(counts[i].speaker, std::get<0>(want[i])) << i;
    EXPECT_EQ(counts[i].label, std::get<1>(want[i])) << i;
    EXPECT_EQ(counts[i].quotes, std::get<2>(want[i])) << i;
  }
  // Take() empties the tally; Clear() forgets what was added.
  EXPECT_TRUE(tally.empty());
  EXPECT_TRUE(tally.Take().empty());
  tally.Add(5, "PERSON");
  tally.Clear();
  EXPECT_TRUE(tally.Take().empty());
}

}  // namespace
}  // namespace whosaid
