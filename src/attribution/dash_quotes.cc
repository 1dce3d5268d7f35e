#include "src/attribution/dash_quotes.h"

#include <string_view>

#include "src/attribution/feature_util.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {
namespace {

using internal::kAllCaps;
using internal::kCap;
using internal::kComma;
using internal::kDash;
using internal::kStop;

bool IsDoubleQuote(const Document& d, int i) {
  const Token& t = d.tokens[i];
  return t.kind == TokenKind::kQuote && t.double_quote;
}

}  // namespace

void FindDashQuotes(const DocView& v, int min_words, int max_name_tokens,
                    std::vector<ColonQuote>* out) {
  out->clear();
  const Document& d = *v.doc;
  const int n = static_cast<int>(v.size());
  int para_begin = 0;
  for (int i = 0; i < n; ++i) {
    if (v.pstart[i]) para_begin = i;
    if (v.cls[i] != kDash || i < 2 || i + 1 >= n || v.pstart[i]) continue;
    const int close = i - 1;
    if (!IsDoubleQuote(d, close) || !IsDoubleQuote(d, para_begin) ||
        close <= para_begin) {
      continue;
    }
    int words = 0;
    for (int k = para_begin + 1; k < close; ++k) {
      const TokenKind kind = d.tokens[k].kind;
      words += kind == TokenKind::kWord || kind == TokenKind::kNumber;
    }
    if (words < min_words) continue;
    // The name: capitalised words, initials and particles.
    int j = i + 1;
    while (j < n && j - (i + 1) < max_name_tokens && !v.pstart[j] &&
           (v.cls[j] == kCap || v.cls[j] == kAllCaps ||
            (j > i + 1 && mention::IsNameParticle(d.TokenText(j))))) {
      ++j;
    }
    if (j == i + 1 || !(v.cls[j - 1] == kCap || v.cls[j - 1] == kAllCaps)) {
      continue;
    }
    // Then the paragraph ends, a full stop ends it, or a comma opens a role.
    const bool ends = j >= n || v.pstart[j];
    const bool stop_ends = !ends && v.cls[j] == kStop && v.pend[j];
    const bool role = !ends && v.cls[j] == kComma;
    if (!ends && !stop_ends && !role) continue;
    ColonQuote q;
    q.content = TSpan{para_begin, close};
    q.cue = TSpan{i, i};
    q.source = TSpan{i + 1, j - 1};
    out->push_back(q);
  }
}

}  // namespace whosaid::attribution
