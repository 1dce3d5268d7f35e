#include "src/corpus/features.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/corpus/input_delta.h"
#include "src/corpus/store_rows.h"

namespace whosaid {
namespace {

constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Hash of k consecutive word hashes (order-sensitive).
inline uint64_t ShingleHash(const uint64_t* w, size_t k) {
  uint64_t h = 0x51ED270B27FDB3A1ull;
  for (size_t i = 0; i < k; ++i) h = Mix(h ^ w[i]) * kMul + i;
  return Mix(h);
}

std::vector<uint64_t> Shingles(const std::vector<uint64_t>& words, size_t k) {
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  if (words.size() <= k) {
    out.push_back(ShingleHash(words.data(), words.size()));
    return out;
  }
  out.reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    out.push_back(ShingleHash(words.data() + i, k));
  }
  return out;
}

// Winnowing (Schleimer et al. 2003): the minimum of every window of `w`
// consecutive shingles. Two texts sharing a run of w shingles share at
// least one fingerprint.
std::vector<uint64_t> Winnow(const std::vector<uint64_t>& shingles, size_t w) {
  std::vector<uint64_t> out;
  if (shingles.size() <= w) {
    if (!shingles.empty()) {
      out.push_back(*std::min_element(shingles.begin(), shingles.end()));
    }
    return out;
  }
  for (size_t i = 0; i + w <= shingles.size(); ++i) {
    uint64_t m =
        *std::min_element(shingles.begin() + i, shingles.begin() + i + w);
    if (out.empty() || out.back() != m) out.push_back(m);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
           (cp >= '0' && cp <= '9');
  }
  auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

// Words that never distinguish one counted quantity from another.
bool IsStopword(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a",      "an",      "the",
      "of",     "and",     "or",
      "in",     "on",      "at",
      "to",     "for",     "by",
      "from",   "with",    "some",
      "about",  "over",    "more",
      "than",   "at",      "least",
      "up",     "nearly",  "almost",
      "around", "roughly", "approximately",
      "its",    "their",   "his",
      "her",    "our",     "this",
      "that",   "these",   "those",
      "other",  "were",    "was",
      "are",    "is",      "be",
      "been",   "who",     "which"};
  for (std::string_view s : kStop) {
    if (s == w) return true;
  }
  return false;
}

std::string Singular(std::string w) {
  size_t n = w.size();
  if (n > 4 && w.compare(n - 3, 3, "ies") == 0) {
    w.replace(n - 3, 3, "y");
  } else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
             w[n - 2] != 'i') {
    w.pop_back();
  }
  return w;
}

}  // namespace

uint64_t Hash64(std::string_view s, uint64_t seed) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = Mix(seed ^ (n * kMul));
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    h = Rotl(h ^ (v * kMul), 29) * 0xC2B2AE3D27D4EB4Full;
  }
  uint64_t tail = 0;
  if (i < n) std::memcpy(&tail, p + i, n - i);
  h ^= tail * 0x165667B19E3779F9ull;
  return Mix(h);
}

void NormalizedWords(std::string_view text, std::vector<uint64_t>* hashes,
                     std::vector<std::string>* words) {
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    hashes->push_back(Hash64(word));
    if (words) words->push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        word.push_back(static_cast<char>(c | 0x20));
      } else if (c >= '0' && c <= '9') {
        word.push_back(static_cast<char>(c));
      } else if (c == '\'' && !word.empty() && i < text.size() &&
                 IsLetter(static_cast<unsigned char>(text[i]))) {
        // inside a word: dropped
      } else {
        flush();
      }
      continue;
    }
    int len = 1;
    char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if (IsWordChar(cp)) {
      AppendUtf8(static_cast<char32_t>(
                     utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))),
                 &word);
    } else if (IsApostrophe(cp) && !word.empty()) {
      // dropped; a trailing one ends the word at the next separator
    } else {
      flush();
    }
  }
  flush();
}

void ReleaseTokenArrays(Document* doc) {
  std::vector<Token>().swap(doc->tokens);
  std::vector<Sentence>().swap(doc->sentences);
  std::vector<Paragraph>().swap(doc->paragraphs);
  std::vector<OffsetPiece>().swap(doc->input_map);
}

