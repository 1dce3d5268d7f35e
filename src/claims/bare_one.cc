#include "src/claims/bare_one.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "src/claims/lexicon.h"
#include "src/claims/nouns.h"
#include "src/claims/word_index.h"

namespace whosaid::claims {
namespace {

// "said" after "one man": the number is the article "a" ("one man said").
bool IsReportingVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said",     "says",      "told",     "tells",     "added",
      "wrote",    "writes",    "asked",    "asks",      "explained",
      "recalled", "noted",     "replied",  "responded", "commented",
      "tweeted",  "posted",    "shouted",  "yelled",    "claimed",
      "argued",   "suggested", "insisted", "suggests",  "shows",
      "showed",   "found",     "finds",    "notes",     "argues",
      "claims",   "insists",   "explains", "estimates", "estimated",
      "predicts", "predicted"};
  static const WordIndex verbs = IndexWords(kVerbs);
  return verbs.Contains(w);
}

// "according to" or "in the words of" ending at token k: the source of
// what follows.
bool IsSourceIntro(const TokenWindow& win, uint32_t k) {
  if (win.Is(k, "to") && k > win.sb && win.Is(k - 1, "according")) return true;
  return win.Is(k, "of") && k > win.sb && win.Is(k - 1, "words");
}

// Speech verbs that come before an inverted speaker ("admitted one close
// confidant.", "fumed one ally,").
bool IsInvertingSpeechVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "mused", "fumed",    "admitted",   "conceded", "quipped",
      "joked", "lamented", "complained", "emailed",  "texted"};
  static const WordIndex verbs = IndexWords(kVerbs);
  return IsReportingVerb(w) || verbs.Contains(w);
}

// Common irregular past tenses ("One Oregon prosecutor got a ...").
bool IsIrregularPast(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "got",   "took",  "made",    "gave", "put",  "sent", "told",
      "found", "wrote", "brought", "held", "kept", "ran",  "saw",
      "knew",  "met",   "heard",   "said", "led",  "won",  "lost"};
  static const WordIndex verbs = IndexWords(kVerbs);
  return verbs.Contains(w);
}

// A verb or a bracket right after a count whose noun is elided: "two are
// from Europe", "lost three (Montana, ...)".
bool BareCountFollows(const TokenWindow& win, uint32_t k) {
  return k < win.se &&
         (win.Is(k, "is") || win.Is(k, "are") || win.Is(k, "was") ||
          win.Is(k, "were") || win.T(k) == "(");
}

// Another number word near token b (two .. ninety, within kParallelSpan
// tokens: a bounded scan, so the test stays linear) standing alone in the
// same way: the bare "one" at b is then one of parallel elided counts
// ("one is of Japanese descent, two are from Europe", "won one (...) and
// lost three (...)").
constexpr uint32_t kParallelSpan = 30;
bool ParallelBareCount(const TokenWindow& win, uint32_t b) {
  uint32_t from = b > win.sb + kParallelSpan ? b - kParallelSpan : win.sb;
  uint32_t to = std::min<uint32_t>(win.se, b + kParallelSpan);
  for (uint32_t k = from; k + 1 < to; ++k) {
    if (k == b || !win.IsWord(k)) continue;
    const Named* n = FindSmallNumber(win.T(k));
    if (n && n->value >= 2 && BareCountFollows(win, k + 1)) return true;
  }
  return false;
}

// A capitalised word between "one" (token b) and the noun it counts
// ("one NASA study", "one senior DOJ official"): such a phrase is mostly
// the article "a" before a named kind ("One NASA study had planes fly").
bool CapitalisedBeforeHead(const TokenWindow& win, uint32_t b,
                           const Quantity& q) {
  for (uint32_t k = b + 1; k < win.se && k < b + 6; ++k) {
    if (win.Tk(k).span.begin >= q.unit_span.begin) return false;
    if (win.IsWord(k) && win.Tk(k).capitalized) return true;
  }
  return false;
}

// Words after a counted noun that report a casualty ("TARGET: One French
// citizen beheaded", "one Afghan soldier killed"): the number counts.
bool IsCasualtyWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "killed", "wounded", "injured", "dead",     "hurt",
      "shot",   "missing", "died",    "beheaded", "stabbed"};
  static const WordIndex words = IndexWords(kWords);
  return words.Contains(w);
}

