#include "src/attribution/model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>

#include "src/attribution/feature_util.h"
#include "src/attribution/source_span.h"
#include "src/base/calendar_words.h"

namespace whosaid {
namespace attribution {
using namespace internal;  // NOLINT: the feature helpers
namespace {

constexpr char kMagic[] = "whosaid-attribution-model v7\n";

}  // namespace

namespace internal {

TimeWord TimeWordOf(uint64_t h) {
  // An open-addressing table of the list's hashes (load <= 1/4): one probe
  // per word token in DocView::Build, where a binary search over the sorted
  // list was about half of that function's own time.
  struct Slot {
    uint64_t key = 0;  // 0: empty (its word is kNone, so h == 0 reads kNone)
    TimeWord word = TimeWord::kNone;
  };
  static constexpr size_t kSlots = 256;
  static const std::array<Slot, kSlots> kTable = [] {
    // Besides the month and weekday names.
    static constexpr std::string_view kNouns[] = {
        "today", "yesterday", "tonight", "morning", "afternoon", "evening",
        "night", "week",      "weekend", "month",   "year",      "day",
        "days",  "weeks",     "months",  "years"};
    static constexpr std::string_view kModifiers[] = {
        "on",   "in",    "at",   "during",  "last",  "this",
        "next", "early", "late", "earlier", "later", "the",
        "a",    "ago",   "of",   "before",  "after", "since"};
    std::vector<std::pair<uint64_t, TimeWord>> w;
    for (std::string_view x : kNouns)
      w.push_back({HashWord(x), TimeWord::kNoun});
    for (std::string_view x : MonthNames()) {
      w.push_back({HashWord(x), TimeWord::kNoun});
    }
    for (std::string_view x : WeekdayNames()) {
      w.push_back({HashWord(x), TimeWord::kNoun});
    }
    for (std::string_view x : kModifiers) {
      w.push_back({HashWord(x), TimeWord::kModifier});
    }
    // Sorted, so that a hash listed twice keeps the class the binary
    // search found (the smaller one).
    std::sort(w.begin(), w.end());
    std::array<Slot, kSlots> t{};
    for (const auto& [key, word] : w) {
      size_t i = key & (kSlots - 1);
      while (t[i].key != 0 && t[i].key != key) i = (i + 1) & (kSlots - 1);
      if (t[i].key == key) continue;
      t[i] = {key, word};
    }
    return t;
  }();
  for (size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& s = kTable[i];
    if (s.key == h || s.key == 0) return s.key == h ? s.word : TimeWord::kNone;
  }
}

}  // namespace internal

namespace {
uint8_t ClassOf(const Token& t, std::string_view s) {
  switch (t.kind) {
    case TokenKind::kWord:
      if (t.all_caps) return kAllCaps;
      return t.capitalized ? kCap : kLower;
    case TokenKind::kNumber:
      return kNum;
    case TokenKind::kQuote:
      if (!t.double_quote) return kOtherQuote;
      return t.quote == QuoteRole::kOpen    ? kOpenQuote
             : t.quote == QuoteRole::kClose ? kCloseQuote
                                            : kOtherQuote;
    case TokenKind::kSymbol:
      return kSymbol;
    case TokenKind::kUrl:
      return kUrl;
    case TokenKind::kPunct:
      break;
  }
  if (s.empty()) return kOtherPunct;
  switch (s[0]) {
    case ',':
      return kComma;
    case '.':
    case '!':
    case '?':
      return kStop;
    case ':':
      return kColon;
    case ';':
      return kSemi;
    case '-':
      return kDash;
    case '(':
    case '[':
      return kOpenParen;
    case ')':
    case ']':
      return kCloseParen;
    default:
      break;
  }
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
      static_cast<unsigned char>(s[1]) == 0x80) {
    unsigned char c = s[2];
    if (c >= 0x93 && c <= 0x95) return kDash;
    if (c == 0xA6) return kStop;  // ellipsis
  }
  return kOtherPunct;
}

}  // namespace

uint64_t HashWord(std::string_view s) {
  uint64_t x = 0xcbf29ce484222325ULL;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c += 32;
    x ^= c;
    x *= 0x100000001b3ULL;
  }
  return Mix(x);
}

