// Features for linking documents across a corpus: hashes, SimHash, quote
// shingles, normalised names and claim keys. Pure functions on caller-owned
// data; safe from any thread.
#ifndef WHOSAID_SRC_CORPUS_FEATURES_H_
#define WHOSAID_SRC_CORPUS_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {

// A fast 64-bit hash of bytes (not cryptographic).
uint64_t Hash64(std::string_view s, uint64_t seed = 0);

// Splits `text` into normalised words: letters and digits, case-folded;
// apostrophes inside a word are dropped ("don't" -> "dont"); every other
// character separates words. Appends one hash per word to `hashes` and, when
// `words` is not null, the word itself.
void NormalizedWords(std::string_view text, std::vector<uint64_t>* hashes,
                     std::vector<std::string>* words);

// Frees the token, sentence, paragraph and input-map arrays of `doc`, which
// a corpus store does not read, capacity included (`v = {}` assigns an empty
// initializer list and keeps the allocation).
void ReleaseTokenArrays(Document* doc);

// The normalised words joined by single spaces ("Gen. Valery  Gerasimov" ->
// "gen valery gerasimov").
std::string NormalizeText(std::string_view text);

// 64-bit SimHash of the shingles of `word_hashes` (k words each). Returns
// false (and leaves *out) when there are fewer than `min_words` words.
bool SimHash(const std::vector<uint64_t>& word_hashes, size_t k,
             size_t min_words, uint64_t* out);

// SimHash and the bottom-`sketch_size` sketch (sorted smallest distinct
// shingle hashes) of the same shingles. Returns false when there are fewer
// than `min_words` words.
bool Signature(const std::vector<uint64_t>& word_hashes, size_t k,
               size_t min_words, size_t sketch_size, uint64_t* simhash,
               std::vector<uint64_t>* sketch);

// Jaccard similarity estimated from two bottom-k sketches (Broder 1997):
// the share of the k smallest hashes of the union found in both.
double SketchJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b);

inline int HammingDistance(uint64_t a, uint64_t b) {
  return __builtin_popcountll(a ^ b);
}

// Shingles (sorted, unique) and winnowed fingerprints of a quote's content.
// Empty when it has fewer than options.min_quote_words words.
QuoteFeatures ComputeQuoteFeatures(std::string_view content,
                                   const CorpusOptions& options);

// |a ∩ b| / min(|a|, |b|) for sorted unique vectors; 0 when either is empty.
// When `shared` is not null it receives |a ∩ b|.
double Containment(std::span<const uint64_t> a, std::span<const uint64_t> b,
                   size_t* shared = nullptr);

// The words of a quote: its content span, or its parts joined by a space
// when the content is discontinuous.
std::string QuoteContent(const Document& doc, const Attribution& q);

// One stored entity row: a group of the document (or, for an unresolved
// mention, its label and text), how often it is mentioned, and its first
// mention's span.
struct EntityRow {
  std::string name;
  EntityLabel label = EntityLabel::kMisc;
  int64_t mentions = 0;
  Span first;
};
// The entity rows of `doc`, in a stable order (resolved groups by index,
// then unresolved mentions by label and text).
std::vector<EntityRow> AggregateEntities(const Document& doc);

// Key of the quantity a claim is about: the counted noun phrase normalised
// (case-folded, stopwords dropped, plurals folded, words sorted) + "|" +
// unit. Empty when fewer than two content words are counted (a bare "40
// percent" or "30 years" is no quantity that can be compared across
// articles).
std::string ClaimKey(std::string_view counted, std::string_view unit);

// Event context of each claim of `doc` (parallel to doc.claims): the
// normalised names of the entities in the claim's sentence, the claim's
// own source left out; when the sentence names none, the document's most
// mentioned entities. Sorted, unique, at most `max_keys` each. Claims of
// the same quantity are compared only when they share one of these (and
// were published close in time): "300 protesters" in two unrelated
// marches is no disagreement.
std::vector<std::vector<std::string>> ClaimContexts(const Document& doc,
                                                    size_t max_keys);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_FEATURES_H_
