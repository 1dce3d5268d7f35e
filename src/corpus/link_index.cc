#include "src/corpus/link_index.h"

#include <algorithm>
#include <ctime>

#include "src/corpus/features.h"

namespace whosaid {
namespace {

constexpr uint64_t kLenMask = (uint64_t{1} << 24) - 1;
// Cluster ids below this are located through a dense table (8 bytes each).
constexpr uint64_t kDenseClusters = uint64_t{1} << 28;
// Marks a fingerprint in memory that was found since it entered memory; a
// spill keeps those (up to half the limit) in memory. Cluster ids stay far
// below it.
constexpr int64_t kUsed = int64_t{1} << 62;

}  // namespace

uint32_t LinkIndex::bands(const CorpusOptions& options) {
  return static_cast<uint32_t>(
      std::clamp(options.near_duplicate_bits + 1, 1, 16));
}

bool LinkIndex::Fail(Status s) {
  if (status_.ok()) status_ = std::move(s);
  return false;
}

Status LinkIndex::OpenFile() { return file_.Open(options_.link_spill_dir); }

uint64_t LinkIndex::Write(SpillFile* file, std::span<const uint64_t> a) {
  if (!status_.ok()) return 0;
  Status s = file->Open(options_.link_spill_dir);
  uint64_t offset = 0;
  if (s.ok()) {
    const uint64_t size = a.size();
    s = file->Append({&size, 1}, &offset);
    uint64_t unused;
    if (s.ok()) s = file->Append(a, &unused);
  }
  if (!s.ok()) return Fail(s), 0;
  return (offset << 24 | std::min<uint64_t>(a.size(), kLenMask)) + 1;
}

bool LinkIndex::ReadBack(const SpillFile& file, uint64_t packed,
                         std::vector<uint64_t>* out, uint64_t* reads) {
  if (!status_.ok()) return false;
  const uint64_t offset = (packed - 1) >> 24;
  uint64_t size = (packed - 1) & kLenMask;
  if (size == kLenMask) {
    Status s = file.Read(offset, {&size, 1});
    if (!s.ok()) return Fail(s);
  }
  out->resize(size);
  Status s = file.Read(offset + 1, *out);
  if (!s.ok()) return Fail(s);
  ++*reads;
  return true;
}

int64_t LinkIndex::FindDuplicate(const DocumentFeatures& f, bool* exact) {
  *exact = false;
  if (!status_.ok()) return 0;
  int64_t row = 0;
  if (Status s = docs_.FindExact(f.text_hash, &row); !s.ok()) {
    return Fail(s), 0;
  }
  if (row != 0) {
    *exact = true;
    return row;
  }
  if (!f.has_simhash) return 0;
  int64_t best = 0;
  double best_jaccard = -1;
  bool read_ok = true;
  // The choice below does not depend on the order candidates come in.
  Status s = docs_.ForEachNear(
      f.simhash, options_.near_duplicate_bits, [&](int64_t r, int64_t sk) {
        if (!read_ok) return;
        double j = 0;
        if (sk != 0 && !spill_file()) {
          j = SketchJaccard(f.sketch, arrays_.Get(sk));
        } else if (sk != 0) {
          if (!ReadBack(static_cast<uint64_t>(sk), &scratch_, &sketch_reads_)) {
            read_ok = false;
            return;
          }
          j = SketchJaccard(f.sketch, scratch_);
        }
        if (j < options_.near_duplicate_jaccard) return;
        if (j > best_jaccard || (j == best_jaccard && r < best)) {
          best_jaccard = j;
          best = r;
        }
      });
  if (!s.ok()) return Fail(s), 0;
  if (!read_ok) return 0;
  return best;
}

void LinkIndex::AddDocument(int64_t row, const DocumentFeatures& f) {
  if (row <= 0 || !status_.ok()) return;  // 0 means "none" to every caller
  int64_t sketch = 0;
  if (f.has_simhash) {
    if (!spill_file()) {
      sketch = arrays_.Add(f.sketch);
    } else {
      sketch = static_cast<int64_t>(Write(f.sketch));
      if (sketch == 0) return;
    }
  } else if (spill_file()) {
    if (Status s = OpenFile(); !s.ok()) return (void)Fail(s);
  }
  Status s = docs_.Add(row, f.text_hash, f.has_simhash, f.simhash, sketch);
  if (!s.ok()) Fail(s);
}

int64_t LinkIndex::FindFingerprint(uint64_t fp) {
  int64_t c = fingerprints_.Find(fp);
  if (c != 0) {
    if (options_.link_memory_fingerprints > 0 && (c & kUsed) == 0) {
      fingerprints_.Replace(fp, c | kUsed);
    }
    return c & ~kUsed;
  }
  if (spilled_.empty()) return 0;
  Status s = spilled_.Find(fp, file_, &c);
  if (!s.ok()) return Fail(s), 0;
  // Read back: in memory again while it is in use (a fingerprint of a
  // common phrase would otherwise be read for every quote holding it). The
  // file keeps its copy, with the same cluster.
  if (c != 0) InsertFingerprint(fp, c);
  return c;
}

void LinkIndex::InsertFingerprint(uint64_t fp, int64_t cluster) {
  if (!fingerprints_.Insert(fp, cluster)) return;
  if (options_.link_memory_fingerprints > 0 &&
      fingerprints_.size() >= options_.link_memory_fingerprints) {
    SpillFingerprints();
  }
}

bool LinkIndex::HasRepresentative(int64_t cluster) {
  const uint64_t id = static_cast<uint64_t>(cluster);
  // A representative in memory (the cluster was just found or created)
  // needs no look-up of its location.
  if (young_.handles.Find(id) != 0 || old_.handles.Find(id) != 0) return true;
  if (rep_locations_far_.Find(id) != 0) return true;
  uint8_t size = 0;
  uint64_t offset = 0;
  if (Status s = rep_sizes_.Get(id, &size, &offset); !s.ok()) {
    return !Fail(s);  // true: nothing more is written
  }
  return size != 0;
}

uint64_t LinkIndex::RepresentativeLocation(int64_t cluster,
                                           bool* in_reps_file) {
  const uint64_t id = static_cast<uint64_t>(cluster);
  *in_reps_file = false;
  // Out of order, too large, too long, or marked so: in file_.
  if (int64_t far = rep_locations_far_.Find(id); far != 0) {
    return static_cast<uint64_t>(far);
  }
  uint8_t size = 0;
  uint64_t offset = 0;
  if (Status s = rep_sizes_.Get(id, &size, &offset); !s.ok()) {
    return Fail(s), 0;
  }
  if (size == 0 || size == ClusterSizes::kElsewhere) return 0;
  *in_reps_file = true;
  return (offset << 24 | size) + 1;
}

void LinkIndex::WriteRepresentative(int64_t cluster,
                                    std::span<const uint64_t> shingles) {
  const uint64_t id = static_cast<uint64_t>(cluster);
  const bool in_order = id < kDenseClusters && id > last_in_order_ &&
                        !shingles.empty() &&
                        shingles.size() < ClusterSizes::kElsewhere;
  if (!in_order) {
    if (uint64_t at = Write(shingles); at != 0) {
      if (id < kDenseClusters) rep_sizes_.SetElsewhere(id);
      rep_locations_far_.Insert(id, static_cast<int64_t>(at));
    }
    return;
  }
  const uint64_t at = Write(&reps_file_, shingles);
  if (at == 0) return;
  // Older blocks of sizes may go to file_.
  if (Status s = OpenFile(); !s.ok()) return (void)Fail(s);
  Status s = rep_sizes_.SetInOrder(id, static_cast<uint8_t>(shingles.size()),
                                   (at - 1) >> 24);
  if (!s.ok()) return (void)Fail(s);
  last_in_order_ = id;
}

std::span<const uint64_t> LinkIndex::Remember(
    int64_t cluster, std::span<const uint64_t> shingles) {
  if (young_.values + shingles.size() > options_.link_memory_representatives &&
      young_.values > 0) {
    old_ = std::move(young_);
    young_ = Generation();
  }
  const int64_t h = young_.arrays.Add(shingles);
  young_.handles.Insert(static_cast<uint64_t>(cluster), h);
  young_.values += shingles.size() + 1;
  return young_.arrays.Get(h);
}

std::span<const uint64_t> LinkIndex::Representative(int64_t cluster) {
  if (!spill_file()) {
    int64_t rep = representatives_.Find(static_cast<uint64_t>(cluster));
    if (rep == 0) return {};
    return arrays_.Get(rep);
  }
  if (int64_t h = young_.handles.Find(static_cast<uint64_t>(cluster))) {
    return young_.arrays.Get(h);
  }
  if (int64_t h = old_.handles.Find(static_cast<uint64_t>(cluster))) {
    // Back to the young generation (copied: the old one may go first).
    std::span<const uint64_t> a = old_.arrays.Get(h);
    scratch_.assign(a.begin(), a.end());
    return Remember(cluster, scratch_);
  }
  bool in_reps_file = false;
  const uint64_t at = RepresentativeLocation(cluster, &in_reps_file);
  if (at == 0 || !ReadBack(in_reps_file ? reps_file_ : file_, at, &scratch_,
                           &representative_reads_)) {
    return {};
  }
  return Remember(cluster, scratch_);
}

int64_t LinkIndex::FindCluster(const QuoteFeatures& q) {
  if (q.shingles.empty() || !status_.ok()) return 0;
  if (!spilled_.empty()) {
    for (size_t i = 0; i < q.shingles.size() && i < 64; ++i) {
      spilled_.Prefetch(q.shingles[i]);
    }
  }
  // Candidates: clusters holding a fingerprint equal to any of our
  // shingles (a shared run of >= 4 shingles always hits one).
  std::vector<int64_t> candidates;
  for (uint64_t s : q.shingles) {
    int64_t c = FindFingerprint(s);
    if (c == 0) continue;
    if (std::find(candidates.begin(), candidates.end(), c) ==
        candidates.end()) {
      candidates.push_back(c);
      if (candidates.size() >= options_.max_cluster_candidates) break;
    }
  }
  // The choice (highest containment, then the lowest cluster id) does not
  // depend on the order candidates are checked. Those whose representative
  // is in memory go first; one only in the file is read back unless it
  // cannot win: containment is at most 1, so once a cluster reaches 1 a
  // higher id cannot take its place.
  int64_t best = 0;
  double best_score = options_.quote_containment;
  auto consider = [&](int64_t c, std::span<const uint64_t> rep) {
    if (rep.empty()) return;
    size_t shared = 0;
    double score = Containment(q.shingles, rep, &shared);
    if (shared < options_.min_shared_shingles) return;
    if (score > best_score || (score == best_score && best != 0 && c < best) ||
        (score == best_score && best == 0)) {
      best_score = score;
      best = c;
    }
  };
  size_t in_file = 0;
  for (int64_t& c : candidates) {
    if (spill_file() && !young_.handles.Find(static_cast<uint64_t>(c)) &&
        !old_.handles.Find(static_cast<uint64_t>(c))) {
      candidates[in_file++] = c;  // later
      continue;
    }
    consider(c, Representative(c));
  }
  std::sort(candidates.begin(), candidates.begin() + in_file);
  for (size_t i = 0; i < in_file; ++i) {
    const int64_t c = candidates[i];
    if (best != 0 && best_score >= 1.0 && c > best) {
      ++representatives_skipped_;
      continue;
    }
    consider(c, Representative(c));
  }
  return best;
}

void LinkIndex::AddQuote(int64_t cluster, const QuoteFeatures& q) {
  if (q.shingles.empty() || cluster <= 0 || !status_.ok()) return;
  for (uint64_t fp : q.fingerprints) {
    // The first cluster recorded for a fingerprint stays, also when that
    // record is in the file.
    if (!spilled_.empty() && FindFingerprint(fp) != 0) continue;
    InsertFingerprint(fp, cluster);
  }
  if (!spill_file()) {
    if (representatives_.Find(static_cast<uint64_t>(cluster)) == 0) {
      representatives_.Insert(static_cast<uint64_t>(cluster),
                              arrays_.Add(q.shingles));
    }
    return;
  }
  if (HasRepresentative(cluster)) return;
  WriteRepresentative(cluster, q.shingles);
  if (status_.ok()) Remember(cluster, q.shingles);
}

namespace {
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}
}  // namespace

