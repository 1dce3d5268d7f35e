#include "src/attribution/source_span.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "src/base/calendar_words.h"
#include "src/base/chars.h"
#include "src/entities/mentions.h"
#include "src/entities/us_states.h"

namespace whosaid::attribution {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Adverbs of time or frequency that stand between a subject and its verb.
bool IsTimeAdverb(std::string_view w) {
  return OneOf(w, {"just", "yesterday", "today", "tonight", "recently", "also",
                   "previously", "earlier", "later", "again", "now",
                   "repeatedly", "often", "already", "separately"});
}

// A manner or degree adverb in "-ly" ("cynically", "universally"), not a
// noun or adjective in "-ly" ("rally", "family", "ally", "daily").
bool IsLyAdverb(std::string_view w) {
  if (w.size() < 5 || !w.ends_with("ly")) return false;
  return !OneOf(
      w, {"family",    "rally",   "tally",     "ally",   "assembly", "supply",
          "monopoly",  "anomaly", "reply",     "daily",  "weekly",   "monthly",
          "quarterly", "yearly",  "butterfly", "bully",  "italy",    "belly",
          "jelly",     "folly",   "homily",    "elderly"});
}

// How many tokens an adverbial ending at token e has (0: none):
// "[on] [early|late|earlier|later] Monday [morning]", "[earlier|later]
// this|last|next week", a time adverb or an adverb in "-ly".
int AdverbialLength(const Document& doc, int b, int e) {
  auto lower = [&](int i) { return AsciiLower(doc.TokenText(i)); };
  int i = e;
  std::string w = lower(i);
  // Capitalised, an adverb is part of a name ("USA Today").
  if (IsTimeAdverb(w) && !doc.tokens[i].capitalized) return 1;
  // So is a manner or degree adverb, with its intensifier ("World leaders
  // almost universally expressed"; PolNeAR train: 21 of 18,360 speakers end
  // in "-ly", nearly all nouns, "rally", "tally").
  if (IsLyAdverb(w) && !doc.tokens[i].capitalized) {
    if (i > b && OneOf(lower(i - 1), {"almost", "very", "so", "too", "quite",
                                      "most", "more", "less", "rather"})) {
      return 2;
    }
    return 1;
  }
  if (OneOf(w, {"morning", "afternoon", "evening", "night"}) && i > b &&
      WeekdayOfName(lower(i - 1))) {
    --i;
    w = lower(i);
  }
  if (WeekdayOfName(w)) {
    if (i > b && OneOf(lower(i - 1), {"early", "late", "earlier", "later"})) {
      --i;
    }
    if (i > b && lower(i - 1) == "on") --i;
    return e - i + 1;
  }
  if (OneOf(w, {"week", "weekend", "month", "year"}) && i > b &&
      OneOf(lower(i - 1), {"this", "last", "next"})) {
    --i;
    if (i > b && OneOf(lower(i - 1), {"earlier", "later"})) --i;
    return e - i + 1;
  }
  return 0;
}

// A verb form or relative word that a trailing adverbial may belong to:
// "a poll released Monday", "voters going to the polls Tuesday", "the
// groups who wrote to her on Thursday".
bool HoldsAClause(const Document& doc, int b, int e) {
  for (int i = b; i <= e; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord || t.capitalized) continue;
    std::string w = AsciiLower(doc.TokenText(i));
    if (OneOf(w, {"who", "which", "that", "whose", "whom"})) return true;
    if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"))) return true;
  }
  return false;
}

