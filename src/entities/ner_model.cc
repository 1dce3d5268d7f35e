#include "src/entities/ner_model.h"

#include <algorithm>
#include <atomic>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/entities/lexicon.h"
#include "src/entities/ner_gazetteer.h"

namespace whosaid::ner {
namespace {

constexpr uint64_t kBos = 0x5151515151515151ULL;
constexpr uint64_t kEos = 0x7373737373737373ULL;

inline char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Word-shape class of one code point.
inline char ShapeClass(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return 'X';
    if (cp >= 'a' && cp <= 'z') return 'x';
    if (cp >= '0' && cp <= '9') return 'd';
    return static_cast<char>(cp);
  }
  if (IsUpper(cp)) return 'X';
  if (IsLower(cp)) return 'x';
  if (IsLetter(cp)) return 'x';
  return 'o';
}

// Lexicon table shared by every model (built once, then read-only).
const Gazetteer& LexiconTable() {
  static const Gazetteer* table = [] {
    auto* g = new Gazetteer();
    for (const auto& tw : lex::TaggerLexicon()) {
      uint64_t h = HashWord(tw.word, true);
      g->Insert(SequenceKey(&h, 1), tw.bits);
    }
    return g;
  }();
  return *table;
}

}  // namespace

bool ValidTransition(int prev, int label) {
  int pp = PosOf(prev);
  if (pp == 0 || pp == 1) {  // inside an entity: continue it
    return label != 0 && TypeOf(label) == TypeOf(prev) &&
           (PosOf(label) == 1 || PosOf(label) == 2);
  }
  return label == 0 || PosOf(label) == 0 || PosOf(label) == 3;
}

uint64_t HashWord(std::string_view s, bool lower) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // Typographic apostrophes hash as ASCII ones ("Putin’s" = "Putin's").
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x98' || s[i + 2] == '\x99')) {
      c = '\'';
      i += 2;
    }
    h ^= static_cast<unsigned char>(lower ? LowerAscii(c) : c);
    h *= 1099511628211ULL;
  }
  return Mix(h);
}

// ----------------------------------------------------------------- NerModel
NerModel::NerModel(int bucket_bits)
    : bucket_bits_(bucket_bits),
      mask_((1u << bucket_bits) - 1),
      cache_id_(NewCacheId()) {}