std::string NormalizeText(std::string_view text) {
  std::vector<uint64_t> hashes;
  std::vector<std::string> words;
  NormalizedWords(text, &hashes, &words);
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

namespace {

uint64_t SimHashOfShingles(const std::vector<uint64_t>& shingles) {
  // Bit-sliced counting: kSpread[v] holds bit j of v in byte j, so one add
  // per signature byte counts 8 bits at once; bytes are flushed before they
  // can overflow.
  static const auto kSpread = [] {
    std::array<uint64_t, 256> t{};
    for (int v = 0; v < 256; ++v) {
      for (int j = 0; j < 8; ++j) {
        t[v] |= static_cast<uint64_t>((v >> j) & 1) << (8 * j);
      }
    }
    return t;
  }();
  uint32_t counts[64] = {};
  uint64_t acc[8] = {};
  size_t n = 0, pending = 0;
  auto flush = [&] {
    for (int b = 0; b < 8; ++b) {
      for (int j = 0; j < 8; ++j)
        counts[8 * b + j] += (acc[b] >> (8 * j)) & 0xFF;
      acc[b] = 0;
    }
    pending = 0;
  };
  for (uint64_t h : shingles) {
    for (int b = 0; b < 8; ++b) acc[b] += kSpread[(h >> (8 * b)) & 0xFF];
    ++n;
    if (++pending == 255) flush();
  }
  flush();
  uint64_t sig = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * static_cast<size_t>(counts[b]) > n) sig |= uint64_t{1} << b;
  }
  return sig;
}

}  // namespace

bool SimHash(const std::vector<uint64_t>& word_hashes, size_t k,
             size_t min_words, uint64_t* out) {
  if (word_hashes.size() < std::max<size_t>(min_words, k)) return false;
  *out = SimHashOfShingles(Shingles(word_hashes, k));
  return true;
}

bool Signature(const std::vector<uint64_t>& word_hashes, size_t k,
               size_t min_words, size_t sketch_size, uint64_t* simhash,
               std::vector<uint64_t>* sketch) {
  if (word_hashes.size() < std::max<size_t>(min_words, k)) return false;
  std::vector<uint64_t> shingles = Shingles(word_hashes, k);
  *simhash = SimHashOfShingles(shingles);
  // The smallest distinct hashes: partial selection of 2k, then exact.
  sketch->clear();
  size_t take = std::min(shingles.size(), 2 * sketch_size);
  std::nth_element(shingles.begin(), shingles.begin() + (take - 1),
                   shingles.end());
  sketch->assign(shingles.begin(), shingles.begin() + take);
  std::sort(sketch->begin(), sketch->end());
  sketch->erase(std::unique(sketch->begin(), sketch->end()), sketch->end());
  if (sketch->size() < sketch_size && take < shingles.size()) {
    // Many repeated shingles among the smallest: do it the slow way.
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()),
                   shingles.end());
    sketch->assign(shingles.begin(),
                   shingles.begin() + std::min(sketch_size, shingles.size()));
  }
  if (sketch->size() > sketch_size) sketch->resize(sketch_size);
  return true;
}

double SketchJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  if (a.empty() || b.empty()) return 0;
  size_t k = std::min(a.size(), b.size());
  size_t i = 0, j = 0, seen = 0, both = 0;
  while (seen < k && i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++both, ++i, ++j;
    }
    ++seen;
  }
  return static_cast<double>(both) / static_cast<double>(seen);
}

QuoteFeatures ComputeQuoteFeatures(std::string_view content,
                                   const CorpusOptions& options) {
  QuoteFeatures f;
  std::vector<uint64_t> words;
  NormalizedWords(content, &words, nullptr);
  if (words.size() < std::max<size_t>(options.min_quote_words, 1)) return f;
  size_t k = std::max<size_t>(options.quote_shingle, 1);
  std::vector<uint64_t> seq = Shingles(words, k);
  f.fingerprints = Winnow(seq, 4);
  std::sort(seq.begin(), seq.end());
  seq.erase(std::unique(seq.begin(), seq.end()), seq.end());
  f.shingles = std::move(seq);
  return f;
}

