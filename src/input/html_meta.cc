// ReadMetaTag and AttrValue (see html_meta.h).
#include "src/input/html_meta.h"

#include <string>

#include "src/base/chars.h"
#include "src/input/html_entities.h"

namespace whosaid::html_internal {
namespace {

bool EqualsLower(std::string_view s, std::string_view lower) {
  return AsciiEqualsLower(s, lower);
}

bool IsDateKey(std::string_view k) {
  static constexpr std::string_view kKeys[] = {"article:published_time",
                                               "og:article:published_time",
                                               "article.published",
                                               "datepublished",
                                               "date",
                                               "pubdate",
                                               "publishdate",
                                               "publish-date",
                                               "publish_date",
                                               "dc.date.issued",
                                               "dc.date",
                                               "dcterms.date",
                                               "dcterms.created",
                                               "sailthru.date",
                                               "parsely-pub-date",
                                               "article.created",
                                               "originalpublicationdate",
                                               "cxenseparse:recs:publishtime",
                                               "og:published_time",
                                               "published_time",
                                               "article_date_original",
                                               "displaydate",
                                               "date.available",
                                               "timestamp"};
  for (std::string_view key : kKeys) {
    if (EqualsLower(k, key)) return true;
  }
  return false;
}

}  // namespace

std::string_view AttrValue(const HtmlAttr* attrs, size_t n,
                           std::string_view name) {
  for (size_t k = 0; k < n; ++k) {
    if (EqualsLower(attrs[k].name, name)) return attrs[k].value;
  }
  return {};
}

void ReadMetaTag(const HtmlAttr* attrs, size_t n, HtmlMeta* meta) {
  HtmlMeta& m = *meta;
  std::string_view key = AttrValue(attrs, n, "property");
  if (key.empty()) key = AttrValue(attrs, n, "name");
  if (key.empty()) key = AttrValue(attrs, n, "itemprop");
  std::string_view content = AttrValue(attrs, n, "content");
  std::string_view equiv = AttrValue(attrs, n, "http-equiv");
  if (!equiv.empty() && EqualsLower(equiv, "content-language")) {
    if (m.content_language.empty())
      m.content_language = DecodeHtmlText(content);
    return;
  }
  if (key.empty() || content.empty()) return;
  auto set = [&](std::string* field) {
    if (field->empty()) *field = DecodeHtmlText(content);
  };
  if (EqualsLower(key, "og:title")) {
    set(&m.og_title);
  } else if (EqualsLower(key, "og:site_name")) {
    set(&m.og_site_name);
  } else if (EqualsLower(key, "og:url")) {
    set(&m.og_url);
  } else if (EqualsLower(key, "og:type")) {
    set(&m.og_type);
  } else if (EqualsLower(key, "og:locale")) {
    if (m.content_language.empty()) set(&m.content_language);
  } else if (EqualsLower(key, "author") || EqualsLower(key, "article:author") ||
             EqualsLower(key, "dc.creator") ||
             EqualsLower(key, "sailthru.author") ||
             EqualsLower(key, "parsely-author") || EqualsLower(key, "byl")) {
    // article:author is often a profile URL: only names are kept.
    if (m.author.empty() && content.find("://") == std::string_view::npos) {
      m.author = DecodeHtmlText(content);
      if (EqualsLower(key, "byl") && m.author.size() > 3 &&
          EqualsLower(std::string_view(m.author).substr(0, 3), "by ")) {
        m.author.erase(0, 3);
      }
    }
  } else if (IsDateKey(key)) {
    set(&m.published);
  }
}

}  // namespace whosaid::html_internal