// A comma that ends the speaker's noun phrase: one followed by a
// participle or a preposition opening an adjunct ("Eric Garner, gasping
// on a sidewalk,"; "Donald Trump, in particular,"). PolNeAR train leaves
// 106 such participles and 80 such prepositions after a speaker out and
// holds about 26 (mostly "including" and "like", which stay).
bool EndsThePhrase(const Document& doc, int comma, int e) {
  if (comma + 1 > e || doc.TokenText(comma) != ",") return false;
  const Token& t = doc.tokens[comma + 1];
  if (t.kind != TokenKind::kWord || t.capitalized) return false;
  std::string w = AsciiLower(doc.TokenText(comma + 1));
  if (w == "including") return false;
  if (w.size() > 4 && w.ends_with("ing")) {
    // A participle opens a phrase: a preposition, particle, determiner or
    // adverb follows it ("speaking to reporters", "summing up"); a noun in
    // -ing before another noun ("mining companies", "housing advocate
    // Erin Boggs") is none.
    if (comma + 2 > e) return false;
    std::string next = AsciiLower(doc.TokenText(comma + 2));
    return OneOf(next,
                 {"of",    "to",    "at",   "on",     "in",      "from",
                  "with",  "about", "for",  "before", "after",   "during",
                  "up",    "out",   "over", "into",   "through", "by",
                  "as",    "the",   "a",    "an",     "his",     "her",
                  "their", "its",   "this", "that",   "last",    "what"}) ||
           (next.size() > 3 && next.ends_with("ly"));
  }
  return OneOf(w, {"in", "for", "after", "on", "at", "with", "as", "during",
                   "before", "despite"});
}

}  // namespace

bool IsLowerLyAdverb(const Document& doc, int i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kWord || t.capitalized) return false;
  return IsLyAdverb(AsciiLower(doc.TokenText(i)));
}

int TrimSourceEnd(const Document& doc, int b, int e) {
  // Only up to a relative clause or inside no parentheses: there a comma
  // ends the clause's own phrases ("X, who led it from 1995, during ...").
  int open = 0;
  // A span that opens with a preposition ("To that, advocate X") has its
  // noun phrase after the comma.
  const std::string first = AsciiLower(doc.TokenText(b));
  const bool intro = OneOf(first, {"to", "in", "on", "at", "for", "after",
                                   "with", "as", "by", "from", "during"});
  for (int i = b + 1; i < e && !intro; ++i) {
    std::string_view t = doc.TokenText(i);
    if (t == "(" || t == "[") ++open;
    if ((t == ")" || t == "]") && open > 0) --open;
    if (OneOf(AsciiLower(t), {"who", "which", "whose", "whom"})) break;
    if (open == 0 && EndsThePhrase(doc, i, e)) {
      e = i - 1;
      break;
    }
  }
  int end = e;
  while (end > b) {
    const int n = AdverbialLength(doc, b, end);
    if (n == 0 || end - n < b) break;
    end -= n;
  }
  if (end == e) return e;
  while (end > b && doc.tokens[end].kind == TokenKind::kPunct &&
         doc.TokenText(end) == ",") {
    --end;
  }
  if (HoldsAClause(doc, b, end)) return e;
  return end;
}

namespace {

// The first token of entity `e`, whose last token is `last`, with the title
// attached right before it ("Sen." of "Sen. Ana Ruiz").
int FirstTokenWithTitle(const Document& doc, const Entity& e, int last) {
  uint32_t begin = e.span.begin;
  if (!e.title.empty() && e.title.end <= begin &&
      doc.Text(Span{e.title.end, begin}).find_first_not_of(' ') ==
          std::string_view::npos) {
    begin = e.title.begin;
  }
  int first = last;
  while (first > 0 && doc.tokens[first - 1].span.begin >= begin) --first;
  return first;
}

// The PERSON entity whose last token is `last`, or nullptr.
const Entity* PersonEndingAt(const Document& doc, int last) {
  const uint32_t end = doc.tokens[last].span.end;
  auto it = std::lower_bound(
      doc.entities.begin(), doc.entities.end(), end,
      [](const Entity& x, uint32_t v) { return x.span.end < v; });
  if (it == doc.entities.end() || it->span.end != end ||
      it->label != EntityLabel::kPerson) {
    return nullptr;
  }
  return &*it;
}

}  // namespace