// A cardinal other than "one" at token k (digits or a number word, not a
// year): "two judges and one Democratic judge".
bool OtherCardinalAt(const TokenWindow& win, uint32_t k) {
  if (win.Tk(k).kind == TokenKind::kNumber) {
    double v = win.PlainIntAt(k);
    return !(v >= 1600 && v <= 2100);
  }
  if (!win.IsWord(k)) return false;
  const Named* n = FindSmallNumber(win.T(k));
  return n != nullptr && n->value != 1;
}

// A count set beside "one" at token b, joined by "and", "or", a comma or
// "including" (within kParallelSpan tokens, a bounded scan): "five
// American troops and one Afghan Army soldier", "one US citizen, and five
// wounded". The word "one" is then one of parallel counts.
bool ParallelCount(const TokenWindow& win, uint32_t b) {
  uint32_t from = b > win.sb + kParallelSpan ? b - kParallelSpan : win.sb;
  uint32_t to = std::min<uint32_t>(win.se, b + kParallelSpan);
  bool joined = false;
  for (uint32_t k = b; k > from; --k) {
    uint32_t j = k - 1;
    if (win.Is(j, "and") || win.Is(j, "or") || win.T(j) == "," ||
        win.Is(j, "including")) {
      joined = true;
    } else if (joined && OtherCardinalAt(win, j)) {
      return true;
    } else if (win.T(j) == "." || win.T(j) == ";") {
      break;
    }
  }
  joined = false;
  for (uint32_t k = b + 1; k < to; ++k) {
    if (win.Is(k, "and") || win.Is(k, "or") || win.T(k) == ",") {
      joined = true;
    } else if (joined && OtherCardinalAt(win, k)) {
      return true;
    } else if (win.T(k) == "." || win.T(k) == ";") {
      break;
    }
  }
  return false;
}

// A negation just before "one" at token b ("not one", "didn't lose one
// Republican vote", "never one"): the number counts.
bool NegatedBefore(const TokenWindow& win, uint32_t b) {
  for (uint32_t k = b; k > win.sb && k + 4 > b; --k) {
    std::string_view w = win.T(k - 1);
    if (IEq(w, "not") || IEq(w, "never") || IEq(w, "without") ||
        w.ends_with("n't") || w.ends_with("n\u2019t")) {
      return true;
    }
    if (!win.IsWord(k - 1)) break;
  }
  return false;
}

// A negated auxiliary or modal at token k ("cannot", "can't", "won't",
// "doesn't"): after the bare "one" it makes the pronoun ("one cannot lead
// from behind").
bool IsNegatedAuxiliary(const TokenWindow& win, uint32_t k) {
  if (k >= win.se) return false;
  std::string_view w = win.T(k);
  if (IEq(w, "cannot")) return true;
  // "can't", "won’t": the tokenizer keeps a contraction in one token.
  return (w.size() > 3 && w.ends_with("n't")) ||
         (w.size() > 5 && w.ends_with("n\u2019t"));
}

}  // namespace

