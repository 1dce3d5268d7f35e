#include "tools/train_attribution/gold_data.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/clean/clean.h"
#include "src/segment/segment.h"

namespace whosaid::attribution::train {
namespace {

// Byte offset of every code point index (size = cps + 1).
std::vector<uint32_t> CpToByte(const std::string& s) {
  std::vector<uint32_t> m;
  m.reserve(s.size() + 1);
  for (uint32_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) m.push_back(i);
  }
  m.push_back(static_cast<uint32_t>(s.size()));
  return m;
}

// Token span covering bytes [b, e): first token starting at/after b, last
// token ending at/before e.
TSpan ToTokens(const Document& d, uint32_t b, uint32_t e) {
  const auto& t = d.tokens;
  auto lo = std::lower_bound(
      t.begin(), t.end(), b,
      [](const whosaid::Token& x, uint32_t v) { return x.span.begin < v; });
  auto hi = std::upper_bound(
      t.begin(), t.end(), e,
      [](uint32_t v, const whosaid::Token& x) { return v < x.span.end; });
  int tb = static_cast<int>(lo - t.begin());
  int te = static_cast<int>(hi - t.begin()) - 1;
  if (tb > te || te < 0 || tb >= static_cast<int>(t.size())) return TSpan{};
  return TSpan{tb, te};
}

bool ReadSpan(simdjson::dom::element el, const std::vector<uint32_t>& cp,
              const Document& d, TSpan* out) {
  if (!el.is_object()) return false;
  int64_t s, e;
  if (el["start"].get(s) || el["end"].get(e)) return false;
  if (s < 0 || e < s || static_cast<size_t>(e) >= cp.size()) return false;
  *out = ToTokens(d, cp[s], cp[e]);
  return !out->none();
}

}  // namespace

std::vector<Example> LoadExamples(const std::string& path) {
  std::vector<Example> out;
  std::ifstream in(path);
  if (!in) {
    fmt::print(stderr, "cannot open {}\n", path);
    std::exit(1);
  }
  simdjson::dom::parser parser;
  std::string line;
  size_t unmapped = 0, total = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::dom::element rec;
    if (parser.parse(line).get(rec)) continue;
    std::string_view text;
    if (rec["text"].get(text)) continue;
    Example ex;
    whosaid::CleanOptions co;
    co.enabled = false;
    whosaid::CleanText(text, co, &ex.doc);
    whosaid::SegmentOptions so;
    whosaid::Segment(so, &ex.doc);
    std::vector<uint32_t> cp = CpToByte(ex.doc.text);
    ex.cue_label.assign(ex.doc.tokens.size(), 0);
    simdjson::dom::array quotes;
    if (!rec["quotes"].get(quotes)) {
      for (simdjson::dom::element q : quotes) {
        ++total;
        GoldAR ar;
        int64_t s, e;
        if (q["start"].get(s) || q["end"].get(e) || s < 0 || e < s ||
            static_cast<size_t>(e) >= cp.size()) {
          ++unmapped;
          continue;
        }
        ar.content = ToTokens(ex.doc, cp[s], cp[e]);
        simdjson::dom::element cue, spk;
        if (q["cue"].get(cue) || !ReadSpan(cue, cp, ex.doc, &ar.cue)) {
          ++unmapped;
          continue;
        }
        if (!q["speaker"].get(spk)) ReadSpan(spk, cp, ex.doc, &ar.source);
        if (ar.content.none()) {
          ++unmapped;
          continue;
        }
        ex.ars.push_back(ar);
        for (int i = ar.cue.b; i <= ar.cue.e; ++i) {
          ex.cue_label[i] = i == ar.cue.b ? 1 : 2;
        }
      }
    }
    ex.view.Build(ex.doc);
    ex.view.use_cache = false;
    out.push_back(std::move(ex));
  }
  // Views point at documents; fix them after the vector settled.
  for (auto& ex : out) ex.view.doc = &ex.doc;
  fmt::print(stderr, "{}: {} articles, {} ARs ({} unusable)\n", path,
             out.size(), total, unmapped);
  return out;
}

}  // namespace whosaid::attribution::train
