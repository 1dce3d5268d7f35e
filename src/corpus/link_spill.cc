#include "src/corpus/link_spill.h"

#include <fcntl.h>
#include <linux/falloc.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace whosaid {
namespace {

constexpr size_t kBufferValues = 128 * 1024;  // 1 MiB

Status Errno(const char* what) {
  return Status::IOError(std::string("link index spill file: ") + what + ": " +
                         std::strerror(errno));
}

}  // namespace

SpillFile::~SpillFile() {
  if (fd_ >= 0) close(fd_);
}

Status SpillFile::Open(const std::string& dir) {
  if (fd_ >= 0) return Status::OK();
  std::string d = dir;
  if (d.empty()) {
    const char* t = std::getenv("TMPDIR");
    d = t != nullptr && *t != '\0' ? t : "/tmp";
  }
  std::string path = d + "/whosaid-links-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Errno(("creating it in " + d).c_str());
  unlink(path.c_str());
  fd_ = fd;
  flushed_ = 0;
  buffer_.clear();
  buffer_.reserve(kBufferValues);
  return Status::OK();
}

Status SpillFile::Flush() {
  const char* p = reinterpret_cast<const char*>(buffer_.data());
  size_t left = buffer_.size() * sizeof(uint64_t);
  off_t at = static_cast<off_t>(flushed_ * sizeof(uint64_t));
  while (left > 0) {
    ssize_t n = pwrite(fd_, p, left, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Errno("writing");
    p += n, left -= static_cast<size_t>(n), at += n;
  }
  flushed_ += buffer_.size();
  buffer_.clear();
  return Status::OK();
}

Status SpillFile::Append(std::span<const uint64_t> a, uint64_t* offset) {
  if (fd_ < 0) return Status::Internal("link index spill file not open");
  *offset = size();
  if (buffer_.size() + a.size() > kBufferValues && !buffer_.empty()) {
    Status s = Flush();
    if (!s.ok()) return s;
  }
  buffer_.insert(buffer_.end(), a.begin(), a.end());
  if (buffer_.size() >= kBufferValues) return Flush();
  return Status::OK();
}

Status SpillFile::Read(uint64_t offset, std::span<uint64_t> out) const {
  if (offset + out.size() > size()) {
    return Status::Internal("link index spill file: read past the end");
  }
  size_t done = 0;
  // The flushed part first, then what is still buffered.
  while (offset + done < flushed_ && done < out.size()) {
    size_t want =
        std::min<uint64_t>(out.size() - done, flushed_ - (offset + done));
    ssize_t n = pread(fd_, out.data() + done, want * sizeof(uint64_t),
                      static_cast<off_t>((offset + done) * sizeof(uint64_t)));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || n % sizeof(uint64_t) != 0) return Errno("reading");
    done += static_cast<size_t>(n) / sizeof(uint64_t);
  }
  if (done < out.size()) {
    std::memcpy(out.data() + done, buffer_.data() + (offset + done - flushed_),
                (out.size() - done) * sizeof(uint64_t));
  }
  return Status::OK();
}

void SpillFile::Discard(uint64_t offset, uint64_t count) {
  constexpr uint64_t kPage = 4096;
  const uint64_t end = std::min(offset + count, flushed_) * sizeof(uint64_t);
  const uint64_t begin =
      (offset * sizeof(uint64_t) + kPage - 1) / kPage * kPage;
  const uint64_t stop = end / kPage * kPage;
  if (fd_ < 0 || stop <= begin) return;
  // Not supported everywhere (then the space stays used until Truncate).
  (void)fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                  static_cast<off_t>(begin), static_cast<off_t>(stop - begin));
}

Status SpillFile::Truncate() {
  buffer_.clear();
  flushed_ = 0;
  if (fd_ >= 0 && ftruncate(fd_, 0) != 0) return Errno("truncating");
  return Status::OK();
}

SpilledFingerprints::SpilledFingerprints(size_t max_bytes, size_t bits_per_key)
    : max_blocks_(std::max<size_t>(1, max_bytes / 64)),
      bits_per_key_(bits_per_key) {}

Status SpilledFingerprints::Rebuild(size_t keys, const SpillFile& file) {
  // The old filter goes first: it is rebuilt from the file, so the two are
  // never in memory together.
  std::vector<uint64_t>().swap(bloom_);
  blocks_ = bits_per_key_ == 0 ? max_blocks_
                               : std::clamp<size_t>(keys * bits_per_key_ / 512,
                                                    1, max_blocks_);
  sized_for_ = keys;
  bloom_.assign(blocks_ * 8, 0);
  constexpr size_t kPairs = 32 * 1024;  // 512 KiB read at a time
  for (const Run& run : runs_) {
    for (size_t i = 0; i < run.count; i += kPairs) {
      const size_t n = std::min(kPairs, run.count - i);
      scratch_.resize(2 * n);
      Status s = file.Read(run.offset + 2 * i, scratch_);
      if (!s.ok()) return s;
      for (size_t j = 0; j < n; ++j) Remember(scratch_[2 * j]);
    }
  }
  return Status::OK();
}

