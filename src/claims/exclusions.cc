#include "src/claims/exclusions.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/claims/lexicon.h"
#include "src/claims/units.h"
#include "src/claims/word_index.h"

namespace whosaid::claims {
namespace {

// "2000 people", "1800 troops": a year-like number followed by a plural
// noun is a count, unless the noun names dated events ("the 2020
// elections") or a preposition/determiner marks a date ("in 2019 floods").
bool YearLikeCount(const TokenWindow& win, const Quantity& q, uint32_t prev) {
  if (!q.noun_unit || !LooksPlural(q.noun)) return false;
  if (prev != UINT32_MAX) {
    static constexpr std::string_view kDateMarks[] = {
        "the",     "in",    "since",  "by",      "of",    "from",    "until",
        "before",  "after", "during", "for",     "to",    "through", "and",
        "'s",      "’s",    "its",    "their",   "his",   "her",     "this",
        "that",    "a",     "an",     "between", "year",  "fiscal",  "as",
        "initial", "final", "next",   "last",    "early", "late"};
    static const WordIndex date_marks = IndexWords(kDateMarks);
    if (date_marks.Contains(win.T(prev))) return false;
  }
  // In news, 1900-2039 before a plural is nearly always a year ("2016
  // contenders", "as 2016 approaches"); only nouns that are counted keep it.
  static constexpr std::string_view kCounted[] = {
      "people",    "persons",   "troops",    "soldiers",  "workers",
      "residents", "students",  "jobs",      "children",  "families",
      "homes",     "cases",     "deaths",    "patients",  "employees",
      "migrants",  "refugees",  "members",   "votes",     "voters",
      "tons",      "tonnes",    "acres",     "miles",     "police",
      "officers",  "civilians", "prisoners", "companies", "vehicles",
      "cars",      "houses",    "units",     "beds"};
  static const WordIndex counted = IndexWords(kCounted);
  if (counted.Contains(q.noun)) return true;
  return q.first.value < 1900 || q.first.value > 2039;
}

// "3:15" or "3 : 15" at token i: a chapter-and-verse pair.
bool ChapterVerseAt(const TokenWindow& win, uint32_t i) {
  std::string_view t = win.T(i);
  size_t colon = t.find(':');
  if (colon != std::string_view::npos && colon > 0 && colon + 1 < t.size()) {
    for (size_t k = 0; k < t.size(); ++k) {
      if (k != colon && !IsAsciiDigit(t[k])) return false;
    }
    return true;
  }
  return win.Tk(i).kind == TokenKind::kNumber && win.T(i + 1) == ":" &&
         i + 2 < win.se && win.Tk(i + 2).kind == TokenKind::kNumber;
}

// A photo gallery's counter word: "Image 1 of 3", "Caption 23 of 24".
bool IsGalleryWord(std::string_view w) {
  return IEq(w, "image") || IEq(w, "photo") || IEq(w, "photos") ||
         IEq(w, "caption") || IEq(w, "slide") || IEq(w, "picture");
}

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

// "No." or "Nos." right before token b (also across a sentence split).
bool AfterNumberSign(const TokenWindow& win, uint32_t b) {
  const Document& doc = *win.doc;
  std::string_view p = doc.TokenText(b - 1);
  if (IEq(p, "no.") || IEq(p, "nos.")) return doc.tokens[b - 1].capitalized;
  if (p == "." && b >= 2) {
    std::string_view w = doc.TokenText(b - 2);
    return (w == "No" || w == "Nos") &&
           doc.tokens[b - 2].span.end == doc.tokens[b - 1].span.begin;
  }
  return false;
}

// Nouns after a tally ("a 5-4 decision", "a 4-4 tie", "a 10-6 record").
bool IsTallyNoun(const TokenWindow& win, uint32_t k) {
  static constexpr std::string_view kNouns[] = {
      "decision", "vote",    "ruling", "tie",    "record", "win",
      "victory",  "loss",    "defeat", "margin", "split",  "majority",
      "score",    "verdict", "lead",   "finish", "season", "start"};
  static const WordIndex nouns = IndexWords(kNouns);
  return k < win.se && nouns.Contains(win.T(k));
}

// The marks around a quoted title ("\u201cThe 360\u201d"). Not
// base/chars.h's IsOpeningQuote / IsClosingQuote: those leave out the
// straight marks and the right single mark (ambiguous with an apostrophe in
// running text), which here, right around a title, are quote marks.
bool IsTitleOpeningMark(std::string_view w) {
  return w == "\u201c" || w == "\"" || w == "\u2018" || w == "'";
}
bool IsTitleClosingMark(std::string_view w) {
  return w == "\u201d" || w == "\"" || w == "\u2019" || w == "'";
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

// A label noun whose number names an item rather than counting: "phase
// two", "category three", "pages 82 or 122", "Stage 2", "chapter 11".
bool IsLabelNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "phase",    "stage",     "category", "level",     "tier",
      "chapter",  "section",   "article",  "page",      "pages",
      "pp.",      "p.",        "grade",    "episode",   "exhibit",
      "figure",   "fig.",      "table",    "appendix",  "paragraph",
      "clause",   "amendment", "route",    "highway",   "interstate",
      "precinct", "ward",      "district", "flight",    "gate",
      "terminal", "room",      "suite",    "apartment", "building",
      "channel"};
  static const WordIndex nouns = IndexWords(kNouns);
  return nouns.Contains(w);
}

// Street types that end an address after a house number ("7 West Drive").
bool IsStreetWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "street",  "st.",   "avenue", "ave.",      "ave",     "road",
      "rd.",     "drive", "dr.",    "boulevard", "blvd.",   "blvd",
      "lane",    "ln.",   "place",  "court",     "parkway", "pkwy.",
      "highway", "plaza", "square", "terrace",   "circle",  "way"};
  static const WordIndex words = IndexWords(kWords);
  return words.Contains(w);
}