void DocView::Build(const Document& d) {
  doc = &d;
  size_t n = d.tokens.size();
  cand_bits.clear();
  cuec.clear();
  cuesc.clear();
  wbits.clear();
  wrec.clear();
  // The score caches and source scratch of a previous document (a DocView
  // may be reused): emptied, so that they are refilled for this one.
  cache_cs.clear();
  cache_ce.clear();
  cache_ss.clear();
  cache_se.clear();
  src_memo.clear();
  h.resize(n);
  cls.resize(n);
  inq.assign(n, 0);
  sent.assign(n, 0);
  sstart.assign(n, 0);
  send.assign(n, 0);
  pstart.assign(n, 0);
  pend.assign(n, 0);
  para.assign(n, 0);
  qo.assign(n + 1, 0);
  qc.assign(n + 1, 0);
  pc.assign(n + 1, 0);
  thatc.assign(n + 1, 0);
  timec.assign(n + 1, 0);
  nontimec.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string_view s = d.TokenText(i);
    h[i] = HashWord(s);
    cls[i] = ClassOf(d.tokens[i], s);
    const TimeWord tw = d.tokens[i].kind == TokenKind::kWord
                            ? TimeWordOf(h[i])
                            : TimeWord::kModifier;
    timec[i + 1] = timec[i] + (tw == TimeWord::kNoun);
    nontimec[i + 1] = nontimec[i] + (tw == TimeWord::kNone);
    qo[i + 1] = qo[i] + (cls[i] == kOpenQuote);
    qc[i + 1] = qc[i] + (cls[i] == kCloseQuote);
    pc[i + 1] = pc[i] + (cls[i] == kComma);
    thatc[i + 1] = thatc[i] + (h[i] == kThat);
  }
  for (size_t si = 0; si < d.sentences.size(); ++si) {
    const Sentence& s = d.sentences[si];
    if (s.token_end <= s.token_begin || s.token_end > n) continue;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      sent[i] = static_cast<uint32_t>(si);
      para[i] = s.paragraph;
    }
    sstart[s.token_begin] = 1;
    send[s.token_end - 1] = 1;
  }
  for (const Paragraph& p : d.paragraphs) {
    if (p.sentence_end <= p.sentence_begin ||
        p.sentence_end > d.sentences.size()) {
      continue;
    }
    const Sentence& a = d.sentences[p.sentence_begin];
    const Sentence& b = d.sentences[p.sentence_end - 1];
    if (a.token_end > a.token_begin && a.token_begin < n) {
      pstart[a.token_begin] = 1;
    }
    if (b.token_end > b.token_begin && b.token_end <= n) {
      pend[b.token_end - 1] = 1;
    }
  }
  next_close.assign(n, static_cast<int32_t>(n));
  prev_open.assign(n, -1);
  prev_break.assign(n, -1);
  for (size_t i = n; i-- > 0;) {
    next_close[i] = cls[i] == kCloseQuote ? static_cast<int32_t>(i)
                    : i + 1 < n           ? next_close[i + 1]
                                          : static_cast<int32_t>(n);
  }
  for (size_t i = 0; i < n; ++i) {
    prev_open[i] = cls[i] == kOpenQuote ? static_cast<int32_t>(i)
                   : i > 0              ? prev_open[i - 1]
                                        : -1;
    const uint8_t c = cls[i];
    const bool brk = c == kComma || c == kDash || c == kSemi || c == kColon ||
                     c == kOpenParen;
    prev_break[i] = brk     ? static_cast<int32_t>(i)
                    : i > 0 ? prev_break[i - 1]
                            : -1;
  }
  // Quotation state: double quotes only, reset at each paragraph start.
  bool inside = false;
  for (size_t i = 0; i < n; ++i) {
    if (pstart[i]) inside = false;
    uint8_t c = cls[i];
    if (c == kOpenQuote) {
      inside = true;
      inq[i] = 1;
    } else if (c == kCloseQuote) {
      inq[i] = 1;
      inside = false;
    } else {
      inq[i] = inside;
    }
  }
}

AttributionModel::AttributionModel()
    : cue_w(size_t{kCueLabels} << kCueBits, 0.f),
      content_w(size_t{1} << kContentBits, 0.f),
      source_w(size_t{1} << kSourceBits, 0.f) {}

void WordSet::Build(std::vector<uint64_t> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  sorted = std::move(words);
  size_t cap = 16;
  while (cap < sorted.size() * 4) cap <<= 1;
  slots.assign(cap, 0);
  mask = cap - 1;
  for (uint64_t w : sorted) {
    uint64_t k = w | 1;  // 0 marks an empty slot
    size_t i = k & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = k;
  }
}

bool AttributionModel::MayStartCue(uint64_t h) const {
  return cue_vocab.Has(h);
}

