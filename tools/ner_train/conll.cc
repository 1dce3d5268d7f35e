// The NER trainer's CoNLL reading, gold-span projection and dev score
// (tools/ner_train/conll.h).
#include "tools/ner_train/conll.h"

#include <fmt/format.h>

#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "src/segment/segment.h"

namespace whosaid::ner::train {
namespace {

// conlleval chunking on one sentence's tags.
void Chunks(const std::vector<std::string>& tags,
            std::vector<std::tuple<int, int, std::string>>* out) {
  auto split = [](const std::string& tag, char* p, std::string* typ) {
    if (tag == "O" || tag.empty()) {
      *p = 'O';
      typ->clear();
      return;
    }
    if (tag.size() > 2 && (tag[1] == '-' || tag[1] == '_')) {
      char c = tag[0];
      if (c == 'L') c = 'E';
      if (c == 'U') c = 'S';
      *p = c;
      *typ = tag.substr(2);
      return;
    }
    *p = 'I';
    *typ = tag;
  };
  int start = -1;
  std::string ctype, prev_type;
  char prev = 'O';
  for (size_t i = 0; i <= tags.size(); ++i) {
    char tag;
    std::string typ;
    split(i < tags.size() ? tags[i] : "O", &tag, &typ);
    bool end_chunk = ((prev == 'B' || prev == 'I') &&
                      (tag == 'B' || tag == 'S' || tag == 'O')) ||
                     prev == 'E' || prev == 'S' ||
                     (prev != 'O' && prev_type != typ);
    if (start >= 0 && end_chunk) {
      out->emplace_back(start, static_cast<int>(i) - 1, ctype);
      start = -1;
    }
    bool start_chunk = tag == 'B' || tag == 'S' ||
                       ((prev == 'E' || prev == 'S' || prev == 'O') &&
                        (tag == 'E' || tag == 'I')) ||
                       (tag != 'O' && prev_type != typ);
    if (start_chunk) {
      start = static_cast<int>(i);
      ctype = typ;
    }
    prev = tag;
    prev_type = typ;
  }
}

struct Prf {
  int tp = 0, pred = 0, gold = 0;
  double F1() const {
    double p = pred ? 1.0 * tp / pred : 0, r = gold ? 1.0 * tp / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

}  // namespace

int TypeId(std::string_view t) {
  if (t == "PER") return 0;
  if (t == "ORG") return 1;
  if (t == "LOC") return 2;
  if (t == "MISC") return 3;
  return -1;
}

int ExternalTypeId(std::string_view t) {
  if (t == "person") return 0;
  if (t == "organization" || t == "corporation" || t == "group") return 1;
  if (t == "place" || t == "location") return 2;
  if (t == "product" || t == "creative-work") return 3;
  return TypeId(t);
}

bool ReadConll(const std::string& path, std::vector<TrainDoc>* docs,
               bool strip_lang_prefix, int (*type_of)(std::string_view)) {
  std::ifstream f(path);
  if (!f) return false;
  std::string line;
  std::vector<std::vector<std::pair<std::string, std::string>>> sents;
  std::vector<std::pair<std::string, std::string>> sent;
  auto flush_doc = [&]() {
    if (!sent.empty()) sents.push_back(std::move(sent));
    sent.clear();
    if (sents.empty()) return;
    TrainDoc td;
    std::string& text = td.doc.text;
    for (size_t si = 0; si < sents.size(); ++si) {
      if (si) text += '\n';
      std::vector<uint32_t> begins, ends;
      std::vector<std::string> tags;
      for (size_t ti = 0; ti < sents[si].size(); ++ti) {
        if (ti) text += ' ';
        begins.push_back(static_cast<uint32_t>(text.size()));
        text += sents[si][ti].first;
        ends.push_back(static_cast<uint32_t>(text.size()));
        tags.push_back(sents[si][ti].second);
      }
      std::vector<std::tuple<int, int, std::string>> chunks;
      Chunks(tags, &chunks);
      for (auto& [a, b, typ] : chunks) {
        int t = type_of(typ);
        if (t >= 0) td.gold.push_back({begins[a], ends[b], t});
      }
    }
    docs->push_back(std::move(td));
    sents.clear();
  };
  while (std::getline(f, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!sent.empty()) sents.push_back(std::move(sent));
      sent.clear();
      continue;
    }
    std::vector<std::string> parts;
    char sep = line.find('\t') != std::string::npos ? '\t' : ' ';
    size_t p = 0;
    while (p <= line.size()) {
      size_t q = line.find(sep, p);
      if (q == std::string::npos) q = line.size();
      if (q > p) parts.push_back(line.substr(p, q - p));
      p = q + 1;
    }
    if (parts.empty()) continue;
    if (parts[0] == "-DOCSTART-") {
      flush_doc();
      continue;
    }
    std::string tok = parts[0];
    if (strip_lang_prefix && tok.size() > 3 && tok.compare(0, 3, "en:") == 0) {
      tok = tok.substr(3);
    }
    sent.emplace_back(tok, parts.size() > 1 ? parts.back() : "O");
  }
  flush_doc();
  return true;
}

// Segments the text and projects gold spans onto our tokens.
void Prepare(TrainDoc* td, int* misaligned) {
  Segment(SegmentOptions(), &td->doc);
  const auto& toks = td->doc.tokens;
  td->labels.assign(toks.size(), 0);
  for (const GoldSpan& g : td->gold) {
    int first = -1, last = -1;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].span.begin == g.begin) first = static_cast<int>(i);
      if (toks[i].span.end == g.end) {
        last = static_cast<int>(i);
        break;
      }
    }
    if (first < 0 || last < first) {
      ++*misaligned;
      continue;
    }
    td->spans.push_back(
        {static_cast<uint32_t>(first), static_cast<uint32_t>(last), g.type});
    if (first == last) {
      td->labels[first] = LabelOf(g.type, 3);
    } else {
      td->labels[first] = LabelOf(g.type, 0);
      for (int i = first + 1; i < last; ++i) td->labels[i] = LabelOf(g.type, 1);
      td->labels[last] = LabelOf(g.type, 2);
    }
  }
}

void Evaluate(const NerModel& model, const std::vector<TrainDoc>& docs,
              int misaligned) {
  Prf all, per[kNumTypes];
  std::vector<int> labels;
  std::vector<TokenSpan> pred;
  for (const TrainDoc& td : docs) {
    model.Decode(td.doc, &labels);
    LabelsToSpans(td.doc, labels, &pred);
    for (const TokenSpan& p : pred) {
      ++all.pred;
      ++per[p.type].pred;
      for (const TokenSpan& g : td.spans) {
        if (g.first == p.first && g.last == p.last && g.type == p.type) {
          ++all.tp;
          ++per[p.type].tp;
          break;
        }
      }
    }
    for (const GoldSpan& g : td.gold) {
      ++all.gold;
      ++per[g.type].gold;
    }
  }
  fmt::print(
      "  dev F1 {:.2f} (PER {:.2f} ORG {:.2f} LOC {:.2f} MISC {:.2f}); "
      "{} gold spans not on token edges\n",
      100 * all.F1(), 100 * per[0].F1(), 100 * per[1].F1(), 100 * per[2].F1(),
      100 * per[3].F1(), misaligned);
}

}  // namespace whosaid::ner::train
