#include "src/claims/counted_context.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "src/claims/counted_words.h"
#include "src/claims/lexicon.h"
#include "src/claims/nouns.h"

namespace whosaid::claims {
namespace {

bool IsPossessive(std::string_view w) {
  return w == "'s" || w == "\u2019s" || w == "'" || w == "\u2019";
}

bool IsNumberToken(const TokenWindow& win, uint32_t k) {
  return win.Tk(k).kind == TokenKind::kNumber ||
         (win.IsWord(k) && IsNumberWord(win.T(k)));
}

// A token of an amount: a number, a currency sign, "%", "percent" or a
// scale word ("$6.3 billion", "37%").
bool IsAmountToken(const TokenWindow& win, uint32_t k) {
  if (k < win.sb || k >= win.se) return false;
  const Token& tk = win.Tk(k);
  if (tk.kind == TokenKind::kNumber || win.IsCurrencySymbol(k)) return true;
  return win.T(k) == "%" || win.Is(k, "percent") || win.IsScaleWordTok(k);
}

}  // namespace

uint32_t BeforeModifier(const TokenWindow& win, uint32_t b) {
  if (b > win.sb && b - 1 < win.se) {
    for (uint32_t id : ModifiersEndingWith(win.T(b - 1))) {
      if (uint32_t n = win.MatchBefore(b, ModifierPhrases()[id].surface)) {
        b -= n;
        break;
      }
    }
  }
  if (win.MatchBefore(b, "between") || win.MatchBefore(b, "from")) --b;
  return b;
}

Span NounAfterAdjectivalAmount(const TokenWindow& win, uint32_t b, uint32_t t) {
  // Before the amount: up to two adjectives, then a determiner or "'s".
  uint32_t k = BeforeModifier(win, b);
  uint32_t adjectives = 0;
  while (k > win.sb && adjectives < 2 && win.IsWord(k - 1) &&
         AllLowerAlpha(win.T(k - 1)) && !IsStopWord(win.T(k - 1)) &&
         !IsDeterminer(win.T(k - 1)) && !win.Is(k - 1, "that") &&
         !win.Is(k - 1, "another")) {
    std::string_view w = win.T(k - 1);
    // "the top 1%", "the richest 10 percent": a group, a noun; "declared
    // the dossier 100 percent accurate": a noun before the amount.
    if (!LooksLikeAdjective(w)) return {};
    --k;
    ++adjectives;
  }
  if (k <= win.sb) return {};
  std::string lw = LowerWord(win.T(k - 1));
  // "that" is a determiner opening the sentence or after a preposition
  // ("That $200 fine", "on that $5 fee"), not after a verb ("found that
  // 75 percent disagreed").
  const bool that_det =
      lw == "that" &&
      (k - 1 == win.sb || win.Tk(k - 2).kind == TokenKind::kPunct ||
       InList(LowerWord(win.T(k - 2)),
              {"of", "in", "for", "with", "on", "to", "by", "from", "at"}));
  if (!IsDeterminer(lw) && !that_det && lw != "another" && !IsPossessive(lw)) {
    return {};
  }
  // The nouns after it.
  uint32_t e = t;
  while (e < win.se && e < t + 5 && win.IsWord(e) && AllLowerAlpha(win.T(e)) &&
         !IsStopWord(win.T(e))) {
    std::string_view w = win.T(e);
    if (IsNeverANoun(w) || IsLyAdverb(w)) break;
    if (e > t && IsNoSingularHead(w)) break;
    // "another $267 billion ready to go": an adjective, no noun.
    if (InList(w, {"ready",     "available", "worth",     "accurate", "higher",
                   "lower",     "due",       "short",     "shy",      "more",
                   "less",      "left",      "remaining", "apiece",   "each",
                   "annually",  "alone",     "last",      "next",     "year",
                   "years",     "month",     "months",    "week",     "weeks",
                   "day",       "days",      "decade",    "today",    "tonight",
                   "yesterday", "tomorrow"})) {
      break;
    }
    // "the 50% needed", "a $5 million earmarked for": a verb form; after
    // the first noun one ends the run ("a $2 billion plan announced").
    if (VerbFormEnding(w)) break;
    // "the $400 billion spending plan adds hundreds": a verb in "-s" with
    // its object (a number, a determiner or a plural) after a singular
    // noun; "a stimulus package" stays.
    if (e > t && w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") &&
        !w.ends_with("us") && !win.T(e - 1).ends_with('s') && e + 1 < win.se &&
        (win.Tk(e + 1).kind == TokenKind::kNumber ||
         IsDeterminer(LowerWord(win.T(e + 1))) ||
         (win.IsWord(e + 1) && AllLowerAlpha(win.T(e + 1)) &&
          !IsStopWord(win.T(e + 1)) && LooksPlural(win.T(e + 1))))) {
      break;
    }
    ++e;
  }
  if (e == t) return {};
  return {win.Tk(t).span.begin, win.Tk(e - 1).span.end};
}

namespace {

// The noun phrase ending just before token `end`: nouns, adjectives,
// capitalised words, numbers, "%", "'s", "&" and inner "of"/"in"
// ("number of confirmed cases in the U.S."), back to a determiner (left
// out), punctuation or a word that ends a phrase. When the phrase comes
// right after a preposition (past its determiners), *prep_at gets the
// preposition's token and *inner_start the phrase's first token, and the
// result is empty.
Span NounPhraseCore(const TokenWindow& win, uint32_t end,
                    bool stop_at_change_verb, uint32_t* prep_at,
                    uint32_t* inner_start) {
  if (end <= win.sb) return {};
  uint32_t start = end;
  uint32_t k = end;
  while (k > win.sb && end - k < 10) {
    uint32_t p = k - 1;
    const Token& tk = win.Tk(p);
    std::string_view w = win.T(p);
    if (tk.kind == TokenKind::kNumber) {
      k = p;
      continue;
    }
    if (tk.kind != TokenKind::kWord) {
      if (w == "%" || w == "&" || IsPossessive(w)) {
        k = p;
        continue;
      }
      break;
    }
    std::string lw = LowerWord(w);
    if (IsPossessive(lw)) {
      k = p;
      continue;
    }
    if (IsDeterminer(lw) || lw == "that" || lw == "another") {
      // "the number of the victims": an of-phrase's own determiner.
      if (p > win.sb && (win.Is(p - 1, "of") || win.Is(p - 1, "in") ||
                         win.Is(p - 1, "for"))) {
        k = p;
        continue;
      }
      break;
    }
    if (lw == "of" || lw == "in" || lw == "for") {
      k = p;
      continue;
    }
    // ("Italy", "July" are no "-ly" adverbs.)
    if (IsStopWord(lw) || IsNeverANoun(lw) ||
        (!tk.capitalized && IsLyAdverb(lw) && !IsLyAdjective(lw))) {
      break;
    }
    if (InList(lw, {"because", "although", "though", "whereas", "unless",
                    "once", "whether"})) {
      break;
    }
    if (stop_at_change_verb && !tk.capitalized && IsChangeVerb(lw)) break;
    if (!tk.capitalized && !AllLowerAlpha(w) &&
        w.find('-') == std::string_view::npos) {
      break;
    }
    k = p;
  }
  start = k;
  // Not opening with "of"/"in" or a determiner left inside.
  while (start < end &&
         (win.Is(start, "of") || win.Is(start, "in") || win.Is(start, "for") ||
          IsDeterminer(LowerWord(win.T(start))))) {
    ++start;
  }
  if (start >= end) return {};
  // Cut short: after a quotation mark ("a \"very unfavorable\" view of X
  // rose") or a preposition ("backers with a view of X rose"), the phrase
  // is part of a longer one, not the subject.
  uint32_t lead = start;
  while (lead > win.sb && IsDeterminer(LowerWord(win.T(lead - 1)))) --lead;
  if (lead > win.sb) {
    const Token& pt = win.Tk(lead - 1);
    if (pt.kind == TokenKind::kQuote) return {};
    if (pt.kind == TokenKind::kWord &&
        InList(LowerWord(win.T(lead - 1)),
               {"with",    "for",     "from",   "by",     "at",      "on",
                "to",      "about",   "like",   "than",   "into",    "over",
                "under",   "without", "after",  "before", "during",  "since",
                "until",   "among",   "across", "per",    "against", "between",
                "through", "despite", "within"})) {
      *prep_at = lead - 1;
      *inner_start = start;
      return {};
    }
  }
  // A phrase that opens with a number is a quantity of its own ("One of the
  // victims was 12").
  if (IsNumberToken(win, start)) return {};
  // "those who expressed confidence in X rose 3 points", "the share saying
  // the nation is heading in the right direction dipped": a verb form
  // opening the phrase is the end of a longer one ("the proposed cut" keeps
  // its determiner before it; after punctuation a participle modifies the
  // noun: ", registered Democrats ... have increased"; so it does after a
  // verb of change: "increasing manufacturing jobs by").
  if (!stop_at_change_verb && lead == start && lead > win.sb &&
      win.IsWord(lead - 1) && !win.Tk(lead - 1).capitalized &&
      (!IsStopWord(LowerWord(win.T(lead - 1))) ||
       InList(LowerWord(win.T(lead - 1)),
              {"who", "that", "which", "is", "are", "was", "were", "be", "been",
               "being", "has", "have", "had"})) &&
      win.IsWord(start) && !win.Tk(start).capitalized &&
      AllLowerAlpha(win.T(start)) && VerbFormEnding(LowerWord(win.T(start)))) {
    return {};
  }
  // The head: a noun, not a verb form or a bare number.
  uint32_t h = end - 1;
  if (win.Tk(h).kind == TokenKind::kNumber) return {};
  if (win.IsWord(h)) {
    std::string lh = LowerWord(win.T(h));
    if (IsPossessive(lh) || lh == "of" || lh == "in" || lh == "for") {
      return {};
    }
    // "X and Y together sank $12 million": not a noun.
    if (InList(lh,
               {"together", "alone", "combined", "overall", "right",  "ready",
                "too",      "each",  "both",     "instead", "older",  "younger",
                "higher",   "lower", "more",     "less",    "larger", "smaller",
                "greater",  "fewer", "bigger"})) {
      return {};
    }
    if (!win.Tk(h).capitalized && VerbFormEnding(lh)) return {};
    // "sales this year rose": a time, not what is measured.
    if (InList(lh,
               {"year",      "years",   "month",   "months", "week",  "weeks",
                "day",       "days",    "quarter", "decade", "fall",  "spring",
                "summer",    "winter",  "weekend", "time",   "night", "morning",
                "afternoon", "evening", "today"})) {
      return {};
    }
  }
  // A proper name alone ("Acme Corp jumped 3 percent", "Mr. Abbas is 79")
  // names who or what, not the quantity.
  bool lower_noun = false;
  for (uint32_t j = start; j < end; ++j) {
    if (win.IsWord(j) && !win.Is(j, "of") && !win.Is(j, "in") &&
        !IsPossessive(win.T(j)) &&
        (!win.Tk(j).capitalized ||
         (j == win.sb && CommonNounOpening(LowerWord(win.T(j)))))) {
      lower_noun = true;
    }
  }
  // "the Dow fell 200 points", "the Shanghai Composite was down 1.2
  // percent": an index's name is what is measured.
  for (uint32_t j = start; j < end && !lower_noun; ++j) {
    if (win.IsWord(j) && IsIndexName(win.T(j))) lower_noun = true;
  }
  if (!lower_noun) return {};
  return {win.Tk(start).span.begin, win.Tk(end - 1).span.end};
}

// NounPhraseCore, and a phrase after a preposition joined to the noun
// phrase before it ("emergency room visits across the country have
// fallen", "backers with a view of the plan rose"). Not after "by", "to",
// "than", "like" or a preposition of time.
Span NounPhraseBefore(const TokenWindow& win, uint32_t end,
                      bool stop_at_change_verb) {
  uint32_t prep = UINT32_MAX;
  uint32_t inner = end;
  Span np = NounPhraseCore(win, end, stop_at_change_verb, &prep, &inner);
  if (!np.empty() || prep == UINT32_MAX || inner >= end) return np;
  if (!InList(LowerWord(win.T(prep)),
              {"with", "for", "from", "at", "on", "about", "into", "over",
               "under", "without", "among", "across", "per", "against",
               "between", "through", "within"})) {
    return {};
  }
  uint32_t prep2 = UINT32_MAX;
  uint32_t inner2 = prep;
  Span outer = NounPhraseCore(win, prep, stop_at_change_verb, &prep2, &inner2);
  if (outer.empty()) return {};
  // The joined phrase opens its clause ("identifying as transgender at
  // the clinic" is no subject).
  uint32_t o = prep;
  while (o > win.sb && win.Tk(o - 1).span.begin >= outer.begin) --o;
  while (o > win.sb && IsDeterminer(LowerWord(win.T(o - 1)))) --o;
  if (o > win.sb && win.IsWord(o - 1) &&
      !InList(LowerWord(win.T(o - 1)),
              {"that", "while", "whereas", "and", "but", "when", "because",
               "although", "though", "if", "as", "where", "since"})) {
    return {};
  }
  if (o > win.sb && win.IsWord(o - 1) && win.Is(o - 1, "as") &&
      o - 1 > win.sb && win.IsWord(o - 2) && !win.Tk(o - 2).capitalized &&
      LowerWord(win.T(o - 2)).ends_with("ing")) {
    return {};
  }
  return {outer.begin, win.Tk(end - 1).span.end};
}

}  // namespace

Span NounPhraseOfVerb(const TokenWindow& win, uint32_t b, bool copula_ok) {
  uint32_t k = BeforeModifier(win, b);
  // "softening to 37% from 46%": the old level of a change after its new
  // one ties to the same verb.
  if (win.Is(k, "from") && k > win.sb + 2) {
    uint32_t j = k;
    while (j > win.sb && k - j < 5 && IsAmountToken(win, j - 1)) --j;
    if (j < k && j > win.sb && win.Is(j - 1, "to")) k = j;
  }
  bool prep = false;
  if (k > win.sb &&
      (win.Is(k - 1, "to") || win.Is(k - 1, "by") || win.Is(k - 1, "at"))) {
    --k;
    prep = true;
    // "jumped from 366 to 463", "from $6.3 billion to $3.3 billion": the
    // second number of a change.
    if (win.Is(k, "to")) {
      uint32_t j = k;
      while (j > win.sb && k - j < 5 && IsAmountToken(win, j - 1)) --j;
      if (j < k && j > win.sb && win.Is(j - 1, "from")) k = j - 1;
    }
    // "held steady at 5.1%", "remained flat at": the level's adjective.
    if (win.Is(k, "at") && k > win.sb + 1 &&
        (win.Is(k - 1, "steady") || win.Is(k - 1, "flat") ||
         win.Is(k - 1, "unchanged") || win.Is(k - 1, "stable"))) {
      --k;
    }
  }
  // "sales are up 5 percent", "turnout was down 12%": a change after "be".
  bool up_down = false;
  if (!prep && k > win.sb + 1 &&
      (win.Is(k - 1, "up") || win.Is(k - 1, "down")) &&
      InList(LowerWord(win.T(k - 2)),
             {"is", "was", "are", "were", "been",
              // "the use of X went up 71 percent"
              "went", "gone", "go", "goes", "came", "come", "comes"})) {
    --k;
    up_down = true;
  }
  // "the rate is now a whopping record 38 percent": an article and up to
  // two adjectives between "be" and the number.
  if (!prep && !up_down) {
    uint32_t a = k;
    while (a > win.sb && k - a < 2 && win.IsWord(a - 1) &&
           !win.Tk(a - 1).capitalized && LooksLikeAdjective(win.T(a - 1))) {
      --a;
    }
    if (a > win.sb + 1 && (win.Is(a - 1, "a") || win.Is(a - 1, "an"))) {
      uint32_t v2 = a - 1;
      if (v2 > win.sb + 1 &&
          InList(LowerWord(win.T(v2 - 1)),
                 {"now", "still", "already", "currently", "just", "only"})) {
        --v2;
      }
      if (InList(LowerWord(win.T(v2 - 1)),
                 {"is", "was", "are", "were", "be", "been"})) {
        k = v2;
      }
    }
  }
  if (k <= win.sb || !win.IsWord(k - 1)) return {};
  uint32_t v = k - 1;
  std::string lv = LowerWord(win.T(v));
  const bool copula = InList(lv, {"is", "was", "are", "were", "be", "been"});
  // "held at 5.1%" is a level; "have held nearly 20,000" holds people.
  const bool needs_at =
      InList(lv, {"held", "holds", "holding", "stayed", "stays"});
  if (!win.Tk(v).capitalized && (IsLevelVerb(lv) || up_down) &&
      (copula_ok || !copula || up_down) && (!needs_at || prep)) {
    // The subject before the verb and its auxiliaries.
    uint32_t s = v;
    uint32_t skipped = 0;
    while (s > win.sb && skipped < 5 && win.IsWord(s - 1) &&
           (IsAuxOrAdverb(LowerWord(win.T(s - 1))) ||
            (win.Is(s - 1, "right") && win.Is(s, "now")) ||
            // "the jobless rate unexpectedly fell to"
            (!win.Tk(s - 1).capitalized && IsLyAdverb(win.T(s - 1)) &&
             !IsLyAdjective(win.T(s - 1))))) {
      --s;
      ++skipped;
      // "to" only after "expected", "likely" and the like ("is expected
      // to reach"); "the fee to join the club doubled", "a plan to cost"
      // have no subject here.
      if (win.Is(s, "to")) {
        if (s <= win.sb || !win.IsWord(s - 1) ||
            !InList(LowerWord(win.T(s - 1)),
                    {"expected", "projected", "likely", "set", "going",
                     "poised", "due", "forecast", "estimated", "predicted",
                     "believed", "thought", "said", "scheduled", "slated"})) {
          return {};
        }
        --s;
        ++skipped;
      }
    }
    // "a slight decline from 82%", "the grand total to $9": a base form
    // with no auxiliary before it is a noun.
    if (s == v && IsBaseLevelVerb(lv)) return {};
    Span np = NounPhraseBefore(win, s, /*stop_at_change_verb=*/false);
    if (np.empty()) return {};
    // The subject opens its clause: at the sentence start, after
    // punctuation, a function word ("while", "that", "if") or a verb of
    // saying ("data showed sales rose"), not after another verb ("to join
    // the private club doubled").
    uint32_t lead = s;
    while (lead > win.sb && win.Tk(lead - 1).span.begin >= np.begin) --lead;
    while (lead > win.sb && IsDeterminer(LowerWord(win.T(lead - 1)))) --lead;
    if (lead > win.sb && win.IsWord(lead - 1) &&
        !win.Tk(lead - 1).capitalized) {
      std::string lp = LowerWord(win.T(lead - 1));
      if (!IsStopWord(lp) && !IsNeverANoun(lp) &&
          !InList(
              lp,
              {"because",   "although",  "though",    "whereas",  "unless",
               "once",      "showed",    "shows",     "show",     "found",
               "finds",     "estimated", "estimates", "reported", "reports",
               "noted",     "notes",     "added",     "adds",     "claimed",
               "claims",    "argued",    "argues",    "believes", "predicted",
               "predicts",  "projected", "projects",  "expects",  "suggests",
               "suggested", "indicates", "indicated", "revealed", "reveals",
               "means",     "meaning",   "think",     "thinks",   "warned",
               "warns",     "stated",    "states"})) {
        return {};
      }
    }
    return np;
  }
  if (!prep) return {};
  // The object between a verb of change and "to"/"by"/"at".
  Span np = NounPhraseBefore(win, k, /*stop_at_change_verb=*/true);
  if (np.empty()) return {};
  uint32_t first = k;
  while (first > win.sb && win.Tk(first - 1).span.begin >= np.begin) --first;
  // Determiners left out of the phrase sit between it and the verb.
  uint32_t before = first;
  while (before > win.sb && IsDeterminer(LowerWord(win.T(before - 1)))) {
    --before;
  }
  if (before > win.sb && win.IsWord(before - 1) &&
      !win.Tk(before - 1).capitalized &&
      IsChangeVerb(LowerWord(win.T(before - 1)))) {
    return np;
  }
  return {};
}

Span FrontedPartitive(const TokenWindow& win, uint32_t b) {
  uint32_t k = BeforeModifier(win, b);
  if (k < win.sb + 3 || k > win.se) return {};
  if (win.T(k - 1) != ",") return {};
  if (!win.Is(win.sb, "of") && !win.Is(win.sb, "among")) return {};
  uint32_t end = k - 1;  // the comma
  for (uint32_t j = win.sb + 1; j < end; ++j) {
    if (win.Is(j, "who") || win.Is(j, "that") || win.Is(j, "which") ||
        win.Is(j, "whom")) {
      end = j;
      break;
    }
    // One phrase: no other clause or list inside.
    if (!win.IsWord(j) && win.Tk(j).kind != TokenKind::kNumber &&
        win.T(j) != "%" && win.T(j) != "&" && !IsPossessive(win.T(j))) {
      return {};
    }
  }
  if (end <= win.sb + 1) return {};
  // "Of those, 62 ...", "Among them, 12 ...": a pronoun alone; "Of
  // course, ...": an idiom.
  if (end == win.sb + 2 &&
      InList(LowerWord(win.T(win.sb + 1)),
             {"those", "these", "them", "this", "that", "it", "they", "course",
              "note", "others", "other"})) {
    return {};
  }
  return {win.Tk(win.sb).span.begin, win.Tk(end - 1).span.end};
}

}  // namespace whosaid::claims
