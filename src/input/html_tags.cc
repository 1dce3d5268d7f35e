#include "src/input/html_tags.h"

#include <algorithm>

#include "src/base/chars.h"

namespace whosaid::html_internal {
namespace {

inline bool IsAlnum(unsigned char c) {
  return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

TagInfo LookupTag(std::string_view n) {
  using K = Kind;
  using T = HtmlTag;
  switch (n.size()) {
    case 1:
      if (n == "p") return {K::kBlock, T::kP};
      if (n == "a") return {K::kA, T::kOther};
      break;
    case 2:
      if (n == "li") return {K::kBlock, T::kLi};
      if (n == "br") return {K::kBr, T::kOther};
      if (n == "td" || n == "th") return {K::kBlock, T::kTd};
      if (n == "tr") return {K::kBlock, T::kTr};
      if (n == "ul") return {K::kBlock, T::kUl};
      if (n == "ol") return {K::kBlock, T::kOl};
      if (n == "dl") return {K::kBlock, T::kDl};
      if (n == "dt") return {K::kBlock, T::kDt};
      if (n == "dd") return {K::kBlock, T::kDd};
      if (n == "hr") return {K::kBr, T::kOther};
      if (n == "h1") return {K::kBlock, T::kH1};
      if (n[0] == 'h' && n[1] >= '2' && n[1] <= '6') {
        return {K::kBlock, T::kH2};
      }
      break;
    case 3:
      if (n == "div") return {K::kBlock, T::kDiv};
      if (n == "nav") return {K::kBlock, T::kNav};
      if (n == "pre") return {K::kBlock, T::kPre};
      if (n == "svg") return {K::kSkip, T::kOther};
      break;
    case 4:
      if (n == "main") return {K::kBlock, T::kMain};
      if (n == "form") return {K::kBlock, T::kForm};
      if (n == "meta") return {K::kMeta, T::kOther};
      if (n == "link") return {K::kLink, T::kOther};
      if (n == "html") return {K::kHtml, T::kOther};
      if (n == "time") return {K::kTime, T::kOther};
      if (n == "body") return {K::kBody, T::kOther};
      if (n == "math") return {K::kSkip, T::kOther};
      if (n == "menu") return {K::kBlock, T::kMenu};
      break;
    case 5:
      if (n == "table") return {K::kBlock, T::kTable};
      if (n == "aside") return {K::kBlock, T::kAside};
      if (n == "style") return {K::kSkip, T::kOther};
      if (n == "title") return {K::kTitle, T::kOther};
      if (n == "video" || n == "audio") return {K::kSkip, T::kOther};
      if (n == "tbody" || n == "thead" || n == "tfoot") {
        return {K::kBlock, T::kOther};
      }
      break;
    case 6:
      if (n == "header") return {K::kBlock, T::kHeader};
      if (n == "footer") return {K::kBlock, T::kFooter};
      if (n == "figure") return {K::kBlock, T::kFigure};
      if (n == "script") return {K::kScript, T::kOther};
      if (n == "select" || n == "button" || n == "iframe" || n == "object" ||
          n == "canvas") {
        return {K::kSkip, T::kOther};
      }
      if (n == "center") return {K::kBlock, T::kCenter};
      if (n == "hgroup") return {K::kBlock, T::kOther};
      break;
    case 7:
      if (n == "section") return {K::kBlock, T::kSection};
      if (n == "article") return {K::kBlock, T::kArticle};
      if (n == "address") return {K::kBlock, T::kAddress};
      if (n == "details") return {K::kBlock, T::kDetails};
      if (n == "summary") return {K::kBlock, T::kOther};
      if (n == "caption") return {K::kBlock, T::kOther};
      if (n == "dialog") return {K::kBlock, T::kAside};
      break;
    case 8:
      if (n == "noscript" || n == "template" || n == "textarea") {
        return {K::kSkip, T::kOther};
      }
      if (n == "fieldset") return {K::kBlock, T::kForm};
      break;
    case 10:
      if (n == "blockquote") return {K::kBlock, T::kBlockquote};
      if (n == "figcaption") return {K::kBlock, T::kFigcaption};
      break;
  }
  return {};
}

bool ClosesP(HtmlTag t) {
  switch (t) {
    case HtmlTag::kOther:
    case HtmlTag::kLi:
    case HtmlTag::kTd:
    case HtmlTag::kTr:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
    case HtmlTag::kFigcaption:
      return false;
    default:
      return true;
  }
}

void AddWordHints(std::string_view s, uint16_t* hints, int* weight) {
  // Lower-cased copy, bounded.
  char buf[256];
  size_t n = std::min(s.size(), sizeof buf);
  for (size_t i = 0; i < n; ++i) buf[i] = AsciiLowerChar(s[i]);
  std::string_view v(buf, n);
  auto has = [&](std::string_view p) {
    return v.find(p) != std::string_view::npos;
  };
  static constexpr std::string_view kBody[] = {
      "articlebody",    "article-body",    "article__body",    "article_body",
      "story-body",     "storybody",       "story__body",      "entry-content",
      "post-content",   "article-content", "article__content", "story-content",
      "post-body",      "articletext",     "article-text",     "story-text",
      "body-text",      "article__text",   "postbody",         "post__body",
      "entry__content", "content-body",    "main-content"};
  static constexpr std::string_view kStrong[] = {
      "cookie",    "consent",      "gdpr",       "advert",    "sponsor",
      "outbrain",  "taboola",      "newsletter", "comment",   "disqus",
      "social",    "share",        "sharing",    "related",   "recommend",
      "popular",   "trending",     "promo",      "subscribe", "signup",
      "sign-up",   "breadcrumb",   "navbar",     "sidebar",   "footer",
      "masthead",  "pagination",   "most-read",  "mostread",  "read-more",
      "readmore",  "more-stories", "tag-list",   "taglist",   "article-tags",
      "post-tags", "keywords",     "topnav",     "skip-link", "skiplink",
      "newsfeed"};
  static constexpr std::string_view kWeak[] = {
      "nav",    "menu",     "header",    "meta",     "byline",   "author",
      "date",   "hidden",   "print",     "toolbar",  "tools",    "button",
      "btn",    "icon",     "modal",     "popup",    "overlay",  "login",
      "banner", "masthead", "teaser",    "card",     "thumb",    "infobox",
      "rail",   "aside",    "timestamp", "dateline", "headline", "title",
      "topic",  "follow",   "bio",       "paywall",  "widget"};
  static constexpr std::string_view kGood[] = {
      "article", "content", "entry", "story",  "post",  "body",
      "text",    "main",    "blog",  "hentry", "prose", "page"};
  for (std::string_view p : kBody) {
    if (has(p)) {
      *hints |= kHintArticleBody | kHintPositive;
      *weight += 25;
      break;
    }
  }
  for (std::string_view p : kStrong) {
    if (has(p)) {
      *hints |= kHintStrongNegative | kHintNegative;
      *weight -= 50;
      break;
    }
  }
  for (std::string_view p : kWeak) {
    if (has(p)) {
      *hints |= kHintNegative;
      *weight -= 25;
      break;
    }
  }
  for (std::string_view p : kGood) {
    if (has(p)) {
      *hints |= kHintPositive;
      *weight += 25;
      break;
    }
  }
  if (has("caption") || has("credit")) *hints |= kHintCaption;
  // Short words that must stand alone: "ad", "ads".
  size_t i = 0;
  while (i < n) {
    while (i < n && !IsAlnum(buf[i])) ++i;
    size_t b = i;
    while (i < n && IsAlnum(buf[i])) ++i;
    std::string_view w(buf + b, i - b);
    if (w == "ad" || w == "ads" || w == "adslot" || w == "advertisement" ||
        w == "dfp" || w == "gpt" || w == "cta") {
      *hints |= kHintStrongNegative | kHintNegative;
      *weight -= 50;
      break;
    }
  }
}

}  // namespace whosaid::html_internal