uint64_t NerModel::NewCacheId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void NerModel::WordInfo(std::string_view w, TokenInfo* ti) const {
  ti->word = HashWord(w, false);
  ti->lower = HashWord(w, true);
  // Shape: classes with runs collapsed.
  uint64_t sh = 1469598103934665603ULL;
  char last = 0;
  bool digit = false;
  for (size_t p = 0; p < w.size();) {
    int len;
    char32_t cp = DecodeUtf8(w, p, &len);
    p += len;
    char c = ShapeClass(cp);
    if (c == 'd') digit = true;
    if (c != last) {
      sh = (sh ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      last = c;
    }
  }
  ti->shape = Mix(sh);
  // Lower-cased affixes of up to 4 bytes.
  uint64_t ph = 1469598103934665603ULL;
  for (size_t k = 0; k < 4; ++k) {
    if (k < w.size()) {
      ph = (ph ^ static_cast<unsigned char>(LowerAscii(w[k]))) *
           1099511628211ULL;
    }
    ti->prefix[k] = Mix(ph + k);
  }
  uint64_t sf = 1469598103934665603ULL;
  for (size_t k = 0; k < 4; ++k) {
    if (k < w.size()) {
      sf = (sf ^ static_cast<unsigned char>(LowerAscii(w[w.size() - 1 - k]))) *
           1099511628211ULL;
    }
    ti->suffix[k] = Mix(sf + 7 * k + 3);
  }
  if (digit) ti->flags |= kHasDigit;
  const uint16_t* c = clusters_.Find(ti->word);
  if (c == nullptr && (doc_features_ & kCaseClusters) && w.size() >= 2 &&
      w.size() <= 64) {
    // An all-caps word ("GERMANY", "SOCCER" in a headline) takes the
    // cluster of its capitalised form, else of its lower-case form.
    bool upper = false, lower = false;
    for (char ch : w) {
      upper |= ch >= 'A' && ch <= 'Z';
      lower |= ch >= 'a' && ch <= 'z';
    }
    if (upper && !lower) {
      char buf[64];
      buf[0] = w[0];
      for (size_t k = 1; k < w.size(); ++k) buf[k] = LowerAscii(w[k]);
      c = clusters_.Find(HashWord(std::string_view(buf, w.size()), false));
      if (c == nullptr) c = clusters_.Find(ti->lower);
    }
  }
  if (c != nullptr) {
    for (int k = 0; k < kClusterLevels; ++k) ti->cluster[k] = c[k];
  }
  uint64_t lk = SequenceKey(&ti->lower, 1);
  ti->gaz |= static_cast<uint32_t>(LexiconTable().Find(lk)) << 16;
  if (external_words_.size() > 0) {
    ti->gaz |= static_cast<uint64_t>(external_words_.Find(lk) & 0xF)
               << kExtWordShift;
  }
}

std::string_view NerModel::TokenWord(const Document& doc, size_t i) {
  const Token& t = doc.tokens[i];
  // Every quotation mark reads as the ASCII one CoNLL uses.
  if (t.kind == TokenKind::kQuote) return t.double_quote ? "\"" : "'";
  return doc.Text(t.span);
}

void NerModel::ComputeTokenInfo(const Document& doc,
                                std::vector<TokenInfo>* info,
                                const Gazetteer* gaz_override,
                                const Gazetteer* ext_override) const {
  size_t n = doc.tokens.size();
  info->assign(n, TokenInfo());
  for (size_t i = 0; i < n; ++i) WordInfo(TokenWord(doc, i), &(*info)[i]);
  ContextInfo(doc, gaz_override ? *gaz_override : gazetteer_, info,
              ext_override);
}

void NerModel::ContextInfo(const Document& doc, const Gazetteer& gaz,
                           std::vector<TokenInfo>* info,
                           const Gazetteer* ext_override) const {
  size_t n = doc.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    TokenInfo& ti = (*info)[i];
    if (i > 0 && doc.tokens[i - 1].kind == TokenKind::kQuote &&
        doc.tokens[i - 1].quote == QuoteRole::kOpen) {
      ti.flags |= kSentStart;  // a quotation starts like a sentence
    }
    if (t.capitalized) ti.flags |= kCap;
    if (t.all_caps) ti.flags |= kAllCaps;
    if (t.span.size() == 1 && doc.text[t.span.begin] == ':') {
      ti.flags |= kColon;  // what follows starts like a sentence
      if (i + 1 < n) (*info)[i + 1].flags |= kSentStart;
    }
  }
  // Document-level casing: does the word occur lower-case, or capitalised
  // inside a sentence, anywhere in the document?
  thread_local Gazetteer casing;  // scratch, reused across documents
  casing.Reset();
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end && i < n; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) continue;
      bool initial = (*info)[i].flags & kSentStart || i == s.token_begin;
      if (!t.capitalized && !t.all_caps) {
        casing.Insert((*info)[i].lower, 1);
      } else if (t.capitalized && !t.all_caps && !initial) {
        casing.Insert((*info)[i].lower, 2);
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    uint8_t c = casing.Find((*info)[i].lower);
    if (c & 1) (*info)[i].flags |= kSeenLower;
    if (c & 2) (*info)[i].flags |= kSeenCapMid;
  }
  // Sentence flags.
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin >= s.token_end || s.token_end > n) continue;
    (*info)[s.token_begin].flags |= kSentStart;
    int letters = 0, caps = 0;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) continue;
      ++letters;
      if (t.all_caps || (t.capitalized && doc.tokens[i].span.size() == 1)) {
        ++caps;
      }
    }
    if (letters >= 2 && caps == letters) {
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        (*info)[i].flags |= kCapsSentence;
      }
    }
  }
  const bool longest = doc_features_ & kLongestMatch;
  MarkGazetteerMatches(doc, gaz, 0, info, longest);
  MarkGazetteerMatches(doc, ext_override ? *ext_override : external_gazetteer_,
                       kExtGazShift, info, longest);
}

