#include "src/attribution/paragraph_quotes.h"

#include <algorithm>

#include "src/attribution/clause_rules.h"
#include "src/attribution/feature_util.h"

namespace whosaid::attribution {
namespace {

using internal::kCloseQuote;
using internal::kOpenQuote;

// Punctuation a content may leave out at its end ("." before the
// paragraph's end): comma, stop, colon, semicolon, dash.
bool IsTrailingPunct(uint8_t c) {
  return c >= internal::kComma && c <= internal::kDash;
}

}  // namespace

int ParagraphLast(const DocView& v, int tok) {
  const int n = static_cast<int>(v.cls.size());
  if (v.doc != nullptr) {
    const Document& d = *v.doc;
    const uint32_t p = v.para[tok];
    if (p < d.paragraphs.size()) {
      const Paragraph& g = d.paragraphs[p];
      if (g.sentence_end > g.sentence_begin &&
          g.sentence_end <= d.sentences.size()) {
        const int last =
            static_cast<int>(d.sentences[g.sentence_end - 1].token_end) - 1;
        if (last >= tok && last < n && v.pend[last]) return last;
      }
    }
  }
  int last = tok;
  while (last + 1 < n && !v.pend[last]) ++last;
  return last;
}

int QuotationLeftOpen(const DocView& v, int e) {
  const int n = static_cast<int>(v.cls.size());
  if (e < 0 || e >= n) return -1;
  // Only punctuation between e and the paragraph's last token.
  const int last = ParagraphLast(v, e);
  for (int i = e + 1; i <= last; ++i) {
    if (!IsTrailingPunct(v.cls[i])) return -1;
  }
  // The quotation state (double marks, reset at each paragraph) is open at
  // the paragraph's end: the last mark is an opening one.
  if (!v.inq[last] || v.cls[last] == kCloseQuote) return -1;
  const int open = v.prev_open[last];
  if (open < 0 || open == last || open > e || v.para[open] != v.para[e]) {
    return -1;
  }
  if (v.next_close[open] <= last) return -1;
  // A mark the tokenizer left undecided may close it: a double mark between
  // spaces ("the most ‘extraordinary circumstances.’ "") or two single ones
  // typed for a double ("great bond'' he shares").
  if (v.doc != nullptr) {
    const std::vector<Token>& t = v.doc->tokens;
    for (int i = open + 1; i <= last; ++i) {
      if (t[i].kind != TokenKind::kQuote) continue;
      if (t[i].double_quote && t[i].quote == QuoteRole::kNone) return -1;
      if (!t[i].double_quote && i + 1 <= last &&
          t[i + 1].kind == TokenKind::kQuote && !t[i + 1].double_quote &&
          !t[i + 1].space_before && !t[i].space_before) {
        return -1;
      }
    }
  }
  return open;
}

int QuotationTakenUp(const DocView& v, int last, int* end, bool* left_open) {
  const int n = static_cast<int>(v.cls.size());
  const int open = last + 1;
  if (last < 0 || open >= n || !v.pstart[open] || v.cls[open] != kOpenQuote) {
    return -1;
  }
  const int pe = ParagraphLast(v, open);
  const int close = v.next_close[open];
  *left_open = close > pe;
  *end = *left_open ? pe : close;
  return open;
}

void ContinueOverParagraphs(const DocView& v,
                            const std::vector<Candidate>& cands, int reach,
                            int max_paragraphs, std::vector<Candidate*>* by_cue,
                            std::vector<Candidate*>* kept) {
  if (max_paragraphs <= 0) return;
  bool sorted = false;
  for (Candidate* c : *kept) {
    if (c->content.none() || c->cue.none()) continue;
    const int open = QuotationLeftOpen(v, c->content.e);
    // A report inside the quotation ("“The mayor told us the budget is
    // late.") does not take the quotation's later paragraphs.
    if (open < 0 || c->cue.e >= open) continue;
    int last = ParagraphLast(v, c->content.e);
    for (int k = 0; k < max_paragraphs; ++k) {
      int end = -1;
      bool left_open = false;
      const int b = QuotationTakenUp(v, last, &end, &left_open);
      if (b < 0) break;
      const int pe = ParagraphLast(v, end);
      const TSpan para{b, pe};
      // A tagged cue in the paragraph: it reports its own quotation.
      if (CueStartsIn(cands, para.b, para.e)) break;
      if (!sorted) {
        SortByCue(*kept, by_cue);
        sorted = true;
      }
      // Another relation reaching into it (a colon or dash quotation the
      // model did not tag, a report whose content runs on there).
      if (ReachedByAnother(*by_cue, c, para, reach)) break;
      c->content.e = end;
      if (!left_open) break;
      last = pe;
    }
  }
}

}  // namespace whosaid::attribution
