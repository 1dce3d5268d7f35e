#include "src/attribution/content_parts.h"

#include "src/attribution/feature_util.h"

namespace whosaid::attribution {
namespace {

using internal::kCloseQuote;
using internal::kColon;
using internal::kComma;
using internal::kOpenQuote;

bool IsWordOrNumber(const Document& d, int i) {
  const TokenKind k = d.tokens[i].kind;
  return k == TokenKind::kWord || k == TokenKind::kNumber;
}

}  // namespace

void SplitAroundGap(const Document& d, const DocView& v, TSpan content,
                    int gap_b, int gap_e, int part2, int* part1_end,
                    int* part2_begin) {
  int e1 = gap_b - 1;
  while (e1 > content.b && (v.cls[e1] == 4 || v.cls[e1] == 8)) --e1;
  int b2 = part2 >= 0 ? part2 : gap_e + 1;
  while (
      part2 < 0 && b2 < content.e &&
      (v.cls[b2] == 4 || v.cls[b2] == 5 || v.cls[b2] == 8 || v.cls[b2] == 6)) {
    ++b2;
  }
  // "“A,” he said in August. “B.”": a quotation interrupted by its
  // reporting clause goes on at the next opening mark, and what stands
  // before it ("in August.") belongs to the reporting clause (PolNeAR
  // train: 1,432 of 1,526 second parts after a quoted first part open
  // with a quotation mark).
  if (part2 < 0 && v.cls[content.b] == kOpenQuote && v.cls[e1] == kCloseQuote &&
      v.cls[b2] != kOpenQuote) {
    int q = b2;
    while (q < content.e && v.cls[q] != kOpenQuote && v.cls[q] != kCloseQuote) {
      ++q;
    }
    if (q < content.e && v.cls[q] == kOpenQuote &&
        (v.sstart[q] || v.cls[q - 1] == kComma || v.cls[q - 1] == kColon)) {
      b2 = q;
    }
  }
  *part1_end = e1;
  *part2_begin = b2;
}

QuoteKind KindOfContent(const Document& d, const DocView& v, TSpan content,
                        int part1_end, int part2_begin) {
  int words = 0, quoted = 0;
  auto count = [&](int b, int e) {
    for (int i = b; i <= e; ++i) {
      if (!IsWordOrNumber(d, i)) continue;
      ++words;
      quoted += v.inq[i];
    }
  };
  if (part1_end < 0) {
    count(content.b, content.e);
  } else {
    // The cue between the parts is not quoted: “A,” she said. “B.” is
    // direct.
    count(content.b, part1_end);
    count(part2_begin, content.e);
  }
  return quoted == 0       ? QuoteKind::kIndirect
         : quoted == words ? QuoteKind::kDirect
                           : QuoteKind::kMixed;
}

}  // namespace whosaid::attribution