int NerModel::StaticFeatures(const std::vector<TokenInfo>& info, uint32_t b,
                             uint32_t e, uint32_t i, uint32_t* out) const {
  int n = 0;
  auto add = [&](uint64_t h) {
    if (n < kMaxFeatures) out[n++] = static_cast<uint32_t>(h) & mask_;
  };
  auto at = [&](int k) -> const TokenInfo* {
    int64_t j = static_cast<int64_t>(i) + k;
    if (j < static_cast<int64_t>(b) || j >= static_cast<int64_t>(e)) {
      return nullptr;
    }
    return &info[j];
  };
  auto lw = [&](int k) {
    const TokenInfo* t = at(k);
    return t ? t->lower : (k < 0 ? kBos : kEos);
  };
  auto sh = [&](int k) {
    const TokenInfo* t = at(k);
    return t ? t->shape : (k < 0 ? kBos : kEos);
  };
  const TokenInfo& t = info[i];
  add(Combine(1, 0));
  add(Combine(t.word, 2));
  for (int k = -2; k <= 2; ++k) {
    add(Combine(lw(k), 10 + k + 2));
    add(Combine(sh(k), 20 + k + 2));
  }
  for (int k = 0; k < 4; ++k) {
    add(Combine(t.prefix[k], 30 + k));
    add(Combine(t.suffix[k], 40 + k));
  }
  if (const TokenInfo* p = at(-1)) add(Combine(p->suffix[2], 50));
  if (const TokenInfo* p = at(1)) add(Combine(p->suffix[2], 51));
  add(Combine(Combine(sh(-1), sh(0)), 60));
  add(Combine(Combine(sh(0), sh(1)), 61));
  add(Combine(Combine(lw(-1), lw(0)), 62));
  add(Combine(Combine(lw(0), lw(1)), 63));
  add(Combine(Combine(lw(-1), sh(0)), 64));
  add(Combine(Combine(sh(0), lw(1)), 65));
  for (int k = -1; k <= 1; ++k) {
    const TokenInfo* p = at(k);
    if (!p || p->gaz == 0) continue;
    uint64_t g = p->gaz;
    while (g) {
      int bit = __builtin_ctzll(g);
      g &= g - 1;
      add(Combine(bit, 70 + k + 1));
    }
  }
  add(Combine(t.gaz & 0xFFFF, 74));
  if (doc_features_ & kExtToken) {
    add(Combine(t.gaz >> kExtGazShift & 0xFFFF, 75));
  }
  if (clusters_.size() > 0) {
    auto cl = [&](int k, int level) -> uint64_t {
      const TokenInfo* p = at(k);
      return p ? p->cluster[level] : (k < 0 ? 0xFFFE : 0xFFFF);
    };
    for (int level = 0; level < kClusterLevels; ++level) {
      for (int k = -1; k <= 1; ++k) {
        add(Combine(cl(k, level), 110 + 3 * level + k + 1));
      }
    }
    add(Combine(cl(-2, 1), 120));
    add(Combine(cl(2, 1), 121));
    add(Combine(Combine(cl(-1, 1), cl(0, 1)), 123));
    add(Combine(Combine(cl(0, 1), cl(1, 1)), 124));
  }
  add(Combine(t.flags, 84));
  add(Combine(Combine(t.shape, t.flags), 85));
  if (t.flags & kCapsSentence) add(Combine(t.lower, 86));
  add(Combine(
      Combine(t.flags & (kSeenLower | kSeenCapMid | kSentStart), t.shape), 87));
  return n;
}

int NerModel::DynamicFeatures(const std::vector<TokenInfo>& info, uint32_t b,
                              uint32_t e, uint32_t i, int prev1, int prev2,
                              const History& hist, const Stage2* s2,
                              uint32_t* out, int max) const {
  int n = 0;
  auto add = [&](uint64_t h) {
    if (n < max) out[n++] = static_cast<uint32_t>(h) & mask_;
  };
  auto at = [&](int k) -> const TokenInfo* {
    int64_t j = static_cast<int64_t>(i) + k;
    if (j < static_cast<int64_t>(b) || j >= static_cast<int64_t>(e)) {
      return nullptr;
    }
    return &info[j];
  };
  const TokenInfo& t = info[i];
  if (clusters_.size() > 0) add(Combine(Combine(t.cluster[2], prev1 + 1), 122));
  add(Combine(prev1 + 1, 80));
  add(Combine((prev2 + 1) * 32 + prev1 + 1, 81));
  add(Combine(Combine(t.lower, prev1 + 1), 82));
  add(Combine(Combine(t.shape, prev1 + 1), 83));
  int count;
  int maj = hist.Majority(t.lower, &count);
  if (maj >= 0) {
    add(Combine(maj * 4 + std::min(count, 3), 90));
    add(Combine(Combine(maj, t.shape), 91));
  }
  if (const TokenInfo* p = at(1)) {
    int m = hist.Majority(p->lower, &count);
    if (m >= 0) add(Combine(m, 92));
  }
  if (const TokenInfo* p = at(-1)) {
    int m = hist.Majority(p->lower, &count);
    if (m >= 0) add(Combine(Combine(m, prev1 + 1), 93));
  }
  if (doc_features_ != 0 && n < max) {
    n += DocFeatures(hist, t.lower, prev1, 94, out + n, max - n);
  }
  if (s2 != nullptr) {
    const std::vector<int>& l1 = *s2->labels1;
    int here = l1[i];
    int before = i > b ? l1[i - 1] : -2;
    int after = i + 1 < e ? l1[i + 1] : -2;
    if (doc_features_ != 0 && n < max) {
      n += DocFeatures(*s2->agg, t.lower, prev1, 96, out + n, max - n);
    }
    add(Combine(here + 2, 100));
    add(Combine(before + 2, 101));
    add(Combine(after + 2, 102));
    add(Combine(Combine(here + 2, t.shape), 103));
    add(Combine((before + 2) * 64 + here + 2, 104));
    int m = s2->agg->Majority(t.lower, &count);
    if (m >= 0) {
      add(Combine(m * 4 + std::min(count, 3), 105));
      add(Combine(Combine(m, here + 2), 106));
    }
    if (const TokenInfo* p = at(1)) {
      int m2 = s2->agg->Majority(p->lower, &count);
      if (m2 >= 0) add(Combine(m2, 107));
    }
    if (const TokenInfo* p = at(-1)) {
      int m2 = s2->agg->Majority(p->lower, &count);
      if (m2 >= 0) add(Combine(m2, 108));
    }
  }
  return n;
}

