#include "src/attribution/nominal_reports.h"

#include <string>

#include "src/attribution/feature_util.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {
namespace {

using internal::kAllCaps;
using internal::kCap;
using internal::kLower;
using mention::IsPossessiveMark;
using mention::IsPossessivePronoun;
using mention::LowerToken;

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" ||
         w == "these" || w == "those";
}

// Words before "'s" that make it a clitic ("It's", "What's", "He's").
bool IsCliticHost(std::string_view w) {
  return w == "it" || w == "that" || w == "what" || w == "there" ||
         w == "here" || w == "he" || w == "she" || w == "who" || w == "this" ||
         w == "where" || w == "let";
}

// Words after "that" that make it a relative pronoun ("the message that
// was sent", "a claim that has been debunked").
bool IsAuxiliary(std::string_view w) {
  static constexpr std::string_view kAux[] = {
      "is",   "was",   "are",  "were",  "be",  "been",  "has",
      "have", "had",   "will", "would", "can", "could", "should",
      "may",  "might", "must", "does",  "did", "do",    "shall"};
  for (std::string_view a : kAux) {
    if (w == a) return true;
  }
  return false;
}

// The possessor ending at token `end` (a possessive pronoun or mark), or
// none.
TSpan Possessor(const Document& d, const DocView& v, int end, int sent_b) {
  const std::string w = LowerToken(d, end);
  if (IsPossessivePronoun(w)) return TSpan{end, end};
  if (!IsPossessiveMark(d, end) || end - 1 < sent_b) return TSpan{};
  int b = end;
  // A run of capitalised words ("Donald Trump", "North Korea").
  while (b - 1 >= sent_b && end - b < 6 &&
         (v.cls[b - 1] == kCap || v.cls[b - 1] == kAllCaps)) {
    --b;
  }
  if (b < end) {
    if (b == end - 1 && IsCliticHost(LowerToken(d, b))) return TSpan{};
    if (b - 1 >= sent_b && LowerToken(d, b - 1) == "the") --b;
    return TSpan{b, end};
  }
  // "the mayor's", "the city council's".
  while (b - 1 >= sent_b && end - b < 3 && v.cls[b - 1] == kLower &&
         !IsDeterminer(LowerToken(d, b - 1))) {
    --b;
  }
  if (b < end && b - 1 >= sent_b && LowerToken(d, b - 1) == "the") {
    return TSpan{b - 1, end};
  }
  return TSpan{};
}

}  // namespace

bool IsReportingNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {"claim",
                                                "claims",
                                                "assertion",
                                                "assertions",
                                                "allegation",
                                                "allegations",
                                                "accusation",
                                                "accusations",
                                                "argument",
                                                "arguments",
                                                "warning",
                                                "warnings",
                                                "promise",
                                                "promises",
                                                "pledge",
                                                "pledges",
                                                "insistence",
                                                "admission",
                                                "suggestion",
                                                "suggestions",
                                                "belief",
                                                "beliefs",
                                                "statement",
                                                "statements",
                                                "announcement",
                                                "contention",
                                                "assurance",
                                                "assurances",
                                                "charge",
                                                "charges",
                                                "complaint",
                                                "complaints",
                                                "fear",
                                                "fears",
                                                "hope",
                                                "hopes",
                                                "concern",
                                                "concerns",
                                                "notion",
                                                "view",
                                                "idea",
                                                "theory",
                                                "remark",
                                                "remarks",
                                                "comment",
                                                "comments",
                                                "denial",
                                                "denials",
                                                "acknowledgment",
                                                "acknowledgement",
                                                "prediction",
                                                "predictions",
                                                "vow",
                                                "vows",
                                                "threat",
                                                "threats",
                                                "boast",
                                                "boasts",
                                                "report",
                                                "reports",
                                                "speculation",
                                                "impression",
                                                "assumption",
                                                "assessment",
                                                "conclusion",
                                                "finding",
                                                "findings",
                                                "estimate",
                                                "estimates",
                                                "message",
                                                "point",
                                                "insinuation",
                                                "declaration",
                                                "recommendation",
                                                "reminder"};
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

void FindNominalReports(const Document& d, const DocView& v,
                        std::vector<NominalReport>* out) {
  out->clear();
  for (const Sentence& s : d.sentences) {
    const int sb = static_cast<int>(s.token_begin);
    const int se = static_cast<int>(s.token_end);
    for (int i = sb + 1; i + 2 < se; ++i) {
      if (v.cls[i] != kLower || v.h[i + 1] != internal::kThat ||
          v.cls[i + 1] != kLower || !IsReportingNoun(LowerToken(d, i))) {
        continue;
      }
      const TokenKind next = d.tokens[i + 2].kind;
      if (next != TokenKind::kWord && next != TokenKind::kNumber &&
          next != TokenKind::kQuote) {
        continue;
      }
      if (IsAuxiliary(LowerToken(d, i + 2))) continue;
      NominalReport r;
      r.cue = TSpan{i, i};
      r.that = i + 1;
      r.source = Possessor(d, v, i - 1, sb);
      if (r.source.none() && i - 2 >= sb && v.cls[i - 1] == kLower &&
          !IsDeterminer(LowerToken(d, i - 1)) &&
          !IsPossessivePronoun(LowerToken(d, i - 1))) {
        r.cue.b = i - 1;  // "Trump's recent claim that"
        r.source = Possessor(d, v, i - 2, sb);
      }
      if (r.source.none()) continue;
      out->push_back(r);
    }
  }
}

void AddNominalReports(const AttributionModel& model, const DecodeLimits& lim,
                       const DocView& v, const std::vector<TSpan>& cues,
                       std::vector<Candidate*>* kept,
                       std::vector<NominalReport>* found,
                       std::vector<Scored>* nbest,
                       std::vector<Candidate>* out) {
  out->clear();
  FindNominalReports(*v.doc, v, found);
  if (found->empty()) return;
  DecodeLimits wide = lim;
  wide.content_nbest = lim.top_k;
  auto touches = [](const Candidate& a, const Candidate& b) {
    for (TSpan x : {a.cue, a.content, a.source}) {
      for (TSpan y : {b.cue, b.content, b.source}) {
        if (Overlaps(x, y)) return true;
      }
    }
    return false;
  };
  for (const NominalReport& r : *found) {
    bool free = true;
    for (const TSpan& cue : cues) {
      if (Overlaps(cue, r.cue) || Overlaps(cue, r.source)) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    model.DecodeContentFast(v, r.cue, wide, nbest);
    Candidate c;
    for (const Scored& n : *nbest) {
      if (n.span.b == r.that &&
          n.span.e - n.span.b + 1 >= lim.rescue_min_content_tokens) {
        c.content = n.span;
        break;
      }
    }
    if (c.content.none()) continue;
    c.cue = r.cue;
    c.source = r.source;
    for (const Candidate* k : *kept) free = free && !touches(c, *k);
    for (const Candidate& k : *out) free = free && !touches(c, k);
    if (free) out->push_back(c);
  }
  for (Candidate& c : *out) kept->push_back(&c);
}

}  // namespace whosaid::attribution