bool BareOneExcluded(const TokenWindow& win, const Quantity& q) {
  const uint32_t b = q.num_begin;
  const uint32_t prev = b > win.sb ? b - 1 : UINT32_MAX;
  const uint32_t nt = q.first.tok_end;
  // "all but one of the 59 seats": one is counted here.
  if (prev != UINT32_MAX && prev > win.sb && win.Is(prev, "but") &&
      win.Is(prev - 1, "all")) {
    return false;
  }
  // "there is one clear rule": the article "a".
  if (prev != UINT32_MAX && prev > win.sb && win.Is(prev - 1, "there") &&
      (win.Is(prev, "is") || win.Is(prev, "was") || win.Is(prev, "'s") ||
       win.Is(prev, "\u2019s"))) {
    return true;
  }
  if (prev != UINT32_MAX &&
      (IEq(win.T(prev), "there's") || IEq(win.T(prev), "there\u2019s"))) {
    return true;
  }
  // "one side ... the other side", "one viewpoint over another": one of
  // a pair, no count.
  for (uint32_t k = nt; k < win.se && k < nt + 15; ++k) {
    if (win.Is(k, "another") ||
        (win.Is(k, "the") &&
         (win.Is(k + 1, "other") || win.Is(k + 1, "others")))) {
      return true;
    }
  }
  // "One result is that ...": the article "a".
  if (q.noun_unit && q.tok_end + 1 < win.se &&
      (win.Is(q.tok_end, "is") || win.Is(q.tok_end, "was")) &&
      win.Is(q.tok_end + 1, "that")) {
    return true;
  }
  // "by one estimate", "by one account": according to an estimate.
  if (win.Is(prev, "by") && (win.Is(nt, "estimate") || win.Is(nt, "account") ||
                             win.Is(nt, "measure") || win.Is(nt, "count") ||
                             win.Is(nt, "reckoning"))) {
    return true;
  }
  // "at one point" (a moment), "on the one hand": idioms, no count.
  if (win.Is(prev, "at") && win.Is(nt, "point") && !win.Is(nt + 1, "of")) {
    return true;
  }
  if (win.Is(nt, "hand") &&
      (win.Is(prev, "on") ||
       (win.Is(prev, "the") && prev > win.sb && win.Is(prev - 1, "on")))) {
    return true;
  }
  // "go one step further": an idiom, no count of steps.
  if (win.Is(nt, "step") &&
      (win.Is(nt + 1, "further") || win.Is(nt + 1, "closer") ||
       win.Is(nt + 1, "ahead") || win.Is(nt + 1, "forward") ||
       win.Is(nt + 1, "beyond"))) {
    return true;
  }
  // "one man said": the article "a" before a speaker (not "at least one
  // survey showed", a bound on a count).
  if (q.noun_unit && q.approx_symbol.empty() && q.tok_end < win.se &&
      IsReportingVerb(win.T(q.tok_end))) {
    return true;
  }
  // Also after a compound noun the count stopped short of ("One rescue
  // worker said", "one county election official told"): lower-case words
  // up to the verb.
  const bool marked_count =
      prev != UINT32_MAX && (win.Is(prev, "only") || win.Is(prev, "just") ||
                             win.Is(prev, "even") || win.Is(prev, "single"));
  if (q.noun_unit && q.approx_symbol.empty() && !q.first.suffix_hyphen &&
      !marked_count) {
    for (uint32_t k = q.tok_end; k < win.se && k < q.tok_end + 3; ++k) {
      if (!win.IsWord(k) || !AllLowerAlpha(win.T(k))) break;
      if (k > q.tok_end && IsReportingVerb(win.T(k))) return true;
      if (IsStopWord(win.T(k))) break;
    }
  }
  // The article before a source: "said one GOP aide", "according to one
  // official", "in the words of one Israeli journalist", and "one
  // Democratic donor, who ..." (not "only one person who can").
  bool counted_before =
      prev != UINT32_MAX &&
      (win.Is(prev, "only") || win.Is(prev, "just") || win.Is(prev, "even"));
  if (q.noun_unit && q.approx_symbol.empty() && !counted_before) {
    uint32_t e = q.tok_end;
    if (e < win.se && win.T(e) == "," && e + 1 < win.se) ++e;
    bool who = e < win.se && win.Is(e, "who");
    // The phrase is the speaker ("said one aide." / "said one aide,
    // who ..."), not the subject of a reported clause ("said one
    // protester was arrested").
    bool phrase_ends = q.tok_end >= win.se || !win.IsWord(q.tok_end) || who ||
                       win.Is(q.tok_end, "with") || win.Is(q.tok_end, "in") ||
                       win.Is(q.tok_end, "on") || win.Is(q.tok_end, "at") ||
                       win.Is(q.tok_end, "from") ||
                       IsNoSingularHead(win.T(q.tok_end));
    if (prev != UINT32_MAX &&
        ((IsInvertingSpeechVerb(win.T(prev)) && phrase_ends) ||
         IsSourceIntro(win, prev))) {
      return true;
    }
    // "One member who requested anonymity told ...": "one" opening its
    // clause (not "eight men and one woman who were held").
    bool opens = prev == UINT32_MAX || win.Tk(prev).kind == TokenKind::kPunct;
    if (who && opens) return true;
    // "One White House aide indicated that ...", "one lawmaker
    // criticized the plan": a past-tense verb with its object after
    // the phrase (not "one citizen wounded in ...", a participle).
    if (q.tok_end + 1 < win.se && win.IsWord(q.tok_end)) {
      std::string_view v = win.T(q.tok_end);
      std::string_view o = win.T(q.tok_end + 1);
      // (Not "-s" verbs: "one wrong word changes the meaning" counts.)
      bool verb = (v.size() > 4 && v.ends_with("ed")) || IsIrregularPast(v);
      if (AllLowerAlpha(v) && verb &&
          (IsDeterminer(o) || IEq(o, "that") || IEq(o, "it") || IEq(o, "him") ||
           IEq(o, "her") || IEq(o, "them") || IEq(o, "some"))) {
        return true;
      }
    }
  }
  // "One NASA study had planes fly", "one Republican senator is
  // pushing": "one" before a capitalised modifier is the article "a"
  // (the labelling rules: "one man said", "One student was recorded")
  // unless something marks a count: a bound ("at least one FISA
  // application"), "only/just/even one", "one more", a negation ("didn't
  // lose one Republican vote"), a count beside it ("two GOP judges and
  // one Democratic judge") or a casualty ("One French citizen killed").
  if (q.noun_unit && CapitalisedBeforeHead(win, b, q)) {
    bool only_before =
        prev != UINT32_MAX && (win.Is(prev, "only") || win.Is(prev, "just") ||
                               win.Is(prev, "even") || win.Is(prev, "single"));
    // (The counted phrase may hold the participle: "citizen beheaded".)
    bool casualty = (q.tok_end < win.se && IsCasualtyWord(win.T(q.tok_end))) ||
                    (q.tok_end > b + 1 && IsCasualtyWord(win.T(q.tok_end - 1)));
    bool counted = !q.approx_symbol.empty() || only_before ||
                   win.Is(nt, "more") || NegatedBefore(win, b) || casualty ||
                   ParallelCount(win, b);
    if (!counted) return true;
  }
  if (prev != UINT32_MAX &&
      (win.Is(prev, "the") || win.Is(prev, "each") || win.Is(prev, "no") ||
       win.Is(prev, "any") || win.Is(prev, "every") || win.Is(prev, "this") ||
       win.Is(prev, "that") || win.Is(prev, "which") ||
       win.Is(prev, "someone") ||
       // "the only one" (not "only one legal question")
       (win.Is(prev, "only") && (!q.noun_unit || win.Is(prev - 1, "the"))) ||
       win.Is(prev, "another") || win.Is(prev, "last") || win.Is(prev, "big") ||
       win.Is(prev, "new") || win.Is(prev, "right") ||
       win.Is(prev, "little"))) {
    return true;
  }
  if (!q.noun_unit && BareCountFollows(win, nt) && ParallelBareCount(win, b)) {
    return false;
  }
  if (nt >= win.se || !win.IsWord(nt)) return true;
  if (win.Is(nt, "another") || win.Is(nt, "who") || win.Is(nt, "that") ||
      win.Is(nt, "which") ||
      // "one day" is some day; "one day after" counts a day.
      (win.Is(nt, "day") &&
       !(win.Is(nt + 1, "after") || win.Is(nt + 1, "before") ||
         win.Is(nt + 1, "later") || win.Is(nt + 1, "earlier"))) ||
      win.Is(nt, "way") ||
      // "one thing is clear"; "one thing:" announces the thing counted.
      (win.Is(nt, "thing") && !win.Is(nt + 1, ":")) || win.Is(nt, "time") ||
      win.Is(nt, "is") || win.Is(nt, "was") || win.Is(nt, "can") ||
      win.Is(nt, "could") || win.Is(nt, "would") || win.Is(nt, "should") ||
      win.Is(nt, "must") || win.Is(nt, "might") || win.Is(nt, "will") ||
      win.Is(nt, "does") || win.Is(nt, "has") || IsNegatedAuxiliary(win, nt) ||
      win.Is(nt, "may") || win.Is(nt, "shall") || win.Is(nt, "and") ||
      win.Is(nt, "or") || win.Is(nt, "in") || win.Is(nt, "on") ||
      win.Is(nt, "at") || win.Is(nt, "to") || win.Is(nt, "for")) {
    return true;
  }
  return !q.noun_unit;
}

}  // namespace whosaid::claims
