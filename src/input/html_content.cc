// Main-content selection by block scoring (see html_content.h).
#include "src/input/html_content.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {
namespace {

float TagBase(HtmlTag t) {
  switch (t) {
    case HtmlTag::kDiv:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
      return 5;
    case HtmlTag::kPre:
    case HtmlTag::kTd:
    case HtmlTag::kBlockquote:
      return 3;
    case HtmlTag::kAddress:
    case HtmlTag::kOl:
    case HtmlTag::kUl:
    case HtmlTag::kDl:
    case HtmlTag::kDd:
    case HtmlTag::kDt:
    case HtmlTag::kLi:
    case HtmlTag::kForm:
      return -3;
    case HtmlTag::kH1:
    case HtmlTag::kH2:
      return -5;
    default:
      return 0;
  }
}

bool IsParagraphTag(HtmlTag t) {
  return t == HtmlTag::kP || t == HtmlTag::kPre || t == HtmlTag::kTd ||
         t == HtmlTag::kBlockquote || t == HtmlTag::kLi || t == HtmlTag::kDd ||
         t == HtmlTag::kH2;
}

class Scorer {
 public:
  explicit Scorer(const HtmlTree& tree) : t_(tree), n_(tree.nodes.size()) {}

  // Fills *out (text + pieces); returns false when no body was found.
  bool Extract(HtmlArticle* out);

 private:
  float LinkDensity(uint32_t i) const {
    const HtmlNode& n = t_.nodes[i];
    return n.total_text ? static_cast<float>(n.total_link) / n.total_text : 0;
  }
  bool ContainsH1(uint32_t i) const {
    return t_.h1_node != 0 && t_.h1_node >= i && t_.h1_node < t_.nodes[i].end;
  }
  void MarkDropped();
  void ScoreParagraphs();
  uint32_t PickTop();
  void Keep(uint32_t top);
  void UseHiddenBody(bool have_body);
  bool RemoveInside(uint32_t i) const;

  const HtmlTree& t_;
  size_t n_;
  std::vector<uint8_t> dropped_;
  std::vector<float> score_;
  std::vector<uint8_t> touched_;
  std::vector<uint8_t> keep_;
  std::vector<uint8_t> body_inside_;  // subtree holds an articleBody hint
};

void Scorer::MarkDropped() {
  dropped_.assign(n_, 0);
  body_inside_.assign(n_, 0);
  for (uint32_t i = static_cast<uint32_t>(n_); i-- > 1;) {
    if (t_.nodes[i].hints & kHintArticleBody) body_inside_[i] = 1;
    if (body_inside_[i]) body_inside_[t_.nodes[i].parent] = 1;
  }
  const uint32_t root_text = t_.nodes[0].total_text;
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    if (dropped_[n.parent]) {
      dropped_[i] = 1;
      continue;
    }
    bool wrapper =
        ContainsH1(i) || n.total_text > root_text / 2 || body_inside_[i];
    bool drop = false;
    if (n.hints & kHintHidden) drop = true;
    if ((n.hints & kHintStrongNegative) && !(n.hints & kHintPositive) &&
        !wrapper && n.tag != HtmlTag::kArticle && n.tag != HtmlTag::kMain) {
      drop = true;
    }
    // A block introduced by a related/recommended/comments heading.
    if (i + 1 < n.end && t_.nodes[i + 1].parent == i &&
        t_.nodes[i + 1].tag == HtmlTag::kH2 &&
        (t_.nodes[i + 1].hints & kHintStrongNegative) && !ContainsH1(i) &&
        !body_inside_[i]) {
      drop = true;
    }
    switch (n.tag) {
      case HtmlTag::kForm:  // ASP.NET pages wrap everything in one form
        drop = drop || !wrapper;
        break;
      case HtmlTag::kNav:
      case HtmlTag::kAside:
      case HtmlTag::kMenu:
        drop = drop || !(wrapper && (n.hints & kHintPositive));
        break;
      case HtmlTag::kFooter:
      case HtmlTag::kHeader:
        drop = drop || !wrapper || n.total_text < root_text / 2;
        break;
      default:
        break;
    }
    dropped_[i] = drop;
  }
}

