#include "src/claims/nouns.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "src/base/calendar_words.h"
#include "src/claims/context_rules.h"
#include "src/claims/lexicon.h"
#include "src/claims/word_index.h"

namespace whosaid::claims {

bool IsCapsAbbreviation(std::string_view w) {
  // "US", "FBI", "U.S.", "U.N.": two to five capitals, dots between.
  if (w.size() < 2 || w.size() > 6) return false;
  int letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.' || i == 0) {
      return false;
    }
  }
  return letters >= 2;
}

bool LooksPlural(std::string_view w) {
  if (w.size() < 3) return false;
  if (IEq(w, "people") || IEq(w, "children") || IEq(w, "men") ||
      IEq(w, "women") || IEq(w, "police") || IEq(w, "personnel") ||
      IEq(w, "troops") || IEq(w, "staff") || IEq(w, "cattle")) {
    return true;
  }
  char e = Lower(w.back());
  if (e != 's') return false;
  char p = Lower(w[w.size() - 2]);
  return p != 's' && p != 'u' && p != 'i';  // not "process", "bus", "this"
}

namespace {

// A word before the noun counted by "one": "one wrong word", "one tired
// monopoly", "one legal question", "one more sin", "one liberal-leaning
// site" (adjective suffixes, hyphenated compounds, a few common adjectives).
bool IsSingularPremodifier(std::string_view w) {
  static constexpr std::string_view kAdjectives[] = {
      "more",     "wrong",  "single", "clear",    "simple", "small", "big",
      "good",     "bad",    "real",   "true",     "major",  "great", "huge",
      "key",      "main",   "little", "whole",    "full",   "sole",  "lone",
      "senior",   "junior", "former", "other",    "such",   "top",   "new",
      "old",      "young",  "close",  "dead",     "short",  "long",  "recent",
      "familiar", "last",   "final",  "possible", "very",   "same",  "certain"};
  static const WordIndex adjectives = IndexWords(kAdjectives);
  if (adjectives.Contains(w)) return true;
  if (w.find('-') != std::string_view::npos) return true;
  if (w.size() <= 4) return false;
  static constexpr std::string_view kSuffixes[] = {
      "al", "ive", "ous", "ful", "ic", "ed", "ing", "able", "ible"};
  for (std::string_view x : kSuffixes) {
    if (w.ends_with(x)) return true;
  }
  return false;
}

}  // namespace

// An adverb in "-ly" ("recently"), not a noun ("family", "monopoly").
bool IsLyAdverb(std::string_view w) {
  if (!w.ends_with("ly")) return false;
  static constexpr std::string_view kNouns[] = {
      "family",  "supply", "ally",      "rally",   "assembly", "monopoly",
      "anomaly", "reply",  "fly",       "belly",   "bully",    "homily",
      "folly",   "jelly",  "butterfly", "duopoly", "oligopoly"};
  static const WordIndex nouns = IndexWords(kNouns);
  return !nouns.Contains(w);
}

namespace {

// Singular nouns that end like plurals: "one series", "one news site".
bool IsSingularInS(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "series",  "species",   "news",         "means",     "politics",
      "physics", "economics", "headquarters", "crossroads"};
  static const WordIndex words = IndexWords(kWords);
  return words.Contains(w);
}

}  // namespace

bool IsNeverANoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ago",    "again",   "instead",    "too",     "yet",     "still",
      "even",   "just",    "only",       "else",    "soon",    "once",
      "twice",  "why",     "how",        "whether", "among",   "behind",
      "beyond", "against", "without",    "within",  "like",    "unlike",
      "near",   "via",     "toward",     "towards", "upon",    "despite",
      "most",   "least",   "later",      "earlier", "said",    "went",
      "got",    "made",    "took",       "came",    "saw",     "knew",
      "felt",   "kept",    "held",       "told",    "found",   "thought",
      "became", "began",   "wrote",      "gave",    "sent",    "brought",
      "ran",    "spent",   "met",        "heard",   "says",    "stood",
      "sat",    "fell",    "rose",       "grew",    "overall", "say",
      "think",  "believe", "want",       "know",    "between", "across",
      "around", "through", "throughout", "inside",  "outside", "along",
      "amid",   "onto",    "versus"};
  static const WordIndex words = IndexWords(kWords);
  return words.Contains(w);
}

bool IsNoSingularHead(std::string_view w) {
  if (IsNeverANoun(w)) return true;
  // Adverbs and post-modifying adjectives that may also be nouns or
  // premodifiers ("one home", "one close aide", "one source familiar
  // with", "one aide close to").
  static constexpr std::string_view kWords[] = {
      "alone",   "apart",    "ahead",   "away",    "back",        "now",
      "then",    "today",    "put",     "left",    "due",         "apiece",
      "total",   "together", "abroad",  "aside",   "enough",      "here",
      "home",    "first",    "last",    "led",     "won",         "lost",
      "paid",    "familiar", "close",   "aware",   "responsible", "loyal",
      "similar", "critical", "opposed", "involved"};
  static const WordIndex words = IndexWords(kWords);
  return words.Contains(w);
}