void AttributionModel::CueFeats(const DocView& v, int i, int prev, int sb,
                                int se, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kCueBits) - 1;
  f->clear();
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t w = x.h(i);
  int flags = 0;
  for (int j = i + 1; j <= i + 3 && j < se; ++j) {
    if (x.h(j) == kThat) flags |= 1;
    uint8_t c = x.c(j);
    if (c == kOpenQuote || c == kCloseQuote) flags |= 2;
    if (c == kColon) flags |= 4;
    if (c == kComma) flags |= 8;
  }
  int squote = v.qo[se] - v.qo[sb] + v.qc[se] - v.qc[sb] > 0;
  int capleft = 0;
  for (int j = std::max(sb, i - 4); j < i; ++j) {
    uint8_t c = x.c(j);
    if (c == kCap || c == kAllCaps) capleft = 1;
  }
  add(H(1, w));
  add(H(2, w, prev));
  add(H(3, x.h(i - 1)));
  add(H(4, x.h(i + 1)));
  add(H(5, x.h(i - 1), w));
  add(H(6, w, x.h(i + 1)));
  add(H(7, x.h(i - 2)));
  add(H(8, x.h(i + 2)));
  add(H(9, SuffixHash(v, i)));
  add(H(10, x.c(i - 1), x.c(i), x.c(i + 1)));
  add(H(11, x.q(i), w));
  add(H(12, prev));
  add(H(13, flags));
  add(H(14, w, flags));
  add(H(15, prev, x.c(i)));
  add(H(16, w, i == sb));
  add(H(17, x.q(i), prev));
  add(H(18, w, capleft));
  add(H(19, x.h(i - 1), prev));
  add(H(20, SuffixHash(v, i), flags));
  add(H(21, x.c(i), flags, capleft));
  // The stem is hashed here, for candidates only (not for every token).
  const uint64_t stem = StemHash(v.doc->TokenText(i));
  add(H(22, stem));
  add(H(23, stem, flags));
  add(H(24, stem, prev));
  add(H(25, w, x.c(i - 1), x.c(i + 1)));
  add(H(26, w, squote));
  add(H(27, stem, x.h(i - 1)));
  add(H(28, w, x.c(i - 2), x.c(i - 1)));
}

void AttributionModel::ContentWindow(const DocView& v, TSpan cue,
                                     const DecodeLimits& lim, int* lo,
                                     int* hi) const {
  // The cue's sentence, extended over neighbouring sentences only while a
  // quotation runs across the boundary.
  const Document& d = *v.doc;
  int ns = static_cast<int>(d.sentences.size());
  int s0 = static_cast<int>(v.sent[cue.b]);
  int s1 = static_cast<int>(v.sent[cue.e]);
  // A cue near the start (end) of its sentence may report the previous
  // (next) sentence.
  bool free_before = cue.b - static_cast<int>(d.sentences[s0].token_begin) <=
                     lim.content_free_edge;
  bool free_after = static_cast<int>(d.sentences[s1].token_end) - 1 - cue.e <=
                    lim.content_free_edge;
  for (int k = 0; s0 > 0; ++k) {
    int first = d.sentences[s0].token_begin;
    bool continues = v.inq[first] && v.cls[first] != kOpenQuote;
    if (!continues && !(k == 0 && free_before)) break;
    if (k >= lim.content_sentences_before &&
        (!continues ||
         k >= lim.content_sentences_before +
                  lim.content_quote_sentences_before ||
         first < cue.b - lim.content_max_side_tokens ||
         d.sentences[s0 - 1].paragraph !=
             d.sentences[v.sent[cue.b]].paragraph)) {
      break;
    }
    --s0;
  }
  for (int k = 0; k < lim.content_sentences_after && s1 + 1 < ns; ++k) {
    int last = static_cast<int>(d.sentences[s1].token_end) - 1;
    bool continues = v.inq[last] && v.cls[last] != kCloseQuote;
    if (!continues && !(k == 0 && free_after)) break;
    ++s1;
  }
  *lo = std::max<int>(d.sentences[s0].token_begin,
                      cue.b - lim.content_max_side_tokens);
  *hi = std::min<int>(static_cast<int>(d.sentences[s1].token_end) - 1,
                      cue.e + lim.content_max_side_tokens);
}

void AttributionModel::ContentStartTok(const DocView& v, int side, int s,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 100 + side;
  add(H(t, 2, x.h(s)));
  add(H(t, 3, x.h(s - 1)));
  add(H(t, 4, x.c(s - 1), x.c(s)));
  add(H(t, 7, v.sstart[s], v.pstart[s]));
  add(H(t, 8, x.q(s - 1) * 2 + x.q(s), x.c(s)));
  add(H(t, 11, x.h(s - 1), x.h(s)));
  add(H(t, 13, x.h(s - 2), x.h(s - 1)));
  add(H(t, 14));
  add(H(t, 16, x.c(s - 2), x.c(s - 1), x.c(s)));
}

