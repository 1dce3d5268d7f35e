#include "src/entities/ner_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/entities/lexicon.h"
#include "src/entities/ner_gazetteer.h"

namespace whosaid::ner {
namespace {

constexpr char kMagic[8] = {'W', 'S', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr uint64_t kBos = 0x5151515151515151ULL;
constexpr uint64_t kEos = 0x7373737373737373ULL;
constexpr uint64_t kSeqSeed = 0x2545F4914F6CDD1DULL;

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

uint64_t Fnv(const char* p, size_t n, uint64_t h = 1469598103934665603ULL) {
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 1099511628211ULL;
  }
  return h;
}

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Get(std::string_view data, size_t* pos, T* v) {
  if (*pos + sizeof(T) > data.size()) return false;
  std::memcpy(v, data.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
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

uint64_t SequenceKey(const uint64_t* lower_hashes, int n) {
  uint64_t h = kSeqSeed;
  for (int i = 0; i < n; ++i) h = Combine(h, lower_hashes[i]);
  return h | 1;
}

// ---------------------------------------------------------------- Gazetteer
void Gazetteer::Clear() {
  keys_.clear();
  values_.clear();
  count_ = 0;
}

void Gazetteer::Reset() {
  if (keys_.size() > (size_t{1} << 16)) {
    Clear();
    return;
  }
  std::fill(keys_.begin(), keys_.end(), 0);
  std::fill(values_.begin(), values_.end(), 0);
  count_ = 0;
}

void Gazetteer::InsertSequence(const uint64_t* lower_hashes, int n,
                               uint8_t type_bits) {
  uint64_t h = kSeqSeed;
  for (int i = 0; i + 1 < n; ++i) {
    h = Combine(h, lower_hashes[i]);
    Insert(h | 1, kPrefix);
  }
  Insert(SequenceKey(lower_hashes, n), type_bits);
}

void Gazetteer::Grow() {
  auto old_keys = std::move(keys_);
  auto old_values = std::move(values_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  count_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i]) Insert(old_keys[i], old_values[i]);
  }
}

void Gazetteer::Insert(uint64_t key, uint8_t bits) {
  key |= 1;
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++count_;
  }
  values_[i] |= bits;
}

uint8_t Gazetteer::Find(uint64_t key) const {
  if (keys_.empty()) return 0;
  key |= 1;
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0) {
    if (keys_[i] == key) return values_[i];
    i = (i + 1) & mask;
  }
  return 0;
}

// ------------------------------------------------------------- WordClusters
void WordClusters::Grow() {
  auto old_keys = std::move(keys_);
  auto old_ids = std::move(ids_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  ids_.assign(cap * kClusterLevels, 0);
  count_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i]) Insert(old_keys[i], &old_ids[i * kClusterLevels]);
  }
}

void WordClusters::Insert(uint64_t key, const uint16_t* ids) {
  key |= 1;
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++count_;
  }
  for (int k = 0; k < kClusterLevels; ++k)
    ids_[i * kClusterLevels + k] = ids[k];
}

const uint16_t* WordClusters::Find(uint64_t key) const {
  if (keys_.empty()) return nullptr;
  key |= 1;
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0) {
    if (keys_[i] == key) return &ids_[i * kClusterLevels];
    i = (i + 1) & mask;
  }
  return nullptr;
}

// ------------------------------------------------------------------ History
History::History(size_t capacity_log2) : slots_(size_t{1} << capacity_log2) {}

void History::Clear() {
  if (used_ * 8 < slots_.size()) {
    for (uint32_t i : touched_) slots_[i] = Slot();
  } else {
    std::fill(slots_.begin(), slots_.end(), Slot());
  }
  touched_.clear();
  used_ = 0;
}

History::Slot* History::FindSlot(uint64_t key, bool insert) {
  key |= 1;
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) return &slots_[i];
    i = (i + 1) & mask;
  }
  if (!insert || (used_ + 1) * 4 > slots_.size() * 3) return nullptr;
  slots_[i].key = key;
  ++used_;
  touched_.push_back(static_cast<uint32_t>(i));
  return &slots_[i];
}

const History::Slot* History::FindSlot(uint64_t key) const {
  key |= 1;
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) return &slots_[i];
    i = (i + 1) & mask;
  }
  return nullptr;
}

void History::Add(uint64_t lower, int type, int pos) {
  Slot* s = FindSlot(lower, true);
  if (s == nullptr) return;
  int k = type < 0 ? 4 : type;
  if (s->counts[k] < 60000) ++s->counts[k];
  if (type >= 0 && pos >= 0) s->pos[type] |= static_cast<uint8_t>(1 << pos);
}

