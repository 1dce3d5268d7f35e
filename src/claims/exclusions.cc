#include "src/claims/exclusions.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "src/claims/bare_one.h"
#include "src/claims/context_rules.h"
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

// A label noun whose number names an item rather than counting: "phase
// two", "category three", "pages 82 or 122", "Stage 2", "chapter 11".
bool IsLabelNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "phase",      "stage",     "category", "level",     "tier",     "chapter",
      "section",    "article",   "page",     "pages",     "pp.",      "p.",
      "grade",      "episode",   "exhibit",  "figure",    "fig.",     "table",
      "appendix",   "paragraph", "clause",   "amendment", "route",    "highway",
      "interstate", "precinct",  "ward",     "district",  "flight",   "gate",
      "terminal",   "room",      "suite",    "apartment", "building", "channel",
      "speaker",    "season",    "round",    "volume"};
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

// A tally or score written "N to M" with N above M ("the House voted 226
// to 191", "they voted 16 to 0"): no range and no count. `a` and `b` are
// the two numbers' tokens; "from" or a change verb up to five words before
// makes "to" a target instead ("fell from a high of 20 to 15").
bool TallyPair(const TokenWindow& win, uint32_t a, uint32_t b) {
  double x = win.PlainIntAt(a), y = win.PlainIntAt(b);
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
  return b == a + 2 && win.Is(a + 1, "to") && win.PlainIntAt(a) >= 0 &&
         win.PlainIntAt(b) >= 0 && win.Is(b + 1, "ratio");
}

}  // namespace

bool Excluded(const TokenWindow& win, const Quantity& q) {
  const Number& n = q.first;
  uint32_t b = q.num_begin;
  uint32_t prev = b > win.sb ? b - 1 : UINT32_MAX;
  uint32_t nt = n.tok_end;
  bool has_unit = !q.unit.empty() || q.noun_unit;
  bool lex_unit = !q.unit.empty();
  // "pubId=1155968404", "images/1155968404_5047136732001.jpg": no quantity.
  if (InWebIdentifier(win, win.Tk(b).span.begin, n.byte_end)) return true;
  // Codes, clock times and labels with a leading zero: "007", "0400".
  if (n.plain_int && win.Tk(n.tok_begin).kind == TokenKind::kNumber &&
      LeadingZeroCode(win.T(n.tok_begin))) {
    return true;
  }
  // Titles: "an interview on \u201c60 Minutes\u201d"; "a Third World country".
  if (n.plain_int && TitleTimeUnit(win, n.tok_begin, nt)) return true;
  if (CapitalisedFractionInName(win, n.tok_begin, nt)) return true;
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
      (win.T(prev) == "'" || win.T(prev) == "\u2019" ||
       win.T(prev) == "\u2018") &&
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
    return BareOneExcluded(win, q);
  }
  return false;
}

}  // namespace whosaid::claims