void Scorer::ScoreParagraphs() {
  score_.assign(n_, 0);
  touched_.assign(n_, 0);
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    if (dropped_[i] || n.own_text < 25 || n.tag == HtmlTag::kH1) continue;
    float ld = static_cast<float>(n.own_link) / n.own_text;
    if (ld > 0.5f) continue;
    float c = 1.0f + std::min<float>(n.own_punct, 10) +
              std::min<float>(n.own_text / 100.0f, 3.0f);
    uint32_t a = IsParagraphTag(n.tag) ? n.parent : i;
    for (int level = 0; level < 5 && a != 0; ++level) {
      if (!touched_[a]) {
        touched_[a] = 1;
        score_[a] = TagBase(t_.nodes[a].tag) + t_.nodes[a].class_weight;
      }
      float div = level == 0 ? 1.0f : level == 1 ? 2.0f : level * 3.0f;
      score_[a] += c / div;
      a = t_.nodes[a].parent;
    }
  }
  for (uint32_t i = 1; i < n_; ++i) {
    if (touched_[i]) score_[i] *= 1.0f - LinkDensity(i);
  }
}

uint32_t Scorer::PickTop() {
  uint32_t best = 0;
  float best_score = 0;
  uint32_t top5[5] = {0, 0, 0, 0, 0};
  for (uint32_t i = 1; i < n_; ++i) {
    if (!touched_[i] || dropped_[i]) continue;
    float s = score_[i];
    for (int k = 0; k < 5; ++k) {
      if (top5[k] == 0 || s > score_[top5[k]]) {
        for (int m = 4; m > k; --m) top5[m] = top5[m - 1];
        top5[k] = i;
        break;
      }
    }
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  if (best == 0) return 0;
  // Several strong candidates under one ancestor: take the ancestor.
  // Candidates nested in or around the best one are the same block.
  auto related = [&](uint32_t c) {
    return (c >= best && c < t_.nodes[best].end) ||
           (best >= c && best < t_.nodes[c].end);
  };
  int strong = 0;
  for (int k = 1; k < 5; ++k) {
    if (top5[k] != 0 && score_[top5[k]] >= 0.75f * best_score &&
        !related(top5[k])) {
      ++strong;
    }
  }
  if (strong >= 2) {
    for (uint32_t a = t_.nodes[best].parent; a != 0; a = t_.nodes[a].parent) {
      if (dropped_[a]) break;
      int inside = 0;
      for (int k = 1; k < 5; ++k) {
        uint32_t c = top5[k];
        if (c != 0 && score_[c] >= 0.75f * best_score && !related(c) &&
            c >= a && c < t_.nodes[a].end) {
          ++inside;
        }
      }
      if (inside >= std::min(strong, 3)) {
        best = a;
        break;
      }
    }
  }
  // An only child carries its parent's content: move up.
  while (t_.nodes[best].parent != 0) {
    uint32_t p = t_.nodes[best].parent;
    if (dropped_[p]) break;
    if (t_.nodes[p].total_text > t_.nodes[best].total_text + 20) break;
    best = p;
  }
  return best;
}

// Readability's conditional cleaning, for a node inside the kept content.
bool Scorer::RemoveInside(uint32_t i) const {
  const HtmlNode& n = t_.nodes[i];
  if (dropped_[i]) return true;
  if (n.tag == HtmlTag::kH1) return true;
  if (n.tag == HtmlTag::kFigcaption || (n.hints & kHintCaption)) return true;
  if ((n.hints & kHintStrongNegative) && !(n.hints & kHintPositive) &&
      !body_inside_[i]) {
    return true;
  }
  if (n.total_text == 0) return false;
  float ld = LinkDensity(i);
  bool list =
      n.tag == HtmlTag::kUl || n.tag == HtmlTag::kOl || n.tag == HtmlTag::kMenu;
  if (list && ld > 0.3f) return true;
  if (n.tag == HtmlTag::kP || n.tag == HtmlTag::kBlockquote) {
    if (ld > 0.8f || (ld > 0.5f && n.total_punct == 0)) return true;
  } else if (ld > 0.5f && n.total_text < 2000) {
    return true;
  }
  if (n.class_weight < 0 && !(n.hints & kHintPositive) &&
      n.total_punct * 60 < n.total_text && (n.paragraphs == 0 || ld > 0.2f)) {
    return true;
  }
  if (n.class_weight < 0 && n.total_text < 200 && n.paragraphs == 0) {
    return true;
  }
  return false;
}

void Scorer::Keep(uint32_t top) {
  keep_.assign(n_, 0);
  std::vector<uint32_t> roots;
  uint32_t parent = t_.nodes[top].parent;
  float top_score = score_[top];
  float threshold = std::max(10.0f, top_score * 0.2f);
  if (parent == 0) {
    roots.push_back(top);
  } else {
    for (uint32_t j = parent + 1; j < t_.nodes[parent].end;
         j = t_.nodes[j].end) {
      if (j == top) {
        roots.push_back(j);
        continue;
      }
      if (dropped_[j]) continue;
      const HtmlNode& s = t_.nodes[j];
      float bonus = (s.class_weight > 0 && t_.nodes[top].class_weight > 0)
                        ? top_score * 0.2f
                        : 0;
      float ld = LinkDensity(j);
      bool ok = touched_[j] && score_[j] + bonus >= threshold;
      if (!ok && s.tag == HtmlTag::kP) {
        ok = (s.total_text > 80 && ld < 0.25f) ||
             (s.total_text > 0 && ld == 0 && s.total_punct > 0);
      }
      if (ok && !RemoveInside(j)) roots.push_back(j);
    }
  }
  for (uint32_t r : roots) {
    keep_[r] = 1;
    for (uint32_t i = r + 1; i < t_.nodes[r].end; ++i) {
      keep_[i] = keep_[t_.nodes[i].parent] && !RemoveInside(i);
    }
  }
}

// Some pages ship the full article in a hidden itemprop=articleBody block
// (for search engines) and show only a teaser: when such a block holds much
// more text than the visible extraction, it is the article.
void Scorer::UseHiddenBody(bool have_body) {
  size_t visible = 0;
  if (have_body) {
    for (const HtmlTextRun& run : t_.runs) {
      if (keep_[run.node]) visible += run.length;
    }
  }
  std::vector<uint8_t> hidden(n_, 0);
  uint32_t best = 0;
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    hidden[i] = (n.hints & kHintHidden) || hidden[n.parent];
    if (!hidden[i] || !(n.hints & kHintArticleBody)) continue;
    if (n.total_text < 500 || n.total_text < 2 * visible ||
        LinkDensity(i) > 0.3f) {
      continue;
    }
    if (best == 0 || n.total_text > t_.nodes[best].total_text) best = i;
  }
  if (best == 0) return;
  keep_.assign(n_, 0);
  for (uint32_t i = best; i < t_.nodes[best].end; ++i) keep_[i] = 1;
}

