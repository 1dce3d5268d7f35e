// Attribution: finds every attribution relation (who said what) in a
// Document: direct, mixed and indirect quotes with their cue and speaker
// mention, PARC/PolNeAR style.
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

class Attributor {
 public:
  // Loads the model files from `model_dir`.
  static Result<std::unique_ptr<Attributor>> Load(const std::string& model_dir);
  virtual ~Attributor() = default;

  // Fills doc->quotes (content, parts, cue, speaker mention, kind).
  // REQUIRES: doc is segmented and entities are tagged.
  virtual void Attribute(Document* doc) const = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_ATTRIBUTION_H_
