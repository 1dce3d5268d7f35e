// BuildHtmlTree (see html_tree.h): one streaming pass over the page that
// builds the flat block tree, its text runs and pieces, and the metadata
// (<meta> tags in html_meta.cc).
#include "src/input/html_tree.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/input/html_entities.h"
#include "src/input/html_meta.h"
#include "src/input/html_tags.h"

namespace whosaid {
namespace {

using html_internal::AddWordHints;
using html_internal::AttrValue;
using html_internal::ClosesP;
using html_internal::Kind;
using html_internal::LookupTag;
using html_internal::TagInfo;

// ---------------------------------------------------------------------------
// Character classes.

inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline char Lower(char c) { return AsciiLowerChar(c); }
inline bool IsAlpha(unsigned char c) {
  return (c | 32) >= 'a' && (c | 32) <= 'z';
}
inline bool IsAlnum(unsigned char c) {
  return IsAlpha(c) || (c >= '0' && c <= '9');
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  return AsciiEqualsLower(s, lower);
}

bool ContainsLower(std::string_view s, std::string_view lower) {
  if (lower.size() > s.size()) return false;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < lower.size() && Lower(s[i + k]) == lower[k]) ++k;
    if (k == lower.size()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The builder.

using Attr = html_internal::HtmlAttr;

class Builder {
 public:
  Builder(std::string_view html, const HtmlTreeOptions& options, HtmlTree* tree)
      : s_(html), opt_(options), t_(tree) {}

  void Run();

 private:
  void Text(size_t b, size_t e);
  void OpenBlock(HtmlTag tag, const Attr* attrs, size_t n_attrs);
  void CloseBlock(HtmlTag tag);
  void Pop();
  size_t SkipTo(size_t i, std::string_view lower_name);
  void Copy(size_t src, size_t len);
  void PutChar(char c, size_t src);

  std::string_view s_;
  const HtmlTreeOptions& opt_;
  HtmlTree* t_;
  std::vector<uint32_t> stack_;
  uint32_t boundary_ = 0;
  int a_depth_ = 0;
  bool pending_space_ = false;
  size_t json_ld_bytes_ = 0;
};

void Builder::Copy(size_t src, size_t len) {
  if (len == 0) return;
  uint32_t tb = static_cast<uint32_t>(t_->text.size());
  t_->text.append(s_.data() + src, len);
  if (!t_->pieces.empty()) {
    HtmlPiece& p = t_->pieces.back();
    if (p.text_begin + p.length == tb && p.input_begin + p.length == src &&
        t_->pieces.size() > t_->runs.back().piece_begin) {
      p.length += static_cast<uint32_t>(len);
      return;
    }
  }
  t_->pieces.push_back(
      {tb, static_cast<uint32_t>(src), static_cast<uint32_t>(len)});
}

void Builder::PutChar(char c, size_t src) {
  uint32_t tb = static_cast<uint32_t>(t_->text.size());
  t_->text.push_back(c);
  if (!t_->pieces.empty()) {
    HtmlPiece& p = t_->pieces.back();
    if (p.text_begin + p.length == tb && p.input_begin + p.length == src &&
        t_->pieces.size() > t_->runs.back().piece_begin) {
      ++p.length;
      return;
    }
  }
  t_->pieces.push_back({tb, static_cast<uint32_t>(src), 1});
}

void Builder::Text(size_t b, size_t e) {
  size_t i = b;
  bool lead = pending_space_;
  while (i < e && IsSpace(s_[i])) {
    lead = true;
    ++i;
  }
  if (i >= e) {
    pending_space_ = lead;
    return;
  }
  HtmlTextRun run;
  run.node = stack_.empty() ? 0 : stack_.back();
  run.begin = static_cast<uint32_t>(t_->text.size());
  run.piece_begin = static_cast<uint32_t>(t_->pieces.size());
  run.boundary = boundary_;
  run.space_before = lead;
  run.in_link = a_depth_ > 0;
  t_->runs.push_back(run);
  uint32_t punct = 0;
  bool trailing_space = false;
  while (i < e) {
    size_t start = i;
    // Plain bytes.
    while (i < e) {
      unsigned char c = s_[i];
      if (c == '&' || IsSpace(c)) break;
      punct += (c == ',' || c == '.');
      ++i;
    }
    Copy(start, i - start);
    if (i >= e) break;
    if (s_[i] == '&') {
      // &nbsp; and &#160; count as spaces for collapsing.
      bool nbsp = false;
      size_t after = i;
      if (s_.compare(i, 6, "&nbsp;") == 0) {
        nbsp = true;
        after = i + 6;
      } else if (s_.compare(i, 6, "&#160;") == 0) {
        nbsp = true;
        after = i + 6;
      }
      if (nbsp) {
        size_t ws = i;
        i = after;
        for (;;) {
          if (i < e && IsSpace(s_[i])) {
            ++i;
          } else if (s_.compare(i, 6, "&nbsp;") == 0 && i + 6 <= e) {
            i += 6;
          } else {
            break;
          }
        }
        if (i >= e) {
          trailing_space = true;
        } else {
          PutChar(' ', ws);
        }
        continue;
      }
      size_t consumed = 0;
      size_t before = t_->text.size();
      if (DecodeHtmlEntity(s_.substr(0, e), i, &t_->text, &consumed)) {
        for (size_t k = before; k < t_->text.size(); ++k) {
          punct += (t_->text[k] == ',' || t_->text[k] == '.');
        }
        i += consumed;
      } else {
        Copy(i, 1);
        ++i;
      }
      continue;
    }
    // Whitespace run.
    size_t ws = i;
    while (i < e && IsSpace(s_[i])) ++i;
    if (i >= e) {
      trailing_space = true;
    } else {
      PutChar(' ', ws);
    }
  }
  HtmlTextRun& r = t_->runs.back();
  r.length = static_cast<uint32_t>(t_->text.size()) - r.begin;
  r.piece_end = static_cast<uint32_t>(t_->pieces.size());
  r.space_after = trailing_space;
  pending_space_ = trailing_space;
  HtmlNode& node = t_->nodes[r.node];
  node.own_text += r.length;
  if (r.in_link) node.own_link += r.length;
  node.own_punct += punct;
  if (t_->h1_node != 0 && r.node == t_->h1_node && t_->h1_run == UINT32_MAX) {
    t_->h1_run = static_cast<uint32_t>(t_->runs.size() - 1);
  }
}

void Builder::Pop() {
  uint32_t idx = stack_.back();
  stack_.pop_back();
  t_->nodes[idx].end = static_cast<uint32_t>(t_->nodes.size());
}

void Builder::OpenBlock(HtmlTag tag, const Attr* attrs, size_t n_attrs) {
  ++boundary_;
  pending_space_ = false;
  // Implied end tags.
  if (stack_.size() > 1) {
    HtmlTag top = t_->nodes[stack_.back()].tag;
    if (top == HtmlTag::kP && ClosesP(tag)) {
      Pop();
    } else if (tag == HtmlTag::kLi && top == HtmlTag::kLi) {
      Pop();
    } else if ((tag == HtmlTag::kDt || tag == HtmlTag::kDd) &&
               (top == HtmlTag::kDt || top == HtmlTag::kDd)) {
      Pop();
    } else if (tag == HtmlTag::kTd && top == HtmlTag::kTd) {
      Pop();
    } else if (tag == HtmlTag::kTr && top == HtmlTag::kTd) {
      Pop();
      if (stack_.size() > 1 && t_->nodes[stack_.back()].tag == HtmlTag::kTr) {
        Pop();
      }
    } else if (tag == HtmlTag::kTr && top == HtmlTag::kTr) {
      Pop();
    }
  }
  if (stack_.size() >= opt_.max_depth) {
    t_->hit_depth_limit = true;
    return;
  }
  if (t_->nodes.size() >= opt_.max_nodes) {
    t_->hit_node_limit = true;
    return;
  }
  HtmlNode node;
  node.parent = stack_.back();
  node.tag = tag;
  uint16_t hints = 0;
  int weight = 0;
  for (size_t k = 0; k < n_attrs; ++k) {
    const Attr& a = attrs[k];
    if (EqualsLower(a.name, "class") || EqualsLower(a.name, "id")) {
      AddWordHints(a.value, &hints, &weight);
    } else if (EqualsLower(a.name, "role")) {
      if (EqualsLower(a.value, "navigation") ||
          EqualsLower(a.value, "contentinfo") ||
          EqualsLower(a.value, "complementary") ||
          EqualsLower(a.value, "search") || EqualsLower(a.value, "menu") ||
          EqualsLower(a.value, "dialog") || EqualsLower(a.value, "alert")) {
        hints |= kHintStrongNegative | kHintNegative;
        weight -= 50;
      } else if (EqualsLower(a.value, "banner")) {
        hints |= kHintNegative;
        weight -= 25;
      } else if (EqualsLower(a.value, "main") ||
                 EqualsLower(a.value, "article")) {
        hints |= kHintPositive;
        weight += 25;
      }
    } else if (EqualsLower(a.name, "itemprop")) {
      if (ContainsLower(a.value, "articlebody") ||
          EqualsLower(a.value, "text")) {
        hints |= kHintArticleBody | kHintPositive;
        weight += 50;
      }
    } else if (EqualsLower(a.name, "hidden")) {
      hints |= kHintHidden;
    } else if (EqualsLower(a.name, "aria-hidden")) {
      if (EqualsLower(a.value, "true")) hints |= kHintHidden;
    } else if (EqualsLower(a.name, "style")) {
      if (ContainsLower(a.value, "display:none") ||
          ContainsLower(a.value, "display: none") ||
          ContainsLower(a.value, "visibility:hidden")) {
        hints |= kHintHidden;
      }
    }
  }
  node.hints = hints;
  node.class_weight = static_cast<int16_t>(std::clamp(weight, -100, 100));
  uint32_t idx = static_cast<uint32_t>(t_->nodes.size());
  t_->nodes.push_back(node);
  stack_.push_back(idx);
  if (tag == HtmlTag::kH1 && t_->h1_node == 0) t_->h1_node = idx;
}

void Builder::CloseBlock(HtmlTag tag) {
  ++boundary_;
  pending_space_ = false;
  // Find the nearest open node of this kind, not too far down.
  size_t limit = std::min<size_t>(stack_.size() - 1, 64);
  for (size_t k = 0; k < limit; ++k) {
    size_t pos = stack_.size() - 1 - k;
    HtmlTag open = t_->nodes[stack_[pos]].tag;
    if (open == tag) {
      while (stack_.size() > pos) Pop();
      return;
    }
    // A list item or cell does not close past its list or table.
    if ((tag == HtmlTag::kLi &&
         (open == HtmlTag::kUl || open == HtmlTag::kOl)) ||
        ((tag == HtmlTag::kTd || tag == HtmlTag::kTr) &&
         open == HtmlTag::kTable)) {
      return;
    }
  }
}

// Returns the position just past "</name ...>" (case-insensitive), or the
// end of input.
size_t Builder::SkipTo(size_t i, std::string_view lower_name) {
  while (i < s_.size()) {
    const void* lt = memchr(s_.data() + i, '<', s_.size() - i);
    if (!lt) return s_.size();
    size_t p = static_cast<const char*>(lt) - s_.data();
    if (p + 2 + lower_name.size() <= s_.size() && s_[p + 1] == '/' &&
        EqualsLower(s_.substr(p + 2, lower_name.size()), lower_name)) {
      size_t q = p + 2 + lower_name.size();
      if (q >= s_.size() || !IsAlnum(s_[q])) {
        const void* gt = memchr(s_.data() + q, '>', s_.size() - q);
        return gt ? static_cast<const char*>(gt) - s_.data() + 1 : s_.size();
      }
    }
    i = p + 1;
  }
  return s_.size();
}

void Builder::Run() {
  HtmlTree& t = *t_;
  t = HtmlTree();
  t.text.reserve(s_.size() / 3);
  t.nodes.reserve(256);
  t.runs.reserve(512);
  HtmlNode root;
  root.tag = HtmlTag::kRoot;
  t.nodes.push_back(root);
  stack_.push_back(0);
  Attr attrs[32];
  size_t i = 0;
  const size_t n = s_.size();
  while (i < n) {
    const void* lt = memchr(s_.data() + i, '<', n - i);
    size_t p = lt ? static_cast<const char*>(lt) - s_.data() : n;
    if (p > i) Text(i, p);
    if (p >= n) break;
    i = p;
    if (i + 1 >= n) {
      Text(i, n);
      break;
    }
    char c = s_[i + 1];
    if (c == '!') {
      if (s_.compare(i, 4, "<!--") == 0) {
        size_t e = s_.find("-->", i + 4);
        i = e == std::string_view::npos ? n : e + 3;
      } else {
        const void* gt = memchr(s_.data() + i, '>', n - i);
        i = gt ? static_cast<const char*>(gt) - s_.data() + 1 : n;
      }
      continue;
    }
    if (c == '?') {
      const void* gt = memchr(s_.data() + i, '>', n - i);
      i = gt ? static_cast<const char*>(gt) - s_.data() + 1 : n;
      continue;
    }
    bool end_tag = c == '/';
    size_t nb = i + 1 + (end_tag ? 1 : 0);
    if (nb >= n || !IsAlpha(s_[nb])) {
      if (end_tag) {  // "</ ..." or "</>": a bogus comment
        const void* gt = memchr(s_.data() + i, '>', n - i);
        i = gt ? static_cast<const char*>(gt) - s_.data() + 1 : n;
      } else {
        Text(i, i + 1);  // a lone '<' is text
        ++i;
      }
      continue;
    }
    size_t ne = nb;
    while (ne < n && !IsSpace(s_[ne]) && s_[ne] != '/' && s_[ne] != '>') ++ne;
    char name_buf[16];
    size_t name_len = ne - nb;
    TagInfo info;
    if (name_len <= sizeof name_buf) {
      for (size_t k = 0; k < name_len; ++k) name_buf[k] = Lower(s_[nb + k]);
      info = LookupTag(std::string_view(name_buf, name_len));
    }
    // Attributes.
    size_t n_attrs = 0;
    bool self_closing = false;
    size_t j = ne;
    for (;;) {
      while (j < n && (IsSpace(s_[j]) || s_[j] == '/')) {
        if (s_[j] == '/') self_closing = true;
        ++j;
      }
      if (j >= n || s_[j] == '>') break;
      self_closing = false;
      size_t ab = j;
      while (j < n && !IsSpace(s_[j]) && s_[j] != '=' && s_[j] != '>' &&
             (s_[j] != '/' || j == ab)) {
        ++j;
      }
      std::string_view aname = s_.substr(ab, j - ab);
      while (j < n && IsSpace(s_[j])) ++j;
      std::string_view aval;
      if (j < n && s_[j] == '=') {
        ++j;
        while (j < n && IsSpace(s_[j])) ++j;
        if (j < n && (s_[j] == '"' || s_[j] == '\'')) {
          char q = s_[j];
          const void* qe = memchr(s_.data() + j + 1, q, n - j - 1);
          size_t ve = qe ? static_cast<const char*>(qe) - s_.data() : n;
          aval = s_.substr(j + 1, ve - j - 1);
          j = ve < n ? ve + 1 : n;
        } else {
          size_t vb = j;
          while (j < n && !IsSpace(s_[j]) && s_[j] != '>') ++j;
          aval = s_.substr(vb, j - vb);
        }
      }
      if (n_attrs < 32 && !end_tag) attrs[n_attrs++] = {aname, aval};
    }
    i = j < n ? j + 1 : n;
    if (end_tag) {
      switch (info.kind) {
        case Kind::kBlock:
          CloseBlock(info.tag);
          break;
        case Kind::kA:
          if (a_depth_ > 0) --a_depth_;
          break;
        case Kind::kBr:
          ++boundary_;
          break;
        default:
          break;
      }
      continue;
    }
    switch (info.kind) {
      case Kind::kInline:
      case Kind::kBody:
        break;
      case Kind::kBlock:
        OpenBlock(info.tag, attrs, n_attrs);
        if (self_closing && info.tag != HtmlTag::kP) CloseBlock(info.tag);
        break;
      case Kind::kA:
        if (!self_closing) ++a_depth_;
        break;
      case Kind::kBr:
        ++boundary_;
        pending_space_ = false;
        break;
      case Kind::kSkip:
        if (!self_closing) {
          i = SkipTo(i, std::string_view(name_buf, name_len));
        }
        break;
      case Kind::kScript: {
        if (self_closing) break;
        size_t body = i;
        size_t e = SkipTo(i, "script");
        std::string_view type = AttrValue(attrs, n_attrs, "type");
        if (ContainsLower(type, "ld+json") && e > body) {
          size_t close = s_.rfind('<', e - 1);
          if (close == std::string_view::npos || close < body) close = e;
          if (json_ld_bytes_ + (close - body) <= opt_.max_json_ld_bytes) {
            json_ld_bytes_ += close - body;
            t.meta.json_ld.emplace_back(s_.substr(body, close - body));
          }
        }
        i = e;
        break;
      }
      case Kind::kTitle: {
        if (self_closing) break;
        size_t body = i;
        size_t e = SkipTo(i, "title");
        size_t close = e > body ? s_.rfind('<', e - 1) : e;
        if (close == std::string_view::npos || close < body) close = e;
        if (t.meta.title_tag.empty()) {
          t.meta.title_tag = DecodeHtmlText(s_.substr(body, close - body));
        }
        i = e;
        break;
      }
      case Kind::kMeta:
        html_internal::ReadMetaTag(attrs, n_attrs, &t.meta);
        break;
      case Kind::kLink: {
        std::string_view rel = AttrValue(attrs, n_attrs, "rel");
        if (EqualsLower(rel, "canonical") && t.meta.canonical.empty()) {
          t.meta.canonical = DecodeHtmlText(AttrValue(attrs, n_attrs, "href"));
        }
        break;
      }
      case Kind::kHtml:
        if (t.meta.lang.empty()) {
          std::string_view lang = AttrValue(attrs, n_attrs, "lang");
          if (lang.empty()) lang = AttrValue(attrs, n_attrs, "xml:lang");
          t.meta.lang = DecodeHtmlText(lang);
        }
        break;
      case Kind::kTime:
        if (t.meta.time_datetime.empty()) {
          t.meta.time_datetime =
              DecodeHtmlText(AttrValue(attrs, n_attrs, "datetime"));
        }
        break;
    }
  }
  while (stack_.size() > 1) Pop();
  t.nodes[0].end = static_cast<uint32_t>(t.nodes.size());
  // Subtree totals: children come after parents, so one backward pass.
  for (size_t k = t.nodes.size(); k-- > 0;) {
    HtmlNode& node = t.nodes[k];
    node.total_text += node.own_text;
    node.total_link += node.own_link;
    node.total_punct += node.own_punct;
    if (node.tag == HtmlTag::kP && node.total_text > 0) ++node.paragraphs;
    if (k > 0) {
      HtmlNode& parent = t.nodes[node.parent];
      parent.total_text += node.total_text;
      parent.total_link += node.total_link;
      parent.total_punct += node.total_punct;
      parent.paragraphs += node.paragraphs;
    }
  }
  // First h1 text.
  if (t.h1_node != 0) {
    uint32_t end = t.nodes[t.h1_node].end;
    for (size_t r = t.h1_run; r < t.runs.size(); ++r) {
      const HtmlTextRun& run = t.runs[r];
      if (run.node < t.h1_node || run.node >= end) break;
      if (!t.meta.h1.empty() && (run.space_before)) t.meta.h1.push_back(' ');
      t.meta.h1.append(t.text, run.begin, run.length);
      if (t.meta.h1.size() > 1000) break;
    }
  }
}

}  // namespace

void BuildHtmlTree(std::string_view html, const HtmlTreeOptions& options,
                   HtmlTree* tree) {
  Builder(html, options, tree).Run();
}

}  // namespace whosaid
