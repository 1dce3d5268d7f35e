#include "src/claims/counted.h"

#include <algorithm>
#include <string_view>

#include "src/claims/context_rules.h"
#include "src/claims/counted_context.h"
#include "src/claims/counted_holders.h"
#include "src/claims/lexicon.h"
#include "src/claims/nouns.h"

namespace whosaid::claims {
namespace {

// "years", "month", "quarter": the nouns of a time ("in recent years").
bool IsTimeNoun(std::string_view w) {
  static constexpr std::string_view kTimes[] = {
      "year",    "years",    "month", "months",  "week",
      "weeks",   "day",      "days",  "decade",  "decades",
      "quarter", "quarters", "hours", "minutes", "seconds"};
  return std::find(std::begin(kTimes), std::end(kTimes), w) != std::end(kTimes);
}

// Verbs in "-s" that a group's share does ("of the public trusts the
// government"); not plural nouns ("of college graduates this year").
bool IsShareVerbInS(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "favors",   "trusts", "blames",    "supports", "opposes",  "backs",
      "believes", "thinks", "wants",     "says",     "approves", "disapproves",
      "prefers",  "agrees", "disagrees", "views",    "sees",     "considers",
      "expects",  "lacks",  "owns",      "earns",    "lives",    "works"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Words after money and "on"/"for" that name no purpose: "on average",
// "for the first time", "on behalf of", "for each".
bool IsNoPurpose(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "average",  "first", "time",     "top",  "behalf", "example",
      "instance", "sale",  "good",     "now",  "life",   "free",
      "record",   "hand",  "instance", "once", "second", "next"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "'s" after a noun, or a bare apostrophe after a plural in "s" ("the
// players' union").
bool IsPossessiveMark(std::string_view w, std::string_view prev) {
  if (w == "'s" || w == "'S" || w == "\u2019s" || w == "\u2019S") return true;
  return (w == "'" || w == "\u2019") && prev.ends_with('s');
}

// The counted phrase: from `from` (first word after the number or the
// unit) through nouns, a participle after a noun unit, a rate and an
// of-phrase; `t` is the token after the number and its unit.
Span CountedPhrase(const TokenWindow& win, uint32_t max_counted_tokens,
                   uint32_t from, uint32_t t, const Quantity& q,
                   bool money_for_ok) {
  uint32_t limit = std::min<uint32_t>(win.se, from + max_counted_tokens);
  uint32_t end = from;
  uint32_t k = t;
  // A participle right after a noun unit ("terrorists killed").
  if (q.noun_unit && win.IsWord(k) && k < limit) {
    std::string_view w = win.T(k);
    // Not a verb with its object ("two countries stalled the talks").
    bool object_next =
        k + 1 < win.se &&
        (IsDeterminer(win.T(k + 1)) || win.Is(k + 1, "him") ||
         win.Is(k + 1, "them") || win.Is(k + 1, "it") || win.Is(k + 1, "us"));
    if (AllLowerAlpha(w) && w.size() > 4 && w.ends_with("ed") &&
        !IsStopWord(w) && !object_next && !MainVerbAfterNoun(win, k)) {
      end = ++k;
    }
  }
  if (uint32_t m = PeriodAt(win, k); m && k + m <= limit) {
    k += m;
    end = k;
  }
  // "$2 billion in military aid": money counts the common noun phrase
  // after "in" (not a place or a time: "in Texas", "in the state", "in
  // recent years").
  // "$500 million worth of coal stocks": the of-phrase after "worth".
  if (q.currency && win.Is(k, "worth") && win.Is(k + 1, "of")) ++k;
  const bool money_in = q.currency && win.Is(k, "in") && k + 1 < limit &&
                        win.IsWord(k + 1) && !win.Tk(k + 1).capitalized &&
                        !IsDeterminer(win.T(k + 1));
  // "spent $310,000 on a new voting system", "$2.5 billion for water
  // projects": what the money is for (a determiner may open it; not a name,
  // a time or an idiom: "for Smith", "for years", "on average").
  const bool money_for =
      money_for_ok && q.currency && (win.Is(k, "on") || win.Is(k, "for")) &&
      k + 1 < limit && win.IsWord(k + 1) && !win.Tk(k + 1).capitalized;
  const bool money_prep = money_in || money_for;
  if ((win.Is(k, "of") || money_prep) && k + 1 < limit) {
    uint32_t j = k + 1;
    uint32_t last = 0;
    bool det_ok = !money_in;
    uint32_t owned = 0;  // the first word after a possessive
    while (j < limit &&
           (win.IsWord(j) || win.Tk(j).kind == TokenKind::kNumber ||
            (last == j && IsPossessiveMark(win.T(j), win.T(j - 1))))) {
      std::string_view w = win.T(j);
      if (win.Tk(j).kind == TokenKind::kNumber) {
        // "in just 30 minutes", "in fiscal 2010": a time, not a noun.
        if (money_prep) {
          last = 0;
          break;
        }
        ++j;
        continue;
      }
      if (det_ok && IsDeterminer(w)) {
        ++j;
        continue;
      }
      det_ok = false;
      // "of the state's workers", "of Iran's nuclear centrifuges", "of the
      // players' union": a possessive after a noun opens the noun it owns,
      // which the phrase goes on to.
      if (last == j && j + 1 < limit && win.IsWord(j + 1) &&
          IsPossessiveMark(w, win.T(j - 1))) {
        ++j;
        owned = j;
        continue;
      }
      // "of Smith's tax returns opens a new front": after the owned noun,
      // a verb in "-s" with its object, or after a plural.
      if (owned != 0 && j > owned && last == j && w.size() > 3 &&
          w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") &&
          (IsDeterminer(win.T(j + 1)) || LooksPlural(win.T(j - 1)))) {
        break;
      }
      if (win.Tk(j).capitalized) {
        // "in additional U.S. goods": not read half way.
        if (money_prep) {
          last = 0;
          break;
        }
        last = ++j;
        continue;
      }
      if (money_prep && (IsTimeNoun(w) || (money_for && IsNoPurpose(w)))) {
        last = 0;
        break;
      }
      if (!AllLowerAlpha(w) || IsStopWord(w)) break;
      // "of people living there"; after money "in federal funding" is
      // the noun.
      if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing")) &&
          last != 0 && !(money_prep && w.ends_with("ing"))) {
        break;
      }
      // "of college grads overall say": an adverb or a verb ends it.
      if (last != 0 && (IsNoSingularHead(w) || IsLyAdverb(w))) break;
      // "of Americans approve of ...": a verb after a plural noun.
      if (last == j && VerbAfterPluralNoun(win.T(j - 1), w)) break;
      // "of the public blames Trump", "of the GOP favors a ...": a verb of
      // a share's view after a singular noun.
      if (last == j && !win.T(j - 1).ends_with('s') && IsShareVerbInS(w)) {
        break;
      }
      last = ++j;
    }
    if (last > k + 1) end = last;
  }
  if (end <= from) return {};
  return {win.Tk(from).span.begin, win.Tk(end - 1).span.end};
}

// An adjective by its ending ("social", "medical", "public", "massive") or
// a participle ("phased"): either may modify a gerund noun ("social
// distancing", "a phased reopening").
bool PremodifiesAGerund(std::string_view w) {
  return w.size() > 4 &&
         (w.ends_with("al") || w.ends_with("ic") || w.ends_with("ive") ||
          w.ends_with("ous") || w.ends_with("ed"));
}

// Nouns in "-ing" that head compounds in the news ("an apartment
// building", "federal funding"), not verb forms.
bool IsGerundNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "building", "funding",  "spending", "housing", "training",
      "meeting",  "hearing",  "briefing", "ruling",  "offering",
      "ceiling",  "shooting", "bombing",  "opening", "reopening"};
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

// A participle or gerund by its ending, with a vowel before it: "burning",
// "released", not "swing" or "string".
bool LooksLikeVerbForm(std::string_view w) {
  size_t stem;
  if (w.size() > 4 && w.ends_with("ing")) {
    stem = w.size() - 3;
  } else if (w.size() > 4 && w.ends_with("ed")) {
    stem = w.size() - 2;
  } else {
    return false;
  }
  return w.substr(0, stem).find_first_of("aeiouy") != std::string_view::npos;
}

// A third noun after a hyphenated number ("a three-drug lethal injection
// protocol"): not a number word ("a prize two weeks ago"), an adjective
// by its ending ("mandatory minimum federal ..."), an adverb or a verb
// ("ever", "known", "stand"), nor a verb in "-s" after a singular noun
// before its object ("border wall stands atop", "system helps an").
bool ThirdNounAt(const TokenWindow& win, uint32_t e) {
  std::string_view w = win.T(e);
  if (w.find('-') != std::string_view::npos) return false;
  for (std::string_view suf : {"al", "ive", "ous", "ic", "ful", "ent", "ant"}) {
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return false;
  }
  static constexpr std::string_view kNot[] = {
      "ever", "late", "early", "known", "stand", "stands", "long", "old",
      "soon", "more", "less",  "much",  "some",  "any",    "own"};
  if (std::find(std::begin(kNot), std::end(kNot), w) != std::end(kNot)) {
    return false;
  }
  if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") &&
      !win.T(e - 1).ends_with('s') && e + 1 < win.se &&
      (IsDeterminer(win.T(e + 1)) ||
       (win.IsWord(e + 1) && AllLowerAlpha(win.T(e + 1)) &&
        !IsStopWord(win.T(e + 1))))) {
    return false;
  }
  return true;
}

// Up to three lower-case nouns after a number with a hyphenated suffix,
// starting at token k ("a two-year operation", "a 12-percentage-point
// lead", "12-foot social distancing", "a 30-minute weekly show", "a
// three-drug lethal injection protocol"). A word that is never a noun ends
// the run; after the first word, so does an adverb or a word that heads no
// noun ("a three-week audit last spring"), and a verb form ("a 500-acre
// area burning") unless the first word modifies it or it is a gerund noun;
// a third word must pass ThirdNounAt.
Span NounsAfterHyphenatedNumber(const TokenWindow& win, uint32_t k) {
  uint32_t e = k;
  while (e < win.se && e < k + 3 && win.IsWord(e) && AllLowerAlpha(win.T(e)) &&
         !IsStopWord(win.T(e))) {
    std::string_view w = win.T(e);
    if (IsNeverANoun(w)) break;
    if (e > k) {
      if (IsNoSingularHead(w) || IsLyAdverb(w)) break;
      // "a one-bedroom apartment two weeks ago": a number word ends it.
      if (IsNumberWord(w)) break;
      if (e == k + 2 && !ThirdNounAt(win, e)) break;
      if (LooksLikeVerbForm(w) && !PremodifiesAGerund(win.T(e - 1)) &&
          !IsGerundNoun(w)) {
        break;
      }
    }
    ++e;
  }
  if (e == k) return {};
  return {win.Tk(k).span.begin, win.Tk(e - 1).span.end};
}

}  // namespace

uint32_t ReadCounted(const TokenWindow& win, uint32_t max_counted_tokens,
                     const Number& n1, uint32_t t, Quantity* q) {
  uint32_t counted_from = t;
  if (q->unit.empty() && !q->noun_unit) {
    // Noun unit when nothing else.
    uint32_t after = NounUnit(win, t, q);
    if (q->noun_unit) t = after;
  } else if (!q->noun_unit && !q->percent && !q->currency &&
             !q->unit_span.empty()) {
    // Unit words count: "square kilometers of Syrian territory".
    for (uint32_t k = n1.tok_end; k < t; ++k) {
      if (win.Tk(k).span.begin == q->unit_span.begin) {
        counted_from = k;
        break;
      }
    }
  }
  if (q->noun_unit && n1.suffix_hyphen) {
    // A hyphen noun ("a two-year operation"): what is counted is the
    // noun after it.
    q->counted = NounsAfterHyphenatedNumber(win, n1.tok_end);
    return t;
  }
  if (q->noun_unit) {
    // The counted phrase starts at the noun itself.
    for (uint32_t k = counted_from; k < win.se && k < counted_from + 4; ++k) {
      if (win.Tk(k).span.begin == q->unit_span.begin) {
        counted_from = k;
        break;
      }
    }
  }
  q->counted = CountedPhrase(win, max_counted_tokens, counted_from, t, *q,
                             /*money_for_ok=*/false);
  if (q->noun_unit && q->counted.empty()) {
    q->counted = {win.Tk(counted_from).span.begin, win.Tk(t - 1).span.end};
  }
  // "the Dow fell 200 points", "her lead grew 5 points": points measure the
  // subject of a verb of level or change.
  if (q->noun_unit && (q->noun == "points" || q->noun == "point")) {
    if (Span s = NounPhraseOfVerb(win, q->tok_begin, /*copula_ok=*/false);
        !s.empty()) {
      q->counted = s;
    }
  }
  // "a 12-percentage-point lead", "a 900-square-foot house": a unit written
  // into the number's hyphenated suffix leaves the counted thing to the
  // nouns after it, as for "a two-year operation". (Not ages: "a
  // 40-year-old man" names the person, not a count.)
  if (q->counted.empty() && !q->noun_unit && !q->currency &&
      !q->unit.ends_with("of age") && n1.suffix_hyphen &&
      !q->unit_span.empty() && q->unit_span.end == n1.suffix.end) {
    q->counted = NounsAfterHyphenatedNumber(win, n1.tok_end);
  }
  // "a 10-year-old boy", "Jane Roe, 46,": whose age it is.
  if (q->counted.empty() && q->unit.ends_with("of age")) {
    q->counted = AgeHolder(win, q->tok_begin, t, n1.suffix_hyphen);
  }
  // "a $27 million tax break", "an 85 percent chance": the amount is the
  // noun's adjective.
  if (q->counted.empty() && (q->currency || q->percent)) {
    q->counted = NounAfterAdjectivalAmount(win, q->tok_begin, t);
  }
  // "the death toll rose to 45", "median income was $50,421": the noun
  // phrase the verb ties the number to (not an age: "Mr. Abbas is 79").
  if (q->counted.empty() && !q->noun_unit && !q->unit.ends_with("of age") &&
      q->unit != "times") {
    // "the state is 79 percent white", "the claims are 100 percent false":
    // a percentage of an adjective after "be" measures no subject.
    // A comparative still measures it: "premiums would be 20 percent
    // higher".
    const bool adjective_after =
        q->percent && win.IsWord(t) && AllLowerAlpha(win.T(t)) &&
        !IsStopWord(win.T(t)) && !win.T(t).ends_with("er") &&
        !win.Is(t, "rather") && !win.Is(t, "than");
    const bool copula_ok =
        !adjective_after && (q->unit.empty() || q->percent || q->currency);
    q->counted = NounPhraseOfVerb(win, q->tok_begin, copula_ok);
    // "a plunge in the jobless rate from 8.1 to 7.8 percent", "cuts of up
    // to 28 percent", "reached a total of $9 billion".
    if (q->counted.empty()) {
      q->counted = MeasureNounOf(win, q->tok_begin, t, copula_ok);
    }
  }
  // "left 14 dead": the casualties a bare count gives.
  if (q->counted.empty() && q->unit.empty() && !q->noun_unit) {
    q->counted = CasualtyAfter(win, t);
  }
  // "Of the 300 students, 40 ...": the group the number is part of.
  if (q->counted.empty() && (q->percent || q->unit.empty()) && !q->noun_unit) {
    q->counted = FrontedPartitive(win, q->tok_begin);
  }
  // "spent $310,000 on a new voting system": what the money is for, when
  // no rule above found what it measures ("cut the limit to $500,000 for
  // new homes" counts the limit).
  if (q->counted.empty() && q->currency) {
    q->counted = CountedPhrase(win, max_counted_tokens, counted_from, t, *q,
                               /*money_for_ok=*/true);
  }
  return t;
}

}  // namespace whosaid::claims
