// Offset maps: lists of OffsetPiece (whosaid/document.h) that say which
// ranges of one text were copied from which ranges of another, byte for
// byte. Bytes not covered by any piece were inserted or transformed on the
// way (paragraph breaks, decoded entities, characters re-encoded to UTF-8).
//
// The pipeline chains several such maps (page bytes -> decoded page ->
// extracted article text -> clean text); ComposeOffsetMaps joins two of
// them and MapSpanToInput turns a span of the final text into a byte range
// of the first input. Pure functions, safe from any thread.
#ifndef WHOSAID_SRC_INPUT_OFFSET_MAP_H_
#define WHOSAID_SRC_INPUT_OFFSET_MAP_H_

#include <vector>

#include "whosaid/document.h"

namespace whosaid {

// Joins `outer` (text A -> text B: clean_begin in A, input_begin in B) with
// `inner` (text B -> text C) into a map A -> C: every byte of A whose B byte
// lies in an inner piece. REQUIRES: `inner` sorted by clean_begin with no
// overlaps; `outer` sorted by clean_begin. The result is sorted by
// clean_begin, with adjacent contiguous pieces merged.
std::vector<OffsetPiece> ComposeOffsetMaps(
    const std::vector<OffsetPiece>& outer,
    const std::vector<OffsetPiece>& inner);

// Maps `span` of the text to a byte range of the input through `map`
// (sorted by clean_begin). An end point inside a piece maps exactly; one in
// an uncovered stretch widens outward to the nearest piece edge, so the
// result covers the input bytes that produced the span (for a stretch made
// by decoding "&ldquo;" the entity itself). Returns false when the map is
// empty.
bool MapSpanToInput(const std::vector<OffsetPiece>& map, Span span, Span* out);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_OFFSET_MAP_H_
