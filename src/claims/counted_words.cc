#include "src/claims/counted_words.h"

#include <string_view>

#include "src/claims/lexicon.h"
#include "src/claims/nouns.h"

namespace whosaid::claims {

// Base forms that are also nouns ("a drop", "the decline"): verbs of
// level only after an auxiliary ("wages would increase by 40 percent",
// "is expected to widen").
bool IsBaseLevelVerb(std::string_view w) {
  return InList(w, {"increase", "decrease", "grow", "fall", "drop", "climb",
                    "jump", "decline", "soar", "surge", "plunge", "shrink",
                    "widen", "narrow", "exceed"});
}

// Verbs whose subject is what the number after them measures: "the toll
// rose to 45", "income was $50,421", "the cap reached 110,000".
bool IsLevelVerb(std::string_view w) {
  return InList(w,
                {"rose",      "risen",     "rise",     "rises",     "fell",
                 "fallen",    "falls",     "grew",     "grown",     "grows",
                 "climbed",   "climbs",    "jumped",   "jumps",     "dropped",
                 "drops",     "declined",  "declines", "increased", "increases",
                 "decreased", "decreases", "soared",   "surged",    "plunged",
                 "slipped",   "tumbled",   "sank",     "slumped",   "reached",
                 "reaches",   "reach",     "totaled",  "totalled",  "totals",
                 "topped",    "tops",      "hit",      "hits",      "stood",
                 "stands",    "exceeded",  "exceeds",  "surpassed", "averaged",
                 "averages",  "amounted",  "amounts",  "was",       "is",
                 "were",      "are",       "be",       "been",      "remained",
                 "remains",   "doubled",   "tripled",  "shrank",    "edged",
                 "ticked",    "cost",      "costs",    "held",      "holds",
                 "hovered",   "hovers",    "stayed",   "stays",     "costing",
                 "falling",   "rising",    "climbing", "dropping",  "totaling",
                 "holding"}) ||
         IsBaseLevelVerb(w) ||
         // More verbs of change ("the deficit widened").
         InList(w, {"widened", "widening", "widens", "narrowed", "narrowing",
                    "narrows", "softened", "softening", "dipped", "dips",
                    "slid", "sagged", "spiked", "skyrocketed"});
}

// Verbs whose object is what the number after "to"/"by"/"at" measures:
// "cut the ceiling to 18,000", "reduce emissions by 45%".
bool IsChangeVerb(std::string_view w) {
  return InList(
      w, {"cut",       "cuts",      "cutting",  "raise",     "raised",
          "raises",    "raising",   "increase", "increased", "increasing",
          "reduce",    "reduced",   "reduces",  "reducing",  "lower",
          "lowered",   "lowering",  "boost",    "boosted",   "boosting",
          "lift",      "lifted",    "expand",   "expanded",  "slash",
          "slashed",   "cap",       "capped",   "bring",     "brought",
          "put",       "puts",      "set",      "sets",      "pegged",
          "estimated", "estimates", "estimate", "trim",      "trimmed",
          "double",    "doubled",   "hike",     "hiked",     "push",
          "pushed",    "pushes",    "pushing",  "bringing",  "brings",
          "drove",     "driven",    "driving",  "bumped",    "held",
          "holding",   "kept",      "keep",     "keeping",   "left"});
}

// Auxiliaries and adverbs between a subject and its verb: "has now risen",
// "would be", "is expected to reach", "has since fallen".
bool IsAuxOrAdverb(std::string_view w) {
  return InList(
      w, {"has",      "have",      "had",     "would",      "will",    "could",
          "should",   "may",       "might",   "must",       "can",     "is",
          "was",      "were",      "are",     "been",       "be",      "to",
          "expected", "projected", "likely",  "now",        "already", "also",
          "still",    "just",      "since",   "reportedly", "further", "then",
          "again",    "only",      "roughly", "slightly",   "sharply"});
}

// "-ly" words that modify nouns ("average hourly earnings", "the
// elderly population"), not adverbs.
bool IsLyAdjective(std::string_view w) {
  return InList(w, {"hourly", "daily", "weekly", "monthly", "yearly",
                    "quarterly", "elderly", "early", "costly", "deadly",
                    "friendly", "nightly", "biweekly", "bimonthly"});
}

// Names of market indexes ("the Dow", "the S&P 500", "the Shanghai
// Composite", "Nikkei 225"): a name alone that is a measured level.
bool IsIndexName(std::string_view w) {
  return InList(
      w, {"Dow",         "Nasdaq",  "NASDAQ", "S&P",    "Composite", "Index",
          "Industrials", "Nikkei",  "FTSE",   "DAX",    "CAC",       "Stoxx",
          "STOXX",       "Kospi",   "KOSPI",  "Sensex", "Seng",      "TSX",
          "ASX",         "Russell", "Average"});
}

// Nouns in "-ing" that head noun phrases in the news.
bool IsIngNoun(std::string_view w) {
  return InList(w, {"building", "funding",   "spending", "housing", "training",
                    "meeting",  "hearing",   "briefing", "ruling",  "offering",
                    "ceiling",  "financing", "earnings", "savings", "pricing",
                    "lending",  "borrowing", "polling",  "ranking", "rating"});
}

// A participle or gerund by its ending ("earned", "favoring").
bool VerbFormEnding(std::string_view w) {
  if (w.size() > 3 && w.ends_with("ed") &&
      !InList(w, {"seed", "need", "feed", "speed", "breed", "greed", "deed",
                  "weed", "shed", "bed", "red", "bred"})) {
    return true;
  }
  return w.size() > 4 && w.ends_with("ing") && !IsIngNoun(w);
}

// A capitalised word opening a sentence that is a common noun of
// measured things by its ending or by name ("Unemployment", "Inflation",
// "Sales"), not a name ("Acme").
bool CommonNounOpening(std::string_view w) {
  for (std::string_view suf :
       {"ment", "ness", "tion", "sion", "ity", "ance", "ence", "ship"}) {
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return true;
  }
  return InList(
      w, {"sales",  "revenue",      "revenues",    "turnout",    "spending",
          "prices", "profit",       "profits",     "exports",    "imports",
          "output", "funding",      "debt",        "growth",     "support",
          "wages",  "income",       "costs",       "enrollment", "deaths",
          "cases",  "unemployment", "joblessness", "crime",      "approval"});
}

// An adjective before an amount ("a massive $38 billion", "a hefty",
// "the planned initial"), by its ending or by name; not a noun ("the
// dossier 100 percent") nor a group ("the top 1%", "the richest 10%").
bool LooksLikeAdjective(std::string_view w) {
  if (IsNeverANoun(w) || IsLyAdverb(w) ||
      InList(w, {"top", "bottom", "richest", "poorest", "wealthiest",
                 "remaining", "other", "first", "last", "next"})) {
    return false;
  }
  for (std::string_view suf : {"al", "ic", "ive", "ous", "ed", "ing", "ful",
                               "ant", "ent", "ary", "able", "ible", "y"}) {
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return true;
  }
  return InList(w, {"new",        "big",     "huge",    "record",   "total",
                    "whopping",   "extra",   "net",     "modest",   "small",
                    "large",      "mere",    "paltry",  "proposed", "planned",
                    "estimated",  "full",    "average", "annual",   "initial",
                    "additional", "massive", "further", "hefty",    "overall",
                    "separate",   "similar"});
}

}  // namespace whosaid::claims
