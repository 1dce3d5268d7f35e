// train_ner: trains the NER model (models/ner.bin) from CoNLL-2003 train.
//
// Reads CoNLL files, rebuilds each document's text the way score_ner.py does
// (tokens joined by spaces, sentences by "\n"), segments it with the
// engine's own Segment() and projects the gold entities onto our tokens as
// BILOU labels. The gazetteer is built from train entity spans (2-fold
// jack-knifed while training, so the model does not learn to trust it
// blindly). Averaged perceptron, deterministic shuffling. Single-threaded.
//
//   train_ner --train eng.train [--dev eng.testa] --out models/ner.bin
//             [--epochs 12] [--bits 20]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/segment/segment.h"
#include "src/segment/tokenizer.h"

namespace whosaid::ner {
namespace {

struct GoldSpan {
  uint32_t begin, end;  // bytes
  int type;
};

struct TrainDoc {
  Document doc;
  std::vector<GoldSpan> gold;
  std::vector<int> labels;       // BILOU per our token
  std::vector<TokenSpan> spans;  // gold spans on our tokens (aligned only)
  std::vector<TokenInfo> info;   // features' token info (jack-knifed gaz)
  int fold = 0;
};

int TypeId(std::string_view t) {
  if (t == "PER") return 0;
  if (t == "ORG") return 1;
  if (t == "LOC") return 2;
  if (t == "MISC") return 3;
  return -1;
}

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

// Reads a CoNLL file into documents. `strip_lang_prefix` drops WikiANN's
// "en:" token prefix.
bool ReadConll(const std::string& path, std::vector<TrainDoc>* docs,
               bool strip_lang_prefix = false) {
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
        int t = TypeId(typ);
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

void AddToGazetteer(const TrainDoc& td, Gazetteer* gaz) {
  uint64_t hashes[kMaxGazLength];
  for (const TokenSpan& s : td.spans) {
    int len = static_cast<int>(s.last - s.first + 1);
    if (len > kMaxGazLength) continue;
    for (int k = 0; k < len; ++k) {
      hashes[k] = HashWord(td.doc.TokenText(s.first + k), true);
    }
    gaz->Insert(SequenceKey(hashes, len), static_cast<uint8_t>(1 << s.type));
  }
}

struct Prf {
  int tp = 0, pred = 0, gold = 0;
  double F1() const {
    double p = pred ? 1.0 * tp / pred : 0, r = gold ? 1.0 * tp / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

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

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path = "models/ner.bin";
  std::vector<std::string> gaz_paths;
  int epochs = 12, bits = 20;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      return i + 1 < argc ? argv[++i] : std::string();
    };
    if (a == "--train") {
      train_path = next();
    } else if (a == "--dev") {
      dev_path = next();
    } else if (a == "--gaz") {
      gaz_paths.push_back(next());
    } else if (a == "--out") {
      out_path = next();
    } else if (a == "--epochs") {
      epochs = std::atoi(next().c_str());
    } else if (a == "--bits") {
      bits = std::atoi(next().c_str());
    } else {
      fmt::print(stderr, "unknown argument {}\n", a);
      return 64;
    }
  }
  if (train_path.empty() || bits < 10 || bits > 24 || epochs < 1) {
    fmt::print(stderr,
               "usage: train_ner --train FILE [--dev FILE] [--out FILE] "
               "[--epochs N] [--bits 10..24]\n");
    return 64;
  }
  std::vector<TrainDoc> train, dev;
  if (!ReadConll(train_path, &train)) {
    fmt::print(stderr, "cannot read {}\n", train_path);
    return 66;
  }
  if (!dev_path.empty() && !ReadConll(dev_path, &dev)) {
    fmt::print(stderr, "cannot read {}\n", dev_path);
    return 66;
  }
  int mis_train = 0, mis_dev = 0;
  for (auto& td : train) Prepare(&td, &mis_train);
  for (auto& td : dev) Prepare(&td, &mis_dev);
  size_t ntok = 0;
  for (auto& td : train) ntok += td.doc.tokens.size();
  fmt::print("train: {} docs, {} tokens, {} gold spans not on token edges\n",
             train.size(), ntok, mis_train);

  // Gazetteers: full (for the model) and one per fold (for training).
  NerModel model(bits);
  Gazetteer fold_gaz[2];
  for (size_t d = 0; d < train.size(); ++d) {
    train[d].fold = static_cast<int>(d % 2);
    AddToGazetteer(train[d], &model.gazetteer());
    AddToGazetteer(train[d], &fold_gaz[d % 2]);
  }
  // Extra gazetteer sources (entity spans of other CoNLL-format files; their
  // text is never trained on).
  for (const std::string& path : gaz_paths) {
    std::vector<TrainDoc> extra;
    if (!ReadConll(path, &extra, /*strip_lang_prefix=*/true)) {
      fmt::print(stderr, "cannot read {}\n", path);
      return 66;
    }
    std::vector<Token> toks;
    uint64_t hashes[kMaxGazLength];
    for (const TrainDoc& td : extra) {
      for (const GoldSpan& g : td.gold) {
        std::string_view text =
            std::string_view(td.doc.text).substr(g.begin, g.end - g.begin);
        toks.clear();
        Tokenize(text, &toks);
        if (toks.empty() || toks.size() > kMaxGazLength) continue;
        for (size_t k = 0; k < toks.size(); ++k) {
          hashes[k] = HashWord(
              text.substr(toks[k].span.begin, toks[k].span.size()), true);
        }
        uint64_t key = SequenceKey(hashes, static_cast<int>(toks.size()));
        uint8_t bit = static_cast<uint8_t>(1 << g.type);
        model.gazetteer().Insert(key, bit);
        fold_gaz[0].Insert(key, bit);
        fold_gaz[1].Insert(key, bit);
      }
    }
    fmt::print("gazetteer source {}: {} docs\n", path, extra.size());
  }
  fmt::print("gazetteer: {} entries\n", model.gazetteer().size());
  for (auto& td : train) {
    model.ComputeTokenInfo(td.doc, &td.info, &fold_gaz[1 - td.fold]);
  }

  size_t rows = size_t{1} << bits;
  std::vector<float>& w = model.float_weights();
  w.assign(rows * kNumLabels, 0);
  std::vector<float> acc(rows * kNumLabels, 0);
  double c = 1;
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = 0x9E3779B97F4A7C15ULL;
  uint32_t feats[kMaxFeatures];
  float scores[kNumLabels];
  History hist;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
      std::swap(order[i - 1], order[(rng >> 33) % i]);
    }
    size_t errors = 0, total = 0;
    for (size_t d : order) {
      const TrainDoc& td = train[d];
      hist.Clear();
      for (const Sentence& s : td.doc.sentences) {
        int prev1 = -1, prev2 = -1;
        for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
          int n = model.Features(td.info, s.token_begin, s.token_end, i, prev1,
                                 prev2, hist, feats);
          for (int l = 0; l < kNumLabels; ++l) scores[l] = 0;
          for (int f = 0; f < n; ++f) {
            const float* row = &w[static_cast<size_t>(feats[f]) * kNumLabels];
            for (int l = 0; l < kNumLabels; ++l) scores[l] += row[l];
          }
          int best = -1;
          for (int l = 0; l < kNumLabels; ++l) {
            if (!ValidTransition(prev1, l)) continue;
            if (i + 1 == s.token_end && (PosOf(l) == 0 || PosOf(l) == 1)) {
              continue;
            }
            if (best < 0 || scores[l] > scores[best]) best = l;
          }
          int gold = td.labels[i];
          ++total;
          if (best != gold) {
            ++errors;
            for (int f = 0; f < n; ++f) {
              size_t r = static_cast<size_t>(feats[f]) * kNumLabels;
              w[r + gold] += 1;
              acc[r + gold] += static_cast<float>(c);
              w[r + best] -= 1;
              acc[r + best] -= static_cast<float>(c);
            }
          }
          c += 1;
          if (best != 0 || (td.info[i].flags & kCap)) {
            hist.Add(td.info[i].lower, TypeOf(best));
          }
          prev2 = prev1;
          prev1 = best;
        }
      }
    }
    fmt::print("epoch {}: train token error {:.3f}%\n", epoch,
               100.0 * errors / std::max<size_t>(total, 1));
    if (!dev.empty() && (epoch % 2 == 0 || epoch == epochs)) {
      std::vector<float> saved = w;
      for (size_t k = 0; k < w.size(); ++k) {
        w[k] -= acc[k] / static_cast<float>(c);
      }
      model.Finalize();
      Evaluate(model, dev, mis_dev);
      w = std::move(saved);
    }
    std::fflush(stdout);
  }
  for (size_t k = 0; k < w.size(); ++k) w[k] -= acc[k] / static_cast<float>(c);
  model.Finalize();
  Status st = model.Save(out_path);
  if (!st.ok()) {
    fmt::print(stderr, "{}\n", st.ToString());
    return 74;
  }
  fmt::print("wrote {}\n", out_path);
  return 0;
}

}  // namespace
}  // namespace whosaid::ner

int main(int argc, char** argv) { return whosaid::ner::Main(argc, argv); }