void AttributionModel::ContentStartRel(const DocView& v, TSpan c, int s,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = s < c.b ? 0 : 1;
  int d = side == 0 ? s - c.b : s - c.e;
  int db = DistBucket(d);
  uint64_t t = 100 + side;
  int ds =
      Clip(static_cast<int>(v.sent[s]) - static_cast<int>(v.sent[c.b]), -3, 3);
  add(H(t, 1, db));
  add(H(t, 5, x.c(s - 1), x.c(s), db));
  add(H(t, 6, x.h(s - 1), db));
  add(H(t, 9, x.h(c.e), db));
  add(H(t, 10, x.h(c.e), x.h(s - 1)));
  add(H(t, 12, ds, v.sstart[s]));
}

void AttributionModel::ContentEndTok(const DocView& v, int side, int e,
                                     Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 200 + side;
  add(H(t, 2, x.h(e)));
  add(H(t, 3, x.h(e + 1)));
  add(H(t, 4, x.c(e), x.c(e + 1)));
  add(H(t, 5, x.c(e), x.c(e + 1), x.c(e + 2)));
  add(H(t, 7, v.send[e], v.pend[e]));
  add(H(t, 8, x.q(e) * 2 + x.q(e + 1), x.c(e + 1)));
  add(H(t, 10, x.h(e), x.h(e + 1)));
  add(H(t, 11, x.h(e + 1), x.h(e + 2)));
  add(H(t, 13, x.c(e + 1), e + 1 < x.n ? v.send[e + 1] : 1));
  add(H(t, 15, x.c(e - 1), x.c(e), x.c(e + 1)));
  add(H(t, 16));
}

void AttributionModel::ContentEndRel(const DocView& v, TSpan c, int e,
                                     Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  int d = side == 0 ? e - c.b : e - c.e;
  int db = DistBucket(d);
  uint64_t t = 200 + side;
  int ds =
      Clip(static_cast<int>(v.sent[e]) - static_cast<int>(v.sent[c.b]), -3, 3);
  add(H(t, 1, db));
  add(H(t, 6, x.h(e + 1), db));
  add(H(t, 9, x.h(c.e), db));
  add(H(t, 12, ds, v.send[e]));
  add(H(t, 14, x.h(c.b), x.c(e + 1)));
}

void AttributionModel::ContentStartFeats(const DocView& v, TSpan c, int s,
                                         Feats* f) const {
  ContentStartTok(v, s < c.b ? 0 : 1, s, f);
  ContentStartRel(v, c, s, f);
}

void AttributionModel::ContentEndFeats(const DocView& v, TSpan c, int e,
                                       Feats* f) const {
  ContentEndTok(v, e < c.b ? 0 : 1, e, f);
  ContentEndRel(v, c, e, f);
}

