// DocView::Build: the per-token data of one document that every feature
// of the attribution models reads (word hashes, token classes, quotation
// state, sentence and paragraph edges, prefix counts), with the word hash
// (HashWord), the token classes and the time-adverbial word list it uses.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/base/calendar_words.h"

namespace whosaid {
namespace attribution {
using namespace internal;  // NOLINT: the feature helpers

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

}  // namespace attribution
}  // namespace whosaid
