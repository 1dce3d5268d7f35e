// Speaker resolution, the role-noun sieve (see speaker_sieves.h): the person
// of a role ("the senator", "the Vermont Democrat") and the ties to US
// states that the mentions of a person give them (a party-state tag, "of
// Vermont", "Vermont Sen. X", ", a Vermont Democrat,"). Any thread, on a
// document it owns.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/entities/mentions.h"
#include "src/entities/role_countries.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/subjects.h"
#include "src/entities/us_states.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// The state whose full name starts at token i ("Vermont", "New York";
// capitalised), or -1. Sets *end past its last token.
int StateStartingAt(const Document& doc, uint32_t i, uint32_t limit,
                    uint32_t* end) {
  if (i >= limit || !doc.tokens[i].capitalized) return -1;
  std::string w = LowerToken(doc, i);
  if (i + 1 < limit && doc.tokens[i + 1].capitalized) {
    int s = lex::UsStateOfName(w + ' ' + LowerToken(doc, i + 1));
    if (s >= 0) {
      *end = i + 2;
      return s;
    }
  }
  *end = i + 1;
  return lex::UsStateOfName(w);
}

// The state whose full name ends just before token `end`, or -1.
int StateEndingAt(const Document& doc, uint32_t end) {
  if (end == 0 || !doc.tokens[end - 1].capitalized) return -1;
  std::string w = LowerToken(doc, end - 1);
  if (end >= 2 && doc.tokens[end - 2].capitalized) {
    int s = lex::UsStateOfName(LowerToken(doc, end - 2) + ' ' + w);
    if (s >= 0) return s;
  }
  return lex::UsStateOfName(w);
}

// The party letter ('D', 'R' or 'I') a party word names, or 0.
char PartyOfWord(std::string_view lower) {
  if (lower == "democrat" || lower == "democratic") return 'D';
  if (lower == "republican") return 'R';
  if (lower == "independent") return 'I';
  return 0;
}

// The state of a party-state tag right after byte `at`: " (D-Vt.)",
// ", R-FL,", " (I-Vermont)"; -1 when there is none. Sets *party to the
// tag's letter.
int PartyTagState(const Document& doc, uint32_t at, char* party) {
  constexpr size_t kMaxTagBytes = 32;
  if (at >= doc.text.size()) return -1;
  std::string_view t = std::string_view(doc.text).substr(at, kMaxTagBytes);
  size_t p = 0;
  auto skip_spaces = [&] {
    while (p < t.size() && t[p] == ' ') ++p;
  };
  skip_spaces();
  if (p < t.size() && t[p] == ',') ++p;
  skip_spaces();
  if (p < t.size() && t[p] == '(') ++p;
  if (p >= t.size() || (t[p] != 'D' && t[p] != 'R' && t[p] != 'I')) return -1;
  *party = t[p++];
  if (t.substr(p, 1) == "-") {
    p += 1;
  } else if (t.substr(p, 3) == "\xE2\x80\x93") {  // en dash
    p += 3;
  } else {
    return -1;
  }
  size_t q = p;
  while (q < t.size() && t[q] != ')' && t[q] != ',' && t[q] != ';' &&
         t[q] != '\n') {
    ++q;
  }
  std::string_view tag = t.substr(p, q - p);
  while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
  int s = lex::UsStateOfAbbreviation(tag);
  // "R-Fla. said": the tag ends at the first space.
  if (s < 0 && tag.find(' ') != std::string_view::npos) {
    s = lex::UsStateOfAbbreviation(tag.substr(0, tag.find(' ')));
  }
  return s;
}

// A person's tie to a state, and the party letter ('D', 'R', 'I') it
// names, or '?' when it names none.
struct StateTie {
  int state;
  char party;
};

// The states the mentions of person group `group` tie them to: a
// party-state tag after a name ("Ana Ruiz (D-Vt.)"), "of Vermont" after
// it, the state before the name or its title ("Vermont Sen. Ana Ruiz",
// "Vermont Democrat Ana Ruiz", "Vermont's Ana Ruiz"), or an appositive
// naming it (", a Vermont Democrat,", ", a senator from Vermont").
std::vector<StateTie> StateTies(const Document& doc, int32_t group) {
  constexpr uint32_t kMaxAppositiveTokens = 8;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  std::vector<StateTie> ties;
  auto add = [&](int state, char party) {
    if (state >= 0) ties.push_back({state, party != 0 ? party : '?'});
  };
  for (const Entity& e : doc.entities) {
    if (e.group != group) continue;
    uint32_t f, l, end;
    mention::TokenRange(doc, e.span, &f, &l);
    if (f >= l) continue;
    char party = 0;
    const int tagged = PartyTagState(doc, e.span.end, &party);
    add(tagged, party);
    if (l + 1 < n && mention::TokenIs(doc, l, "of")) {
      add(StateStartingAt(doc, l + 1, n, &end), 0);
    }
    uint32_t b =
        e.title.empty() ? f : mention::TokenAtOrAfter(doc, e.title.begin);
    party = 0;
    if (b > 0) {
      std::string w = LowerToken(doc, b - 1);
      party = PartyOfWord(w);
      if (w == "'s" || party != 0) --b;
    }
    add(StateEndingAt(doc, b), party);
    if (l + 1 < n && doc.TokenText(l) == "," &&
        (mention::TokenIs(doc, l + 1, "a") ||
         mention::TokenIs(doc, l + 1, "an") ||
         mention::TokenIs(doc, l + 1, "the"))) {
      for (uint32_t i = l + 2; i < n && i < l + 2 + kMaxAppositiveTokens; ++i) {
        std::string_view w = doc.TokenText(i);
        if (w == "," || w == "." || w == ";" ||
            doc.tokens[i].kind == TokenKind::kQuote) {
          break;
        }
        int s = StateStartingAt(doc, i, n, &end);
        if (s >= 0) {
          add(s, end < n ? PartyOfWord(LowerToken(doc, end)) : 0);
          break;
        }
      }
    }
  }
  return ties;
}

