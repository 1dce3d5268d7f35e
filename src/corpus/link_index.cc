#include "src/corpus/link_index.h"

#include <algorithm>

#include "src/corpus/features.h"

namespace whosaid {

uint32_t LinkIndex::bands() const {
  return static_cast<uint32_t>(
      std::clamp(options_.near_duplicate_bits + 1, 1, 16));
}

// Band b of n holds bits [64b/n, 64(b+1)/n): two signatures within n-1 bits
// agree on at least one band (pigeonhole).
uint32_t LinkIndex::BandKey(uint32_t band, uint64_t simhash) const {
  uint32_t n = bands();
  uint32_t lo = 64 * band / n, hi = 64 * (band + 1) / n;
  uint64_t mask = hi - lo >= 64 ? ~uint64_t{0} : (uint64_t{1} << (hi - lo)) - 1;
  return band << 24 | static_cast<uint32_t>((simhash >> lo) & mask & 0xFFFFFF);
}

int64_t LinkIndex::FindDuplicate(const DocumentFeatures& f, bool* exact) const {
  *exact = false;
  if (int64_t row = exact_.Find(f.text_hash); row != 0) {
    *exact = true;
    return row;
  }
  if (!f.has_simhash) return 0;
  int64_t best = 0;
  double best_jaccard = -1;
  for (uint32_t band = 0; band < bands(); ++band) {
    // The choice below does not depend on the order entries are visited.
    for (size_t e =
             static_cast<size_t>(band_heads_.Find(BandKey(band, f.simhash)));
         e != 0; e = band_entries_[e - 1].next) {
      const BandEntry& entry = band_entries_[e - 1];
      if (HammingDistance(entry.simhash, f.simhash) >
          options_.near_duplicate_bits) {
        continue;
      }
      int64_t sk = sketches_.Find(static_cast<uint64_t>(entry.row));
      double j = sk == 0 ? 0 : SketchJaccard(f.sketch, arrays_.Get(sk));
      if (j < options_.near_duplicate_jaccard) continue;
      if (j > best_jaccard || (j == best_jaccard && entry.row < best)) {
        best_jaccard = j;
        best = entry.row;
      }
    }
  }
  return best;
}

void LinkIndex::AddDocument(int64_t row, const DocumentFeatures& f) {
  if (row <= 0) return;  // 0 means "none" to every caller
  exact_.Insert(f.text_hash, row);
  if (!f.has_simhash) return;
  for (uint32_t band = 0; band < bands(); ++band) {
    const uint32_t key = BandKey(band, f.simhash);
    band_entries_.push_back(
        {f.simhash, row, static_cast<size_t>(band_heads_.Find(key))});
    band_heads_.Set(key, static_cast<int64_t>(band_entries_.size()));
  }
  if (sketches_.Find(static_cast<uint64_t>(row)) == 0) {
    sketches_.Insert(static_cast<uint64_t>(row), arrays_.Add(f.sketch));
  }
}

int64_t LinkIndex::FindCluster(const QuoteFeatures& q) const {
  if (q.shingles.empty()) return 0;
  // Candidates: clusters holding a fingerprint equal to any of our
  // shingles (a shared run of >= 4 shingles always hits one).
  std::vector<int64_t> candidates;
  for (uint64_t s : q.shingles) {
    int64_t c = fingerprints_.Find(s);
    if (c == 0) continue;
    if (std::find(candidates.begin(), candidates.end(), c) ==
        candidates.end()) {
      candidates.push_back(c);
      if (candidates.size() >= options_.max_cluster_candidates) break;
    }
  }
  int64_t best = 0;
  double best_score = options_.quote_containment;
  for (int64_t c : candidates) {
    int64_t rep = representatives_.Find(static_cast<uint64_t>(c));
    if (rep == 0) continue;
    size_t shared = 0;
    double score = Containment(q.shingles, arrays_.Get(rep), &shared);
    if (shared < options_.min_shared_shingles) continue;
    if (score > best_score || (score == best_score && best != 0 && c < best) ||
        (score == best_score && best == 0)) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

void LinkIndex::AddQuote(int64_t cluster, const QuoteFeatures& q) {
  if (q.shingles.empty() || cluster <= 0) return;
  for (uint64_t fp : q.fingerprints) fingerprints_.Insert(fp, cluster);
  if (representatives_.Find(static_cast<uint64_t>(cluster)) == 0) {
    representatives_.Insert(static_cast<uint64_t>(cluster),
                            arrays_.Add(q.shingles));
  }
}

void LinkIndex::Clear() {
  exact_.Clear();
  band_heads_.Clear();
  std::vector<BandEntry>().swap(band_entries_);
  sketches_.Clear();
  fingerprints_.Clear();
  representatives_.Clear();
  arrays_.Clear();
}

}  // namespace whosaid
