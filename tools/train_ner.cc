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
//
// The steps live in tools/ner_train/ (a library of their own, linked only
// into this program): conll.h (reading and scoring), gazetteers.h,
// clusters.h (word clusters) and perceptron.h (training and pruning).
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/segment/tokenizer.h"
#include "tools/ner_train/clusters.h"
#include "tools/ner_train/conll.h"
#include "tools/ner_train/gazetteers.h"
#include "tools/ner_train/perceptron.h"

namespace whosaid::ner::train {
namespace {

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path = "models/ner.bin";
  std::vector<std::string> gaz_paths, ext_gaz_paths;
  bool ext_words = false;  // also the word table of the external entries
  int ext_dropout = 0;     // N >= 2: each train document misses 1/N of it
  std::string corpus_path, clusters_from;
  size_t cluster_vocab = 50000;
  int epochs = 12, bits = 20, stages = 1;
  int gate_radius = -1;
  bool gate_initial = false;
  double prune = 0;
  uint32_t doc_features = 0;
  uint64_t seed = 0;  // 0: the shuffling of the shipped models
  int runs = 1;       // document orders averaged
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      return i + 1 < argc ? argv[++i] : std::string();
    };
    if (a == "--train") {
      train_path = next();
    } else if (a == "--dev") {
      dev_path = next();
    } else if (a == "--clusters-from") {
      clusters_from = next();
    } else if (a == "--corpus") {
      corpus_path = next();
    } else if (a == "--cluster-vocab") {
      cluster_vocab = std::strtoul(next().c_str(), nullptr, 10);
    } else if (a == "--gaz") {
      gaz_paths.push_back(next());
    } else if (a == "--ext-gaz") {
      ext_gaz_paths.push_back(next());
    } else if (a == "--ext-dropout") {
      ext_dropout = std::atoi(next().c_str());
    } else if (a == "--ext-words") {
      ext_words = std::atoi(next().c_str()) != 0;
    } else if (a == "--out") {
      out_path = next();
    } else if (a == "--epochs") {
      epochs = std::atoi(next().c_str());
    } else if (a == "--stages") {
      stages = std::atoi(next().c_str());
    } else if (a == "--gate-radius") {
      gate_radius = std::atoi(next().c_str());
    } else if (a == "--prune") {
      prune = std::atof(next().c_str());
    } else if (a == "--gate-initial") {
      gate_initial = std::atoi(next().c_str()) != 0;
    } else if (a == "--runs") {
      runs = std::atoi(next().c_str());
    } else if (a == "--seed") {
      seed = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--doc-features") {
      doc_features = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--bits") {
      bits = std::atoi(next().c_str());
    } else {
      fmt::print(stderr, "unknown argument {}\n", a);
      return 64;
    }
  }
  if (train_path.empty() || bits < 10 || bits > 24 || epochs < 1 ||
      doc_features > 31 || runs < 1 || runs > 16 || gate_radius < -1 ||
      gate_radius > 64) {
    fmt::print(
        stderr,
        "usage: train_ner --train FILE [--dev FILE] [--out FILE] "
        "[--epochs N] [--bits 10..24] [--stages 1|2] [--gaz FILE]\n"
        "       [--ext-gaz FILE]... [--ext-words 0|1] [--ext-dropout 0|N]\n"
        "       [--gate-radius -1|N] [--gate-initial 0|1] "
        "[--doc-features 0..31] [--seed N] [--runs 1..16]\n"
        "       [--corpus JSONL|- [--cluster-vocab N]] [--clusters-from "
        "MODEL]\n");
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
  model.set_gate(gate_radius, gate_initial);
  model.set_doc_features(doc_features);
  fmt::print("candidate gate: radius {}, initial {}\n", gate_radius,
             gate_initial ? 1 : 0);
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
        int len = NameHashes(text, &toks, hashes);
        if (len == 0) continue;
        uint8_t bit = static_cast<uint8_t>(1 << g.type);
        model.gazetteer().InsertSequence(hashes, len, bit);
        fold_gaz[0].InsertSequence(hashes, len, bit);
        fold_gaz[1].InsertSequence(hashes, len, bit);
      }
    }
    fmt::print("gazetteer source {}: {} docs\n", path, extra.size());
  }
  fmt::print("gazetteer: {} entries\n", model.gazetteer().size());
  // The external gazetteer: named entity spans of other NER sets (their
  // text is never trained on), features of their own. With ext_dropout N,
  // training document d misses part d % N of its entries (1/N of them, by
  // hash), so the model does not learn that a name missing from the
  // gazetteer is no name.
  std::vector<Gazetteer> ext_parts(ext_dropout >= 2 ? ext_dropout : 0);
  for (const std::string& path : ext_gaz_paths) {
    int added = AddExternalGazetteer(
        path, &model.external_gazetteer(),
        ext_words ? &model.external_words() : nullptr, &ext_parts);
    if (added < 0) {
      fmt::print(stderr, "cannot read {}\n", path);
      return 66;
    }
    fmt::print("external gazetteer source {}: {} spans\n", path, added);
  }
  if (model.external_gazetteer().size() > 0) {
    fmt::print("external gazetteer: {} entries (prefixes included), {} words\n",
               model.external_gazetteer().size(),
               model.external_words().size());
  }
  if (!corpus_path.empty() &&
      !BuildClusters(corpus_path, train, cluster_vocab, 1000, 96,
                     {64, 256, 1024}, &model.clusters())) {
    fmt::print(stderr, "cannot read corpus {}\n", corpus_path);
    return 66;
  }
  if (!clusters_from.empty()) {  // reuse the clusters of a model (tuning)
    auto other = NerModel::LoadFile(clusters_from);
    if (!other.ok()) {
      fmt::print(stderr, "{}\n", other.status().ToString());
      return 66;
    }
    model.clusters() = other.value().clusters();
  }
  for (auto& td : train) {
    model.ComputeTokenInfo(
        td.doc, &td.info, &fold_gaz[1 - td.fold],
        ext_parts.empty() ? nullptr
                          : &ext_parts[static_cast<size_t>(&td - train.data()) %
                                       ext_parts.size()]);
  }

  // Stage 1 on all of train; then, for stage 2, stage-1 labels of each
  // half predicted by a stage-1 model trained on the other half (so stage 2
  // sees first-pass errors as they occur on unseen text).
  TrainStageAveraged(&model, train, 0, 3, epochs, seed, runs,
                     &model.float_weights(0));
  Prune(prune, &model.float_weights(0));
  model.set_stages(1);
  model.Finalize();
  if (!dev.empty()) {
    fmt::print("stage 1 alone:\n");
    Evaluate(model, dev, mis_dev);
  }
  if (stages >= 2) {
    for (int fold = 0; fold < 2; ++fold) {
      NerModel half(bits);
      half.set_gate(gate_radius, gate_initial);
      half.set_doc_features(doc_features);
      half.clusters() = model.clusters();  // stage 1 as the full model has it
      TrainStageAveraged(&half, train, 0, 1 << fold, epochs, seed, runs,
                         &half.float_weights(0));
      half.Finalize();
      for (TrainDoc& td : train) {
        if (td.fold != fold)
          half.Pass(td.doc, td.info, 0, nullptr, &td.labels1);
      }
    }
    TrainStageAveraged(&model, train, 1, 3, epochs, seed, runs,
                       &model.float_weights(1));
    model.set_stages(2);
    model.Finalize();
    if (!dev.empty()) {
      fmt::print("stage 1 + 2:\n");
      Evaluate(model, dev, mis_dev);
    }
  }
  Status st = model.Save(out_path);
  if (!st.ok()) {
    fmt::print(stderr, "{}\n", st.ToString());
    return 74;
  }
  fmt::print("wrote {}\n", out_path);
  return 0;
}

}  // namespace
}  // namespace whosaid::ner::train

int main(int argc, char** argv) {
  return whosaid::ner::train::Main(argc, argv);
}