void LinkIndex::SpillFingerprints() {
  const double start = ThreadCpuSeconds();
  SpillFingerprintsNow();
  const double secs = ThreadCpuSeconds() - start;
  spill_seconds_ += secs;
  spill_max_seconds_ = std::max(spill_max_seconds_, secs);
}

void LinkIndex::SpillFingerprintsNow() {
  Status s = OpenFile();
  if (!s.ok()) return (void)Fail(s);
  // Every fingerprint goes to the run, sorted in the table's own slots;
  // those found since they entered memory (common phrases: most of the
  // read-backs) also stay in memory, unmarked, up to the keep limit. Which
  // ones is one bit per entry of the run, and they are read back from it
  // once the table is empty: a copy of them (16 bytes each, up to 12 MB
  // at the default limits) would be made when memory is fullest.
  const size_t keep = std::min(options_.link_keep_used_fingerprints,
                               options_.link_memory_fingerprints / 2);
  std::vector<uint64_t> keep_bits;
  uint64_t run_offset = 0;
  size_t run_size = 0, kept = 0;
  fingerprints_.Drain([&](std::span<std::pair<uint64_t, int64_t>> entries) {
    // Keys are unique: the marks in the values do not change the order.
    std::sort(entries.begin(), entries.end());
    keep_bits.assign((entries.size() + 63) / 64, 0);
    for (size_t i = 0; i < entries.size(); ++i) {
      int64_t& v = entries[i].second;
      if ((v & kUsed) == 0) continue;
      v &= ~kUsed;
      if (kept < keep) {
        keep_bits[i / 64] |= uint64_t{1} << (i % 64);
        ++kept;
      }
    }
    run_offset = file_.size();
    run_size = entries.size();
    s = spilled_.AddSortedRun(entries, &file_);
  });
  if (!s.ok()) return (void)Fail(s);
  constexpr size_t kPairsPerRead = 4096;
  std::vector<uint64_t> pairs;
  for (size_t i = 0; i < run_size && kept > 0; i += kPairsPerRead) {
    const size_t n = std::min(kPairsPerRead, run_size - i);
    bool any = false;
    for (size_t w = i / 64; w <= (i + n - 1) / 64 && !any; ++w) {
      any = keep_bits[w] != 0;
    }
    if (!any) continue;
    pairs.resize(2 * n);
    s = file_.Read(run_offset + 2 * i, pairs);
    if (!s.ok()) return (void)Fail(s);
    for (size_t j = 0; j < n; ++j) {
      if (keep_bits[(i + j) / 64] >> ((i + j) % 64) & 1) {
        fingerprints_.Insert(pairs[2 * j],
                             static_cast<int64_t>(pairs[2 * j + 1]));
      }
    }
  }
  ++spills_;
  kept_ += kept;
}

