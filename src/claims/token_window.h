// TokenWindow: read-only view of one sentence's tokens for the claims
// grammar (token text, kind tests, phrase matching). Does not own the
// Document, which must outlive it; one window per scanning thread.
#ifndef WHOSAID_SRC_CLAIMS_TOKEN_WINDOW_H_
#define WHOSAID_SRC_CLAIMS_TOKEN_WINDOW_H_

#include <cstdint>
#include <string_view>

#include "src/claims/lexicon.h"
#include "whosaid/document.h"

namespace whosaid::claims {

struct TokenWindow {
  const Document* doc = nullptr;
  uint32_t sb = 0;  // first token of the sentence
  uint32_t se = 0;  // one past the last token

  // Empty past the sentence end.
  std::string_view T(uint32_t i) const {
    return i < se ? doc->TokenText(i) : std::string_view();
  }
  const Token& Tk(uint32_t i) const { return doc->tokens[i]; }
  bool Is(uint32_t i, std::string_view lower) const {
    return i < se && i >= sb && IEq(T(i), lower);
  }
  bool IsWord(uint32_t i) const {
    return i < se && Tk(i).kind == TokenKind::kWord;
  }
  bool IsDashTok(uint32_t i) const {
    if (i >= se || Tk(i).kind != TokenKind::kPunct) return false;
    std::string_view t = T(i);
    return t == "-" || t == "\u2013" || t == "\u2014" || t == "--";
  }
  bool IsCurrencySymbol(uint32_t i) const {
    if (i >= se || Tk(i).kind != TokenKind::kSymbol) return false;
    std::string_view t = T(i);
    return t == "$" || t == "\u20ac" || t == "\u00a3" || t == "\u00a5" ||
           t == "\u20b9" || t == "\u20bf";
  }
  // The value of token k when it is a plain integer in digits ("226",
  // "1,237"); -1 otherwise.
  double PlainIntAt(uint32_t k) const {
    if (k < sb || k >= se || Tk(k).kind != TokenKind::kNumber) return -1;
    std::string_view t = T(k);
    if (t.empty() || t.size() > 9) return -1;
    double v = 0;
    for (char c : t) {
      if (c == ',') continue;
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  bool IsScaleWordTok(uint32_t i) const {
    return i < se && FindScale(T(i), /*words_only=*/true) != nullptr;
  }

  // Matches a space-separated lowercase phrase at token i; returns the
  // number of tokens matched or 0.
  uint32_t Match(uint32_t i, std::string_view phrase) const {
    // Fast reject on the first letter (most table entries fail here).
    if (i >= se || i < sb || phrase.empty()) return 0;
    std::string_view first = T(i);
    if (first.empty() || Lower(first[0]) != phrase[0]) return 0;
    uint32_t n = 0;
    while (!phrase.empty()) {
      size_t sp = phrase.find(' ');
      std::string_view w = phrase.substr(0, sp);
      if (!Is(i + n, w)) return 0;
      ++n;
      if (sp == std::string_view::npos) break;
      phrase.remove_prefix(sp + 1);
    }
    return n;
  }
  // Matches a phrase that ends just before token `end`; returns its length.
  uint32_t MatchBefore(uint32_t end, std::string_view phrase) const {
    uint32_t words = 1;
    for (char c : phrase) words += c == ' ';
    if (end < sb + words) return 0;
    return Match(end - words, phrase) == words ? words : 0;
  }
};

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_TOKEN_WINDOW_H_