namespace {

// A second noun of a compound after "one": "one news site,", "one
// intelligence official argued". Not an adverb or a verb form ("one year
// later", "one step further", "One analysis found").
bool SingularCompoundTail(const TokenWindow& win, uint32_t k) {
  std::string_view w = win.T(k);
  if (!win.IsWord(k) || !AllLowerAlpha(w) || IsStopWord(w) || w.size() < 3 ||
      LooksPlural(w) || IsLyAdverb(w) || w.ends_with("ed") ||
      w.ends_with("er") || w.ends_with("ing") || FindSmallNumber(w) ||
      FindScale(w) || IsNoSingularHead(w)) {
    return false;
  }
  // The noun phrase must end right after it (or a past-tense verb follows
  // it).
  uint32_t n = k + 1;
  if (n >= win.se || !win.IsWord(n) || IsStopWord(win.T(n))) return true;
  std::string_view nx = win.T(n);
  return AllLowerAlpha(nx) && nx.size() > 3 && nx.ends_with("ed");
}

// A capitalised word that may modify the noun counted by "one": "one
// senior DOJ official", "one White House aide" (capitals with dots, or a
// capitalised word in lower case after its first letter).
bool IsCapitalisedModifier(const TokenWindow& win, uint32_t k) {
  std::string_view w = win.T(k);
  if (IsCapsAbbreviation(w)) return true;
  return win.Tk(k).capitalized && !win.Tk(k).all_caps && w.size() > 1 &&
         AllLowerAlpha(w.substr(1)) && !IsFunctionWord(w) && !IsMonth(w) &&
         WeekdayOfName(w) == 0;
}

// A word with its soft hyphens (U+00AD, invisible break points that some
// publishers put inside words: "cit\u00adies") removed; `w` itself when it
// has none, else a view of *buf.
std::string_view WithoutSoftHyphens(std::string_view w, std::string* buf) {
  constexpr std::string_view kSoft = "\xC2\xAD";
  if (w.find(kSoft) == std::string_view::npos) return w;
  buf->clear();
  for (size_t k = 0; k < w.size(); ++k) {
    if (w.compare(k, kSoft.size(), kSoft) == 0) {
      ++k;
      continue;
    }
    buf->push_back(w[k]);
  }
  return *buf;
}

// "POWs", "CEOs", "ICBMs": two or more capitals and a plural "s".
bool IsAcronymPlural(std::string_view w) {
  if (w.size() < 3 || w.size() > 7 || w.back() != 's') return false;
  for (size_t k = 0; k + 1 < w.size(); ++k) {
    if (w[k] < 'A' || w[k] > 'Z') return false;
  }
  return true;
}

}  // namespace

