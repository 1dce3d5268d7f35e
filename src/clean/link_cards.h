// Link cards: hover-card residue that some sites inject inside a sentence
// after a person's name. The scraped text then reads
//   "President Trump Donald John TrumpKamala Harris calls for ... MORE on
//    Monday said"
// i.e. the display name, the person's full name (its last word glued to the
// first of several headlines, or followed by a space), the headlines, and a
// closing "MORE" link. FindLinkCards finds such cards by their structure
// alone (a word repeated as the last word of the full name right after it,
// then "MORE" within a bounded distance), never by site or name lists, so
// that the clean text reads "President Trump on Monday said".
// Stateless; safe from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_LINK_CARDS_H_
#define WHOSAID_SRC_CLEAN_LINK_CARDS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace whosaid {
namespace clean_internal {

struct ByteRange {
  uint32_t begin;
  uint32_t end;
};

// Appends to *cuts the byte ranges of `line` that are link cards, in order
// and disjoint: from the space before the full name to the end of "MORE".
// A card longer than `max_card_bytes` is not one (0: never any).
void FindLinkCards(std::string_view line, size_t max_card_bytes,
                   std::vector<ByteRange>* cuts);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_LINK_CARDS_H_
