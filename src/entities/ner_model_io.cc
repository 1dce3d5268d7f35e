// NerModel's file format: Finalize() quantises the trained weights, Save()
// writes a model file and LoadFile() reads and checks one (magic, version,
// checksum, every table's bounds). See ner_model.h for the model itself.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/entities/ner_model.h"

namespace whosaid::ner {

namespace {

constexpr char kMagic[8] = {'W', 'S', 'N', 'E', 'R', 'M', 'D', 'L'};

uint64_t Fnv(const char* p, size_t n, uint64_t h = 1469598103934665603ULL) {
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 1099511628211ULL;
  }
  return h;
}

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Get(std::string_view data, size_t* pos, T* v) {
  if (*pos + sizeof(T) > data.size()) return false;
  std::memcpy(v, data.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

// Compacts a dense table (rows * kNumLabels) into CompactWeights.
void Compact(const std::vector<int16_t>& dense, size_t rows,
             CompactWeights* out) {
  out->Reset(rows);
  for (size_t r = 0; r < rows; ++r) {
    const int16_t* row = &dense[r * kNumLabels];
    bool any = false;
    for (int l = 0; l < kNumLabels; ++l) any |= row[l] != 0;
    if (any) out->Append(static_cast<uint32_t>(r), row);
  }
  out->Seal();
}

// The occupied slots of a hash table's key array (0 = empty) in key order,
// so that a file written from them does not depend on insertion order.
template <typename Keys>
std::vector<size_t> SlotsByKey(const Keys& keys) {
  std::vector<size_t> order;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  return order;
}

// Writes `gaz` (entry count, then key and value of each entry in key order).
void PutGazetteer(const Gazetteer& gaz, std::string* out) {
  Put<uint64_t>(out, static_cast<uint64_t>(gaz.size()));
  const auto& keys = gaz.keys();
  const auto& values = gaz.values();
  for (size_t i : SlotsByKey(keys)) {
    Put<uint64_t>(out, keys[i]);
    Put<uint8_t>(out, values[i]);
  }
}

// Reads what PutGazetteer wrote at *pos into `gaz`; false when damaged.
bool GetGazetteer(std::string_view body, size_t* pos, Gazetteer* gaz) {
  uint64_t n;
  if (!Get(body, pos, &n) || n > body.size()) return false;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key;
    uint8_t value;
    if (!Get(body, pos, &key) || !Get(body, pos, &value)) return false;
    gaz->Insert(key, value);
  }
  return true;
}

}  // namespace

void NerModel::Finalize() {
  size_t rows = size_t{1} << bucket_bits_;
  for (int st = 0; st < stages_; ++st) {
    const std::vector<float>& fw = float_weights_[st];
    std::vector<int16_t> dense(rows * kNumLabels, 0);
    float max_abs = 0;
    for (float x : fw) max_abs = std::max(max_abs, std::abs(x));
    if (max_abs > 0) {
      float scale = 32000.0f / max_abs;
      for (size_t i = 0; i < fw.size() && i < dense.size(); ++i) {
        dense[i] = static_cast<int16_t>(std::lround(fw[i] * scale));
      }
    }
    Compact(dense, rows, &weights_[st]);
  }
  cache_id_ = NewCacheId();
}

Status NerModel::Save(const std::string& path) const {
  std::string out;
  out.append(kMagic, 8);
  Put<uint32_t>(&out, kVersion);
  Put<uint32_t>(&out, static_cast<uint32_t>(bucket_bits_));
  Put<uint32_t>(&out, kNumLabels);
  PutGazetteer(gazetteer_, &out);
  Put<uint64_t>(&out, static_cast<uint64_t>(clusters_.size()));
  const auto& ckeys = clusters_.keys();
  for (size_t i : SlotsByKey(ckeys)) {
    Put<uint64_t>(&out, ckeys[i]);
    for (int k = 0; k < kClusterLevels; ++k) {
      Put<uint16_t>(&out, clusters_.ids()[i * kClusterLevels + k]);
    }
  }
  Put<uint32_t>(&out, static_cast<uint32_t>(stages_));
  Put<int32_t>(&out, gate_radius_);
  Put<uint32_t>(&out, gate_initial_ ? 1u : 0u);
  Put<uint32_t>(&out, doc_features_);
  PutGazetteer(external_gazetteer_, &out);
  PutGazetteer(external_words_, &out);
  size_t rows = size_t{1} << bucket_bits_;
  for (int st = 0; st < stages_; ++st) {
    const CompactWeights& w = weights_[st];
    Put<uint64_t>(&out, static_cast<uint64_t>(w.num_rows()));
    for (size_t b = 0; b < rows; ++b) {
      uint32_t r = w.Find(static_cast<uint32_t>(b));
      if (r == CompactWeights::kNoRow) continue;
      Put<uint32_t>(&out, static_cast<uint32_t>(b));
      for (int l = 0; l < kNumLabels; ++l) Put<int16_t>(&out, w.At(r, l));
    }
  }
  Put<uint64_t>(&out, Fnv(out.data(), out.size()));
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(fmt::format("cannot write {}", path));
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!f) return Status::IOError(fmt::format("write failed: {}", path));
  return Status::OK();
}