WriteCounts::LinkCounters LinkIndex::counters() const {
  WriteCounts::LinkCounters c;
  c.fingerprint_probes = spilled_.probes();
  c.fingerprint_blocks = spilled_.reads();
  c.fingerprint_found = spilled_.found();
  c.fingerprint_spills = spills_;
  c.fingerprint_spill_seconds = spill_seconds_;
  c.fingerprint_spill_max_seconds = spill_max_seconds_;
  c.fingerprints_kept = kept_;
  c.representative_reads = representative_reads_;
  c.sketch_reads = sketch_reads_;
  c.document_spills = docs_.spills();
  c.band_runs = docs_.band_runs();
  c.band_merges = docs_.merges();
  c.document_reads = docs_.reads();
  c.exact_reads = docs_.exact_reads();
  c.cluster_spills = rep_sizes_.spills();
  c.cluster_reads = rep_sizes_.reads();
  c.fingerprint_bytes = fingerprints_.memory_bytes() + spilled_.memory_bytes();
  c.representative_bytes =
      representatives_.memory_bytes() + arrays_.memory_bytes() +
      young_.handles.memory_bytes() + young_.arrays.memory_bytes() +
      old_.handles.memory_bytes() + old_.arrays.memory_bytes();
  c.per_row_bytes = docs_.memory_bytes() + rep_sizes_.memory_bytes() +
                    rep_locations_far_.memory_bytes();
  // The rest: the files' write buffers and scratch.
  c.memory_bytes = c.fingerprint_bytes + c.representative_bytes +
                   c.per_row_bytes + reps_file_.memory_bytes() +
                   file_.memory_bytes() +
                   scratch_.capacity() * sizeof(uint64_t);
  return c;
}

void LinkIndex::Clear() {
  docs_.Clear();
  fingerprints_.Clear();
  spilled_.Clear();
  representatives_.Clear();
  arrays_.Clear();
  rep_sizes_.Clear();
  last_in_order_ = 0;
  rep_locations_far_.Clear();
  young_ = Generation();
  old_ = Generation();
  std::vector<uint64_t>().swap(scratch_);
  representative_reads_ = sketch_reads_ = spills_ = kept_ = 0;
  spill_seconds_ = spill_max_seconds_ = 0;
  representatives_skipped_ = 0;
  status_ = file_.Truncate();
  if (Status s = reps_file_.Truncate(); status_.ok()) status_ = s;
}

}  // namespace whosaid
