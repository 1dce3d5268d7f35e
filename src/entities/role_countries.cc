// Role holders told apart by country (see role_countries.h).
#include "src/entities/role_countries.h"

#include <algorithm>
#include <string>
#include <vector>

#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// Whether two country words name one country: equal without periods
// ("u.s." / "us"), or a country and its demonym sharing four letters
// ("russia" / "russian", "ukraine" / "ukrainian").
bool SameCountry(std::string_view a, std::string_view b) {
  auto bare = [](std::string_view w) {
    std::string out;
    for (char c : w) {
      if (c != '.') out += c;
    }
    return out;
  };
  const std::string x = bare(a), y = bare(b);
  if (x == y) return true;
  return x.size() >= 4 && y.size() >= 4 && x.compare(0, 4, y, 0, 4) == 0;
}

// The country words ("russian", "u.s.") among tokens [first, last).
// "South" and "north" only begin a country's name ("South Texas", "North
// Korean"): the word after them decides.
std::vector<std::string> CountryWords(const Document& doc, uint32_t first,
                                      uint32_t last) {
  std::vector<std::string> out;
  last = std::min<uint32_t>(last, doc.tokens.size());
  for (uint32_t i = first; i < last; ++i) {
    std::string w = LowerToken(doc, i);
    if (w == "south" || w == "north") continue;
    if (lex::IsCountryOrDemonym(w)) out.push_back(std::move(w));
  }
  return out;
}

// Words that make a role another office: "vice president" is not the
// president, "deputy minister" not the minister.
bool IsSubordinateWord(std::string_view word) {
  return word == "vice" || word == "deputy" || word == "assistant" ||
         word == "associate" || word == "under" || word == "lieutenant";
}

// Whether a holder's `role` is the phrase's role `exact`, with words
// before it that do not make it another office ("Republican nominee" for
// "nominee", not "vice president" for "president" nor "foreign minister"
// for "prime minister").
bool RoleEndsWith(std::string_view role, std::string_view exact) {
  if (exact.empty() || !role.ends_with(exact)) return false;
  if (role.size() == exact.size()) return true;
  std::string_view before = role.substr(0, role.size() - exact.size());
  if (!before.ends_with(' ')) return false;
  before.remove_suffix(1);
  const size_t cut = before.find_last_of(' ');
  const std::string_view word =
      cut == std::string_view::npos ? before : before.substr(cut + 1);
  return !IsSubordinateWord(word);
}

// The word before a role's last word when it makes the role another office
// ("vice" of "former vice president"), else "".
std::string_view SubordinateWord(std::string_view role) {
  const size_t cut = role.find_last_of(' ');
  if (cut == std::string_view::npos) return {};
  const std::string_view before = role.substr(0, cut);
  const size_t c2 = before.find_last_of(' ');
  const std::string_view word =
      c2 == std::string_view::npos ? before : before.substr(c2 + 1);
  return IsSubordinateWord(word) ? word : std::string_view();
}

// How a person group holds the role `noun`: whether a title or an
// appositive gives it without a country word and as the phrase's role
// `exact` (RoleEndsWith: "President X" for "the president", not "Vice
// President X"),
// and the country words of those that give one ("Russian President X", "X,
// the president of Russia,").
struct RoleCountries {
  bool plain = false;
  std::vector<std::string> countries;
};

RoleCountries CountriesOfRole(const Document& doc, int32_t group,
                              std::string_view noun, std::string_view exact) {
  // An appositive's country lies near its role ("the president of Russia").
  constexpr uint32_t kAppositiveTokens = 8;
  RoleCountries out;
  for (const Entity& e : doc.entities) {
    if (e.group != group) continue;
    for (const bool title : {true, false}) {
      const Span s = title ? e.title : e.appositive;
      if (s.empty()) continue;
      uint32_t f, l;
      mention::TokenRange(doc, s, &f, &l);
      const std::string role = title ? mention::NormaliseRole(doc, f, l)
                                     : mention::RoleOfPhrase(doc, f, l);
      if (!mention::RoleMatches(role, noun)) continue;
      std::vector<std::string> words =
          CountryWords(doc, f, title ? l : std::min(l, f + kAppositiveTokens));
      if (words.empty() && RoleEndsWith(role, exact)) out.plain = true;
      for (std::string& w : words) out.countries.push_back(std::move(w));
    }
  }
  return out;
}

// Whether a title or an appositive of person group `group` holds the word
// `lower` ("county" of "Lena Vogt, the county health director,").
bool TitledWith(const Document& doc, int32_t group, std::string_view lower) {
  for (const Entity& e : doc.entities) {
    if (e.group != group) continue;
    for (const Span s : {e.title, e.appositive}) {
      if (s.empty()) continue;
      uint32_t f, l;
      mention::TokenRange(doc, s, &f, &l);
      for (uint32_t i = f; i < l; ++i) {
        if (LowerToken(doc, i) == lower) return true;
      }
    }
  }
  return false;
}