Result<NerModel> NerModel::LoadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    return Status::NotFound(fmt::format(
        "NER model {} not found (retrain with eval/train_ner.sh)", path));
  }
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  auto corrupt = [&](std::string_view why) {
    return Status::Corruption(fmt::format("NER model {}: {}", path, why));
  };
  if (data.size() < 8 + 12 + 16 + 8 || std::memcmp(data.data(), kMagic, 8)) {
    return corrupt("bad magic (not a whosaid NER model)");
  }
  uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  if (Fnv(data.data(), data.size() - 8) != stored) {
    return corrupt("checksum mismatch (truncated or damaged file)");
  }
  std::string_view body(data.data(), data.size() - 8);
  size_t pos = 8;
  uint32_t version, bits, labels;
  Get(body, &pos, &version);
  Get(body, &pos, &bits);
  Get(body, &pos, &labels);
  if (version < 6 || version > kVersion) {
    return corrupt(fmt::format("version {} but this engine reads versions 6-{}",
                               version, kVersion));
  }
  if (bits < 10 || bits > 24 || labels != kNumLabels) {
    return corrupt("bad header (bucket bits or label count)");
  }
  NerModel model(static_cast<int>(bits));
  if (!GetGazetteer(body, &pos, &model.gazetteer_)) {
    return corrupt("bad or truncated gazetteer");
  }
  uint64_t nclusters;
  if (!Get(body, &pos, &nclusters) || nclusters > body.size()) {
    return corrupt("bad cluster table size");
  }
  for (uint64_t i = 0; i < nclusters; ++i) {
    uint64_t key;
    uint16_t ids[kClusterLevels];
    if (!Get(body, &pos, &key)) return corrupt("truncated cluster table");
    for (int k = 0; k < kClusterLevels; ++k) {
      if (!Get(body, &pos, &ids[k])) return corrupt("truncated cluster table");
    }
    model.clusters_.Insert(key, ids);
  }
  uint32_t stages;
  if (!Get(body, &pos, &stages) || stages < 1 || stages > kMaxStages) {
    return corrupt("bad stage count");
  }
  model.stages_ = static_cast<int>(stages);
  if (version >= 6) {
    int32_t radius;
    uint32_t initial;
    if (!Get(body, &pos, &radius) || !Get(body, &pos, &initial) ||
        radius < -1 || radius > 64 || initial > 1) {
      return corrupt("bad candidate gate");
    }
    model.set_gate(radius, initial != 0);
  }
  if (version >= 7) {
    uint32_t features;
    if (!Get(body, &pos, &features) ||
        features > (kDocFraction | kDocPositions | kCaseClusters | kExtToken |
                    kLongestMatch)) {
      return corrupt("bad document features");
    }
    model.doc_features_ = features;
  }
  if (version >= 8 && (!GetGazetteer(body, &pos, &model.external_gazetteer_) ||
                       !GetGazetteer(body, &pos, &model.external_words_))) {
    return corrupt("bad or truncated external gazetteer");
  }
  size_t rows = size_t{1} << bits;
  for (uint32_t st = 0; st < stages; ++st) {
    CompactWeights& w = model.weights_[st];
    w.Reset(rows);
    uint64_t nonzero;
    if (!Get(body, &pos, &nonzero) || nonzero > rows) {
      return corrupt("bad weight row count");
    }
    w.head.reserve(nonzero * CompactWeights::kHead);
    w.tail.reserve(nonzero);
    int64_t last = -1;
    int16_t row[kNumLabels];
    for (uint64_t i = 0; i < nonzero; ++i) {
      uint32_t r;
      if (!Get(body, &pos, &r) || r >= rows ||
          static_cast<int64_t>(r) <= last ||
          pos + sizeof(int16_t) * kNumLabels > body.size()) {
        return corrupt("truncated or bad weight row");
      }
      last = r;
      std::memcpy(row, body.data() + pos, sizeof(row));
      pos += sizeof(row);
      w.Append(r, row);
    }
    w.Seal();
  }
  if (pos != body.size()) return corrupt("trailing bytes");
  model.cache_id_ = NewCacheId();
  return model;
}

}  // namespace whosaid::ner