// Noun unit: the head of the lowercase noun run after the number.
// Returns the token after the head (and its period phrase).
uint32_t NounUnit(const TokenWindow& win, uint32_t t, Quantity* q) {
  uint32_t head = UINT32_MAX;
  uint32_t k = t;
  uint32_t proper = 0;  // capitalised modifiers skipped
  bool plural_value = !(q->value == 1 && !q->is_range);
  uint32_t first = t;  // where "one"'s noun may start (after premodifiers)
  std::string buf;     // a word without its soft hyphens
  for (; k < win.se && k < t + 4 + proper; ++k) {
    if (!win.IsWord(k)) break;
    std::string_view w = WithoutSoftHyphens(win.T(k), &buf);
    bool leading = k == t + proper;
    if (!plural_value && k == first && k < t + 2 + proper && AllLowerAlpha(w) &&
        IsSingularPremodifier(w) && k + 1 < win.se && win.IsWord(k + 1)) {
      std::string_view nx = win.T(k + 1);
      if ((AllLowerAlpha(nx) && !IsStopWord(nx) && !IsLyAdverb(nx) &&
           !FindSmallNumber(nx) && !FindScale(nx)) ||
          IsCapitalisedModifier(win, k + 1)) {
        ++first;
        continue;
      }
    }
    // "one senior DOJ official", "one White House aide": capitalised
    // modifiers before the noun counted by "one" (none found: no noun).
    if (!plural_value && k == first && head == UINT32_MAX && proper < 4 &&
        IsCapitalisedModifier(win, k)) {
      ++proper;
      ++first;
      continue;
    }
    if (!plural_value && k == first && IsNeverANoun(w)) break;
    if (!plural_value && proper > 0 && k == first) {
      // After capitalised modifiers the noun is the next lowercase word,
      // and the phrase ends there ("one Democrat cast doubt", "one Clinton
      // repeatedly alludes" have none).
      bool ends = k + 1 >= win.se || !win.IsWord(k + 1);
      if (!ends) {
        std::string_view nx = win.T(k + 1);
        ends = !AllLowerAlpha(nx) || IsStopWord(nx) || IsNoSingularHead(nx) ||
               (nx.size() > 4 && nx.ends_with("ed"));
      }
      bool verb_form =
          w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
      if (ends && AllLowerAlpha(w) && !IsStopWord(w) && !IsLyAdverb(w) &&
          !IsNoSingularHead(w) && !LooksPlural(w) && !FindSmallNumber(w) &&
          !FindScale(w) && !verb_form) {
        head = k;
      }
      break;
    }
    if (!plural_value && head != UINT32_MAX) {
      // "one word changes", "one man said": a verb after the noun.
      if (k == head + 1 && SingularCompoundTail(win, k)) head = k;
      break;
    }
    if (!plural_value && k == first && LooksPlural(w) && AllLowerAlpha(w) &&
        !IsSingularInS(w)) {
      // After "one" a plural-looking word is a verb ("one needs only to")
      // unless a noun follows it ("one news site").
      if (k + 1 < win.se && SingularCompoundTail(win, k + 1)) head = k + 1;
      break;
    }
    // Before the head, after lowercase premodifiers too ("five top
    // Gitmo-held terrorists", "two key Republicans").
    bool before_head = leading || head == UINT32_MAX;
    if (plural_value && before_head && proper < 3) {
      // "2 million fewer jobs", "500 more troops".
      if (k == t && (IEq(w, "more") || IEq(w, "fewer") ||
                     IEq(w, "additional") || IEq(w, "extra"))) {
        ++proper;
        continue;
      }
      // "4,385 Americans", "35 Republicans": a capitalised plural noun.
      if (win.Tk(k).capitalized && !win.Tk(k).all_caps && w.size() > 3 &&
          LooksPlural(w) && AllLowerAlpha(w.substr(1))) {
        head = k;
        break;
      }
      // "2 million POWs", "300 CEOs": an acronym's plural.
      if (IsAcronymPlural(w)) {
        head = k;
        break;
      }
      // "2,500 U.S. troops", "two US states", "three FBI agents".
      if (IsCapsAbbreviation(w)) {
        ++proper;
        continue;
      }
    }
    if (!AllLowerAlpha(w) && plural_value && proper < 3 && before_head &&
        win.Tk(k).capitalized && !win.Tk(k).all_caps && w.size() > 1 &&
        !LooksPlural(w)) {
      // "three Wall Street Journal reporters": proper-name modifiers
      // before the counted noun.
      ++proper;
      continue;
    }
    // "65,000 mail-in or absentee ballots": coordinated premodifiers.
    if (plural_value && head == UINT32_MAX && k > first && k + 1 < win.se &&
        (IEq(w, "or") || IEq(w, "and")) && win.IsWord(k + 1) &&
        AllLowerAlpha(win.T(k + 1)) && !IsStopWord(win.T(k + 1)) &&
        !FindSmallNumber(win.T(k + 1)) && !FindScale(win.T(k + 1))) {
      continue;
    }
    if (!AllLowerAlpha(w) || IsStopWord(w)) break;
    if (FindSmallNumber(w) || FindScale(w)) break;
    // "115 news stories", "two series finales": a singular noun in -s
    // modifying the plural noun after it.
    if (plural_value && IsSingularInS(w) && k + 1 < win.se &&
        win.IsWord(k + 1) && AllLowerAlpha(win.T(k + 1)) &&
        LooksPlural(win.T(k + 1)) && !IsStopWord(win.T(k + 1))) {
      continue;
    }
    if (LooksPlural(w) ||
        (q->value == 1 && !q->is_range && k == first &&
         !(w.size() > 4 && w.ends_with("ed")) && !IsLyAdverb(w))) {
      head = k;
      if (LooksPlural(w) && plural_value) break;
    }
    if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"))) {
      // A participle before the noun ("two competing impulses", "five
      // recently retired coal plants") only with more nouns to come.
      bool premodifier = plural_value && head == UINT32_MAX && k + 1 < win.se &&
                         win.IsWord(k + 1) && AllLowerAlpha(win.T(k + 1)) &&
                         !IsStopWord(win.T(k + 1)) &&
                         !win.T(k + 1).ends_with("ly");
      if (!premodifier) break;
    }
  }
  if (head == UINT32_MAX) return t;
  q->noun_unit = true;
  q->noun.clear();
  for (char c : WithoutSoftHyphens(win.T(head), &buf)) {
    q->noun.push_back(Lower(c));
  }
  q->unit_span = win.Tk(head).span;
  uint32_t after = head + 1;
  // Rates: "sorties a day", "raids every day", "$5 per share" (not "a
  // week ago").
  uint32_t m = PeriodAt(win, after);
  if (m && (win.Is(after + m, "ago") || win.Is(after + m, "earlier") ||
            win.Is(after + m, "later") || win.Is(after + m, "before") ||
            win.Is(after + m, "after"))) {
    m = 0;
  }
  if (m) {
    q->noun += " per ";
    std::string_view p = win.T(after + m - 1);
    for (char c : p) q->noun.push_back(Lower(c));
    after += m;
  }
  return after;
}