// Whether `holder` may be the one a role phrase naming `wanted` countries
// means, and whether it is preferred: see RoleHolderByCountry.
enum class CountryFit { kNo, kYes, kPreferred };

CountryFit FitOfCountries(const RoleCountries& holder,
                          const std::vector<std::string>& wanted) {
  if (wanted.empty()) {
    return holder.plain ? CountryFit::kPreferred : CountryFit::kYes;
  }
  for (const std::string& w : wanted) {
    for (const std::string& c : holder.countries) {
      if (SameCountry(w, c)) return CountryFit::kPreferred;
    }
  }
  return holder.plain || holder.countries.empty() ? CountryFit::kYes
                                                  : CountryFit::kNo;
}

}  // namespace

int32_t RoleHolderByCountry(const Document& doc, std::string_view noun,
                            uint32_t begin_byte, uint32_t qualifier_first,
                            uint32_t qualifier_last) {
  const std::vector<std::string> wanted =
      CountryWords(doc, qualifier_first, qualifier_last);
  const std::string exact =
      qualifier_last > 0 && qualifier_last < doc.tokens.size()
          ? mention::NormaliseRole(doc, qualifier_first, qualifier_last + 1)
          : std::string();
  // The phrase names just the office ("the president", "the former
  // governor"): no word of its own could make it a deputy's.
  const bool bare_phrase =
      exact.empty() || exact == noun || exact == "former " + std::string(noun);
  // A level of government the phrase names ("the county health director",
  // "the state's attorney general"), which the holder's role must name too.
  std::string level;
  for (uint32_t i = qualifier_first;
       i < qualifier_last && i < doc.tokens.size(); ++i) {
    const std::string w = LowerToken(doc, i);
    if (w == "county" || w == "municipal" || w == "district" || w == "school" ||
        w == "local") {
      level = w;
    }
  }
  std::vector<int8_t> fit(doc.groups.size(), -1);
  // The latest holder before the phrase, else the first after it; one
  // named after it only when no one is named before.
  int32_t preferred = -1, allowed = -1, preferred_after = -1,
          allowed_after = -1;
  for (const Entity& e : doc.entities) {
    if (e.group < 0 || e.label != EntityLabel::kPerson) continue;
    int8_t& f = fit[e.group];
    if (f < 0) {
      f = static_cast<int8_t>(CountryFit::kNo);
      for (const auto& r : doc.groups[e.group].roles) {
        // "the former vice president" is not "former President Obama",
        // nor "the president" Vice President Pence; "a senior coalition
        // commander", with words of its own, may be a deputy commander.
        // "the county health director" is no director of another level.
        if (mention::RoleMatches(r, noun) &&
            (SubordinateWord(r) == SubordinateWord(exact) ||
             (SubordinateWord(exact).empty() && !bare_phrase)) &&
            (level.empty() || TitledWith(doc, e.group, level))) {
          f = static_cast<int8_t>(FitOfCountries(
              CountriesOfRole(doc, e.group, noun, exact), wanted));
          break;
        }
      }
    }
    if (f == static_cast<int8_t>(CountryFit::kNo)) continue;
    const bool is_preferred = f == static_cast<int8_t>(CountryFit::kPreferred);
    if (e.span.begin < begin_byte) {
      if (is_preferred) preferred = e.group;
      allowed = e.group;
      continue;
    }
    if (allowed >= 0) break;
    if (allowed_after < 0) allowed_after = e.group;
    if (is_preferred) {
      preferred_after = e.group;
      break;
    }
  }
  if (preferred >= 0) return preferred;
  if (allowed >= 0) return allowed;
  // A definite office of at most two words and no country ("the prime
  // minister said ...") before anyone holding it in just those words is
  // named: a holder of another country's or body's office named later
  // ("Irish Prime Minister Y") is rarely meant, while "A federal judge ruled
  // ... Judge Y" and "the city's mayor ... Y" introduce Y.
  uint32_t the = qualifier_first;
  if (!mention::TokenIs(doc, the, "the") && the > 0) --the;
  const bool definite =
      wanted.empty() && mention::TokenIs(doc, the, "the") &&
      qualifier_last >= the && qualifier_last - the <= 2 &&
      (qualifier_last - the < 2 ||
       doc.tokens[qualifier_last - 1].kind == TokenKind::kWord);
  if (preferred_after >= 0 || definite) return preferred_after;
  return allowed_after;
}

}  // namespace whosaid::speakers