// Whether the role noun of a definite phrase starting at token `first`
// ("The official told CNN") was last brought in, after byte `after`, by an
// indefinite phrase that names no one ("a White House official suggested
// ..."): the phrase means that unnamed person, not a named holder.
bool IntroducedUnnamed(const Document& doc, std::string_view noun,
                       uint32_t first, uint32_t after) {
  constexpr uint32_t kLookBackTokens = 120;
  constexpr uint32_t kModifierTokens = 4;
  if (!mention::TokenIs(doc, first, "the")) return false;
  const uint32_t stop = first > kLookBackTokens ? first - kLookBackTokens : 0;
  for (uint32_t i = first; i-- > stop;) {
    if (doc.tokens[i].span.begin < after) return false;
    if (lex::ExpandAbbreviation(mention::LowerToken(doc, i)) != noun) continue;
    // The nearest earlier use of the noun decides.
    for (uint32_t j = i;
         j-- > (i > kModifierTokens ? i - kModifierTokens : 0);) {
      const std::string w = mention::LowerToken(doc, j);
      if (w == "a" || w == "an" || w == "one" || w == "another") {
        // Only one who is the subject ("A White House official said",
        // "..., a Defense Department spokesman said"), not "a president who
        // has made ...", "reflected a president struggling", "a run for
        // mayor".
        // After a comma only when no name comes right before it ("Ed Marsh,
        // a spokesman for the company, said" is an appositive: named).
        const Entity* before = j > 1 ? EntityAtToken(doc, j - 2) : nullptr;
        const bool subject =
            j == SubjectToken(doc, mention::SentenceOf(doc, j)) ||
            (j > 1 && doc.TokenText(j - 1) == "," &&
             !(before != nullptr && before->label == EntityLabel::kPerson));
        if (!subject) return false;
        // "an official, Ana Ruiz," or "an official named ...": named.
        const uint32_t next = i + 1 < doc.tokens.size() ? i + 1 : i;
        const uint32_t name = doc.TokenText(next) == "," ? next + 1 : next;
        return name >= doc.tokens.size() || !doc.tokens[name].capitalized;
      }
      if (doc.tokens[j].kind != TokenKind::kWord) break;
    }
    return false;
  }
  return false;
}

}  // namespace

int StateInPhrase(const Document& doc, uint32_t first, uint32_t last) {
  uint32_t end;
  for (uint32_t i = first; i < last; ++i) {
    if (int s = StateStartingAt(doc, i, last, &end); s >= 0) return s;
  }
  return -1;
}

int32_t ResolveRole(const Document& doc, std::string_view noun,
                    uint32_t begin_byte, int state, uint32_t qualifier_first,
                    uint32_t qualifier_last) {
  // "the Vermont Democrat": a party noun after a state names a person tied
  // to the state, of that party when the tie names one.
  const char party = state >= 0 ? PartyOfWord(noun) : 0;
  // Per group: 1 tied to `state` (of a compatible party), 2 tied to other
  // states only, 3 tied to none; 0 not known yet.
  std::vector<uint8_t> tie;
  if (state >= 0) tie.assign(doc.groups.size(), 0);
  int32_t best = -1, untied = -1;
  for (const Entity& e : doc.entities) {
    if (e.group < 0 || e.label != EntityLabel::kPerson) continue;
    bool has = party != 0;
    for (const auto& r : doc.groups[e.group].roles) {
      has |= mention::RoleMatches(r, noun);
    }
    if (!has) continue;
    const bool before = e.span.begin < begin_byte;
    if (state >= 0) {
      uint8_t& t = tie[e.group];
      if (t == 0) {
        t = 3;
        for (const StateTie& st : StateTies(doc, e.group)) {
          if (st.state != state) {
            if (t == 3) t = 2;
          } else if (party == 0 || st.party == '?' || st.party == party) {
            t = 1;
          }
        }
      }
      if (t == 3 && (before || untied < 0)) untied = e.group;
      if (t != 1) {
        if (!before && best >= 0) break;
        continue;
      }
    }
    if (before || best < 0) best = e.group;
    if (!before) break;
  }
  // No one of that role tied to the state: the latest one the article ties
  // to no state may still be meant ("Gov. X ... the Florida governor"); one
  // tied to another state never is, so with only such people, no name
  // rather than a wrong one. A party noun needs the tie.
  if (best < 0 && party == 0) return untied;
  if (state >= 0 || best < 0) return best;
  // Among holders of the role, the country words decide (see the header).
  const int32_t holder = RoleHolderByCountry(doc, noun, begin_byte,
                                             qualifier_first, qualifier_last);
  if (holder < 0) return holder;
  uint32_t last_mention = 0;
  for (const Entity& e : doc.entities) {
    if (e.span.begin >= begin_byte) break;
    if (e.group == holder) last_mention = e.span.end;
  }
  return IntroducedUnnamed(doc, noun, qualifier_first, last_mention) ? -1
                                                                     : holder;
}

}  // namespace whosaid::speakers