int ExtendSourceOverPlaceTag(const Document& doc, int b, int e) {
  if (b < 2 || e < b || doc.TokenText(b - 1) != ",") return b;
  // The tag, with its full stop when that is a token of its own ("Del" +
  // ".").
  int tag_end = b;
  if (b + 1 <= e && doc.TokenText(b + 1) == "." &&
      !doc.tokens[b + 1].space_before) {
    tag_end = b + 1;
  }
  std::string_view tag =
      doc.Text(Span{doc.tokens[b].span.begin, doc.tokens[tag_end].span.end});
  if (!lex::IsPartyStateTag(tag) && lex::UsStateOfAbbreviation(tag) < 0)
    return b;
  // The tag ends the span or a comma closes it ("D-Ga., who ...").
  if (tag_end + 1 <= e && doc.TokenText(tag_end + 1) != ",") return b;
  int last = b - 2;
  // "of Newark": a capitalised place after "of" (one to three words).
  int k = last;
  while (k > 0 && k > last - 3 && doc.tokens[k].capitalized &&
         doc.tokens[k].kind == TokenKind::kWord) {
    --k;
  }
  if (k < last && k > 0 && doc.TokenText(k) == "of") last = k - 1;
  const Entity* person = PersonEndingAt(doc, last);
  if (person == nullptr) return b;
  const int nb = FirstTokenWithTitle(doc, *person, last);
  // No sentence or line break inside the new span.
  for (int i = nb + 1; i <= b; ++i) {
    if (doc.tokens[i].newline_before) return b;
    std::string_view t = doc.TokenText(i);
    if (t == "." || t == "!" || t == "?" || t == ";") return b;
  }
  return nb;
}

namespace {

// The named entity whose last token is `last` (any label), or nullptr.
const Entity* EntityEndingAt(const Document& doc, int last) {
  const uint32_t end = doc.tokens[last].span.end;
  auto it = std::lower_bound(
      doc.entities.begin(), doc.entities.end(), end,
      [](const Entity& x, uint32_t v) { return x.span.end < v; });
  for (; it != doc.entities.end() && it->span.end == end; ++it) {
    if (it->label == EntityLabel::kPerson || it->label == EntityLabel::kOrg ||
        it->label == EntityLabel::kLoc) {
      return &*it;
    }
  }
  return nullptr;
}

// Whether token i opens its sentence or line.
bool OpensSentence(const Document& doc, int i) {
  if (i == 0 || doc.tokens[i].newline_before) return true;
  std::string_view before = doc.TokenText(i - 1);
  return before == "." || before == "!" || before == "?" || before == ";" ||
         before == ":";
}

}  // namespace

int ExtendSourceOverListHead(const Document& doc, int b, int e) {
  if (b < 2 || e <= b || doc.TokenText(b - 1) != ",") return b;
  if (!doc.tokens[b].capitalized || doc.tokens[b].newline_before) return b;
  bool has_and = false;
  for (int i = b + 1; i <= e && !has_and; ++i) {
    has_and = doc.TokenText(i) == "and" || doc.TokenText(i) == "&";
  }
  if (!has_and) return b;
  int comma = b - 1;
  // Items are short: a sentence is never walked further than this.
  constexpr int kMaxItems = 8;
  for (int items = 0; items < kMaxItems && comma >= 1; ++items) {
    const Entity* item = EntityEndingAt(doc, comma - 1);
    if (item == nullptr) return b;
    const int first = FirstTokenWithTitle(doc, *item, comma - 1);
    for (int i = first + 1; i < comma; ++i) {
      if (doc.tokens[i].newline_before) return b;
    }
    if (first >= 1 && doc.TokenText(first - 1) == "," &&
        !doc.tokens[first].newline_before) {
      comma = first - 1;  // another item before this one
      continue;
    }
    if (first >= 1 &&
        (mention::TokenIs(doc, first - 1, "the") ||
         mention::TokenIs(doc, first - 1, "both")) &&
        OpensSentence(doc, first - 1)) {
      return first - 1;
    }
    return OpensSentence(doc, first) ? first : b;
  }
  return b;
}

}  // namespace whosaid::attribution