int NerModel::DocFeatures(const History& h, uint64_t lower, int prev1,
                          uint64_t base, uint32_t* out, int max) const {
  const History::Slot* slot = h.Get(lower);
  if (slot == nullptr) return 0;
  int n = 0;
  auto add = [&](uint64_t x) {
    if (n < max) out[n++] = static_cast<uint32_t>(x) & mask_;
  };
  if (doc_features_ & kDocFraction) {
    int total = 0;
    for (int k = 0; k < 5; ++k) total += slot->counts[k];
    for (int k = 0; k < 5 && total > 0; ++k) {
      if (slot->counts[k] == 0) continue;
      // Share in fifths: 0 (< 1/5) .. 4 (< 1), 5 = every earlier label.
      int share = slot->counts[k] == total ? 5 : slot->counts[k] * 5 / total;
      add(Combine(k * 8 + share, base));
    }
  }
  if (doc_features_ & kDocPositions) {
    for (int type = 0; type < kNumTypes; ++type) {
      if (slot->pos[type] == 0) continue;
      add(Combine((type * 16 + slot->pos[type]) * 2 + (prev1 <= 0 ? 1 : 0),
                  base + 1));
    }
  }
  return n;
}

int NerModel::Features(const std::vector<TokenInfo>& info, uint32_t b,
                       uint32_t e, uint32_t i, int prev1, int prev2,
                       const History& hist, const Stage2* s2,
                       uint32_t* out) const {
  int n = StaticFeatures(info, b, e, i, out);
  return n + DynamicFeatures(info, b, e, i, prev1, prev2, hist, s2, out + n,
                             kMaxFeatures - n);
}

void NerModel::ScoredMask(const Document& doc,
                          const std::vector<TokenInfo>& info,
                          std::vector<uint8_t>* scored) const {
  const size_t n = info.size();
  if (gate_radius_ < 0) {
    scored->resize(n);
    for (size_t i = 0; i < n; ++i) (*scored)[i] = !(info[i].flags & kColon);
    return;
  }
  scored->assign(n, 0);
  const int64_t r = gate_radius_;
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin >= s.token_end || s.token_end > n) continue;
    // Marks [c - r, c + r] of each candidate c; `done` is the end of the
    // marked prefix, so each token is written once.
    int64_t b = s.token_begin, e = s.token_end, done = b;
    for (int64_t c = b; c < e; ++c) {
      uint16_t f = info[c].flags;
      if (!(f & (kCap | kAllCaps | kHasDigit))) continue;
      if (gate_initial_ && (f & kSentStart) && (f & kSeenLower) &&
          !(f & (kAllCaps | kHasDigit))) {
        continue;
      }
      for (int64_t j = std::max(done, c - r); j < std::min(e, c + r + 1); ++j) {
        (*scored)[j] = !(info[j].flags & kColon);
      }
      done = std::max(done, std::min(e, c + r + 1));
    }
  }
}

void NerModel::Aggregate(const std::vector<TokenInfo>& info,
                         const std::vector<int>& labels1, History* agg) {
  agg->Clear();
  for (size_t i = 0; i < info.size(); ++i) {
    if (labels1[i] != 0 || (info[i].flags & kCap)) {
      agg->Add(info[i].lower, TypeOf(labels1[i]), PosOf(labels1[i]));
    }
  }
}

