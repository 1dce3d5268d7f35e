// LinkSpeakers: the cross-article speaker links of a corpus, computed from
// the stored speakers alone (name key, entity label, quote count), so that
// the result does not depend on the order documents were ingested in.
//
// Two links to a full PERSON name and one between organisations:
//  * a middle-initial variant ("donald j trump") to the plain full name
//    ("donald trump") when the plain name is a stored PERSON speaker and no
//    other variant of it has different initials ("george w bush" and
//    "george h w bush" both exist: neither links);
//  * a one-word PERSON name ("gedney") to the full PERSON name ending in
//    that word that holds at least CorpusOptions::speaker_link_share of the
//    quotes of all full PERSON names ending in it (variants counted with
//    their plain name), with at least speaker_link_min_quotes quotes;
//  * an ORG speaker whose name is an acronym ("NHA", "N.H.A.") to the ORG
//    speaker whose name's initials spell it (words but of/and/the/for:
//    "Norland Harbor Authority"), when exactly one such body has at least
//    CorpusOptions::speaker_link_acronym_min_quotes quotes; a name and its
//    "the" form ("The Norland Harbor Authority") are one body, linked to
//    by the form with more quotes. With
//    CorpusOptions::speaker_link_acronym_needs_mention (the default) the
//    link also needs one quote of the body whose speaker mention holds the
//    acronym (an article that spelled the name out and resolved its own
//    "the NHA" to it: an AcronymMention).
// A link always points at a speaker that is not itself linked. Pure
// function on caller-owned data; safe from any thread.
//
// SpeakerLabelTally: the quotes per (speaker, entity label) of one write
// transaction, which a store writer adds up as it writes quotes and then
// upserts into speaker_labels once per pair instead of once per document
// (a speaker recurs across a batch's documents). Owned by the one writer
// thread of a store; not thread-safe.
#ifndef WHOSAID_SRC_CORPUS_SPEAKER_LINKS_H_
#define WHOSAID_SRC_CORPUS_SPEAKER_LINKS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {

// One stored speaker as the link reads it.
struct SpeakerLinkRow {
  int64_t id = 0;
  std::string key;    // name_key: NormalizeText of the name
  std::string label;  // "PERSON", "ORG", ...; "" when unknown
  size_t quotes = 0;
  std::string name;  // the stored display name (its capitals and dots)
};

// The speaker's entity label: the label most of its typed quotes carry
// (`counts` pairs label -> quotes; "" counts nothing), ties to the smaller
// label; "" when no quote is typed.
std::string MajorityLabel(
    std::span<const std::pair<std::string, size_t>> counts);

// Quotes per (speaker id, entity label), added one quote at a time. The
// labels are views the caller keeps alive until Take() (EntityLabelName()'s
// static text in both writers).
class SpeakerLabelTally {
 public:
  struct Count {
    int64_t speaker = 0;
    std::string_view label;  // "" when the quote's label is unknown
    int64_t quotes = 0;
  };

  // One quote of `speaker` (an id, not 0) whose label is `label`.
  void Add(int64_t speaker, std::string_view label) {
    entries_.push_back({speaker, label, 1});
  }
  // One count per (speaker, label) added since the last Take() or Clear(),
  // ordered by speaker then label (so upserts walk the table's primary key
  // in order); empties the tally.
  std::vector<Count> Take();
  // Forgets everything added (a rolled-back transaction).
  void Clear() { entries_.clear(); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Count> entries_;  // one per quote until Take() merges them
};

// A quote's evidence that an acronym names its speaker: the capitals of an
// acronym word of the quote's speaker mention and the quote's speaker id.
struct AcronymMention {
  std::string letters;  // "NHA" of "the NHA" or "N.H.A."
  int64_t speaker = 0;
};

// Adds to `out` the acronym words of `mention` (a quote's speaker mention,
// e.g. "the NHA's spokesman") said by `speaker`. A store reads only the
// quotes whose mention differs from the resolved name and has two capitals
// in a row or around a dot or ampersand (kAcronymMentionGlobs in SQLite,
// kAcronymMentionRegex in PostgreSQL: every acronym word matches them).
void AddAcronymMentions(std::string_view mention, int64_t speaker,
                        std::vector<AcronymMention>* out);
inline constexpr std::string_view kAcronymMentionRegex = "[A-Z][.&]?[A-Z]";
inline constexpr std::string_view kAcronymMentionGlobs =
    "(speaker_mention GLOB '*[A-Z][A-Z]*' OR speaker_mention GLOB "
    "'*[A-Z].[A-Z]*' OR speaker_mention GLOB '*[A-Z]&[A-Z]*')";

// The id each row links to, parallel to `rows` (0: not linked). `mentions`:
// the acronym mentions of the corpus's quotes (any order, repeats allowed).
std::vector<int64_t> LinkSpeakers(
    std::span<const SpeakerLinkRow> rows, const CorpusOptions& options,
    SpeakerLinkCounts* counts, std::span<const AcronymMention> mentions = {});

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_SPEAKER_LINKS_H_