double Containment(std::span<const uint64_t> a, std::span<const uint64_t> b,
                   size_t* shared) {
  if (shared) *shared = 0;
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  if (shared) *shared = common;
  return static_cast<double>(common) /
         static_cast<double>(std::min(a.size(), b.size()));
}

std::string ClaimKey(std::string_view counted, std::string_view unit) {
  std::vector<uint64_t> hashes;
  std::vector<std::string> words;
  NormalizedWords(counted, &hashes, &words);
  std::vector<std::string> kept;
  for (std::string& w : words) {
    if (IsStopword(w)) continue;
    kept.push_back(Singular(std::move(w)));
  }
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  // One word ("years", "people") names no quantity of its own: comparing
  // every "N years" of a corpus would list noise.
  if (kept.size() < 2) return std::string();
  std::string key;
  for (const std::string& w : kept) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  key.push_back('|');
  key += NormalizeText(unit);
  return key;
}

std::vector<EntityRow> AggregateEntities(const Document& doc) {
  std::map<std::pair<int, std::string>, EntityRow> groups;
  for (const Entity& e : doc.entities) {
    std::pair<int, std::string> key;
    if (e.group >= 0 && static_cast<size_t>(e.group) < doc.groups.size()) {
      key = {e.group, std::string()};
    } else {
      key = {-1 - static_cast<int>(e.label), std::string(doc.Text(e.span))};
    }
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) {
      it->second.name = key.first >= 0 ? doc.groups[e.group].canonical
                                       : std::string(doc.Text(e.span));
      if (it->second.name.empty()) it->second.name = doc.Text(e.span);
      it->second.label = e.label;
      it->second.first = e.span;
    }
    ++it->second.mentions;
  }
  std::vector<EntityRow> rows;
  rows.reserve(groups.size());
  for (auto& [key, row] : groups) rows.push_back(std::move(row));
  return rows;
}

std::string QuoteContent(const Document& doc, const Attribution& q) {
  if (q.parts.empty()) return std::string(doc.Text(q.content));
  std::string out;
  for (const Span& part : q.parts) {
    if (!out.empty()) out.push_back(' ');
    out += doc.Text(part);
  }
  return out;
}

uint64_t ContentHash(std::string_view raw_body) {
  return Hash64(raw_body, 0xC0DE);
}

namespace {

// Words too common in news to tie two claims to one event.
bool IsContextStopword(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "said",  "says",   "say",     "told",    "according", "also",     "will",
      "would", "could",  "should",  "have",    "has",       "had",      "not",
      "but",   "after",  "before",  "last",    "next",      "year",     "years",
      "week",  "weeks",  "month",   "months",  "day",       "days",     "time",
      "most",  "people", "percent", "million", "billion",   "thousand", "into",
      "them",  "they",   "there",   "here",    "what",      "when",     "while",
      "than",  "then",   "such",    "many",    "much",      "all"};
  for (std::string_view s : kStop) {
    if (s == w) return true;
  }
  return false;
}

}  // namespace