int History::Majority(uint64_t lower, int* count) const {
  const Slot* s = FindSlot(lower);
  *count = 0;
  if (s == nullptr) return -1;
  int best = -1, best_count = 0, total = 0;
  for (int k = 0; k < 5; ++k) {
    total += s->counts[k];
    if (s->counts[k] > best_count) {
      best = k;
      best_count = s->counts[k];
    }
  }
  *count = total;
  return best;
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

namespace {

// Compacts a dense table (rows * kNumLabels) into CompactWeights.
void Compact(const std::vector<int16_t>& dense, size_t rows,
             CompactWeights* out) {
  out->Reset(rows);
  for (size_t r = 0; r < rows; ++r) {
    const int16_t* row = &dense[r * kNumLabels];
    bool any = false;
    for (int l = 0; l < kNumLabels; ++l) any |= row[l] != 0;
    if (any) out->Append(static_cast<uint32_t>(r), row);
  }
  out->Seal();
}

// Writes `gaz` (entry count, then key and value of each entry in key order,
// so the file does not depend on insertion order).
void PutGazetteer(const Gazetteer& gaz, std::string* out) {
  Put<uint64_t>(out, static_cast<uint64_t>(gaz.size()));
  const auto& keys = gaz.keys();
  const auto& values = gaz.values();
  std::vector<size_t> order;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t i : order) {
    Put<uint64_t>(out, keys[i]);
    Put<uint8_t>(out, values[i]);
  }
}

// Reads what PutGazetteer wrote at *pos into `gaz`; false when damaged.
bool GetGazetteer(std::string_view body, size_t* pos, Gazetteer* gaz) {
  uint64_t n;
  if (!Get(body, pos, &n) || n > body.size()) return false;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key;
    uint8_t value;
    if (!Get(body, pos, &key) || !Get(body, pos, &value)) return false;
    gaz->Insert(key, value);
  }
  return true;
}

}  // namespace

void NerModel::Finalize() {
  size_t rows = size_t{1} << bucket_bits_;
  for (int st = 0; st < stages_; ++st) {
    const std::vector<float>& fw = float_weights_[st];
    std::vector<int16_t> dense(rows * kNumLabels, 0);
    float max_abs = 0;
    for (float x : fw) max_abs = std::max(max_abs, std::abs(x));
    if (max_abs > 0) {
      float scale = 32000.0f / max_abs;
      for (size_t i = 0; i < fw.size() && i < dense.size(); ++i) {
        dense[i] = static_cast<int16_t>(std::lround(fw[i] * scale));
      }
    }
    Compact(dense, rows, &weights_[st]);
  }
  cache_id_ = NewCacheId();
}

Status NerModel::Save(const std::string& path) const {
  std::string out;
  out.append(kMagic, 8);
  Put<uint32_t>(&out, kVersion);
  Put<uint32_t>(&out, static_cast<uint32_t>(bucket_bits_));
  Put<uint32_t>(&out, kNumLabels);
  PutGazetteer(gazetteer_, &out);
  Put<uint64_t>(&out, static_cast<uint64_t>(clusters_.size()));
  // Sorted by key, so the file does not depend on insertion order.
  const auto& ckeys = clusters_.keys();
  std::vector<size_t> order;
  for (size_t i = 0; i < ckeys.size(); ++i) {
    if (ckeys[i] != 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return ckeys[a] < ckeys[b]; });
  for (size_t i : order) {
    Put<uint64_t>(&out, ckeys[i]);
    for (int k = 0; k < kClusterLevels; ++k) {
      Put<uint16_t>(&out, clusters_.ids()[i * kClusterLevels + k]);
    }
  }
  Put<uint32_t>(&out, static_cast<uint32_t>(stages_));
  Put<int32_t>(&out, gate_radius_);
  Put<uint32_t>(&out, gate_initial_ ? 1u : 0u);
  Put<uint32_t>(&out, doc_features_);
  PutGazetteer(external_gazetteer_, &out);
  PutGazetteer(external_words_, &out);
  size_t rows = size_t{1} << bucket_bits_;
  for (int st = 0; st < stages_; ++st) {
    const CompactWeights& w = weights_[st];
    Put<uint64_t>(&out, static_cast<uint64_t>(w.num_rows()));
    for (size_t b = 0; b < rows; ++b) {
      uint32_t r = w.Find(static_cast<uint32_t>(b));
      if (r == CompactWeights::kNoRow) continue;
      Put<uint32_t>(&out, static_cast<uint32_t>(b));
      for (int l = 0; l < kNumLabels; ++l) Put<int16_t>(&out, w.At(r, l));
    }
  }
  Put<uint64_t>(&out, Fnv(out.data(), out.size()));
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(fmt::format("cannot write {}", path));
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!f) return Status::IOError(fmt::format("write failed: {}", path));
  return Status::OK();
}

