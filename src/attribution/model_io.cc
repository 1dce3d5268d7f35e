// AttributionModel's weights and word sets in memory and on disk: the
// constructor (zeroed weight tables), Save and Load of the sparse binary
// model file (models/attribution.bin) and the word-set lookup tables.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/attribution/model.h"

namespace whosaid {
namespace attribution {
namespace {

constexpr char kMagic[] = "whosaid-attribution-model v7\n";

}  // namespace

AttributionModel::AttributionModel()
    : cue_w(size_t{kCueLabels} << kCueBits, 0.f),
      content_w(size_t{1} << kContentBits, 0.f),
      source_w(size_t{1} << kSourceBits, 0.f) {}

void WordSet::Build(std::vector<uint64_t> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  sorted = std::move(words);
  size_t cap = 16;
  while (cap < sorted.size() * 4) cap <<= 1;
  slots.assign(cap, 0);
  mask = cap - 1;
  for (uint64_t w : sorted) {
    uint64_t k = w | 1;  // 0 marks an empty slot
    size_t i = k & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = k;
  }
}

Status AttributionModel::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError("cannot write attribution model " + path);
  out.write(kMagic, sizeof(kMagic) - 1);
  auto put_u64 = [&](uint64_t x) {
    out.write(reinterpret_cast<const char*>(&x), sizeof(x));
  };
  // Sparse: count then (index, value) pairs, for each table.
  auto put_table = [&](const std::vector<float>& w) {
    put_u64(w.size());
    uint64_t nz = 0;
    for (float x : w) nz += x != 0;
    put_u64(nz);
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i] == 0) continue;
      uint32_t idx = static_cast<uint32_t>(i);
      out.write(reinterpret_cast<const char*>(&idx), sizeof(idx));
      out.write(reinterpret_cast<const char*>(&w[i]), sizeof(float));
    }
  };
  put_table(cue_w);
  put_table(content_w);
  put_table(source_w);
  for (const WordSet* ws : {&cue_vocab, &start_prev, &end_next, &src_no_start,
                            &src_no_end, &cue_left, &cue_strong}) {
    put_u64(ws->sorted.size());
    for (uint64_t x : ws->sorted) put_u64(x);
  }
  put_u64(0x5ea1ed0fULL);  // trailer
  if (!out) return Status::IOError("write failed for " + path);
  return Status::OK();
}

void AttributionModel::CopyWordSetsFrom(const AttributionModel& other) {
  cue_vocab = other.cue_vocab;
  start_prev = other.start_prev;
  end_next = other.end_next;
  src_no_start = other.src_no_start;
  src_no_end = other.src_no_end;
  cue_left = other.cue_left;
  cue_strong = other.cue_strong;
}

Status AttributionModel::Load(const std::string& path) {
  // The whole file is read at once and parsed from memory: one
  // istream::read per 4-byte field cost about 215M instructions (1.46M
  // calls) of every process's start (branch speed23).
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("attribution model not found: " + path);
  // One buffer of the file's size, filled by one read (a growing string
  // stream copied the 5.8 MB twice: +445k D1 misses per process).
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0 || !in) {
    return Status::IOError("cannot read attribution model " + path);
  }
  auto bytes =
      std::make_unique_for_overwrite<char[]>(static_cast<size_t>(size));
  in.read(bytes.get(), size);
  if (in.gcount() != size) {
    return Status::IOError("cannot read attribution model " + path);
  }
  const std::string_view data(bytes.get(), static_cast<size_t>(size));
  size_t pos = 0;
  // Copies the next n bytes to out; false (nothing copied) past the end.
  auto get = [&](void* out, size_t n) {
    if (data.size() - pos < n) return false;
    std::memcpy(out, data.data() + pos, n);
    pos += n;
    return true;
  };
  char magic[sizeof(kMagic) - 1];
  if (!get(magic, sizeof(magic)) ||
      std::memcmp(magic, kMagic, sizeof(magic)) != 0) {
    return Status::Corruption("attribution model " + path +
                              ": bad header (want " +
                              std::string(kMagic, sizeof(kMagic) - 2) + ")");
  }
  auto corrupt = [&](const char* what) {
    return Status::Corruption("attribution model " + path + ": " + what);
  };
  auto get_u64 = [&](uint64_t* x) { return get(x, sizeof(*x)); };
  auto get_table = [&](std::vector<float>* w) {
    uint64_t size, nz;
    if (!get_u64(&size) || size != w->size()) return false;
    if (!get_u64(&nz) || nz > size) return false;
    std::fill(w->begin(), w->end(), 0.f);
    for (uint64_t k = 0; k < nz; ++k) {
      uint32_t idx;
      float val;
      if (!get(&idx, sizeof(idx)) || !get(&val, sizeof(val)) || idx >= size) {
        return false;
      }
      (*w)[idx] = val;
    }
    return true;
  };
  if (!get_table(&cue_w)) return corrupt("truncated or bad cue table");
  if (!get_table(&content_w)) return corrupt("truncated or bad content table");
  if (!get_table(&source_w)) return corrupt("truncated or bad source table");
  for (WordSet* ws : {&cue_vocab, &start_prev, &end_next, &src_no_start,
                      &src_no_end, &cue_left, &cue_strong}) {
    uint64_t nv;
    if (!get_u64(&nv) || nv > (uint64_t{1} << 24)) return corrupt("bad vocab");
    std::vector<uint64_t> words(nv);
    for (auto& x : words) {
      if (!get_u64(&x)) return corrupt("truncated vocab");
    }
    if (!std::is_sorted(words.begin(), words.end())) {
      return corrupt("vocab not sorted");
    }
    ws->Build(std::move(words));
  }
  uint64_t trailer;
  if (!get_u64(&trailer) || trailer != 0x5ea1ed0fULL) {
    return corrupt("bad trailer");
  }
  Finalize();
  return Status::OK();
}

}  // namespace attribution
}  // namespace whosaid
