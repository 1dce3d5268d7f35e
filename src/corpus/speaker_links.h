// LinkSpeakers: the cross-article speaker links of a corpus, computed from
// the stored speakers alone (name key, entity label, quote count), so that
// the result does not depend on the order documents were ingested in.
//
// Two links, both to a full PERSON name (never between organisations):
//  * a middle-initial variant ("donald j trump") to the plain full name
//    ("donald trump") when the plain name is a stored PERSON speaker and no
//    other variant of it has different initials ("george w bush" and
//    "george h w bush" both exist: neither links);
//  * a one-word PERSON name ("gedney") to the full PERSON name ending in
//    that word that holds at least CorpusOptions::speaker_link_share of the
//    quotes of all full PERSON names ending in it (variants counted with
//    their plain name), with at least speaker_link_min_quotes quotes.
// A link always points at a speaker that is not itself linked. Pure
// function on caller-owned data; safe from any thread.
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
};

// The speaker's entity label: the label most of its typed quotes carry
// (`counts` pairs label -> quotes; "" counts nothing), ties to the smaller
// label; "" when no quote is typed.
std::string MajorityLabel(
    std::span<const std::pair<std::string, size_t>> counts);

// The id each row links to, parallel to `rows` (0: not linked).
std::vector<int64_t> LinkSpeakers(std::span<const SpeakerLinkRow> rows,
                                  const CorpusOptions& options,
                                  SpeakerLinkCounts* counts);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_SPEAKER_LINKS_H_
