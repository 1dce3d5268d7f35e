#include "src/corpus/link_documents.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace whosaid {
namespace {

// Pairs read at a time from each run being merged or scanned.
constexpr size_t kReadPairs = 512;

}  // namespace

Status SortedRuns::Add(std::span<const std::pair<uint64_t, uint64_t>> sorted,
                       SpillFile* file) {
  if (sorted.empty()) return Status::OK();
  Run run;
  run.offset = file->size();
  run.count = sorted.size();
  run.first_keys.reserve((run.count + kBlock - 1) / kBlock);
  scratch_.clear();
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i % kBlock == 0) run.first_keys.push_back(sorted[i].first);
    scratch_.push_back(sorted[i].first);
    scratch_.push_back(sorted[i].second);
    if (scratch_.size() >= 2 * kReadPairs || i + 1 == sorted.size()) {
      uint64_t unused;
      Status s = file->Append(scratch_, &unused);
      if (!s.ok()) return s;
      scratch_.clear();
    }
  }
  runs_.push_back(std::move(run));
  // At most kMergeWidth - 1 runs of each level stay.
  while (runs_.size() >= kMergeWidth &&
         std::all_of(runs_.end() - kMergeWidth, runs_.end(), [&](const Run& r) {
           return r.level == runs_.back().level;
         })) {
    Status s = MergeLast(file);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status SortedRuns::ForEachInRange(
    uint64_t lo, uint64_t hi, const SpillFile& file,
    const std::function<void(uint64_t, uint64_t)>& fn) {
  for (const Run& run : runs_) {
    auto it =
        std::upper_bound(run.first_keys.begin(), run.first_keys.end(), lo);
    size_t b = it == run.first_keys.begin()
                   ? 0
                   : static_cast<size_t>(it - run.first_keys.begin()) - 1;
    for (; b < run.first_keys.size() && run.first_keys[b] <= hi; ++b) {
      const size_t n = std::min(kBlock, run.count - b * kBlock);
      scratch_.resize(2 * n);
      Status s = file.Read(run.offset + 2 * b * kBlock, scratch_);
      if (!s.ok()) return s;
      ++reads_;
      for (size_t i = 0; i < n; ++i) {
        const uint64_t k = scratch_[2 * i];
        if (k >= lo && k <= hi) fn(k, scratch_[2 * i + 1]);
      }
    }
  }
  return Status::OK();
}

Status SortedRuns::MergeLast(SpillFile* file) {
  // A k-way merge, read kReadPairs pairs at a time from each run.
  struct Cursor {
    const Run* run;
    size_t next = 0;  // pairs of the run read so far
    std::vector<uint64_t> buf;
    size_t at = 0;  // pairs of buf used
  };
  std::vector<Cursor> in;
  for (size_t i = runs_.size() - kMergeWidth; i < runs_.size(); ++i) {
    in.push_back({&runs_[i], 0, {}, 0});
  }
  auto fill = [&](Cursor* c) -> Status {
    if (c->at < c->buf.size() / 2 || c->next == c->run->count) {
      return Status::OK();
    }
    const size_t n = std::min(kReadPairs, c->run->count - c->next);
    c->buf.resize(2 * n);
    c->at = 0;
    Status s = file->Read(c->run->offset + 2 * c->next, c->buf);
    c->next += n;
    return s;
  };
  Run merged;
  merged.offset = file->size();
  merged.level = runs_.back().level + 1;
  std::vector<uint64_t> out;
  out.reserve(2 * kReadPairs);
  for (;;) {
    Cursor* best = nullptr;
    for (Cursor& c : in) {
      Status s = fill(&c);
      if (!s.ok()) return s;
      if (c.at >= c.buf.size() / 2) continue;  // exhausted
      if (best == nullptr || c.buf[2 * c.at] < best->buf[2 * best->at]) {
        best = &c;
      }
    }
    if (best == nullptr) break;
    if (merged.count % kBlock == 0) {
      merged.first_keys.push_back(best->buf[2 * best->at]);
    }
    out.push_back(best->buf[2 * best->at]);
    out.push_back(best->buf[2 * best->at + 1]);
    ++best->at;
    ++merged.count;
    if (out.size() >= 2 * kReadPairs) {
      uint64_t unused;
      Status s = file->Append(out, &unused);
      if (!s.ok()) return s;
      out.clear();
    }
  }
  if (!out.empty()) {
    uint64_t unused;
    Status s = file->Append(out, &unused);
    if (!s.ok()) return s;
  }
  for (const Cursor& c : in) file->Discard(c.run->offset, c.run->count * 2);
  runs_.resize(runs_.size() - kMergeWidth);
  runs_.push_back(std::move(merged));
  ++merges_;
  return Status::OK();
}

size_t SortedRuns::memory_bytes() const {
  size_t n =
      runs_.capacity() * sizeof(Run) + scratch_.capacity() * sizeof(uint64_t);
  for (const Run& r : runs_) n += r.first_keys.capacity() * sizeof(uint64_t);
  return n;
}

void SortedRuns::Clear() {
  std::vector<Run>().swap(runs_);
  std::vector<uint64_t>().swap(scratch_);
  merges_ = reads_ = 0;
}

DocumentLinks::DocumentLinks(uint32_t bands, size_t memory_documents,
                             SpillFile* file)
    : bands_(std::clamp<uint32_t>(bands, 1, 16)),
      memory_(memory_documents),
      file_(file) {}

// Band b of n holds bits [64b/n, 64(b+1)/n): two signatures within n-1 bits
// agree on at least one band (pigeonhole).
uint32_t DocumentLinks::BandKey(uint32_t n, uint32_t band, uint64_t simhash) {
  uint32_t lo = 64 * band / n, hi = 64 * (band + 1) / n;
  uint64_t mask = hi - lo >= 64 ? ~uint64_t{0} : (uint64_t{1} << (hi - lo)) - 1;
  return band << 24 | static_cast<uint32_t>((simhash >> lo) & mask & 0xFFFFFF);
}

Status DocumentLinks::FindExact(uint64_t text_hash, int64_t* row) {
  *row = exact_.Find(text_hash);
  if (*row != 0 || exact_runs_.runs() == 0) return Status::OK();
  return exact_runs_.ForEachInRange(
      text_hash, text_hash, *file_,
      [&](uint64_t, uint64_t v) { *row = static_cast<int64_t>(v); });
}

Status DocumentLinks::ReadDoc(uint64_t number, int64_t* row, int64_t* sketch) {
  auto it = std::upper_bound(
      doc_blocks_.begin(), doc_blocks_.end(), number,
      [](uint64_t n, const DocBlock& b) { return n < b.first; });
  if (it == doc_blocks_.begin()) {
    return Status::Internal("link index: a document number before the first");
  }
  --it;
  uint64_t v[2];
  Status s = file_->Read(it->offset + 2 * (number - it->first), {v, 2});
  if (!s.ok()) return s;
  ++doc_reads_;
  *row = static_cast<int64_t>(v[0]);
  *sketch = static_cast<int64_t>(v[1]);
  return Status::OK();
}

Status DocumentLinks::ForEachNear(
    uint64_t simhash, int max_bits,
    const std::function<void(int64_t, int64_t)>& fn) {
  auto near = [&](uint64_t other) {
    return std::popcount(other ^ simhash) <= max_bits;
  };
  for (uint32_t band = 0; band < bands_; ++band) {
    const uint32_t key = BandKey(bands_, band, simhash);
    for (size_t e = static_cast<size_t>(band_heads_.Find(key)); e != 0;
         e = entries_[e - 1].next) {
      const Doc& d = docs_[entries_[e - 1].doc];
      if (near(d.simhash)) fn(d.row, d.sketch);
    }
    if (bands_runs_.runs() == 0) continue;
    // The spilled entries of this band key: one range in each run.
    Status read;
    Status s = bands_runs_.ForEachInRange(
        uint64_t{key} << 32, (uint64_t{key} << 32) | 0xFFFFFFFFu, *file_,
        [&](uint64_t k, uint64_t other) {
          if (!read.ok() || !near(other)) return;
          int64_t row = 0, sketch = 0;
          read = ReadDoc(k & 0xFFFFFFFFu, &row, &sketch);
          if (read.ok()) fn(row, sketch);
        });
    if (!s.ok()) return s;
    if (!read.ok()) return read;
  }
  return Status::OK();
}

Status DocumentLinks::Add(int64_t row, uint64_t text_hash, bool has_simhash,
                          uint64_t simhash, int64_t sketch) {
  if (row <= 0) return Status::OK();
  int64_t known = 0;
  if (exact_runs_.runs() != 0) {
    Status s = FindExact(text_hash, &known);  // memory first, then runs
    if (!s.ok()) return s;
  }
  if (known == 0 && exact_.Insert(text_hash, row)) ++documents_;
  ++in_memory_;
  if (has_simhash) {
    const uint64_t number = spilled_docs_ + docs_.size();
    if (number + 1 > UINT32_MAX || entries_.size() + bands_ > UINT32_MAX) {
      return Status::LimitExceeded(
          "the near-duplicate index holds at most 2^32 - 1 documents");
    }
    const auto doc = static_cast<uint32_t>(docs_.size());
    docs_.push_back({simhash, row, sketch});
    for (uint32_t band = 0; band < bands_; ++band) {
      const uint32_t key = BandKey(bands_, band, simhash);
      entries_.push_back({doc, static_cast<uint32_t>(band_heads_.Find(key))});
      band_heads_.Set(key, static_cast<int64_t>(entries_.size()));
    }
  }
  if (bounded() && in_memory_ >= memory_) return Spill();
  return Status::OK();
}

Status DocumentLinks::Spill() {
  // Exact hashes (at most memory_ of them).
  Status s;
  exact_.Drain([&](std::span<std::pair<uint64_t, int64_t>> entries) {
    std::vector<std::pair<uint64_t, uint64_t>> pairs(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      pairs[i] = {entries[i].first, static_cast<uint64_t>(entries[i].second)};
    }
    std::sort(pairs.begin(), pairs.end());
    s = exact_runs_.Add(pairs, file_);
  });
  if (!s.ok()) return s;
  if (docs_.size() > 0) {
    // Each document's row and sketch, by number.
    doc_blocks_.push_back({spilled_docs_, file_->size()});
    scratch_.clear();
    for (size_t i = 0; i < docs_.size(); ++i) {
      scratch_.push_back(static_cast<uint64_t>(docs_[i].row));
      scratch_.push_back(static_cast<uint64_t>(docs_[i].sketch));
      if (scratch_.size() >= 2 * kReadPairs || i + 1 == docs_.size()) {
        uint64_t unused;
        s = file_->Append(scratch_, &unused);
        if (!s.ok()) return s;
        scratch_.clear();
      }
    }
    // Band entries (band key << 32 | number, SimHash); keys are unique.
    std::vector<std::pair<uint64_t, uint64_t>> pairs;
    pairs.reserve(docs_.size() * bands_);
    for (size_t i = 0; i < docs_.size(); ++i) {
      const uint64_t number = spilled_docs_ + i;
      for (uint32_t band = 0; band < bands_; ++band) {
        pairs.emplace_back(
            uint64_t{BandKey(bands_, band, docs_[i].simhash)} << 32 | number,
            docs_[i].simhash);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    s = bands_runs_.Add(pairs, file_);
    if (!s.ok()) return s;
    spilled_docs_ += docs_.size();
  }
  docs_.Clear();
  entries_.Clear();
  band_heads_.Reset();
  in_memory_ = 0;
  ++spills_;
  return Status::OK();
}

size_t DocumentLinks::memory_bytes() const {
  return exact_.memory_bytes() + exact_runs_.memory_bytes() +
         docs_.memory_bytes() + band_heads_.memory_bytes() +
         entries_.memory_bytes() + bands_runs_.memory_bytes() +
         doc_blocks_.capacity() * sizeof(DocBlock) +
         scratch_.capacity() * sizeof(uint64_t);
}

void DocumentLinks::Clear() {
  exact_.Clear();
  exact_runs_.Clear();
  docs_.Clear();
  band_heads_.Clear();
  entries_.Clear();
  in_memory_ = 0;
  spilled_docs_ = 0;
  bands_runs_.Clear();
  std::vector<DocBlock>().swap(doc_blocks_);
  documents_ = 0;
  spills_ = doc_reads_ = 0;
  std::vector<uint64_t>().swap(scratch_);
}

}  // namespace whosaid