void AttributionModel::ContentPairFeats(const DocView& v, TSpan c, int s, int e,
                                        Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int t = e < c.b ? 0 : s > c.e ? 1 : 2;
  uint64_t T = 300 + t;
  int len = e - s + 1;
  int sents = Clip(static_cast<int>(v.sent[e] - v.sent[s]), 0, 5);
  int paras = Clip(static_cast<int>(v.para[e] - v.para[s]), 0, 3);
  int opens = v.qo[e + 1] - v.qo[s];
  int closes = v.qc[e + 1] - v.qc[s];
  int bal = Clip(opens - closes, -2, 2);
  int gap = t == 0 ? c.b - e - 1 : t == 1 ? s - c.e - 1 : 0;
  add(H(T, 1, LenBucket(len)));
  add(H(T, 2, sents));
  add(H(T, 3, paras));
  add(H(T, 4, bal, x.c(s) == kOpenQuote, x.c(e) == kCloseQuote));
  add(H(T, 5, Clip(gap, 0, 8)));
  add(H(T, 6, v.sstart[s], v.send[e]));
  add(H(T, 7, x.q(s), x.q(e)));
  add(H(T, 8, Clip(opens, 0, 3), Clip(closes, 0, 3)));
  add(H(T, 9, sents, v.send[e], x.c(e + 1)));
  // A "that" inside the span's head suggests the content starts there.
  int head_end = std::min(e, s + 15);
  int thats = head_end > s ? v.thatc[head_end + 1] - v.thatc[s + 1] : 0;
  add(H(T, 10, Clip(thats, 0, 2), Clip(gap, 0, 4)));
  add(H(T, 11, x.h(e)));
  add(H(T, 12, x.c(s), x.c(e), x.c(e + 1)));
  add(H(T, 13, x.h(s), Clip(thats, 0, 1)));
  // Quotation pairing: does the span close the quotation it opens (and
  // open the one it closes)?
  int open_rel = 0, close_rel = 0;
  if (x.c(s) == kOpenQuote) {
    int mc = s + 1 < x.n ? v.next_close[s + 1] : x.n;
    open_rel = e == mc ? 1 : e < mc ? 2 : 3;
  }
  if (x.c(e) == kCloseQuote) {
    int po = e > 0 ? v.prev_open[e - 1] : -1;
    close_rel = s == po ? 1 : s > po ? 2 : 3;
  }
  add(H(T, 14, open_rel, close_rel));
  add(H(T, 15, open_rel, x.c(e), x.c(e + 1)));
  // The last clause break inside the span and the word after it: a span
  // that runs on past ", but", ", according to" or " -- " to the sentence
  // end (or stops before a ", which" clause that the content includes).
  // Only for contents after the cue: before it (and around it) the
  // breaks are those of a quotation and its attribution.
  int lb = t == 1 && e > s ? v.prev_break[e - 1] : -1;
  if (lb > s) {
    add(H(T, 16, x.c(lb), x.h(lb + 1), v.send[e]));
  } else if (t == 1) {
    add(H(T, 17, v.send[e]));
  }
  // Cue-vocabulary words inside the span (a second report: "..., he
  // said", "and warned that ...").
  if (v.cuec.size() != v.size() + 1) FillCueCount(v);
  int cues_in = e > s ? v.cuec[e + 1] - v.cuec[s + 1] : 0;
  if (t == 2) cues_in -= v.cuec[c.e + 1] - v.cuec[c.b];  // not the cue
  add(H(T, 18, Clip(cues_in, 0, 2), sents, v.send[e]));
  // Strong cue words inside (a span over "..., he said" or "told" holds a
  // second report more surely than one over "expected").
  int strong_in = e > s ? v.cuesc[e + 1] - v.cuesc[s + 1] : 0;
  if (t == 2) strong_in -= v.cuesc[c.e + 1] - v.cuesc[c.b];
  add(H(T, 19, Clip(strong_in, 0, 2), Clip(cues_in, 0, 2), v.send[e]));
}

void AttributionModel::FillCueCount(const DocView& v) const {
  const size_t n = v.size();
  const bool bits = v.wbits.size() == n;
  v.cuec.assign(n + 1, 0);
  v.cuesc.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    bool cue = bits ? (v.wbits[i] & 1) != 0 : cue_vocab.Has(v.h[i]);
    bool strong = bits ? (v.wbits[i] & 32) != 0 : cue_strong.Has(v.h[i]);
    v.cuec[i + 1] = v.cuec[i] + cue;
    v.cuesc[i + 1] = v.cuesc[i] + strong;
  }
}

void AttributionModel::SourceStartTok(const DocView& v, int side, int b,
                                      Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 400 + side;
  add(H(t, 2, x.h(b)));
  add(H(t, 3, x.h(b - 1)));
  add(H(t, 4, x.c(b - 1), x.c(b)));
  add(H(t, 6, v.sstart[b], x.c(b)));
  add(H(t, 9, x.h(b - 1), x.h(b)));
  add(H(t, 11));
  add(H(t, 12, x.q(b), x.c(b)));
  add(H(t, 13, SuffixHash(v, b), x.c(b)));
}

void AttributionModel::SourceStartRel(const DocView& v, TSpan c, TSpan ct,
                                      int b, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = b < c.b ? 0 : 1;
  int d = side == 0 ? b - c.b : b - c.e;
  int db = DistBucket(d);
  int r = ct.none() ? 0 : b < ct.b ? 1 : 2;
  uint64_t t = 400 + side;
  add(H(t, 1, db));
  add(H(t, 5, x.h(b - 1), db));
  add(H(t, 7, r, db));
  add(H(t, 8, x.h(c.b), db));
  add(H(t, 10, x.c(b), db));
}

