#include "src/attribution/content_bounds.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "src/attribution/clause_rules.h"
#include "src/attribution/feature_util.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {

namespace {

using internal::kAllCaps;
using internal::kCap;
using internal::kCloseQuote;
using internal::kColon;
using internal::kDash;
using internal::kOpenQuote;
using internal::kOtherQuote;
using internal::kSemi;
using internal::kStop;

bool IsAny(const Document& d, int i,
           std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (mention::TokenIs(d, i, w)) return true;
  }
  return false;
}

// A word that opens an adjunct of the reporting verb (where, when, how).
bool OpensAdjunct(const Document& d, int i) {
  return IsAny(d, i,
               {"in", "on", "at", "during", "via", "through", "earlier", "late",
                "last", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday"});
}

// A token that can open the clause after a complementiser "that" (and not
// the verb of a relative clause: "at a centre that works with ...").
bool OpensClause(const Document& d, const DocView& v, int i) {
  const uint8_t k = v.cls[i];
  if (k == kCap || k == kAllCaps || k == kOpenQuote || k == kOtherQuote) {
    return true;
  }
  return IsAny(
      d, i,
      {"the",   "a",     "an",   "he",    "she",  "they",   "we",    "i",
       "it",    "his",   "her",  "their", "its",  "our",    "there", "this",
       "these", "those", "some", "many",  "no",   "most",   "all",   "both",
       "every", "any",   "one",  "two",   "more", "people", "if",    "when"});
}

}  // namespace

int ComplementiserAfterAdjunct(const Document& d, const DocView& v, TSpan cue,
                               TSpan content, int max_tokens) {
  if (cue.none() || content.none() || content.b <= cue.e) return -1;
  if (!OpensAdjunct(d, content.b)) return -1;
  // "call on X to ...", "insist on": a particle of the verb, not an adjunct.
  if (mention::TokenIs(d, content.b, "on") &&
      IsAny(d, cue.e,
            {"call",      "calls",    "called",    "calling", "insist",
             "insists",   "insisted", "rely",      "relies",  "relied",
             "comment",   "comments", "commented", "focus",   "focused",
             "agree",     "agreed",   "depend",    "depends", "reflect",
             "reflected", "weigh",    "weighed"})) {
    return -1;
  }
  const int last = std::min(content.e - 1, content.b + max_tokens - 1);
  for (int i = content.b + 1; i <= last; ++i) {
    const uint8_t k = v.cls[i];
    if (k == kStop || k == kOpenQuote || k == kCloseQuote || k == kOtherQuote ||
        k == kColon || k == kSemi || k == kDash) {
      return -1;
    }
    // "in response to a report that ..." reports on something else.
    if (IsAny(d, i, {"response", "reaction", "reply", "reference"})) return -1;
    if (mention::TokenIs(d, i, "that")) {
      // A "that" clause of a noun ("the allegation that ...") is no report.
      if (IsAny(d, i - 1, {"allegation",  "allegations", "claim",  "claims",
                           "accusation",  "accusations", "charge", "charges",
                           "idea",        "notion",      "belief", "suggestion",
                           "rumor",       "rumors",      "rumour", "rumours",
                           "speculation", "assertion",   "fear",   "fears"})) {
        return -1;
      }
      return OpensClause(d, v, i + 1) ? i : -1;
    }
  }
  return -1;
}

int OpenQuotationClose(const DocView& v, TSpan cue, TSpan content) {
  const int n = static_cast<int>(v.cls.size());
  if (cue.none() || content.none() || content.b <= cue.e) return -1;
  if (v.cls[content.b] != kOpenQuote || content.e + 1 >= n) return -1;
  // The quotation is still open at the content's end ...
  if (v.qc[content.e + 1] != v.qc[content.b]) return -1;
  if (v.qo[content.e + 1] != v.qo[content.b + 1]) return -1;
  // ... and closes later in the paragraph, with no quotation opened first.
  const int close = v.next_close[content.e + 1];
  if (close >= n || v.para[close] != v.para[content.b]) return -1;
  if (v.qo[close] != v.qo[content.e + 1]) return -1;
  return close;
}

void AdjustContentBounds(const Document& d, const DocView& v,
                         const std::vector<Candidate>& cands, int reach,
                         bool complementiser, int max_tokens,
                         bool open_quotation, std::vector<Candidate*>* by_cue,
                         std::vector<Candidate*>* kept) {
  bool sorted = false;
  for (Candidate* c : *kept) {
    if (c->part2 >= 0) continue;
    if (complementiser) {
      const int that =
          ComplementiserAfterAdjunct(d, v, c->cue, c->content, max_tokens);
      if (that >= 0) c->content.b = that;
    }
    if (open_quotation) {
      const int close = OpenQuotationClose(v, c->cue, c->content);
      if (close < 0) continue;
      const TSpan added{c->content.e + 1, close};
      if (CueStartsIn(cands, added.b, added.e)) continue;
      if (!sorted) {
        SortByCue(*kept, by_cue);
        sorted = true;
      }
      if (ReachedByAnother(*by_cue, c, added, reach)) continue;
      c->content.e = close;
    }
  }
}

}  // namespace whosaid::attribution
