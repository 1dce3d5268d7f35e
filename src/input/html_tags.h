// HTML tag and attribute knowledge for the tree builder (html_tree.cc):
// which tags open blocks, are skipped or carry metadata (LookupTag), which
// close an open <p>, and what class/id words say about a block
// (AddWordHints). Pure functions over constant tables; any thread may call
// them. Internal to src/input.
#ifndef WHOSAID_SRC_INPUT_HTML_TAGS_H_
#define WHOSAID_SRC_INPUT_HTML_TAGS_H_

#include <cstdint>
#include <string_view>

#include "src/input/html_tree.h"

namespace whosaid::html_internal {

// How the builder treats a tag.
enum class Kind : uint8_t {
  kInline,
  kBlock,
  kSkip,  // contents skipped up to the matching end tag
  kScript,
  kTitle,
  kA,
  kBr,
  kMeta,
  kLink,
  kHtml,
  kTime,
  kBody,
};

struct TagInfo {
  Kind kind = Kind::kInline;
  HtmlTag tag = HtmlTag::kOther;
};

// The kind and tag of a lower-case tag name (kInline / kOther when unknown).
TagInfo LookupTag(std::string_view n);

// Blocks that may not sit inside an open <p> (opening one closes the p).
bool ClosesP(HtmlTag t);

// Adds to *hints (kHint* bits) and *weight what a class or id value says
// about its block: article body, boilerplate, caption.
void AddWordHints(std::string_view s, uint16_t* hints, int* weight);

}  // namespace whosaid::html_internal

#endif  // WHOSAID_SRC_INPUT_HTML_TAGS_H_