void AttributionModel::SourceEndTok(const DocView& v, int side, int e,
                                    Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 500 + side;
  add(H(t, 2, x.h(e)));
  add(H(t, 3, x.h(e + 1)));
  add(H(t, 4, x.c(e), x.c(e + 1)));
  add(H(t, 7, x.c(e), x.c(e + 1), x.c(e + 2)));
  add(H(t, 8, x.h(e), x.h(e + 1)));
  add(H(t, 10, SuffixHash(v, e), x.c(e + 1)));
  add(H(t, 11));
  add(H(t, 12, x.q(e), x.c(e)));
}

void AttributionModel::SourceEndRel(const DocView& v, TSpan c, TSpan ct, int e,
                                    Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  int d = side == 0 ? e - c.b : e - c.e;
  int db = DistBucket(d);
  int r = ct.none() ? 0 : e < ct.b ? 1 : 2;
  uint64_t t = 500 + side;
  add(H(t, 1, db));
  add(H(t, 5, x.h(e + 1), db));
  add(H(t, 6, x.h(c.b), db));
  add(H(t, 9, r, db));
}

void AttributionModel::SourceStartFeats(const DocView& v, TSpan c, TSpan ct,
                                        int b, Feats* f) const {
  SourceStartTok(v, b < c.b ? 0 : 1, b, f);
  SourceStartRel(v, c, ct, b, f);
}

void AttributionModel::SourceEndFeats(const DocView& v, TSpan c, TSpan ct,
                                      int e, Feats* f) const {
  SourceEndTok(v, e < c.b ? 0 : 1, e, f);
  SourceEndRel(v, c, ct, e, f);
}

void AttributionModel::SourcePairFeats(const DocView& v, TSpan c, TSpan ct,
                                       int b, int e, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  uint64_t t = 600 + side;
  int len = LenBucket(e - b + 1);
  int commas = Clip(v.pc[e + 1] - v.pc[b], 0, 3);
  add(H(t, 1, len));
  add(H(t, 2, commas, x.c(e)));
  add(H(t, 3, x.c(b), x.c(e), len));
  add(H(t, 4, x.h(b), len));
  add(H(t, 5, x.h(b), x.h(e)));
  add(H(t, 6, commas, len));
}

void AttributionModel::SourceNoneFeats(const DocView& v, TSpan c, TSpan ct,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 700;
  int r = ct.none() ? 0 : ct.e < c.b ? 1 : ct.b > c.e ? 2 : 3;
  add(H(t, 1));
  add(H(t, 2, x.h(c.b)));
  add(H(t, 3, x.h(c.e)));
  add(H(t, 4, x.c(c.b - 1), v.sstart[c.b]));
  add(H(t, 5, x.h(c.b - 1)));
  add(H(t, 6, r));
  add(H(t, 7, x.h(c.b), x.h(c.e)));
  add(H(t, 8, x.h(c.b), r));
}

float AttributionModel::Cached(const DocView& v, std::vector<float>& cache,
                               int side, int i, int which) const {
  size_t k = size_t{2} * i + side;
  if (v.use_cache && k < cache.size() && !std::isnan(cache[k])) {
    return cache[k];
  }
  Feats f;
  float sc = 0;
  if (fast_ != nullptr) {
    sc = TokFast(v, side, i, which);
  } else {
    switch (which) {
      case 0:
        ContentStartTok(v, side, i, &f);
        sc = Score(content_w, f);
        break;
      case 1:
        ContentEndTok(v, side, i, &f);
        sc = Score(content_w, f);
        break;
      case 2:
        SourceStartTok(v, side, i, &f);
        sc = Score(source_w, f);
        break;
      default:
        SourceEndTok(v, side, i, &f);
        sc = Score(source_w, f);
        break;
    }
  }
  if (v.use_cache) {
    if (cache.size() < 2 * v.size()) {
      cache.assign(2 * v.size(), std::numeric_limits<float>::quiet_NaN());
    }
    cache[k] = sc;
  }
  return sc;
}

