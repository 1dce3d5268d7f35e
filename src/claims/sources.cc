#include "src/claims/sources.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/base/chars.h"
#include "src/claims/context_rules.h"
#include "src/claims/lexicon.h"
#include "src/entities/lexicon.h"

namespace whosaid::claims {
namespace {

// A mention that is one pronoun ("she", "they", "which").
bool IsBarePronoun(const Document& doc, Span mention) {
  std::string_view text = doc.Text(mention);
  if (text.empty() || text.size() > 8) return false;
  return lex::PronounOf(AsciiLower(text)) != lex::PronounKind::kNone;
}

// A mention that is one "it", "this" or "that": a pronoun that stands for
// a thing (a picture, a study) as often as for a body. Unresolved, it names
// no source at all.
bool IsThingPronoun(const Document& doc, Span mention) {
  std::string_view text = doc.Text(mention);
  if (text.size() > 4) return false;
  std::string lower = AsciiLower(text);
  return lower == "it" || lower == "this" || lower == "that";
}

std::string SourceNameFor(const Document& doc, Span s) {
  // Prefer entity mentions inside the span; after an appositive comma,
  // the name that follows ("the commander ..., Gen. X Y").
  std::string joined;
  uint32_t after_comma = s.begin;
  std::string_view text = doc.Text(s);
  size_t comma = text.rfind(',');
  if (comma != std::string_view::npos) {
    after_comma = s.begin + static_cast<uint32_t>(comma);
  }
  for (int pass = 0; pass < 2 && joined.empty(); ++pass) {
    uint32_t from = pass == 0 ? after_comma : s.begin;
    for (const Entity& e : doc.entities) {
      if (e.span.begin < from || e.span.end > s.end) continue;
      if (e.label != EntityLabel::kPerson && e.label != EntityLabel::kOrg) {
        continue;
      }
      std::string name;
      if (e.group >= 0 && static_cast<size_t>(e.group) < doc.groups.size() &&
          !doc.groups[e.group].canonical.empty()) {
        name = doc.groups[e.group].canonical;
      } else {
        name.assign(doc.Text(e.span));
      }
      if (!joined.empty()) joined += " and ";
      joined += name;
    }
  }
  if (!joined.empty()) return joined;
  return std::string(text);
}

// "according to X": the NP after it, to the clause end; an appositive
// name after a comma is kept; "statements by X" gives X.
Span AccordingTo(const ClaimsOptions& opt, const Document& doc,
                 const Sentence& s) {
  uint32_t sb = s.token_begin;
  uint32_t se = std::min<uint32_t>(s.token_end, doc.tokens.size());
  for (uint32_t k = sb; k + 2 < se; ++k) {
    if (doc.tokens[k].span.size() != 9 ||  // cheap pre-test of the next line
        !IEq(doc.TokenText(k), "according") ||
        !IEq(doc.TokenText(k + 1), "to")) {
      continue;
    }
    uint32_t b = k + 2;
    uint32_t e = b;
    uint32_t limit = std::min<uint32_t>(se, b + opt.max_source_tokens);
    while (e < limit) {
      const Token& t = doc.tokens[e];
      std::string_view w = doc.TokenText(e);
      if (t.kind == TokenKind::kQuote) break;
      if (t.kind == TokenKind::kPunct) {
        if (w == ",") {
          if (e + 1 < se && doc.tokens[e + 1].capitalized &&
              doc.tokens[e + 1].kind == TokenKind::kWord) {
            ++e;
            continue;
          }
          break;
        }
        if (w == "-") {
          ++e;
          continue;
        }
        break;
      }
      if (t.kind == TokenKind::kWord && !t.capitalized &&
          (IEq(w, "that") || IEq(w, "which") || IEq(w, "who") ||
           IEq(w, "said") || IEq(w, "says"))) {
        break;
      }
      ++e;
    }
    if (e <= b) continue;
    // Holder of a statement: after the last "by".
    for (uint32_t j = e; j > b; --j) {
      if (IEq(doc.TokenText(j - 1), "by") && j < e) {
        b = j;
        break;
      }
    }
    if (b < e &&
        (IEq(doc.TokenText(b), "both") || IEq(doc.TokenText(b), "either"))) {
      ++b;
    }
    if (b >= e) continue;
    return {doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
  }
  return {};
}

// True when `at` lies inside quotation marks opened after `from` (an odd
// number of double quotation marks between them).
bool InsideQuoteMarks(const Document& doc, uint32_t from, uint32_t at) {
  std::string_view t = std::string_view(doc.text).substr(from, at - from);
  int marks = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"') {
      ++marks;
    } else if (t[i] == '\xE2' && i + 2 < t.size() && t[i + 1] == '\x80' &&
               (t[i + 2] == '\x9C' || t[i + 2] == '\x9D')) {
      ++marks;  // “ ”
    } else if (t[i] == '\xC2' && i + 1 < t.size() &&
               (t[i + 1] == '\xAB' || t[i + 1] == '\xBB')) {
      ++marks;  // « »
    }
  }
  return marks % 2 == 1;
}

// An age in reported speech ("his mother said the 23-year-old had left")
// describes someone in the reporter's words, not the speaker's claim; in
// the speaker's own quoted words it is theirs.
bool IsReportersAge(const Document& doc, const Claim& c, const Attribution& a) {
  return c.unit == "year of age" && a.kind != QuoteKind::kDirect &&
         !InsideQuoteMarks(doc, a.content.begin, c.span.begin) &&
         !ComparedAgeText(doc.text, c.span.begin, c.span.end) &&
         !ClauseAgeText(doc.text, c.span.begin);
}

// Verbs of judging a deed. Praising, thanking, blaming or mocking someone
// "for" what they did takes the deed as given (presupposed, not asserted),
// so a number in the reported content of such a cue ("praising him for
// spending $150 million") is the writer's statement, not the judge's claim.
// Verbs that assert the deed ("accuse", "allege", "credit ... with") are
// claims and are not here. Closed list by meaning; inflected forms listed.
constexpr std::string_view kJudgingCueWords[] = {
    "applaud",      "applauded",     "applauding",    "applauds",
    "berate",       "berated",       "berates",       "berating",
    "blame",        "blamed",        "blames",        "blaming",
    "chide",        "chided",        "chides",        "chiding",
    "commend",      "commended",     "commending",    "commends",
    "condemn",      "condemned",     "condemning",    "condemns",
    "congratulate", "congratulated", "congratulates", "congratulating",
    "criticise",    "criticised",    "criticises",    "criticising",
    "criticize",    "criticized",    "criticizes",    "criticizing",
    "deride",       "derided",       "derides",       "deriding",
    "hail",         "hailed",        "hailing",       "hails",
    "lambaste",     "lambasted",     "lambastes",     "lambasting",
    "laud",         "lauded",        "lauding",       "lauds",
    "mock",         "mocked",        "mocking",       "mocks",
    "praise",       "praised",       "praises",       "praising",
    "rebuke",       "rebuked",       "rebukes",       "rebuking",
    "ridicule",     "ridiculed",     "ridicules",     "ridiculing",
    "scold",        "scolded",       "scolding",      "scolds",
    "slam",         "slammed",       "slamming",      "slams",
    "thank",        "thanked",       "thanking",      "thanks",
};

// Whether `pred` holds for a word (a run of ASCII letters) of the cue.
template <typename Pred>
bool AnyCueWord(std::string_view cue, Pred pred) {
  size_t i = 0;
  while (i < cue.size()) {
    while (i < cue.size() && !IsAsciiAlpha(cue[i])) ++i;
    const size_t b = i;
    while (i < cue.size() && IsAsciiAlpha(cue[i])) ++i;
    if (i > b && pred(cue.substr(b, i - b))) return true;
  }
  return false;
}

// True when a word of the cue is a verb of judging a deed.
bool IsJudgingCue(std::string_view cue) {
  return AnyCueWord(
      cue, [](std::string_view w) { return InList(kJudgingCueWords, w); });
}

// Whether a cue states or proposes something: a verb of saying, writing,
// finding, estimating, believing, or of proposing and demanding ("said",
// "estimated", "found", "believes", "has proposed", "called for"), or
// punctuation standing for one (a colon, a dash). An action ("approved",
// "agreed", "signed", "pleaded guilty") holds numbers the writer states.
// Words are matched by their start, so inflections need no listing.
bool IsStatingCue(std::string_view cue) {
  static constexpr std::string_view kStems[] = {
      "say",      "said",     "tell",    "told",      "stat",     "report",
      "estimat",  "find",     "found",   "show",      "project",  "predict",
      "claim",    "note",     "noting",  "add",       "writ",     "wrote",
      "argu",     "announc",  "testif",  "tweet",     "explain",  "insist",
      "assert",   "acknowl",  "admit",   "confirm",   "warn",     "suggest",
      "calculat", "put",      "accord",  "believ",    "think",    "thought",
      "expect",   "forecast", "indicat", "reveal",    "alleg",    "accus",
      "cite",     "citing",   "disclos", "point",     "boast",    "brag",
      "tout",     "complain", "conced",  "conclud",   "determin", "measur",
      "count",    "recall",   "recount", "describ",   "remark",   "stress",
      "emphasi",  "respond",  "repl",    "ask",       "declar",   "contend",
      "maintain", "discover", "learn",   "rank",      "record",   "list",
      "propos",   "call",     "urg",     "demand",    "pledg",    "promis",
      "push",     "plan",     "request", "seek",      "sought",   "recommend",
      "vow",      "includ",   "post",    "publish",   "releas",   "counter",
      "dispute",  "deni",     "deny",    "question",  "doubt",    "guess",
      "figur",    "peg",      "pegg",    "quot",      "data",     "survey",
      "poll",     "study",    "analys",  "according", "document", "unveil",
      "laid",     "lay",      "want",    "support",   "repeat",   "hint"};
  if (cue.find(':') != std::string_view::npos ||
      cue.find("\xE2\x80\x94") != std::string_view::npos ||
      cue.find("\xE2\x80\x95") != std::string_view::npos ||
      cue.find("\xE2\x80\x93") != std::string_view::npos ||
      cue.find('-') != std::string_view::npos) {
    return true;
  }
  return AnyCueWord(cue, [](std::string_view word) {
    std::string w;
    for (char c : word) w.push_back(static_cast<char>(c | 0x20));
    for (std::string_view stem : kStems) {
      if (w.starts_with(stem)) return true;
    }
    return false;
  });
}

// A number in the reported (not quoted) content of a judging cue: the
// writer's gloss on the deed judged, so no source of the cue's speaker.
bool IsJudgedDeed(const Document& doc, const Claim& c, const Attribution& a) {
  return a.kind != QuoteKind::kDirect && !a.cue.empty() &&
         IsJudgingCue(doc.Text(a.cue)) &&
         !InsideQuoteMarks(doc, a.content.begin, c.span.begin);
}

}  // namespace

