// Attribution: finds every attribution relation (who said what) in a
// Document: direct, mixed and indirect quotes with their cue and speaker
// mention, PARC/PolNeAR style.
//
// Design: an averaged structured-perceptron BIO cue tagger (Viterbi over
// each sentence) starts cues only at tokens that may start a cue (lexicon
// learned from PolNeAR train); for each cue a span ranker picks the content
// (start + end + pair features, may surround the cue: "“A,” she said, “B.”")
// and another picks the source mention or none. Overlaps are resolved greedily
// by cue confidence (the data is univocal).
//
// An Attributor owns its model (read-only after Load); Attribute() is const
// and safe to call from many threads at once.
#ifndef WHOSAID_SRC_ATTRIBUTION_ATTRIBUTION_H_
#define WHOSAID_SRC_ATTRIBUTION_ATTRIBUTION_H_

#include <memory>
#include <string>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// The model file inside the model directory.
inline constexpr char kAttributionModelFile[] = "attribution.bin";

class Attributor {
 public:
  // Loads `model_dir`/attribution.bin. Returns NotFound / Corruption naming
  // the file when it is missing or damaged. `speech_cues_only` drops
  // indirect relations whose cue is a deed, intention or feeling
  // (DecodeLimits::speech_cues_only).
  static Result<std::unique_ptr<Attributor>> Load(const std::string& model_dir,
                                                  bool speech_cues_only = false);
  virtual ~Attributor() = default;

  // Fills doc->quotes (content, parts, cue, speaker mention, kind, score),
  // sorted by content start. REQUIRES: doc is segmented.
  virtual void Attribute(Document* doc) const = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_ATTRIBUTION_H_
