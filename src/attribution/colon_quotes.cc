#include "src/attribution/colon_quotes.h"

#include <algorithm>
#include <iterator>

#include "src/attribution/feature_util.h"

namespace whosaid::attribution {
namespace {

using internal::kColon;
using internal::kComma;
using internal::kDash;
using internal::kOpenQuote;

// The first person or organisation entity that starts at token t, or null.
const Entity* SpeakerAt(const Document& d, int t) {
  const size_t begin = d.tokens[t].span.begin;
  auto it = std::lower_bound(
      d.entities.begin(), d.entities.end(), begin,
      [](const Entity& e, size_t b) { return e.span.begin < b; });
  for (; it != d.entities.end() && it->span.begin == begin; ++it) {
    if (it->label == EntityLabel::kPerson || it->label == EntityLabel::kOrg) {
      return &*it;
    }
  }
  return nullptr;
}

// Whether a person entity ends with token t.
bool PersonEndsAt(const Document& d, int t) {
  const size_t end = d.tokens[t].span.end;
  auto it = std::upper_bound(
      d.entities.begin(), d.entities.end(), end,
      [](size_t e, const Entity& x) { return e < x.span.begin; });
  while (it != d.entities.begin()) {
    --it;
    if (it->span.end == end && it->label == EntityLabel::kPerson) return true;
    if (it->span.end < end) break;
  }
  return false;
}

template <size_t N>
bool InList(uint64_t h, const uint64_t (&list)[N]) {
  return std::find(std::begin(list), std::end(list), h) != std::end(list);
}

}  // namespace

bool LooksLikeAVerb(std::string_view w, uint64_t h) {
  // PolNeAR train: the lowercase word after a speaker that ends in a name
  // or he/she passes in 92% of cases (most others are prepositions: "Trump
  // on ..."); a lowercase word after a capitalized one inside a speaker
  // fails in 87% ("campaign", "spokesman").
  static const WordSet* const kWords = [] {
    static constexpr std::string_view kList[] = {
        "is",     "was",    "are",   "were",    "has",   "had",     "have",
        "will",   "would",  "can",   "could",   "may",   "might",   "should",
        "must",   "did",    "does",  "do",      "be",    "also",    "then",
        "still",  "never",  "just",  "even",    "again", "once",    "now",
        "later",  "often",  "first", "last",    "not",   "said",    "told",
        "made",   "gave",   "took",  "wrote",   "put",   "got",     "went",
        "spoke",  "sent",   "came",  "saw",     "knew",  "thought", "found",
        "felt",   "kept",   "left",  "brought", "began", "ran",     "held",
        "stood",  "meant",  "read",  "let",     "set",   "heard",   "led",
        "won",    "lost",   "paid",  "met",     "sat",   "struck",  "drew",
        "threw",  "fell",   "rose",  "chose",   "broke", "taught",  "fought",
        "caught", "bought", "built", "spent",   "sold",  "swore",   "shook",
        "sought", "hit",    "cut",   "laid",    "cast",  "shot"};
    std::vector<uint64_t> hashes;
    for (std::string_view x : kList) hashes.push_back(HashWord(x));
    auto* set = new WordSet;
    set->Build(std::move(hashes));
    return set;
  }();
  if (w.empty() || w[0] == '\'' || w.starts_with("\xE2\x80\x99")) {
    return false;
  }
  return kWords->Has(h) || w.ends_with("s") || w.ends_with("ed") ||
         w.ends_with("ing") || w.ends_with("ly") || w.ends_with("n't") ||
         w.ends_with("n\xE2\x80\x99t");
}

void FindColonQuotes(const DocView& v, const AttributionModel& model,
                     const DecodeLimits& limits, std::vector<ColonQuote>* out) {
  out->clear();
  const Document& d = *v.doc;
  const int n = static_cast<int>(v.size());
  static const uint64_t kHe = HashWord("he"), kShe = HashWord("she");
  // Words that open a sentence before its subject, and words that open a
  // subordinate clause (whose subject is not the sentence's).
  static const uint64_t kOpeners[] = {HashWord("and"),  HashWord("but"),
                                      HashWord("so"),   HashWord("yet"),
                                      HashWord("then"), HashWord("now")};
  static const uint64_t kSubordinators[] = {
      HashWord("when"),    HashWord("while"),   HashWord("if"),
      HashWord("after"),   HashWord("before"),  HashWord("as"),
      HashWord("because"), HashWord("since"),   HashWord("although"),
      HashWord("though"),  HashWord("until"),   HashWord("unless"),
      HashWord("once"),    HashWord("whereas"), HashWord("where"),
      HashWord("or")};
  auto word = [&](int t) {
    return v.cls[t] == internal::kLower || v.cls[t] == internal::kCap ||
           v.cls[t] == internal::kAllCaps || v.cls[t] == internal::kNum;
  };
  auto pronoun = [&](int t) { return v.h[t] == kHe || v.h[t] == kShe; };
  int after = -1;  // the last token of the previous colon quotation
  int subject_sentence = -1, b = -1, e = -1;
  for (int i = 1; i + 1 < n; ++i) {
    if (v.cls[i] != kColon || v.cls[i + 1] != kOpenQuote) continue;
    const int q = i + 1;
    // The quotation, to its closing mark within the paragraph.
    const int j = v.next_close[q];
    if (v.para[q] != v.para[i] || j >= n || v.para[j] != v.para[q] ||
        j - i > limits.content_max_side_tokens) {
      continue;
    }
    int words = 0;
    for (int t = q + 1; t < j; ++t) words += word(t);
    if (words < limits.colon_quote_min_words) continue;
    // The subject [b, e], found once per sentence (b = -1: none).
    const Sentence& sent = d.sentences[v.sent[i]];
    const int sb = static_cast<int>(sent.token_begin);
    if (sb != subject_sentence) {
      subject_sentence = sb;
      b = e = -1;
      const int se = static_cast<int>(sent.token_end);
      int k = sb;
      for (; k < se && e < 0; ++k) {
        if (v.inq[k]) continue;
        if (pronoun(k)) {
          e = k;
        } else if (const Entity* p = SpeakerAt(d, k)) {
          e = k;
          while (e + 1 < se && d.tokens[e + 1].span.end <= p->span.end) ++e;
        }
      }
      if (e >= 0) {
        // Role words before a name ("Daily Show host"), no lowercase one a
        // cue word ("Critics mocked Trump for ...").
        b = --k;
        while (!pronoun(k) && b > sb && k - b < limits.colon_quote_role_words &&
               word(b - 1) && !InList(v.h[b - 1], kOpeners) &&
               !InList(v.h[b - 1], kSubordinators) &&
               (v.cls[b - 1] != internal::kLower ||
                !model.MayStartCue(v.h[b - 1]))) {
          --b;
        }
        const bool opens = b == sb || v.cls[b - 1] == kComma ||
                           v.cls[b - 1] == kDash ||
                           (b - 1 == sb && InList(v.h[b - 1], kOpeners));
        if (!opens || e + 1 >= se || v.cls[e + 1] != internal::kLower ||
            !LooksLikeAVerb(d.TokenText(e + 1), v.h[e + 1]) ||
            e - b + 1 > limits.source_max_tokens) {
          b = e = -1;
        }
      }
    }
    if (b < 0 || e + 1 >= i || b <= after || i - e > 2 * kMaxCueTokens ||
        PersonEndsAt(d, i - 1)) {
      continue;
    }
    out->push_back(ColonQuote{TSpan{b, e}, TSpan{e + 1, i}, TSpan{q, j}});
    after = j;
  }
}

}  // namespace whosaid::attribution
