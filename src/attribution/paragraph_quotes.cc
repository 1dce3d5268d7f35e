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

// The closing mark of the quotation that the paragraph after token `last`
// (a paragraph's last token) is made of: it opens with a quotation mark,
// holds no other mark before the closing one, and only punctuation follows
// that to its end. Sets *begin to the opening mark; else -1.
int ClosedQuotationParagraph(const DocView& v, int last, int* begin) {
  int end = -1;
  bool left_open = false;
  const int open = QuotationTakenUp(v, last, &end, &left_open);
  if (open < 0 || left_open) return -1;
  for (int i = open + 1; i < end; ++i) {
    if (v.cls[i] == kOpenQuote || v.cls[i] == kCloseQuote ||
        v.cls[i] == internal::kOtherQuote) {
      return -1;
    }
  }
  // A sentence: it ends in a stop before its closing mark. A heading in
  // quotation marks ("“The most important person”") does not.
  if (end - 1 <= open || v.cls[end - 1] != internal::kStop) return -1;
  const int pe = ParagraphLast(v, open);
  for (int i = end + 1; i <= pe; ++i) {
    if (!IsTrailingPunct(v.cls[i])) return -1;
  }
  *begin = open;
  return end;
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

void TakeUpClosedQuotations(const DocView& v,
                            const std::vector<Candidate>& cands, int reach,
                            int max_paragraphs, int min_words,
                            std::vector<Candidate*>* by_cue,
                            std::vector<Candidate*>* kept) {
  if (max_paragraphs <= 0) return;
  bool sorted = false;
  for (Candidate* c : *kept) {
    if (c->content.none() || c->cue.none()) continue;
    // A quotation: its content ends in the closing mark.
    if (v.cls[c->content.e] != kCloseQuote) continue;
    // A short reply ("“No,” they shouted.") is a turn of a dialogue: the
    // next quotation is as likely the other side's.
    int words = 0;
    for (int i = std::max(c->content.b, c->part2); i <= c->content.e; ++i) {
      words += v.cls[i] <= internal::kNum;
    }
    if (words < min_words) continue;
    int last = ParagraphLast(v, c->content.e);
    // Only punctuation after the content, or its own reporting clause
    // (the content before its cue, the cue in the tail), and no mark.
    // The clause is the paragraph's last sentence: "“A,” Trump added. He
    // then turned to the crowd." is not followed by what Trump added.
    const bool before_cue = c->content.e < c->cue.b;
    if (before_cue && (c->cue.e > last || v.sent[c->cue.e] != v.sent[last])) {
      continue;
    }
    bool plain = true, ok = true;
    for (int i = c->content.e + 1; i <= last && ok; ++i) {
      const uint8_t k = v.cls[i];
      if (k == kOpenQuote || k == kCloseQuote || k == internal::kOtherQuote) {
        ok = false;
      }
      if (!IsTrailingPunct(k)) plain = false;
    }
    if (!ok || (!plain && !before_cue)) continue;
    int begin = -1;
    if (ClosedQuotationParagraph(v, last, &begin) < 0) continue;
    if (!sorted) {
      SortByCue(*kept, by_cue);
      sorted = true;
    }
    // The tail belongs to this relation only: nothing else reaches into it
    // (a later relation in the paragraph is the one the next paragraph
    // would follow).
    if (last > c->content.e &&
        ReachedByAnother(*by_cue, c, TSpan{c->content.e + 1, last}, reach)) {
      continue;
    }
    for (int k = 0; k < max_paragraphs; ++k) {
      const int end = ClosedQuotationParagraph(v, last, &begin);
      if (end < 0) break;
      const int pe = ParagraphLast(v, begin);
      if (CueStartsIn(cands, begin, pe)) break;
      if (ReachedByAnother(*by_cue, c, TSpan{begin, pe}, reach)) break;
      // A content before its cue now surrounds it: its second part opens
      // at the paragraph's quotation mark.
      if (c->content.e < c->cue.b) c->part2 = begin;
      c->content.e = end;
      last = pe;
    }
  }
}

}  // namespace whosaid::attribution
