#include "src/attribution/relation_checks.h"

#include <algorithm>
#include <string>
#include <vector>

#include "src/attribution/feature_util.h"
#include "src/attribution/source_span.h"
#include "src/attribution/transcript.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {
namespace {

// Whether a person entity lies within tokens [tb, te].
bool NamesAPerson(const Document& d, int tb, int te) {
  if (tb > te) return false;
  const size_t begin = d.tokens[tb].span.begin, end = d.tokens[te].span.end;
  auto it = std::lower_bound(
      d.entities.begin(), d.entities.end(), begin,
      [](const Entity& e, size_t b) { return e.span.begin < b; });
  for (; it != d.entities.end() && it->span.begin < end; ++it) {
    if (it->span.end <= end && it->label == EntityLabel::kPerson) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ReconcileSources(const Document& d, const DocView& v, int reach,
                      std::vector<Candidate*>* kept_relations) {
  std::vector<Candidate*>& kept = *kept_relations;
  std::sort(kept.begin(), kept.end(),
            [](const Candidate* a, const Candidate* b) {
              return a->cue.b < b->cue.b;
            });
  auto within = [](TSpan inner, TSpan outer) {
    return !inner.none() && !outer.none() && inner.b >= outer.b &&
           inner.e <= outer.e;
  };
  // Calls f(k) for the relations near kept[i] until f returns true.
  auto near = [&](size_t i, auto&& f) {
    for (size_t j = i; j-- > 0 && kept[i]->cue.b - kept[j]->cue.b <= reach;) {
      if (f(kept[j])) return;
    }
    for (size_t j = i + 1;
         j < kept.size() && kept[j]->cue.b - kept[i]->cue.b <= reach; ++j) {
      if (f(kept[j])) return;
    }
  };
  for (size_t i = 0; i < kept.size(); ++i) {
    Candidate* c = kept[i];
    near(i, [&](const Candidate* k) {
      if (k->source.none()) return false;
      bool in_content =
          within(c->source, k->content) && !Overlaps(c->cue, k->content);
      bool appositive =
          within(c->source, k->source) && c->source.b > k->source.b &&
          v.cls[c->source.b - 1] == attribution::internal::kComma &&
          !NamesAPerson(d, c->source.b, c->source.e) &&
          NamesAPerson(d, k->source.b, c->source.b - 1);
      if (!in_content && !appositive) return false;
      c->source = k->source;
      return true;
    });
  }
}

bool HeadingBeforeColon(const Document& d, const Candidate& c) {
  if (c.source.none() || c.cue.none() || c.cue.b != c.cue.e ||
      d.TokenText(c.cue.b) != ":") {
    return false;
  }
  for (int i = c.source.b; i <= c.source.e; ++i) {
    std::string w = mention::LowerToken(d, i);
    if (i == c.source.b && w == "the") continue;
    if (!IsHeadingLabelWord(w)) return false;
  }
  return true;
}

void ExtendSourceStart(const Document& d, Candidate* c) {
  if (c->source.none()) return;
  int b = ExtendSourceOverPlaceTag(d, c->source.b, c->source.e);
  if (b == c->source.b) {
    b = ExtendSourceOverListHead(d, c->source.b, c->source.e);
  }
  if (b == c->source.b) return;
  auto inside = [&](TSpan s) {
    return !s.none() && s.b < c->source.b && s.e >= b;
  };
  if (inside(c->cue) || inside(c->content)) return;
  c->source.b = b;
}

bool ClipContent(const DocView& v, Candidate* c, TSpan other) {
  TSpan& ct = c->content;
  if (ct.b > c->cue.e && other.b > ct.b) {
    ct.e = other.b - 1;
    while (ct.e >= ct.b && v.cls[ct.e] >= 4 && v.cls[ct.e] <= 8) --ct.e;
  } else if (ct.b < c->cue.b && ct.e > c->cue.e && other.b > c->cue.e) {
    int after = c->cue.e;  // the last token of cue or own speaker
    if (!c->source.none() && c->source.b > c->cue.e && c->source.e < other.b) {
      after = std::max(after, c->source.e);
    }
    ct.e = other.b - 1;
    while (ct.e > after && v.cls[ct.e] >= 4 && v.cls[ct.e] <= 8) --ct.e;
    if (ct.e <= after) {
      ct.e = c->cue.b - 1;
      while (ct.e >= ct.b && (v.cls[ct.e] == 4 || v.cls[ct.e] == 8)) --ct.e;
    }
  } else if (ct.e < c->cue.b && other.e < ct.e) {
    ct.b = other.e + 1;
    while (ct.b <= ct.e && v.cls[ct.b] >= 4 && v.cls[ct.b] <= 8) ++ct.b;
  } else {
    return false;
  }
  return ct.b <= ct.e;
}

}  // namespace whosaid::attribution
