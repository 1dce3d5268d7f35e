// One relation the attributor considers (attribution.cc): its cue, content
// and source token spans with the cue's margin and the flags the overlap
// resolution sets. A plain value; the Attributor owns the candidates of one
// call in its per-thread scratch, and the rules that change them
// (clause_rules.h) take them by pointer from that call only.
#ifndef WHOSAID_SRC_ATTRIBUTION_CANDIDATE_H_
#define WHOSAID_SRC_ATTRIBUTION_CANDIDATE_H_

#include "src/attribution/model.h"

namespace whosaid::attribution {

struct Candidate {
  TSpan cue, content, source;
  float margin = 0;
  // The cue lies inside the content of a candidate whose cue has a strong
  // cue word ("said") while this cue has none ("is expected").
  bool nested = false;
  // Replaced by a relation of AddColonQuotations.
  bool dropped = false;
  // First token of the content's part after its cue when a rule set it
  // (QuotationContinues), else -1: Build then skips the punctuation after
  // the cue and speaker.
  int part2 = -1;
};

inline bool Overlaps(TSpan a, TSpan b) {
  return !a.none() && !b.none() && a.b <= b.e && b.b <= a.e;
}

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CANDIDATE_H_