// The value of token k when it is a plain integer in digits ("226",
// "1,237"); -1 otherwise.
double PlainIntAt(const TokenWindow& win, uint32_t k) {
  if (k < win.sb || k >= win.se || win.Tk(k).kind != TokenKind::kNumber) {
    return -1;
  }
  std::string_view t = win.T(k);
  if (t.empty() || t.size() > 9) return -1;
  double v = 0;
  for (char c : t) {
    if (c == ',') continue;
    if (!IsAsciiDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
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
    double v = PlainIntAt(win, k);
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

// A tally or score written "N to M" with N above M ("the House voted 226
// to 191", "they voted 16 to 0"): no range and no count. `a` and `b` are
// the two numbers' tokens; "from" or a change verb up to five words before
// makes "to" a target instead ("fell from a high of 20 to 15").
bool TallyPair(const TokenWindow& win, uint32_t a, uint32_t b) {
  double x = PlainIntAt(win, a), y = PlainIntAt(win, b);
  if (x < 0 || y < 0 || !(x > y) || b != a + 2 || !win.Is(a + 1, "to")) {
    return false;
  }
  for (uint32_t k = a; k > win.sb && k + 6 > a; --k) {
    if (win.Is(k - 1, "from") || FindChangeWord(win.T(k - 1))) return false;
  }
  // A unit after the second number ("20 to 15 percent") makes it a change.
  uint32_t e = b + 1;
  if (e < win.se && (win.T(e) == "%" || win.Is(e, "percent") ||
                     win.Is(e, "points") || win.Is(e, "per"))) {
    return false;
  }
  return e >= win.se || !win.IsWord(e) || IsStopWord(win.T(e)) ||
         win.Is(e, "vote") || win.Is(e, "votes");
}

// "N to M ratio" with `a` and `b` the two numbers' tokens.
bool RatioPair(const TokenWindow& win, uint32_t a, uint32_t b) {
  return b == a + 2 && win.Is(a + 1, "to") && PlainIntAt(win, a) >= 0 &&
         PlainIntAt(win, b) >= 0 && win.Is(b + 1, "ratio");
}

}  // namespace

bool Excluded(const TokenWindow& win, const Quantity& q) {
  const Number& n = q.first;
  uint32_t b = q.num_begin;
  uint32_t prev = b > win.sb ? b - 1 : UINT32_MAX;
  uint32_t nt = n.tok_end;
  bool has_unit = !q.unit.empty() || q.noun_unit;
  bool lex_unit = !q.unit.empty();
  // Times: "5 p.m.", "10 GMT".
  if (nt < win.se && IsTimeZone(win.T(nt))) return true;
  // Radio stations: "95.1 FM", "1510 AM".
  if (nt < win.se && (win.T(nt) == "FM" || win.T(nt) == "AM") && !has_unit) {
    return true;
  }
  // Dates: "December 11", "Dec. 11, 2017", "28 Dec".
  bool day_like = n.plain_int && n.value >= 1 && n.value <= 31;
  bool year_like =
      n.plain_int && n.int_digits == 4 && n.value >= 1600 && n.value <= 2100;
  // The splitter may end a sentence after "Sept." — look across it.
  uint32_t dprev = b > 0 ? b - 1 : UINT32_MAX;
  if (dprev != UINT32_MAX && win.doc->tokens[dprev].capitalized &&
      IsMonth(win.doc->TokenText(dprev)) && (day_like || year_like) &&
      !q.currency) {
    return true;
  }
  if (day_like && nt < win.se && win.Tk(nt).capitalized && IsMonth(win.T(nt))) {
    return true;
  }
  if (day_like && win.Is(nt, "of") && nt + 1 < win.se &&
      win.Tk(nt + 1).capitalized && IsMonth(win.T(nt + 1))) {
    return true;
  }
  // Years: 4-digit integers in date range, unless clearly a quantity.
  if (year_like && !q.currency && !lex_unit && !q.first.scaled) {
    bool keep = (!q.approx_symbol.empty() && q.noun_unit) ||
                YearLikeCount(win, q, prev);
    if (!keep) return true;
  }
  if (n.is_range && n.plain_int && n.int_digits == 4 && n.value >= 1600 &&
      n.value <= 2100 && !q.currency && !lex_unit) {
    return true;  // "2015-2017"
  }
  // A win-loss record or a vote tally written as a range: "the 49ers were
  // 2-14", "went 10-6", "a 2-7 record", "a 3-6 vote".
  if (q.is_range && n.plain_int && !has_unit && !q.currency &&
      n.int_digits <= 2 && q.low < 100 && q.high < 100 &&
      ((prev != UINT32_MAX &&
        (win.Is(prev, "were") || win.Is(prev, "was") || win.Is(prev, "went") ||
         win.Is(prev, "are") || win.Is(prev, "is") ||
         win.Is(prev, "finished") || win.Is(prev, "record"))) ||
       IsTallyNoun(win, nt))) {
    return true;
  }
  // A ratio written as a range: "a 17 to 1 ratio", "a 3-1 ratio" (the
  // labelling rules: ratios are no quantities).
  if (q.is_range && !q.currency && !lex_unit) {
    for (uint32_t k = b + 1; k < win.se && k <= q.tok_end && k < b + 6; ++k) {
      if (win.Is(k, "ratio")) return true;
    }
  }
  // A quoted title: "“The 360” shows ...".
  if (!has_unit && !n.from_words && prev != UINT32_MAX && prev > win.sb &&
      win.T(prev) == "The" && IsTitleOpeningMark(win.T(prev - 1)) &&
      nt < win.se && IsTitleClosingMark(win.T(nt))) {
    return true;
  }
  // Named numbers: "Section 427", "Boeing 737", "Big 12", "No. 1".
  // A sentence's first word is capitalised anyway: "Add 2 cups" is no name
  // when a unit or a scale follows ("Perhaps 2m people").
  bool initial_word = prev == win.sb && (lex_unit || n.scaled);
  // "No. 1 finishes": the splitter may end a sentence after "No.".
  if (prev == UINT32_MAX && b > 0 && !n.from_words && !q.currency &&
      AfterNumberSign(win, b)) {
    return true;
  }
  // "Hand Sanitizer 75% Alcohol": a percentage is no name's number.
  if (prev != UINT32_MAX && !n.from_words && b == q.num_begin && !q.currency &&
      !initial_word && q.unit != "percent") {
    const Token& p = win.Tk(prev);
    std::string_view pt = win.T(prev);
    if (pt == "#" || IEq(pt, "no.") || IEq(pt, "nos.") || IEq(pt, "no")) {
      if (pt != "no" || (win.Tk(prev).capitalized)) return true;
    }
    if ((p.kind == TokenKind::kWord || p.kind == TokenKind::kNumber) &&
        (p.capitalized || p.all_caps) && p.kind == TokenKind::kWord &&
        pt.find('\'') == std::string_view::npos &&
        pt.find("\u2019") == std::string_view::npos && !IEq(pt, "i") &&
        !IsFunctionWord(pt) && !IsMonth(pt) && !FindChangeWord(pt)) {
      if (!IsModifierSurface(pt)) return true;
    }
    // "the 49ers" are words already; "Apollo-11" is one word token.
  }
  // Chapter and verse: "1 Peter 3:15", "2 Kings 5:1".
  if (n.plain_int && n.value >= 1 && n.value <= 4 && !has_unit &&
      nt + 1 < win.se && win.IsWord(nt) && win.Tk(nt).capitalized &&
      ChapterVerseAt(win, nt + 1)) {
    return true;
  }
  // A capitalised number word inside a name: "the Central Park Five", "the
  // Little Rock Nine" (not at the sentence start, after a capitalised word).
  if (n.from_words && win.Tk(b).capitalized && !win.Tk(b).all_caps &&
      prev != UINT32_MAX && win.IsWord(prev) && win.Tk(prev).capitalized &&
      !IsFunctionWord(win.T(prev)) && !IsMonth(win.T(prev))) {
    return true;
  }
  // "a One Health approach", "of One Direction fame": a capitalised "One"
  // inside a sentence before another capitalised word is a name.
  if (n.only_one && win.Tk(b).capitalized && !win.Tk(b).all_caps &&
      prev != UINT32_MAX && win.IsWord(prev) && nt < win.se && win.IsWord(nt) &&
      win.Tk(nt).capitalized) {
    return true;
  }
  // "the Gang of Eight", "the Group of Seven": a capitalised number word
  // after "of" and a capitalised word (inside a sentence).
  if (n.from_words && win.Tk(b).capitalized && !win.Tk(b).all_caps &&
      prev != UINT32_MAX && prev > win.sb + 1 && win.Is(prev, "of") &&
      win.IsWord(prev - 1) && win.Tk(prev - 1).capitalized &&
      !win.Tk(prev - 1).all_caps && !IsFunctionWord(win.T(prev - 1))) {
    return true;
  }
  // Gallery counters: "Image 1 of 3", "Hide Caption 23 of 24 Photos".
  if (n.plain_int && !lex_unit && prev != UINT32_MAX) {
    if (IsGalleryWord(win.T(prev)) && win.Is(nt, "of")) return true;
    uint32_t k = prev;
    if (win.T(k) == "/" && k > win.sb) --k;
    if (k >= win.sb + 2 && win.Is(k, "of") &&
        win.Tk(k - 1).kind == TokenKind::kNumber &&
        IsGalleryWord(win.T(k - 2))) {
      return true;
    }
  }
  // "The Five" (a show) inside a sentence: a name.
  if (n.from_words && win.Tk(b).capitalized && !win.Tk(b).all_caps &&
      prev != UINT32_MAX && prev > win.sb && win.T(prev) == "The" &&
      (nt >= win.se || !win.IsWord(nt) || IsStopWord(win.T(nt)))) {
    return true;
  }
  // "401(k)", "501(c)(3)": a code, the bracket glued to the digits.
  if (n.plain_int && nt + 2 < win.se && win.T(nt) == "(" &&
      win.Tk(nt).span.begin == win.Tk(nt - 1).span.end &&
      win.T(nt + 1).size() == 1 && win.T(nt + 2) == ")") {
    return true;
  }
  // An identifier after "number": "speech number 17", "number one"; a
  // rank before a noun ("the number one priority", "number 1 seed").
  if (prev != UINT32_MAX && IEq(win.T(prev), "number") &&
      (!has_unit || (q.noun_unit && n.value == 1 && !q.is_range)) &&
      (n.plain_int || n.from_words)) {
    return true;
  }
  // An item's label: "phase two", "category three", "pages 82 or 122"
  // (the number names the item; "two phases" would count them).
  if (prev != UINT32_MAX && (n.plain_int || n.from_words) && !q.currency &&
      !lex_unit && !win.Tk(b).capitalized && IsLabelNoun(win.T(prev)) &&
      !q.noun_unit) {
    return true;
  }
  // A house number: "7 West Drive", "1600 Pennsylvania Avenue" (not "3
  // Wall Street banks").
  if (n.plain_int && !n.is_range && !lex_unit && !q.currency) {
    for (uint32_t k = nt; k < win.se && k < nt + 3; ++k) {
      if (!win.IsWord(k) || !win.Tk(k).capitalized) break;
      if (k > nt && IsStreetWord(win.T(k))) {
        bool counted = k + 1 < win.se && win.IsWord(k + 1) &&
                       AllLowerAlpha(win.T(k + 1)) && LooksPlural(win.T(k + 1));
        if (!counted) return true;
      }
    }
  }
  // Tallies and scores: "voted 226 to 191" (both numbers).
  if (!n.is_range && !q.is_range && !lex_unit && !q.currency &&
      (TallyPair(win, b, b + 2) ||
       (prev != UINT32_MAX && prev > win.sb && TallyPair(win, prev - 1, b)))) {
    return true;
  }
  // "a 17 to 1 ratio": both numbers of a ratio are no claims.
  if (!n.is_range && !q.is_range && !lex_unit && !q.currency &&
      (RatioPair(win, b, b + 2) ||
       (prev != UINT32_MAX && prev > win.sb && RatioPair(win, prev - 1, b)))) {
    return true;
  }
  // "a 911 call", "called 911": the emergency number.
  if (n.plain_int && !n.is_range && n.value == 911 && !lex_unit &&
      win.T(b) == "911") {
    return true;
  }
  // A list marker closed by a bracket alone: "components: 1) the
  // importance of ..., 2) ..." (no opening bracket before it).
  if (n.plain_int && !has_unit && n.value < 10 && nt < win.se &&
      win.T(nt) == ")" && !(prev != UINT32_MAX && win.T(prev) == "(") &&
      (prev == UINT32_MAX || win.T(prev) == ":" || win.T(prev) == ";" ||
       win.T(prev) == "," || win.T(prev) == ".")) {
    return true;
  }
  // "one by one", "one to one", "one on one": idioms, no count.
  if (n.only_one && !q.is_range && nt + 1 < win.se &&
      (win.Is(nt, "by") || win.Is(nt, "on") || win.Is(nt, "to")) &&
      IEq(win.T(nt + 1), "one")) {
    return true;
  }
  // An abbreviated year: "after '88", "the ’90s".
  if (prev != UINT32_MAX && n.plain_int && n.int_digits == 2 &&
      (win.T(prev) == "'" || win.T(prev) == "\u2019") &&
      win.Tk(prev).span.end == win.Tk(b).span.begin &&
      (prev == win.sb || win.Tk(prev - 1).span.end < win.Tk(prev).span.begin)) {
    return true;
  }
  // "a decade or two", "a day or two": no count, a vague span.
  if (n.from_words && n.value == 2 && !n.is_range && prev != UINT32_MAX &&
      prev > win.sb && win.Is(prev, "or") &&
      (IsPeriodWord(win.T(prev - 1)) || win.Is(prev - 1, "decade") ||
       win.Is(prev - 1, "century") || win.Is(prev - 1, "generation"))) {
    return true;
  }
  // List numbering: "1." or "2)" opening a sentence; "(3)" alone.
  if (b == win.sb && !has_unit && nt < win.se &&
      (win.T(nt) == "." || win.T(nt) == ")")) {
    return true;
  }
  if (prev != UINT32_MAX && (win.T(prev) == "(" || win.T(prev) == "[") &&
      (win.Is(nt, ")") || win.Is(nt, "]")) && !has_unit && n.plain_int) {
    return true;  // "(3)", a citation mark "[6]"
  }
  // Idioms made with a number word: "two-faced", "one-sided", "two-state".
  if (n.from_words && n.suffix_hyphen && !n.suffix.empty()) {
    // "a one-time neurosurgeon": former; "two-time" is a count.
    if (n.value == 1 && IEq(win.doc->Text(n.suffix), "time")) return true;
    // "a two-track policy", "a two-party system" count tracks and parties
    // (the labelling rules read such compounds as counts).
    static constexpr std::string_view kIdioms[] = {
        "faced", "sided", "way", "off", "state", "handed", "edged", "liner",
        "horse", "stop", "size", "shot", "dimensional", "on-one", "upmanship",
        "size-fits-all",
        // "a one-two punch", "a zero-sum game", "zero-tolerance policing".
        "two", "sum", "tolerance"};
    static const WordIndex idioms = IndexWords(kIdioms);
    if (idioms.Contains(win.doc->Text(n.suffix))) return true;
  }
  // "a fifth column", "a third term": an ordinal after "a" before a noun,
  // not a fraction ("a third of", "a third were women" stay fractions).
  if (n.from_words && n.tok_end == b + 2 &&
      (win.Is(b, "a") || win.Is(b, "an")) && FindFraction(win.T(b + 1)) &&
      nt < win.se && win.IsWord(nt) && AllLowerAlpha(win.T(nt)) &&
      !IsStopWord(win.T(nt))) {
    return true;
  }
  // The bare word "one": a pronoun in "the one who", "no one", "one
  // another", and in the partitive "one of the N" (the claim there is N);
  // a quantity in "one soldier".
  if (n.only_one && q.unit.empty() && !q.is_range) {
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
    if (win.Is(prev, "by") &&
        (win.Is(nt, "estimate") || win.Is(nt, "account") ||
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
            (IsDeterminer(o) || IEq(o, "that") || IEq(o, "it") ||
             IEq(o, "him") || IEq(o, "her") || IEq(o, "them") ||
             IEq(o, "some"))) {
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
      bool only_before = prev != UINT32_MAX &&
                         (win.Is(prev, "only") || win.Is(prev, "just") ||
                          win.Is(prev, "even") || win.Is(prev, "single"));
      // (The counted phrase may hold the participle: "citizen beheaded".)
      bool casualty =
          (q.tok_end < win.se && IsCasualtyWord(win.T(q.tok_end))) ||
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
         win.Is(prev, "another") || win.Is(prev, "last") ||
         win.Is(prev, "big") || win.Is(prev, "new") || win.Is(prev, "right") ||
         win.Is(prev, "little"))) {
      return true;
    }
    if (!q.noun_unit && BareCountFollows(win, nt) &&
        ParallelBareCount(win, b)) {
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
        win.Is(nt, "does") || win.Is(nt, "has") || win.Is(nt, "and") ||
        win.Is(nt, "or") || win.Is(nt, "in") || win.Is(nt, "on") ||
        win.Is(nt, "at") || win.Is(nt, "to") || win.Is(nt, "for")) {
      return true;
    }
    if (!q.noun_unit) return true;
  }
  return false;
}

}  // namespace whosaid::claims