bool Scorer::Extract(HtmlArticle* out) {
  MarkDropped();
  ScoreParagraphs();
  uint32_t top = PickTop();
  if (top != 0) Keep(top);
  UseHiddenBody(top != 0);
  if (top == 0 && keep_.empty()) return false;
  std::string& text = out->text;
  text.clear();
  uint32_t last_boundary = 0;
  bool last_space_after = false;
  for (const HtmlTextRun& run : t_.runs) {
    if (!keep_[run.node]) continue;
    if (!text.empty()) {
      if (run.boundary != last_boundary) {
        text.append("\n\n");
      } else if (last_space_after || run.space_before) {
        text.push_back(' ');
      }
    }
    uint32_t base = static_cast<uint32_t>(text.size());
    text.append(t_.text, run.begin, run.length);
    for (uint32_t p = run.piece_begin; p < run.piece_end; ++p) {
      const HtmlPiece& piece = t_.pieces[p];
      out->pieces.push_back({base + (piece.text_begin - run.begin),
                             piece.input_begin, piece.length});
    }
    last_boundary = run.boundary;
    last_space_after = run.space_after;
  }
  return !text.empty();
}

}  // namespace

bool ExtractMainContent(const HtmlTree& tree, HtmlArticle* out) {
  Scorer scorer(tree);
  return scorer.Extract(out);
}

}  // namespace whosaid
