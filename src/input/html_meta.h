// ReadMetaTag: page metadata from one <meta> tag's attributes (part of
// BuildHtmlTree, html_tree.cc): Open Graph title, site name, URL, type and
// locale, the author, the publication date (many keys) and the
// Content-Language. The first value of each field wins.
//
// Pure functions on the caller's views and struct: no I/O, no globals; any
// thread may call them at once. Internal to src/input.
#ifndef WHOSAID_SRC_INPUT_HTML_META_H_
#define WHOSAID_SRC_INPUT_HTML_META_H_

#include <cstddef>
#include <string_view>

#include "src/input/html_tree.h"

namespace whosaid::html_internal {

// One attribute of a tag, as views into the page (value still encoded).
struct HtmlAttr {
  std::string_view name;
  std::string_view value;
};

// The value of attribute `name` (lower case; matched ASCII
// case-insensitively) among attrs[0, n), or "" when absent.
std::string_view AttrValue(const HtmlAttr* attrs, size_t n,
                           std::string_view name);

// Reads the <meta> tag of attributes attrs[0, n) into *meta: fields already
// set stay as they are.
void ReadMetaTag(const HtmlAttr* attrs, size_t n, HtmlMeta* meta);

}  // namespace whosaid::html_internal

#endif  // WHOSAID_SRC_INPUT_HTML_META_H_
