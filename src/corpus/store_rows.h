// PrepareStoreRows: the row values of a document that the stores write and
// that depend on the document alone (quote contents, entity rows, claim
// value keys and sources, every offset converted from bytes to code
// points). Ingest computes them on the extraction threads (inside
// ComputeFeatures) so the single writer thread only binds them. Pure
// function on caller-owned data; safe from any thread.
#ifndef WHOSAID_SRC_CORPUS_STORE_ROWS_H_
#define WHOSAID_SRC_CORPUS_STORE_ROWS_H_

#include <string>

#include "whosaid/corpus.h"
#include "whosaid/document.h"

namespace whosaid {

// The claim's value as the stores key conflicting values by: "v" or
// "low-high" for a range (both stores use it).
std::string ClaimValueKey(const Claim& c);

// The entity label of the speaker of `a` as `doc` gives it
// (EntityLabelName()): its entity group's, else that of an entity mention
// overlapping the written speaker, else that of a group whose canonical
// name is the speaker name; "" when the document gives none.
std::string_view SpeakerLabel(const Document& doc, const Attribution& a);

// The rows of `doc` (ready = true).
StoreRows PrepareStoreRows(const Document& doc);

// `rows` when they were prepared for `doc` (ready and of the right sizes),
// else the rows prepared now into *scratch.
const StoreRows& RowsFor(const Document& doc, const StoreRows& rows,
                         StoreRows* scratch);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_STORE_ROWS_H_