bool SpilledFingerprints::MayContain(uint64_t key) const {
  const uint64_t* b = &bloom_[Block(key) * 8];
  uint64_t h = key * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 29;
  for (int i = 0; i < 6; ++i, h >>= 9) {
    const unsigned bit = static_cast<unsigned>(h & 511);
    if ((b[bit >> 6] >> (bit & 63) & 1) == 0) return false;
  }
  return true;
}

void SpilledFingerprints::Remember(uint64_t key) {
  uint64_t* b = &bloom_[Block(key) * 8];
  uint64_t h = key * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 29;
  for (int i = 0; i < 6; ++i, h >>= 9) {
    const unsigned bit = static_cast<unsigned>(h & 511);
    b[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

Status SpilledFingerprints::AddRun(
    std::vector<std::pair<uint64_t, int64_t>>* pairs, SpillFile* file) {
  std::sort(pairs->begin(), pairs->end());
  return AddSortedRun(*pairs, file);
}

Status SpilledFingerprints::AddSortedRun(
    std::span<const std::pair<uint64_t, int64_t>> sorted, SpillFile* file) {
  if (sorted.empty()) return Status::OK();
  // A filter sized for fewer keys than will be spilled by a half is rebuilt
  // (from the earlier runs; this run's keys are added below), unless it is
  // at its largest already.
  const size_t total = keys_ + sorted.size();
  if (bloom_.empty() || (blocks_ < max_blocks_ && bits_per_key_ != 0 &&
                         total * 2 > sized_for_ * 3)) {
    Status s = Rebuild(total, *file);
    if (!s.ok()) return s;
  }
  Run run;
  run.count = sorted.size();
  run.offset = file->size();
  run.first_keys.reserve((run.count + kBlock - 1) / kBlock);
  scratch_.clear();
  for (size_t i = 0; i < sorted.size(); ++i) {
    const auto& [key, value] = sorted[i];
    if (i % kBlock == 0) run.first_keys.push_back(key);
    Remember(key);
    scratch_.push_back(key);
    scratch_.push_back(static_cast<uint64_t>(value));
    if (scratch_.size() >= 2 * 64 * 1024 || i + 1 == sorted.size()) {
      uint64_t unused;
      Status s = file->Append(scratch_, &unused);
      if (!s.ok()) return s;
      scratch_.clear();
    }
  }
  keys_ += run.count;
  runs_.push_back(std::move(run));
  return Status::OK();
}

Status SpilledFingerprints::Find(uint64_t key, const SpillFile& file,
                                 int64_t* value) {
  *value = 0;
  if (runs_.empty()) return Status::OK();
  ++probes_;
  if (!MayContain(key)) return Status::OK();
  uint64_t block[2 * kBlock];
  // Newest run first: a repeated quote is most often a recent one.
  for (size_t r = runs_.size(); r-- > 0;) {
    const Run& run = runs_[r];
    auto it =
        std::upper_bound(run.first_keys.begin(), run.first_keys.end(), key);
    if (it == run.first_keys.begin()) continue;
    const size_t b = static_cast<size_t>(it - run.first_keys.begin()) - 1;
    const size_t n = std::min(kBlock, run.count - b * kBlock);
    Status s = file.Read(run.offset + 2 * b * kBlock, {block, 2 * n});
    if (!s.ok()) return s;
    ++reads_;
    size_t lo = 0, hi = n;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (block[2 * mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < n && block[2 * lo] == key) {
      ++found_;
      *value = static_cast<int64_t>(block[2 * lo + 1]);
      return Status::OK();
    }
  }
  return Status::OK();
}

size_t SpilledFingerprints::memory_bytes() const {
  size_t n = bloom_.capacity() * sizeof(uint64_t) +
             scratch_.capacity() * sizeof(uint64_t);
  for (const Run& r : runs_) n += r.first_keys.capacity() * sizeof(uint64_t);
  return n;
}

void SpilledFingerprints::Clear() {
  std::vector<uint64_t>().swap(bloom_);
  blocks_ = sized_for_ = 0;
  runs_.clear();
  keys_ = 0;
  reads_ = probes_ = found_ = 0;
}

}  // namespace whosaid
