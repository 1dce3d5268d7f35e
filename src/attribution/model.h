// AttributionModel: the hashed linear models behind the Attributor and the
// feature code shared by the runtime (attribution.cc) and the trainer
// (tools/train_attribution.cc), so the two cannot drift.
//
// Three models: a greedy BIO cue tagger (3 labels), a content span ranker
// (start + end + pair features, relative to a cue) and a source span ranker
// (same shape, plus a "no source" option). All feature templates are hashed
// into fixed-size weight tables; no training text is stored.
//
// An AttributionModel is read-only after Load()/training; the const member
// functions may be called from many threads at once. DocView holds per-
// document scratch data and belongs to one thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_MODEL_H_
#define WHOSAID_SRC_ATTRIBUTION_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {
namespace attribution {

inline constexpr int kCueBits = 18;
inline constexpr int kContentBits = 20;
inline constexpr int kSourceBits = 19;
inline constexpr int kCueLabels = 3;  // O, B, I

enum CueLabel : int { kO = 0, kB = 1, kI = 2 };

// Per-token data of one document computed once (hashes, classes, quote
// state). Only token-level, no allocation per token beyond the arrays.
struct DocView {
  const Document* doc = nullptr;
  std::vector<uint64_t> h;          // lowercase word hash
  std::vector<uint32_t> suf;        // hash of the last 3 bytes (lowercase)
  std::vector<uint8_t> cls;         // token class (see model.cc)
  std::vector<uint8_t> inq;         // 1 when inside a quotation
  std::vector<uint32_t> sent;       // sentence index of each token
  std::vector<uint8_t> sstart;      // first token of a sentence
  std::vector<uint8_t> send;        // last token of a sentence
  std::vector<uint8_t> pstart;      // first token of a paragraph
  std::vector<uint8_t> pend;        // last token of a paragraph
  std::vector<uint32_t> para;       // paragraph index of each token
  std::vector<int32_t> qo, qc, pc;  // prefix counts: open/close quotes, commas
  void Build(const Document& d);
  size_t size() const { return h.size(); }
};

// A token-range span, inclusive both ends; b < 0 means none.
struct TSpan {
  int b = -1;
  int e = -1;
  bool none() const { return b < 0; }
  bool operator==(const TSpan&) const = default;
};

// Feature index lists, used for scoring and for perceptron updates.
using Feats = std::vector<uint32_t>;

struct DecodeLimits {
  int content_sentences_before = 2;
  int content_sentences_after = 3;
  int content_max_side_tokens = 150;
  int top_k = 12;
  int source_max_tokens = 20;
};

class AttributionModel {
 public:
  AttributionModel();

  Status Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Cue tagging of sentence `s` (greedy). Appends cue token spans.
  void TagCues(const DocView& v, uint32_t sentence, std::vector<TSpan>* cues,
               std::vector<float>* margins) const;
  // True if the token may start a cue (speed filter) .
  bool MayStartCue(uint64_t h) const;

  // Cue features of token i given the previous label.
  void CueFeats(const DocView& v, int i, int prev, int sb, int se,
                Feats* f) const;

  // Content decoding for a cue. Returns the best span (or none).
  TSpan DecodeContent(const DocView& v, TSpan cue,
                      const DecodeLimits& lim) const;
  // Source decoding given cue and content. Returns none for "no source".
  TSpan DecodeSource(const DocView& v, TSpan cue, TSpan content,
                     const DecodeLimits& lim) const;

  // Feature builders (also used by the trainer).
  void ContentStartFeats(const DocView& v, TSpan cue, int s, Feats* f) const;
  void ContentEndFeats(const DocView& v, TSpan cue, int e, Feats* f) const;
  void ContentPairFeats(const DocView& v, TSpan cue, int s, int e,
                        Feats* f) const;
  void SourceStartFeats(const DocView& v, TSpan cue, TSpan content, int b,
                        Feats* f) const;
  void SourceEndFeats(const DocView& v, TSpan cue, TSpan content, int e,
                      Feats* f) const;
  void SourcePairFeats(const DocView& v, TSpan cue, TSpan content, int b, int e,
                       Feats* f) const;
  void SourceNoneFeats(const DocView& v, TSpan cue, TSpan content,
                       Feats* f) const;
  // Window of candidate content tokens for a cue: [lo, hi] inclusive.
  void ContentWindow(const DocView& v, TSpan cue, const DecodeLimits& lim,
                     int* lo, int* hi) const;

  float Score(const std::vector<float>& w, const Feats& f) const {
    float s = 0;
    for (uint32_t x : f) s += w[x];
    return s;
  }

  // Weights (public for the trainer).
  std::vector<float> cue_w;         // [feature * 3 + label]
  std::vector<float> content_w;     // scalar
  std::vector<float> source_w;      // scalar
  std::vector<uint64_t> cue_vocab;  // sorted hashes of cue-start words
};

uint64_t HashWord(std::string_view s);

}  // namespace attribution
}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_MODEL_H_
