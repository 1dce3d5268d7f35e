#include "src/claims/counted_holders.h"

#include <string>
#include <string_view>

#include "src/claims/counted_context.h"
#include "src/claims/lexicon.h"
#include "src/claims/nouns.h"

namespace whosaid::claims {
namespace {

// Lower-case letters with inner hyphens: "teacher", "special-education".
bool LowerOrHyphen(std::string_view w) {
  if (w.empty() || w.front() < 'a' || w.front() > 'z') return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

// A participle or gerund by its ending ("retired", "running"; not
// "breed", "need").
bool VerbForm(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ed") && !w.ends_with("eed")) ||
         (w.size() > 4 && w.ends_with("ing"));
}

// A word that may stand in a noun phrase: a capitalised word or a
// lower-case word that is no function word, adverb or verb of saying.
bool PhraseWord(const TokenWindow& win, uint32_t k) {
  if (!win.IsWord(k)) return false;
  std::string_view w = win.T(k);
  if (win.Tk(k).capitalized) {
    std::string lw = LowerWord(w);
    return !IsStopWord(lw) && !IsDeterminer(lw);
  }
  return LowerOrHyphen(w) && !IsStopWord(w) && !IsNeverANoun(w) &&
         !IsLyAdverb(w);
}

// A verb in "-s" after a singular noun ("the man works as"), not a plural
// after a noun in "-s" ("business owners").
bool VerbInS(const TokenWindow& win, uint32_t k) {
  std::string_view w = win.T(k);
  return !win.Tk(k).capitalized && w.size() > 3 && w.ends_with('s') &&
         !w.ends_with("ss") && !w.ends_with("us") &&
         !win.T(k - 1).ends_with('s');
}

// "a 70-year-old retired teacher", "the 26-year-old Jane Roe": names
// first, then lower-case nouns; a verb form only before another word.
Span NounsAfterAge(const TokenWindow& win, uint32_t t) {
  uint32_t e = t;
  bool lower_taken = false;
  while (e < win.se && e < t + 6 && PhraseWord(win, e)) {
    std::string_view w = win.T(e);
    if (win.Tk(e).capitalized) {
      // "a 30-year-old man Friday": a name only before the nouns, or
      // inside them ("the 38-year-old gay Harvard grad").
      if (lower_taken &&
          !(PhraseWord(win, e + 1) && !win.Tk(e + 1).capitalized &&
            !VerbForm(win.T(e + 1)))) {
        break;
      }
      ++e;
      continue;
    }
    if (e > t && VerbInS(win, e)) break;
    // "the 59-year-old Jones underwent surgery": after a name, a word
    // followed by its object is the verb ("Black man running" keeps "man").
    if (e > t && win.Tk(e - 1).capitalized && PhraseWord(win, e + 1) &&
        !win.Tk(e + 1).capitalized && !VerbForm(win.T(e + 1))) {
      break;
    }
    if (VerbForm(w)) {
      // "the 44-year-old Texan presented himself"; "a 70-year-old retired
      // teacher" keeps its participle.
      if (e > t || !PhraseWord(win, e + 1)) break;
    }
    lower_taken = true;
    ++e;
  }
  if (e == t) return {};
  return {win.Tk(t).span.begin, win.Tk(e - 1).span.end};
}

// "Jane Roe, 46," / "Mr. Roe, 72 years old,": the capitalised words
// before the comma before the age at token `b`.
Span NameBeforeAge(const TokenWindow& win, uint32_t b) {
  if (b < win.sb + 2 || win.T(b - 1) != ",") return {};
  uint32_t end = b - 1;
  uint32_t k = end;
  while (k > win.sb && end - k < 5 && win.IsWord(k - 1) &&
         win.Tk(k - 1).capitalized && !IsStopWord(LowerWord(win.T(k - 1)))) {
    --k;
  }
  if (k == end) return {};
  return {win.Tk(k).span.begin, win.Tk(end - 1).span.end};
}

bool IsNumberish(const TokenWindow& win, uint32_t k) {
  if (k >= win.se) return false;
  const Token& tk = win.Tk(k);
  if (tk.kind == TokenKind::kNumber || tk.kind == TokenKind::kSymbol) {
    return true;
  }
  std::string_view w = win.T(k);
  return w == "%" ||
         (win.IsWord(k) && (IsNumberWord(LowerWord(w)) ||
                            win.IsScaleWordTok(k) || win.Is(k, "percent")));
}

// Nouns of a change ("a plunge in the rate from ... to ...").
bool IsChangeNoun(std::string_view w) {
  return InList(w,
                {"plunge", "drop",  "rise",  "increase",  "decrease", "decline",
                 "fall",   "jump",  "cut",   "reduction", "change",   "gain",
                 "spike",  "surge", "dip",   "slide",     "hike",     "growth",
                 "shift",  "swing", "climb", "leap"});
}

// Nouns that a number after "of" measures ("a total of", "a budget of",
// "cuts of up to", "a reversal rate of").
bool IsMeasureNoun(std::string_view w) {
  return IsChangeNoun(w) ||
         InList(
             w,
             {"total",      "sum",     "average",    "increases", "cuts",
              "reductions", "gains",   "loss",       "losses",    "budget",
              "deficit",    "surplus", "rate",       "margin",    "salary",
              "bill",       "value",   "price",      "cost",      "costs",
              "fee",        "fine",    "payment",    "turnout",   "population",
              "majority",   "level",   "ratio",      "income",    "revenue",
              "revenues",   "debt",    "valuation",  "penalty",   "settlement",
              "award",      "bail",    "investment", "donation",  "grant",
              "raise",      "pay",     "wage",       "tariff",    "tariffs",
              "tax",        "subsidy", "bonus",      "premium",   "premiums",
              "rent",       "ransom"});
}

// The noun phrase ending just before token `end`: capitalised and
// lower-case words and numbers back to a determiner, a function word or
// punctuation (at most three tokens); `start` gets its first token.
Span PhraseBefore(const TokenWindow& win, uint32_t end, uint32_t* start) {
  uint32_t k = end;
  while (k > win.sb && end - k < 3 &&
         (PhraseWord(win, k - 1) ||
          (k < end && win.Tk(k - 1).kind == TokenKind::kNumber))) {
    // "the state promised emission cuts", "the state promises cuts": a
    // verb before the phrase ends it (a participle right after a
    // determiner modifies it: "the proposed cuts").
    if (k < end && k - 1 > win.sb && !win.Tk(k - 1).capitalized &&
        VerbForm(win.T(k - 1)) && !IsDeterminer(LowerWord(win.T(k - 2)))) {
      break;
    }
    --k;
  }
  // Not opening with a number ("8.1 percent").
  if (k < end && IsNumberish(win, k)) return {};
  if (k == end) return {};
  *start = k;
  return {win.Tk(k).span.begin, win.Tk(end - 1).span.end};
}

uint32_t PastDeterminers(const TokenWindow& win, uint32_t k) {
  while (k > win.sb && IsDeterminer(LowerWord(win.T(k - 1)))) --k;
  return k;
}

}  // namespace

Span AgeHolder(const TokenWindow& win, uint32_t b, uint32_t t,
               bool hyphenated) {
  if (hyphenated) return NounsAfterAge(win, t);
  return NameBeforeAge(win, b);
}

Span MeasureNounOf(const TokenWindow& win, uint32_t b, uint32_t t,
                   bool copula_ok) {
  uint32_t k = BeforeModifier(win, b);
  // The second number of "from N to M": go back to its "from".
  if (!win.Is(k, "from") && k > win.sb + 2 && win.Is(k - 1, "to")) {
    uint32_t j = k - 1;
    while (j > win.sb && k - j < 6 && IsNumberish(win, j - 1)) --j;
    if (j < k - 1 && j > win.sb && win.Is(j - 1, "from")) k = j - 1;
  }
  if (win.Is(k, "from")) {
    // "a plunge in the jobless rate from 8.1 to 7.8 percent".
    // (For the nouns after "from N to M" see NounPhraseOfVerb.)
    uint32_t start = k;
    Span np = PhraseBefore(win, k, &start);
    if (np.empty()) return {};
    uint32_t lead = PastDeterminers(win, start);
    if (lead < win.sb + 2 || !win.Is(lead - 1, "in") ||
        !IsChangeNoun(LowerWord(win.T(lead - 2)))) {
      return {};
    }
    return np;
  }
  if (k < win.sb + 2 || !win.Is(k - 1, "of") || !win.IsWord(k - 2) ||
      win.Tk(k - 2).capitalized) {
    return {};
  }
  const std::string head = LowerWord(win.T(k - 2));
  if (!IsMeasureNoun(head)) return {};
  // "an average of 55 percent voter turnout": the noun after the amount
  // is what it measures, not "average".
  if (t < win.se && win.IsWord(t) && !win.Tk(t).capitalized &&
      PhraseWord(win, t) && !IsLyAdverb(win.T(t)) &&
      (head == "average" || head == "total")) {
    return {};
  }
  uint32_t start = k - 1;
  Span np = PhraseBefore(win, k - 1, &start);
  if (np.empty()) return {};
  if (head == "total" || head == "sum" || head == "average") {
    // "sales reached a total of $9 billion": what the verb before it says
    // the total is of; "total" alone says nothing of it.
    uint32_t lead = PastDeterminers(win, start);
    if (lead < start) return NounPhraseOfVerb(win, lead, copula_ok);
    return {};
  }
  return np;
}

Span CasualtyAfter(const TokenWindow& win, uint32_t t) {
  if (!win.IsWord(t) || win.Tk(t).capitalized) return {};
  if (!InList(win.T(t), {"dead", "wounded", "injured", "hurt", "missing",
                         "killed", "arrested", "detained"})) {
    return {};
  }
  return win.Tk(t).span;
}

namespace {

// The first token of the sentence that starts at or after byte `at`.
uint32_t TokenAtOrAfter(const TokenWindow& win, uint32_t at) {
  uint32_t lo = win.sb;
  uint32_t hi = win.se;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (win.Tk(mid).span.begin < at) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// What may follow a group's share: a verb of answering or choosing, a
// relative "who", "with"/"for"/"against", or the end of a clause.
bool SharesWordAt(const TokenWindow& win, uint32_t k) {
  if (k >= win.se) return true;
  const Token& tk = win.Tk(k);
  if (tk.kind == TokenKind::kPunct) {
    std::string_view p = win.T(k);
    return p == "," || p == "." || p == ";" || p == ")" || p == ":";
  }
  if (tk.kind != TokenKind::kWord) return false;
  return InList(LowerWord(win.T(k)),
                {"who",       "say",       "said",       "says",      "support",
                 "supported", "supports",  "oppose",     "opposed",   "opposes",
                 "approve",   "approved",  "disapprove", "favor",     "favored",
                 "favors",    "back",      "backed",     "backs",     "believe",
                 "believed",  "think",     "thought",    "want",      "wanted",
                 "prefer",    "preferred", "chose",      "voted",     "with",
                 "for",       "against",   "disagree",   "disagreed", "agree",
                 "agreed",    "did",       "do",         "does",      "blame",
                 "blames",    "blamed"});
}

}  // namespace

void ShareOneGroup(const TokenWindow& win, size_t first_claim,
                   std::vector<Claim>* claims) {
  std::vector<Claim>& cs = *claims;
  for (size_t i = first_claim + 1; i < cs.size(); ++i) {
    Claim& c = cs[i];
    if (c.unit != "percent" || !c.counted.empty()) continue;
    // The nearest percentage before it in the sentence.
    size_t j = i;
    while (j > first_claim && cs[j - 1].unit != "percent") --j;
    if (j == first_claim) continue;
    const Claim& prev = cs[j - 1];
    // Its own of-phrase, after it or shared from before it ("Of the 90
    // nurses, 40 percent ...").
    if (prev.counted.empty() || (prev.counted.begin < prev.span.end &&
                                 prev.counted.end > prev.span.begin)) {
      continue;
    }
    std::string_view of = win.doc->Text(prev.counted);
    if (!(of.starts_with("of ") || of.starts_with("Of "))) continue;
    if (!SharesWordAt(win, TokenAtOrAfter(win, c.span.end))) continue;
    c.counted = prev.counted;
  }
}

namespace {

// Verbs a poll's share is said to do: answer, hold a view, choose.
bool IsShareVerb(std::string_view w) {
  return InList(
      w, {"say",        "says",      "said",       "support",     "supports",
          "supported",  "oppose",    "opposes",    "opposed",     "approve",
          "approves",   "approved",  "disapprove", "disapproves", "disapproved",
          "favor",      "favors",    "favored",    "favour",      "favours",
          "favoured",   "back",      "backs",      "backed",      "believe",
          "believes",   "believed",  "think",      "thinks",      "thought",
          "want",       "wants",     "wanted",     "prefer",      "prefers",
          "preferred",  "blame",     "blames",     "blamed",      "view",
          "views",      "viewed",    "agree",      "agrees",      "agreed",
          "disagree",   "disagrees", "disagreed",  "expressed",   "trust",
          "trusts",     "trusted",   "rated",      "chose",       "picked",
          "voted",      "plan",      "plans",      "planned",     "expect",
          "expects",    "expected",  "feel",       "feels",       "felt",
          "worry",      "worries",   "worried",    "consider",    "considers",
          "considered", "identify",  "identifies", "identified",  "reported",
          "described",  "called",    "named",      "cited",       "answered",
          "responded",  "admitted",  "have",       "has",         "had",
          "who"});
}

// Words that end a share's clause: a contrast or a new clause.
bool EndsShareClause(const TokenWindow& win, uint32_t k) {
  if (!win.IsWord(k)) return true;
  if (InList(LowerWord(win.T(k)),
             {"while", "whereas", "compared", "versus", "but", "according",
              "though", "although", "vs", "because", "than", "unless", "since",
              "when"})) {
    return true;
  }
  // "... and 8 percent said ...": the next share.
  return (win.Is(k, "and") || win.Is(k, "or")) && IsNumberish(win, k + 1);
}

}  // namespace

void ShareVerbPhrases(const TokenWindow& win, size_t first_claim,
                      std::vector<Claim>* claims) {
  for (size_t i = first_claim; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    if (c.unit != "percent" || !c.counted.empty()) continue;
    // "Acme Inc. MO, -2.16% said ...": a ticker's quote, not a share.
    if (c.value < 0 || win.doc->Text(c.span).starts_with("+")) continue;
    uint32_t k = TokenAtOrAfter(win, c.span.end);
    if (k >= win.se || !win.IsWord(k) || win.Tk(k).capitalized ||
        !IsShareVerb(win.T(k))) {
      continue;
    }
    uint32_t e = k + 1;
    while (e < win.se && e < k + 12 && !EndsShareClause(win, e)) ++e;
    // Not ending on a function word ("... and", "... has") or on the
    // modifier of a number it stopped at ("have given at least $1,000").
    while (e > k + 1 && win.IsWord(e - 1) &&
           InList(LowerWord(win.T(e - 1)),
                  {"and",   "or",    "to",     "the",    "a",      "an",
                   "has",   "have",  "had",    "is",     "are",    "was",
                   "were",  "will",  "would",  "could",  "should", "can",
                   "may",   "might", "must",   "be",     "been",   "at",
                   "least", "than",  "about",  "nearly", "almost", "some",
                   "just",  "only",  "roughly"})) {
      --e;
    }
    // "who" alone is no phrase.
    if (win.Is(k, "who") && e == k + 1) continue;
    c.counted = {win.Tk(k).span.begin, win.Tk(e - 1).span.end};
  }
}

}  // namespace whosaid::claims
