// Internal helpers shared by the attribution feature code (model.cc) and
// its precomputed fast scorers (fast_*.cc): the feature hash, token classes,
// buckets and a bounds-checked token accessor. Not a public API. All are
// pure functions; any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_FEATURE_UTIL_H_
#define WHOSAID_SRC_ATTRIBUTION_FEATURE_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "src/attribution/model.h"

namespace whosaid {
namespace attribution {
namespace internal {

constexpr uint64_t kBos = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kEos = 0xc2b2ae3d27d4eb4fULL;

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t H(uint64_t a, uint64_t b) {
  return Mix(a * 0x100000001b3ULL ^ (b + 0x632be59bd9b4e019ULL));
}
inline uint64_t H(uint64_t a, uint64_t b, uint64_t c) { return H(H(a, b), c); }
inline uint64_t H(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return H(H(H(a, b), c), d);
}
inline uint64_t H(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
  return H(H(H(H(a, b), c), d), e);
}

enum Cls : uint8_t {
  kLower = 0,
  kCap,
  kAllCaps,
  kNum,
  kComma,
  kStop,
  kColon,
  kSemi,
  kDash,
  kOpenParen,
  kCloseParen,
  kOpenQuote,
  kCloseQuote,
  kOtherQuote,
  kOtherPunct,
  kSymbol,
  kUrl,
  kEdge,
};

// Signed distance bucket in [0, 20).
inline int DistBucket(int d) {
  int a = d < 0 ? -d : d;
  int b = a <= 5 ? a : a <= 10 ? 6 : a <= 20 ? 7 : a <= 40 ? 8 : 9;
  return d < 0 ? 10 + b : b;
}

inline int LenBucket(int n) {
  return n <= 6    ? n
         : n <= 10 ? 7
         : n <= 15 ? 8
         : n <= 25 ? 9
         : n <= 40 ? 10
         : n <= 70 ? 11
                   : 12;
}

inline int Clip(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }

inline const uint64_t kThat = HashWord("that");

struct Ctx {
  const DocView& v;
  int n;
  uint64_t h(int i) const { return i < 0 ? kBos : i >= n ? kEos : v.h[i]; }
  uint8_t c(int i) const {
    return i < 0 || i >= n ? static_cast<uint8_t>(kEdge) : v.cls[i];
  }
  uint8_t q(int i) const { return i < 0 || i >= n ? 0 : v.inq[i]; }
};
// Hash of a crude stem: drops -s, -es, -ed, -d, -ing ("claims" ->
// "claim", "warned" -> "warn").
inline uint32_t StemHash(std::string_view s) {
  size_t n = s.size();
  auto ends = [&](std::string_view suf) {
    if (n < suf.size() + 3) return false;
    for (size_t k = 0; k < suf.size(); ++k) {
      char c = s[n - suf.size() + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != suf[k]) return false;
    }
    return true;
  };
  if (ends("ing")) {
    n -= 3;
  } else if (ends("ed")) {
    n -= 2;
  } else if (ends("es")) {
    n -= 2;
  } else if (ends("s") || ends("d") || ends("e")) {
    n -= 1;
  }
  return static_cast<uint32_t>(HashWord(s.substr(0, n)));
}

// Hash of the last 3 bytes of token i (lowercase), computed on demand.
inline uint64_t SuffixHash(const DocView& v, int i) {
  std::string_view s = v.doc->TokenText(i);
  return static_cast<uint32_t>(
      HashWord(s.size() > 3 ? s.substr(s.size() - 3) : s));
}

// Candidate order: score descending, then position ascending.
inline bool Better(const Top& a, const Top& b) {
  return a.score > b.score || (a.score == b.score && a.pos < b.pos);
}

// Keeps the k best of `in` (by score), in nth_element order (the trainer
// depends on this order: with all-zero weights every score ties).
inline void TopK(std::vector<Top>& in, int k) {
  if (static_cast<int>(in.size()) > k) {
    std::nth_element(in.begin(), in.begin() + k, in.end(), Better);
    in.resize(k);
  }
}

// Capacity of TopBuf (DecodeLimits::top_k is clipped to it).
inline constexpr int kMaxTopK = 16;

// The k best candidates pushed so far, sorted best first (the same set as
// TopK; the order differs only among exactly tied scores), without
// allocation.
class TopBuf {
 public:
  explicit TopBuf(int k) : k_(std::clamp(k, 0, kMaxTopK)) {}
  void Push(Top t) {
    int i;
    if (n_ < k_) {
      i = n_++;
    } else if (n_ > 0 && Better(t, a_[n_ - 1])) {
      i = n_ - 1;
    } else {
      return;
    }
    while (i > 0 && Better(t, a_[i - 1])) {
      a_[i] = a_[i - 1];
      --i;
    }
    a_[i] = t;
  }
  const Top* begin() const { return a_; }
  const Top* end() const { return a_ + n_; }
  int size() const { return n_; }
  const Top& operator[](int i) const { return a_[i]; }

 private:
  Top a_[kMaxTopK];
  int k_;
  int n_ = 0;
};

}  // namespace internal

inline bool AttributionModel::StartCandidate(const DocView& v, TSpan cue,
                                             int s) const {
  if (s > cue.e && s <= cue.e + 3) return true;
  if (s == 0 || v.sstart[s]) return true;
  uint8_t p = v.cls[s - 1], c = v.cls[s];
  if (c == internal::kOpenQuote) return true;
  // Outside the cue's sentence a content starts a sentence or quotation.
  if (v.sent[s] != v.sent[cue.b]) return false;
  if (p > internal::kNum) return true;
  return start_prev.Has(v.h[s - 1]);
}

inline bool AttributionModel::EndCandidate(const DocView& v, TSpan cue,
                                           int e) const {
  int n = static_cast<int>(v.size());
  if (e + 1 >= n || v.send[e] || e + 1 == cue.b) return true;
  uint8_t nx = v.cls[e + 1], c = v.cls[e];
  if (c == internal::kCloseQuote) return true;
  // Outside the cue's sentence a content ends its sentence or quotation.
  if (v.sent[e] != v.sent[cue.b]) {
    return v.send[e + 1] &&
           (nx == internal::kStop || nx == internal::kCloseQuote);
  }
  if (nx > internal::kNum) return true;
  return end_next.Has(v.h[e + 1]);
}

inline bool AttributionModel::SourceStartOk(const DocView& v, int i) const {
  uint8_t c = v.cls[i];
  if (c >= internal::kCap && c <= internal::kNum) return true;
  return c == internal::kLower && !src_no_start.Has(v.h[i]);
}

inline bool AttributionModel::SourceEndOk(const DocView& v, int i) const {
  uint8_t c = v.cls[i];
  if ((c >= internal::kCap && c <= internal::kComma) ||
      c == internal::kCloseParen) {
    return true;
  }
  return c == internal::kLower && !src_no_end.Has(v.h[i]);
}

}  // namespace attribution
}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_FEATURE_UTIL_H_
