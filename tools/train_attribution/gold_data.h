// The gold attribution relations the attribution trainer
// (tools/train_attribution.cc) learns from: PolNeAR-style JSONL (one article
// per line with "text" and "quotes" whose offsets are code points) read into
// segmented documents with their relations as token spans and the cue
// tagger's gold labels. Each Example owns its Document, and its DocView
// points at it (fixed after the vector settled: move the vector, not the
// Examples). Trainer only, single-threaded.
#ifndef WHOSAID_TOOLS_TRAIN_ATTRIBUTION_GOLD_DATA_H_
#define WHOSAID_TOOLS_TRAIN_ATTRIBUTION_GOLD_DATA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution::train {

struct GoldAR {
  TSpan cue, content, source;
};

struct Example {
  Document doc;
  DocView view;
  std::vector<GoldAR> ars;
  std::vector<uint8_t> cue_label;  // per token O/B/I
};

// Reads every article of `path`, cleaning off, segmented, its view built
// with the score caches off (the trainer's weights change). Prints the
// counts of articles and relations (and those it could not map to tokens)
// to stderr; exits with status 1 when the file cannot be opened.
std::vector<Example> LoadExamples(const std::string& path);

}  // namespace whosaid::attribution::train

#endif  // WHOSAID_TOOLS_TRAIN_ATTRIBUTION_GOLD_DATA_H_