Result<NerModel> NerModel::LoadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    return Status::NotFound(fmt::format(
        "NER model {} not found (retrain with eval/train_ner.sh)", path));
  }
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  auto corrupt = [&](std::string_view why) {
    return Status::Corruption(fmt::format("NER model {}: {}", path, why));
  };
  if (data.size() < 8 + 12 + 16 + 8 || std::memcmp(data.data(), kMagic, 8)) {
    return corrupt("bad magic (not a whosaid NER model)");
  }
  uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  if (Fnv(data.data(), data.size() - 8) != stored) {
    return corrupt("checksum mismatch (truncated or damaged file)");
  }
  std::string_view body(data.data(), data.size() - 8);
  size_t pos = 8;
  uint32_t version, bits, labels;
  Get(body, &pos, &version);
  Get(body, &pos, &bits);
  Get(body, &pos, &labels);
  if (version < 6 || version > kVersion) {
    return corrupt(fmt::format("version {} but this engine reads versions 6-{}",
                               version, kVersion));
  }
  if (bits < 10 || bits > 24 || labels != kNumLabels) {
    return corrupt("bad header (bucket bits or label count)");
  }
  NerModel model(static_cast<int>(bits));
  if (!GetGazetteer(body, &pos, &model.gazetteer_)) {
    return corrupt("bad or truncated gazetteer");
  }
  uint64_t nclusters;
  if (!Get(body, &pos, &nclusters) || nclusters > body.size()) {
    return corrupt("bad cluster table size");
  }
  for (uint64_t i = 0; i < nclusters; ++i) {
    uint64_t key;
    uint16_t ids[kClusterLevels];
    if (!Get(body, &pos, &key)) return corrupt("truncated cluster table");
    for (int k = 0; k < kClusterLevels; ++k) {
      if (!Get(body, &pos, &ids[k])) return corrupt("truncated cluster table");
    }
    model.clusters_.Insert(key, ids);
  }
  uint32_t stages;
  if (!Get(body, &pos, &stages) || stages < 1 || stages > kMaxStages) {
    return corrupt("bad stage count");
  }
  model.stages_ = static_cast<int>(stages);
  if (version >= 6) {
    int32_t radius;
    uint32_t initial;
    if (!Get(body, &pos, &radius) || !Get(body, &pos, &initial) ||
        radius < -1 || radius > 64 || initial > 1) {
      return corrupt("bad candidate gate");
    }
    model.set_gate(radius, initial != 0);
  }
  if (version >= 7) {
    uint32_t features;
    if (!Get(body, &pos, &features) ||
        features > (kDocFraction | kDocPositions | kCaseClusters | kExtToken |
                    kLongestMatch)) {
      return corrupt("bad document features");
    }
    model.doc_features_ = features;
  }
  if (version >= 8 && (!GetGazetteer(body, &pos, &model.external_gazetteer_) ||
                       !GetGazetteer(body, &pos, &model.external_words_))) {
    return corrupt("bad or truncated external gazetteer");
  }
  size_t rows = size_t{1} << bits;
  for (uint32_t st = 0; st < stages; ++st) {
    CompactWeights& w = model.weights_[st];
    w.Reset(rows);
    uint64_t nonzero;
    if (!Get(body, &pos, &nonzero) || nonzero > rows) {
      return corrupt("bad weight row count");
    }
    w.head.reserve(nonzero * CompactWeights::kHead);
    w.tail.reserve(nonzero);
    int64_t last = -1;
    int16_t row[kNumLabels];
    for (uint64_t i = 0; i < nonzero; ++i) {
      uint32_t r;
      if (!Get(body, &pos, &r) || r >= rows ||
          static_cast<int64_t>(r) <= last ||
          pos + sizeof(int16_t) * kNumLabels > body.size()) {
        return corrupt("truncated or bad weight row");
      }
      last = r;
      std::memcpy(row, body.data() + pos, sizeof(row));
      pos += sizeof(row);
      w.Append(r, row);
    }
    w.Seal();
  }
  if (pos != body.size()) return corrupt("trailing bytes");
  model.cache_id_ = NewCacheId();
  return model;
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