void AssignSources(const ClaimsOptions& opt, Document* d) {
  Document& doc = *d;
  if (doc.claims.empty()) return;
  size_t si = 0;
  Span acc;
  size_t acc_sentence = SIZE_MAX;
  // Quotes are sorted by content start, claims by position: the quotes that
  // can hold a claim start at most `longest` bytes before it, so each claim
  // looks back over those only (no scan from the first quote per claim).
  size_t longest = 0;
  for (const Attribution& a : doc.quotes) {
    longest = std::max<size_t>(longest, a.content.size());
  }
  size_t next_quote = 0;  // first quote starting after the current claim
  for (Claim& c : doc.claims) {
    while (next_quote < doc.quotes.size() &&
           doc.quotes[next_quote].content.begin <= c.span.begin) {
      ++next_quote;
    }
    // The innermost quote content (or one of its parts) holding the claim:
    // in "ANCHOR: He says that 15 were there" the number is his.
    int32_t holder = -1;
    for (size_t qi = next_quote; qi-- > 0;) {
      const Attribution& a = doc.quotes[qi];
      if (a.content.begin + longest < c.span.begin) break;
      bool inside =
          c.span.begin >= a.content.begin && c.span.end <= a.content.end;
      if (inside && !a.parts.empty()) {
        inside = false;
        for (const Span& p : a.parts) {
          if (c.span.begin >= p.begin && c.span.end <= p.end) inside = true;
        }
      }
      if (!inside) continue;
      if (holder < 0 || a.content.size() <= doc.quotes[holder].content.size()) {
        holder = static_cast<int32_t>(qi);
      }
    }
    if (holder >= 0 && !IsReportersAge(doc, c, doc.quotes[holder]) &&
        !IsJudgedDeed(doc, c, doc.quotes[holder]) &&
        (doc.quotes[holder].kind == QuoteKind::kDirect ||
         doc.quotes[holder].cue.empty() ||
         IsStatingCue(doc.Text(doc.quotes[holder].cue)) ||
         InsideQuoteMarks(doc, doc.quotes[holder].content.begin,
                          c.span.begin))) {
      const Attribution& a = doc.quotes[holder];
      c.attribution = holder;
      // An unresolved "it" or "this" is no source rather than a wrong one.
      if (a.speaker_name.empty() && !a.speaker.empty() &&
          IsThingPronoun(doc, a.speaker)) {
        continue;
      }
      c.source = a.speaker;
      if (!a.speaker_name.empty()) {
        c.source_name = a.speaker_name;
      } else if (!a.speaker.empty() && !IsBarePronoun(doc, a.speaker)) {
        // "The minister": the mention is the best name there is. An
        // unresolved "she" or "which" names no one: no source_name.
        c.source_name.assign(doc.Text(a.speaker));
      }
    }
    if (c.attribution >= 0) continue;
    while (si < doc.sentences.size() &&
           doc.sentences[si].span.end <= c.span.begin) {
      ++si;
    }
    if (si >= doc.sentences.size()) continue;
    if (acc_sentence != si) {
      acc = AccordingTo(opt, doc, doc.sentences[si]);
      acc_sentence = si;
    }
    if (!acc.empty() && (c.span.end <= acc.begin || c.span.begin >= acc.end)) {
      c.source = acc;
      c.source_name = SourceNameFor(doc, acc);
    }
  }
}

}  // namespace whosaid::claims