std::vector<std::vector<std::string>> ClaimContexts(const Document& doc,
                                                    size_t max_keys) {
  std::vector<std::vector<std::string>> out(doc.claims.size());
  if (doc.claims.empty() || max_keys == 0) return out;
  // One normalised name per entity mention (its group's canonical name
  // when resolved), and the document's most mentioned names as fallback.
  std::vector<std::string> names(doc.entities.size());
  std::map<std::string, size_t> mentions;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    std::string_view name = doc.Text(e.span);
    if (e.group >= 0 && static_cast<size_t>(e.group) < doc.groups.size() &&
        !doc.groups[e.group].canonical.empty()) {
      name = doc.groups[e.group].canonical;
    }
    names[i] = NormalizeText(name);
    if (!names[i].empty()) ++mentions[names[i]];
  }
  std::vector<std::pair<size_t, std::string>> top;
  for (const auto& [name, n] : mentions) top.emplace_back(n, name);
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    // The sentence holding the claim (the whole text when unsegmented).
    Span sentence{0, static_cast<uint32_t>(doc.text.size())};
    auto it = std::upper_bound(
        doc.sentences.begin(), doc.sentences.end(), c.span.begin,
        [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
    if (it != doc.sentences.begin()) sentence = std::prev(it)->span;
    const std::string source = NormalizeText(c.source_name);
    std::vector<std::string>& keys = out[i];
    for (size_t k = 0; k < doc.entities.size(); ++k) {
      const Span& s = doc.entities[k].span;
      if (s.begin < sentence.begin || s.end > sentence.end) continue;
      if (names[k].empty() || names[k] == source) continue;
      keys.push_back(names[k]);
    }
    const bool sentence_names_entity = !keys.empty();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<std::string> pairs;
    // Keyword pairs: two adjacent content words of the sentence outside
    // the claim itself ("town hall", "border crossing").
    if (it != doc.sentences.begin()) {
      const Sentence& sent = *std::prev(it);
      std::string prev_word;
      uint32_t prev_end = 0;
      for (uint32_t t = sent.token_begin;
           t < sent.token_end && t < doc.tokens.size(); ++t) {
        const Token& tok = doc.tokens[t];
        std::string word;
        bool content =
            tok.kind == TokenKind::kWord &&
            !(tok.span.end > c.span.begin && tok.span.begin < c.span.end) &&
            !(tok.span.end > c.counted.begin &&
              tok.span.begin < c.counted.end) &&
            !(tok.span.end > c.source.begin && tok.span.begin < c.source.end);
        if (content) {
          AsciiLower(doc.Text(tok.span), &word);
          content =
              word.size() >= 3 && !IsStopword(word) && !IsContextStopword(word);
        }
        if (content && !prev_word.empty() && tok.space_before &&
            prev_end + 1 >= tok.span.begin) {
          std::string pair = prev_word + " " + word;
          if (pair != source) pairs.push_back(std::move(pair));
        }
        prev_word = content ? std::move(word) : std::string();
        prev_end = tok.span.end;
      }
    }
    // Entities first: they survive the cap.
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (std::string& p : pairs) {
      if (keys.size() >= max_keys) break;
      keys.push_back(std::move(p));
    }
    if (!sentence_names_entity) {  // the two most mentioned entities
      size_t added = 0;
      for (const auto& [n, name] : top) {
        if (added == 2) break;
        if (name == source) continue;
        keys.push_back(name);
        ++added;
      }
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
    if (keys.size() > max_keys) keys.resize(max_keys);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  return out;
}

DocumentFeatures ComputeFeatures(const Document& doc, std::string_view raw_body,
                                 const CorpusOptions& options) {
  DocumentFeatures f;
  f.content_hash = ContentHash(raw_body);
  f.text_hash = Hash64(doc.text, 0x7E47);
  // Word hashes from the tokens when segmented (cheap), else from the text.
  std::vector<uint64_t> words;
  if (!doc.tokens.empty()) {
    words.reserve(doc.tokens.size());
    std::string lower;
    for (const Token& t : doc.tokens) {
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      AsciiLower(doc.Text(t.span), &lower);
      words.push_back(Hash64(lower));
    }
  } else {
    NormalizedWords(doc.text, &words, nullptr);
  }
  f.has_simhash = Signature(words, std::max<size_t>(options.simhash_shingle, 1),
                            options.min_simhash_words,
                            std::max<size_t>(options.sketch_size, 1),
                            &f.simhash, &f.sketch);
  f.rows = PrepareStoreRows(doc);
  f.quotes.reserve(doc.quotes.size());
  f.speaker_keys.reserve(doc.quotes.size());
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Attribution& q = doc.quotes[i];
    f.quotes.push_back(ComputeQuoteFeatures(f.rows.quotes[i].content, options));
    f.speaker_keys.push_back(NormalizeText(q.speaker_name));
  }
  f.claim_keys.reserve(doc.claims.size());
  for (const Claim& c : doc.claims) {
    f.claim_keys.push_back(ClaimKey(doc.Text(c.counted), c.unit));
  }
  f.claim_contexts = ClaimContexts(doc, options.max_claim_context);
  if (!doc.input_map.empty()) {
    auto delta = EncodeInputDelta(doc.text, doc.input_map, raw_body);
    if (delta) {
      f.has_input_delta = true;
      f.input_delta = std::move(*delta);
    }
  }
  return f;
}

}  // namespace whosaid
