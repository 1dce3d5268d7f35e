// Clean: turns scraped article text into the clean body plus metadata.
//
// Removes page-chrome residue (icon-font word lists, share/subscribe/cookie
// lines, "Read more" links, tickers), folds a headline printed twice into
// `title`, turns a date line into `published`, and records for every kept
// byte where it stood in the input (Document::input_map). Pure function;
// safe from any thread.
#ifndef WHOSAID_SRC_CLEAN_CLEAN_H_
#define WHOSAID_SRC_CLEAN_CLEAN_H_

#include <string_view>

#include "whosaid/document.h"

namespace whosaid {

struct CleanOptions {
  // When false, text is copied unchanged (identity map); metadata is still
  // left to the caller.
  bool enabled = true;
};

// Sets doc->text, doc->input_map and, when found in the text and not already
// set, doc->title and doc->published; appends warnings. REQUIRES: `input`
// is valid UTF-8.
void CleanText(std::string_view input, const CleanOptions& options,
               Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_CLEAN_H_
