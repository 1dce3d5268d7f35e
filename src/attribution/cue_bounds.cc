#include "src/attribution/cue_bounds.h"

#include <initializer_list>
#include <string_view>

#include "src/attribution/feature_util.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {

namespace {

using internal::kLower;

bool IsAny(const Document& d, int i,
           std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (mention::TokenIs(d, i, w)) return true;
  }
  return false;
}

// The cue opens with a lowercase word that can be a verb (or an auxiliary
// or adverb of it), not a determiner ("hardly a rousing call").
bool OpensWithVerbWord(const Document& d, const DocView& v, TSpan cue) {
  if (cue.none() || v.cls[cue.b] != kLower) return false;
  return !IsAny(d, cue.b,
                {"a", "an", "the", "this", "that", "these", "those", "his",
                 "her", "their", "its", "our", "my", "your", "some", "no"});
}

// A lowercase word in "-ly" that is an adverb of manner, time or degree;
// not one of the adjectives, nouns and focus words in "-ly".
bool IsLyAdverb(const Document& d, int i) {
  std::string_view w = d.TokenText(static_cast<uint32_t>(i));
  if (w.size() < 5 || w.substr(w.size() - 2) != "ly") return false;
  for (char ch : w) {
    if (ch < 'a' || ch > 'z') return false;
  }
  return !IsAny(
      d, i,
      {"only",     "early",        "likely",   "unlikely", "family",  "daily",
       "weekly",   "monthly",      "yearly",   "reply",    "supply",  "apply",
       "rally",    "ally",         "friendly", "lonely",   "elderly", "costly",
       "deadly",   "ugly",         "silly",    "belly",    "bully",   "holly",
       "jelly",    "italy",        "july",     "assembly", "anomaly", "homily",
       "monopoly", "respectively", "lowly",    "holy",     "curly",   "surly",
       "burly",    "chilly",       "hilly",    "oily"});
}

bool Holds(TSpan s, int i) { return !s.none() && s.b <= i && i <= s.e; }

// No kept relation but `self` holds token i in any span, and `self` holds it
// in none but (when `own_source` is set) its source.
bool Free(const std::vector<Candidate*>& kept, const Candidate* self, int i,
          bool own_source) {
  for (const Candidate* o : kept) {
    if (o == self) {
      if (Holds(o->content, i) || Holds(o->cue, i)) return false;
      if (!own_source && Holds(o->source, i)) return false;
      continue;
    }
    if (Holds(o->cue, i) || Holds(o->content, i) || Holds(o->source, i)) {
      return false;
    }
  }
  return true;
}

}  // namespace

int AdverbBeforeCue(const Document& d, const DocView& v, TSpan cue) {
  if (!OpensWithVerbWord(d, v, cue) || cue.b < 1) return -1;
  const int i = cue.b - 1;
  if (v.cls[i] != kLower) return -1;
  if (IsLyAdverb(d, i) || mention::TokenIs(d, i, "even")) return i;
  if (!IsAny(d, i, {"later", "now"})) return -1;
  // "two days later said": the end of a time adverbial, not the cue's.
  if (i >= 1 && (v.cls[i - 1] == internal::kNum ||
                 IsAny(d, i - 1,
                       {"days", "weeks", "months", "years", "hours", "minutes",
                        "moments", "decades", "day", "week", "month", "year",
                        "time", "until", "by", "from", "right", "just"}))) {
    return -1;
  }
  return i;
}

bool NegatedAuxiliaryEndsSource(const Document& d, TSpan cue, TSpan source) {
  if (cue.none() || source.none() || source.e != cue.b - 1 ||
      source.e <= source.b) {
    return false;
  }
  std::string_view w = d.TokenText(static_cast<uint32_t>(source.e));
  // "isn't", "hasn’t", "won't": one token (the tokenizer keeps "n't" on).
  std::string_view tail;
  if (w.size() > 3 && w.substr(w.size() - 3) == "n't") {
    tail = w.substr(0, w.size() - 3);
  } else if (w.size() > 5 && w.substr(w.size() - 5) == "n’t") {
    tail = w.substr(0, w.size() - 5);
  } else {
    return false;
  }
  const std::string lower = mention::Lower(tail);
  for (std::string_view a :
       {"is", "are", "was", "were", "has", "have", "had", "does", "do", "did",
        "wo", "would", "ca", "could", "should", "must", "need"}) {
    if (lower == a) return true;
  }
  return false;
}

int CliticBeforeCue(const Document& d, const DocView& v, TSpan cue) {
  if (!OpensWithVerbWord(d, v, cue) || cue.b < 2) return -1;
  const int i = cue.b - 1;
  if (!IsAny(d, i, {"’s", "'s"})) return -1;
  // The clitic is split off only when it is attached to its word.
  if (!IsAny(d, i - 1,
             {"he", "she", "it", "who", "that", "there", "here", "what",
              "where", "which", "this", "everyone", "everybody", "nobody",
              "someone", "somebody", "one"})) {
    return -1;
  }
  return i;
}

bool NameOpensCue(const Document& d, TSpan cue, TSpan source) {
  if (cue.none() || source.none() || cue.e <= cue.b || source.e != cue.b - 1) {
    return false;
  }
  // A name that is also a modal, capitalised inside the sentence right
  // after the speaker ("Mrs May said:", "Prime Minister Theresa May told").
  if (!IsAny(d, cue.b, {"may"}) ||
      !d.tokens[static_cast<uint32_t>(cue.b)].capitalized) {
    return false;
  }
  const Token& before = d.tokens[static_cast<uint32_t>(source.e)];
  return before.kind == TokenKind::kWord && before.capitalized;
}

void AdjustCueBounds(const Document& d, const DocView& v,
                     std::vector<Candidate*>* kept) {
  for (Candidate* c : *kept) {
    if (c->cue.none()) continue;
    if (NameOpensCue(d, c->cue, c->source)) {
      ++c->cue.b;
      ++c->source.e;
      continue;
    }
    if (NegatedAuxiliaryEndsSource(d, c->cue, c->source)) {
      --c->cue.b;
      --c->source.e;
      continue;
    }
    const int clitic = CliticBeforeCue(d, v, c->cue);
    if (clitic >= 0 && Free(*kept, c, clitic, /*own_source=*/true)) {
      c->cue.b = clitic;
      if (!c->source.none() && c->source.e == clitic && c->source.b < clitic) {
        c->source.e = clitic - 1;
      }
      continue;
    }
    const int adverb = AdverbBeforeCue(d, v, c->cue);
    if (adverb >= 0 && Free(*kept, c, adverb, /*own_source=*/false)) {
      c->cue.b = adverb;
    }
  }
}

}  // namespace whosaid::attribution