uint32_t PeriodAt(const TokenWindow& win, uint32_t t) {
  if (!(win.Is(t, "a") || win.Is(t, "an") || win.Is(t, "per") ||
        win.Is(t, "every") || win.Is(t, "each"))) {
    return 0;
  }
  if (t + 1 < win.se && IsPeriodWord(win.T(t + 1))) return 2;
  return 0;
}

bool AfterAgeWord(const TokenWindow& win, uint32_t i) {
  return i > win.sb && (win.Is(i - 1, "age") || win.Is(i - 1, "ages")) &&
         !win.Tk(i - 1).capitalized;
}

namespace {

// The token after a stated age ends it: punctuation, "when", "and", "at",
// "in" ("since I was 18, ...", "when she was nine and ...").
bool NextEndsAge(const TokenWindow& win, uint32_t t) {
  if (t >= win.se) return true;
  std::string_view nx = win.T(t);
  if (win.Tk(t).kind == TokenKind::kPunct) {
    return nx == "." || nx == "," || nx == ";" || nx == "!" || nx == "?" ||
           nx == ")" || nx == "\u2014" || nx == "\"" || nx == "\u201d";
  }
  return win.Is(t, "when") || win.Is(t, "and") || win.Is(t, "at") ||
         win.Is(t, "in");
}

}  // namespace

bool StatedAge(const TokenWindow& win, uint32_t i, uint32_t t) {
  // "over the age of 65", "those aged 70".
  if (i > win.sb && win.Is(i - 1, "aged")) return true;
  if (i < win.sb + 2) return false;
  if (win.Is(i - 1, "of") && win.Is(i - 2, "age")) return true;
  // "before age 16", "up to age 26", "ages 18 and 14": the age word right
  // before the number (not "the Age 2 study", a capitalised name).
  if (AfterAgeWord(win, i)) return true;
  // "those 65 and older", "younger than 25".
  if (ComparedAge(win, i, t)) return true;
  // "Aubrey Patterson, 23, said": an appositive age after a name.
  if (win.Tk(i).kind == TokenKind::kNumber && win.T(i - 1) == "," &&
      win.IsWord(i - 2) && win.Tk(i - 2).capitalized &&
      !win.Tk(i - 2).all_caps && t < win.se && win.T(t) == ",") {
    return true;
  }
  uint32_t v = i - 1;
  // "who is only five", "she was just 16".
  if ((win.Is(v, "only") || win.Is(v, "just") || win.Is(v, "barely")) &&
      v > win.sb + 1) {
    --v;
  }
  // "I'm 60", "you're 25": the verb contracted onto the pronoun.
  bool contracted = win.Is(v, "'m") || win.Is(v, "\u2019m") ||
                    win.Is(v, "'re") || win.Is(v, "\u2019re");
  // The same as one token: "I'm", "we\u2019re".
  for (std::string_view w :
       {"i'm", "i\u2019m", "you're", "you\u2019re", "we're", "we\u2019re",
        "they're", "they\u2019re"}) {
    if (win.Is(v, w)) return NextEndsAge(win, t);
  }
  if (!(win.Is(v, "was") || win.Is(v, "is") || win.Is(v, "am") ||
        win.Is(v, "were") || win.Is(v, "turned") || win.Is(v, "turns") ||
        win.Is(v, "turn") || contracted)) {
    return false;
  }
  uint32_t p = v - 1;
  // "when Guyger was 6,": a name after "when" or "since" (the clause of a
  // time in someone's life; "when Congress was 50 votes short" has a unit).
  bool named = !contracted && win.IsWord(p) && win.Tk(p).capitalized &&
               !win.Tk(p).all_caps && p > win.sb &&
               (win.Is(p - 1, "when") || win.Is(p - 1, "since"));
  // "Litvinenko, who was 44, ...": "who" stands for the person named.
  if (!(win.Is(p, "i") || win.Is(p, "he") || win.Is(p, "she") ||
        win.Is(p, "we") || win.Is(p, "they") || win.Is(p, "you") || named ||
        (win.Is(p, "who") && p > win.sb && win.T(p - 1) == ","))) {
    return false;
  }
  return NextEndsAge(win, t);
}

}  // namespace whosaid::claims