TSpan AttributionModel::DecodeContent(const DocView& v, TSpan cue,
                                      const DecodeLimits& lim,
                                      std::vector<Scored>* nbest, TSpan speaker,
                                      bool before_cue) const {
  if (nbest != nullptr) nbest->clear();
  int lo, hi;
  ContentWindow(v, cue, lim, &lo, &hi);
  std::vector<Top> starts, ends;
  starts.reserve(hi - lo + 1);
  ends.reserve(hi - lo + 1);
  Feats f;
  f.reserve(32);
  for (int i = lo; i <= hi; ++i) {
    if (i >= cue.b && i <= cue.e) continue;
    int side = i < cue.b ? 0 : 1;
    if (StartCandidate(v, cue, i)) {
      f.clear();
      ContentStartRel(v, cue, i, &f);
      float ss = Score(content_w, f) + Cached(v, v.cache_cs, side, i, 0);
      starts.push_back(Top{ss, i});
    }
    if (EndCandidate(v, cue, i)) {
      f.clear();
      ContentEndRel(v, cue, i, &f);
      float es = Score(content_w, f) + Cached(v, v.cache_ce, side, i, 1);
      ends.push_back(Top{es, i});
    }
  }
  TopK(starts, lim.top_k);
  TopK(ends, lim.top_k);
  TSpan best;
  float best_score = 0;
  bool have = false;
  for (const Top& s : starts) {
    for (const Top& e : ends) {
      if (e.pos < s.pos) continue;
      bool before = e.pos<cue.b, after = s.pos> cue.e;
      bool around = s.pos < cue.b && e.pos > cue.e;
      if (!before && !after && !around) continue;
      if (!OwnSpeakerOk(cue, speaker, s.pos, e.pos, before_cue)) continue;
      if (!ContentAllowed(v, lim, s.pos, e.pos)) continue;
      f.clear();
      ContentPairFeats(v, cue, s.pos, e.pos, &f);
      float sc = s.score + e.score + Score(content_w, f);
      if (!have || sc > best_score) {
        have = true;
        best_score = sc;
        best = TSpan{s.pos, e.pos};
      }
      if (nbest != nullptr) {
        // Keep the n best (score descending) by insertion.
        Scored cand{sc, TSpan{s.pos, e.pos}};
        if (static_cast<int>(nbest->size()) < lim.content_nbest) {
          nbest->push_back(cand);
        } else if (sc > nbest->back().score) {
          nbest->back() = cand;
        } else {
          continue;
        }
        for (size_t k = nbest->size() - 1;
             k > 0 && (*nbest)[k].score > (*nbest)[k - 1].score; --k) {
          std::swap((*nbest)[k], (*nbest)[k - 1]);
        }
      }
    }
  }
  return best;
}

bool AttributionModel::SourceBlocked(const DocView& v, TSpan cue, TSpan ct,
                                     int i) const {
  if (i >= cue.b && i <= cue.e) return true;
  if (ct.none() || i < ct.b || i > ct.e) return false;
  // A content around its cue ("“A,” she said, “B.”") leaves the unquoted
  // tokens near the cue free for the source.
  bool around = ct.b < cue.b && ct.e > cue.e;
  return !around || v.inq[i];
}

TSpan AttributionModel::DecodeSource(const DocView& v, TSpan cue, TSpan ct,
                                     const DecodeLimits& lim,
                                     float* score) const {
  const Sentence& s = v.doc->sentences[v.sent[cue.b]];
  int lo = std::max<int>(s.token_begin, cue.b - lim.source_window);
  int hi = std::min<int>(static_cast<int>(s.token_end) - 1,
                         cue.e + lim.source_window);
  std::vector<Top> starts, ends;
  std::vector<int> blocked_before(hi - lo + 2, 0);
  Feats f;
  f.reserve(32);
  for (int i = lo; i <= hi; ++i) {
    bool blocked = SourceBlocked(v, cue, ct, i);
    blocked_before[i - lo + 1] = blocked_before[i - lo] + blocked;
    if (blocked) continue;
    int side = i < cue.b ? 0 : 1;
    if (SourceStartOk(v, i)) {
      f.clear();
      SourceStartRel(v, cue, ct, i, &f);
      float ss = Score(source_w, f) + Cached(v, v.cache_ss, side, i, 2);
      starts.push_back(Top{ss, i});
    }
    if (SourceEndOk(v, i)) {
      f.clear();
      SourceEndRel(v, cue, ct, i, &f);
      float es = Score(source_w, f) + Cached(v, v.cache_se, side, i, 3);
      ends.push_back(Top{es, i});
    }
  }
  TopK(starts, lim.top_k);
  TopK(ends, lim.top_k);
  f.clear();
  SourceNoneFeats(v, cue, ct, &f);
  float best_score = Score(source_w, f);
  TSpan best;
  for (const Top& b : starts) {
    for (const Top& e : ends) {
      if (e.pos < b.pos || e.pos - b.pos >= lim.source_max_tokens) continue;
      // Contiguous: no cue or content token inside.
      if (blocked_before[e.pos - lo + 1] != blocked_before[b.pos - lo]) {
        continue;
      }
      // A lone adverb in "-ly" is no speaker ("Ida Hale, the mayor,
      // forcefully told"): TrimSourceEnd cuts one that ends a longer
      // span, but cannot cut the whole span.
      if (lim.source_not_lone_ly_adverb && e.pos == b.pos &&
          IsLowerLyAdverb(*v.doc, b.pos)) {
        continue;
      }
      f.clear();
      SourcePairFeats(v, cue, ct, b.pos, e.pos, &f);
      float sc = b.score + e.score + Score(source_w, f);
      if (sc > best_score) {
        best_score = sc;
        best = TSpan{b.pos, e.pos};
      }
    }
  }
  if (score != nullptr) *score = best_score;
  return best;
}