void NerModel::Pass(const Document& doc, const std::vector<TokenInfo>& info,
                    int stage, const Stage2* s2,
                    std::vector<int>* labels) const {
  labels->assign(doc.tokens.size(), 0);
  const CompactWeights& w = weights_[stage];
  History hist;
  // Label-independent features of every token of a sentence, computed
  // first so the weight rows of the next token can be prefetched.
  std::vector<uint32_t> static_feats;
  std::vector<uint8_t> static_count;
  uint32_t feats[kMaxFeatures];
  int32_t scores[kNumLabels];
  auto prefetch = [&](uint32_t j) {
    const uint32_t* f = &static_feats[static_cast<size_t>(j) * kMaxFeatures];
    for (int k = 0; k < static_count[j]; ++k) {
      uint32_t r = w.Find(f[k]);
      if (r != CompactWeights::kNoRow) w.Prefetch(r);
    }
  };
  auto accumulate = [&](const uint32_t* f, int n) {
    for (int k = 0; k < n; ++k) {
      uint32_t r = w.Find(f[k]);
      if (r != CompactWeights::kNoRow) w.AddTo(r, scores);
    }
  };
  std::vector<uint8_t> scored;
  ScoredMask(doc, info, &scored);
  for (const Sentence& s : doc.sentences) {
    uint32_t len = s.token_end - s.token_begin;
    if (static_feats.size() < static_cast<size_t>(len) * kMaxFeatures) {
      static_feats.resize(static_cast<size_t>(len) * kMaxFeatures);
      static_count.resize(len);
    }
    for (uint32_t j = 0; j < len; ++j) {
      static_count[j] = 0;
      if (!scored[s.token_begin + j]) continue;
      static_count[j] = static_cast<uint8_t>(
          StaticFeatures(info, s.token_begin, s.token_end, s.token_begin + j,
                         &static_feats[static_cast<size_t>(j) * kMaxFeatures]));
    }
    if (len > 0) prefetch(0);
    int prev1 = -1, prev2 = -1;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      uint32_t j = i - s.token_begin;
      if (j + 1 < len) prefetch(j + 1);
      if (!scored[i]) {  // gated: O without scoring
        (*labels)[i] = 0;
        if (info[i].flags & kCap) hist.Add(info[i].lower, -1);
        prev2 = prev1;
        prev1 = 0;
        continue;
      }
      int ns = static_count[j];
      int nd = DynamicFeatures(info, s.token_begin, s.token_end, i, prev1,
                               prev2, hist, s2, feats, kMaxFeatures - ns);
      for (int l = 0; l < kNumLabels; ++l) scores[l] = 0;
      accumulate(&static_feats[static_cast<size_t>(j) * kMaxFeatures], ns);
      accumulate(feats, nd);
      int best = -1;
      int32_t best_score = 0;
      for (int l = 0; l < kNumLabels; ++l) {
        if (!ValidTransition(prev1, l)) continue;
        // At the sentence end an open entity must close.
        if (i + 1 == s.token_end && (PosOf(l) == 0 || PosOf(l) == 1)) {
          continue;
        }
        if (best < 0 || scores[l] > best_score) {
          best = l;
          best_score = scores[l];
        }
      }
      (*labels)[i] = best;
      if (best != 0 || (info[i].flags & kCap)) {
        hist.Add(info[i].lower, TypeOf(best), PosOf(best));
      }
      prev2 = prev1;
      prev1 = best;
    }
  }
}

void LabelsToSpans(const Document& doc, const std::vector<int>& labels,
                   std::vector<TokenSpan>* spans) {
  spans->clear();
  for (const Sentence& s : doc.sentences) {
    int open_type = -1;
    uint32_t open_first = 0;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      int l = labels[i];
      int type = TypeOf(l), pos = PosOf(l);
      bool continues =
          open_type >= 0 && type == open_type && (pos == 1 || pos == 2);
      if (open_type >= 0 && !continues) {
        spans->push_back({open_first, i - 1, open_type});
        open_type = -1;
      }
      if (type >= 0 && !continues) {
        open_type = type;
        open_first = i;
      }
      if (open_type >= 0 && (pos == 2 || pos == 3)) {
        spans->push_back({open_first, i, open_type});
        open_type = -1;
      }
    }
    if (open_type >= 0)
      spans->push_back({open_first, s.token_end - 1, open_type});
  }
}

}  // namespace whosaid::ner