Status AttributionModel::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError("cannot write attribution model " + path);
  out.write(kMagic, sizeof(kMagic) - 1);
  auto put_u64 = [&](uint64_t x) {
    out.write(reinterpret_cast<const char*>(&x), sizeof(x));
  };
  // Sparse: count then (index, value) pairs, for each table.
  auto put_table = [&](const std::vector<float>& w) {
    put_u64(w.size());
    uint64_t nz = 0;
    for (float x : w) nz += x != 0;
    put_u64(nz);
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i] == 0) continue;
      uint32_t idx = static_cast<uint32_t>(i);
      out.write(reinterpret_cast<const char*>(&idx), sizeof(idx));
      out.write(reinterpret_cast<const char*>(&w[i]), sizeof(float));
    }
  };
  put_table(cue_w);
  put_table(content_w);
  put_table(source_w);
  for (const WordSet* ws : {&cue_vocab, &start_prev, &end_next, &src_no_start,
                            &src_no_end, &cue_left, &cue_strong}) {
    put_u64(ws->sorted.size());
    for (uint64_t x : ws->sorted) put_u64(x);
  }
  put_u64(0x5ea1ed0fULL);  // trailer
  if (!out) return Status::IOError("write failed for " + path);
  return Status::OK();
}

void AttributionModel::CopyWordSetsFrom(const AttributionModel& other) {
  cue_vocab = other.cue_vocab;
  start_prev = other.start_prev;
  end_next = other.end_next;
  src_no_start = other.src_no_start;
  src_no_end = other.src_no_end;
  cue_left = other.cue_left;
  cue_strong = other.cue_strong;
}

Status AttributionModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("attribution model not found: " + path);
  char magic[sizeof(kMagic) - 1];
  in.read(magic, sizeof(magic));
  if (!in || std::memcmp(magic, kMagic, sizeof(magic)) != 0) {
    return Status::Corruption("attribution model " + path +
                              ": bad header (want " +
                              std::string(kMagic, sizeof(kMagic) - 2) + ")");
  }
  auto corrupt = [&](const char* what) {
    return Status::Corruption("attribution model " + path + ": " + what);
  };
  auto get_u64 = [&](uint64_t* x) {
    in.read(reinterpret_cast<char*>(x), sizeof(*x));
    return static_cast<bool>(in);
  };
  auto get_table = [&](std::vector<float>* w) {
    uint64_t size, nz;
    if (!get_u64(&size) || size != w->size()) return false;
    if (!get_u64(&nz) || nz > size) return false;
    std::fill(w->begin(), w->end(), 0.f);
    for (uint64_t k = 0; k < nz; ++k) {
      uint32_t idx;
      float val;
      in.read(reinterpret_cast<char*>(&idx), sizeof(idx));
      in.read(reinterpret_cast<char*>(&val), sizeof(val));
      if (!in || idx >= size) return false;
      (*w)[idx] = val;
    }
    return true;
  };
  if (!get_table(&cue_w)) return corrupt("truncated or bad cue table");
  if (!get_table(&content_w)) return corrupt("truncated or bad content table");
  if (!get_table(&source_w)) return corrupt("truncated or bad source table");
  for (WordSet* ws : {&cue_vocab, &start_prev, &end_next, &src_no_start,
                      &src_no_end, &cue_left, &cue_strong}) {
    uint64_t nv;
    if (!get_u64(&nv) || nv > (uint64_t{1} << 24)) return corrupt("bad vocab");
    std::vector<uint64_t> words(nv);
    for (auto& x : words) {
      if (!get_u64(&x)) return corrupt("truncated vocab");
    }
    if (!std::is_sorted(words.begin(), words.end())) {
      return corrupt("vocab not sorted");
    }
    ws->Build(std::move(words));
  }
  uint64_t trailer;
  if (!get_u64(&trailer) || trailer != 0x5ea1ed0fULL) {
    return corrupt("bad trailer");
  }
  Finalize();
  return Status::OK();
}

}  // namespace attribution
}  // namespace whosaid
