#include "src/input/warc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "src/input/charset.h"
#include "src/input/html_extract.h"

namespace whosaid {
namespace {

constexpr size_t kReadChunk = size_t{1} << 16;

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool StartsWithLower(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Calls f(name, value) for each "Name: value" line of a header block.
template <typename F>
void ForEachHeader(std::string_view block, F f) {
  size_t i = 0;
  while (i < block.size()) {
    size_t e = block.find('\n', i);
    if (e == std::string_view::npos) e = block.size();
    std::string_view line = block.substr(i, e - i);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      f(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
    }
    i = e + 1;
  }
}

// Finds the end of a header block starting at s[0]: returns the offset just
// past the blank line, or npos.
size_t HeaderEnd(std::string_view s) {
  size_t a = s.find("\r\n\r\n");
  size_t b = s.find("\n\n");
  size_t end = std::string_view::npos;
  if (a != std::string_view::npos) end = a + 4;
  if (b != std::string_view::npos &&
      (end == std::string_view::npos || b + 2 < end)) {
    end = b + 2;
  }
  return end;
}

bool ParseSize(std::string_view s, size_t* out) {
  if (s.empty() || s.size() > 15) return false;
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// Removes HTTP chunked transfer coding; false when malformed.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < in.size()) {
    size_t e = in.find('\n', i);
    if (e == std::string_view::npos) return false;
    std::string_view line = Trim(in.substr(i, e - i));
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    size_t n = 0;
    if (line.empty() || line.size() > 12) return false;
    for (char c : line) {
      char l = Lower(c);
      int d = (l >= '0' && l <= '9')   ? l - '0'
              : (l >= 'a' && l <= 'f') ? l - 'a' + 10
                                       : -1;
      if (d < 0) return false;
      n = n * 16 + d;
    }
    i = e + 1;
    if (n == 0) return true;
    if (n > in.size() - i) return false;
    out->append(in.substr(i, n));
    i += n;
    if (i < in.size() && in[i] == '\r') ++i;
    if (i < in.size() && in[i] == '\n') ++i;
  }
  return true;
}

}  // namespace

WarcReader::WarcReader(FILE* file, std::string name, std::string prefix,
                       const WarcOptions& options)
    : file_(file),
      name_(std::move(name)),
      prefix_(std::move(prefix)),
      opt_(options) {}

WarcReader::WarcReader(std::string_view data, std::string name,
                       const WarcOptions& options)
    : mem_(data), name_(std::move(name)), opt_(options) {}

WarcReader::~WarcReader() = default;

size_t WarcReader::RawRead(char* dst, size_t n) {
  size_t got = 0;
  if (prefix_pos_ < prefix_.size()) {
    got = std::min(n, prefix_.size() - prefix_pos_);
    memcpy(dst, prefix_.data() + prefix_pos_, got);
    prefix_pos_ += got;
    return got;
  }
  if (file_) return fread(dst, 1, n, file_);
  got = std::min(n, mem_.size() - mem_pos_);
  memcpy(dst, mem_.data() + mem_pos_, got);
  mem_pos_ += got;
  return got;
}

void WarcReader::Compact() {
  if (pos_ > (size_t{1} << 20) && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    buf_offset_ += pos_;
    member_start_ -= std::min(member_start_, pos_);
    pos_ = 0;
  }
  if (zin_pos_ > (size_t{1} << 20) && zin_pos_ * 2 > zin_.size()) {
    zin_.erase(0, zin_pos_);
    zin_pos_ = 0;
  }
}

bool WarcReader::Fill(size_t want) {
  if (!sniffed_) {
    sniffed_ = true;
    char head[2];
    size_t got = RawRead(head, 2);
    zin_.assign(head, got);
    gzip_ = IsGzip(zin_);
    if (gzip_) {
      gunzip_ = std::make_unique<Gunzip>();
      Status s = gunzip_->Init();
      if (!s.ok()) {
        pending_error_ = true;
        pending_message_ = s.message();
        raw_eof_ = true;
        zin_.clear();
        return false;
      }
    } else {
      buf_.append(zin_);
      zin_.clear();
    }
  }
  char chunk[kReadChunk];
  while (buf_.size() - pos_ < want) {
    if (!gzip_) {
      if (raw_eof_) return false;
      size_t got = RawRead(chunk, sizeof chunk);
      if (got == 0) {
        raw_eof_ = true;
        return false;
      }
      buf_.append(chunk, got);
      continue;
    }
    if (zin_pos_ >= zin_.size()) {
      zin_.clear();
      zin_pos_ = 0;
      if (!raw_eof_) {
        size_t got = RawRead(chunk, sizeof chunk);
        if (got == 0) raw_eof_ = true;
        zin_.append(chunk, got);
      }
      if (zin_.empty()) {
        if (!gunzip_->at_member_end() && !pending_error_) {
          pending_error_ = true;
          pending_message_ = fmt::format(
              "truncated gzip member near byte {} of the decompressed stream",
              buf_offset_ + buf_.size());
          gunzip_->Reset();
        }
        return false;
      }
    }
    size_t consumed = 0;
    size_t need = want - (buf_.size() - pos_);
    if (gunzip_->at_member_end()) member_start_ = buf_.size();
    Status s = gunzip_->Feed(std::string_view(zin_).substr(zin_pos_),
                             std::max(need, kReadChunk), &buf_, &consumed);
    zin_pos_ += consumed;
    if (!s.ok()) {
      // Drop what was inflated of the broken member and look for the next
      // member header (1f 8b 08).
      pending_error_ = true;
      pending_message_ = s.message();
      buf_.resize(std::max(member_start_, pos_));
      gunzip_->Reset();
      for (;;) {
        size_t p = zin_.find("\x1f\x8b\x08", zin_pos_ + 1);
        if (p != std::string::npos) {
          zin_pos_ = p;
          break;
        }
        // Keep the last two bytes (a magic may straddle reads).
        if (zin_.size() > 2) {
          zin_.erase(0, zin_.size() - 2);
        }
        zin_pos_ = 0;
        if (raw_eof_) {
          zin_.clear();
          break;
        }
        size_t got = RawRead(chunk, sizeof chunk);
        if (got == 0) {
          raw_eof_ = true;
          zin_.clear();
          break;
        }
        zin_.append(chunk, got);
      }
      return false;
    }
    if (!gunzip_->at_member_end() && consumed == 0 && zin_pos_ < zin_.size()) {
      return false;  // no progress possible
    }
  }
  return true;
}

// Moves pos_ to the next line that starts with "WARC/" at or after `from`
// (absolute index in buf_). Returns false at the end of input.
bool WarcReader::ResyncAfter(size_t from) {
  for (;;) {
    size_t p = buf_.find("\nWARC/", from);
    if (p != std::string::npos) {
      pos_ = p + 1;
      return true;
    }
    // Keep a few bytes: the marker may straddle a read.
    size_t keep_from = buf_.size() > 6 ? buf_.size() - 6 : 0;
    pos_ = std::max(pos_, keep_from);
    Compact();
    from = pos_;
    size_t have = buf_.size() - pos_;
    if (!Fill(have + kReadChunk)) {
      if (buf_.size() - pos_ == have) {
        pos_ = buf_.size();
        return false;
      }
    }
  }
}

void WarcReader::Error(RawDocument* doc, const std::string& message) {
  ++counts_.errors;
  *doc = RawDocument();
  doc->id = fmt::format("{}#record{}", name_, counts_.records + counts_.errors);
  doc->read_error =
      Status::InvalidArgument(fmt::format("{}: {}", name_, message));
}

bool WarcReader::ParseHttp(std::string_view payload, RawDocument* doc,
                           std::string* why) {
  if (!StartsWithLower(payload, "http/")) {
    *why = "payload is not an HTTP response";
    return false;
  }
  size_t hend = HeaderEnd(payload.substr(0, opt_.max_header_bytes));
  if (hend == std::string_view::npos) {
    *why = "HTTP header has no end";
    return false;
  }
  std::string_view head = payload.substr(0, hend);
  size_t sp = head.find(' ');
  if (sp == std::string_view::npos || sp + 4 > head.size() ||
      head[sp + 1] != '2') {
    *why = "HTTP status is not 2xx";
    return false;
  }
  std::string_view content_type, transfer, encoding;
  ForEachHeader(head.substr(head.find('\n') + 1),
                [&](std::string_view k, std::string_view v) {
                  if (StartsWithLower(k, "content-type") && k.size() == 12) {
                    content_type = v;
                  } else if (StartsWithLower(k, "transfer-encoding")) {
                    transfer = v;
                  } else if (StartsWithLower(k, "content-encoding")) {
                    encoding = v;
                  }
                });
  std::string_view body = payload.substr(hend);
  std::string tmp, tmp2;
  if (StartsWithLower(transfer, "chunked")) {
    if (Dechunk(body, &tmp)) body = tmp;
  }
  if (StartsWithLower(encoding, "gzip") ||
      StartsWithLower(encoding, "x-gzip")) {
    if (IsGzip(body)) {
      Status s = GunzipAll(body, opt_.max_record_bytes, &tmp2);
      if (!s.ok()) {
        *why = "gzip-encoded HTTP body: " + s.message();
        return false;
      }
      body = tmp2;
    }
  }
  bool html = false;
  if (!content_type.empty()) {
    std::string ct;
    for (char c : content_type) ct.push_back(Lower(c));
    html = ct.find("html") != std::string::npos;
  } else {
    html = LooksLikeHtml(body.substr(0, 4096));
  }
  if (!html) {
    *why = "not HTML";
    return false;
  }
  doc->html.assign(body);
  doc->html_charset = CharsetFromContentType(content_type);
  return true;
}

bool WarcReader::Next(RawDocument* doc) {
  for (;;) {
    if (pending_error_) {
      pending_error_ = false;
      Error(doc, pending_message_);
      return true;
    }
    Compact();
    // Blank lines between records.
    for (;;) {
      if (!Fill(1)) break;
      char c = buf_[pos_];
      if (c != '\r' && c != '\n') break;
      ++pos_;
    }
    if (buf_.size() - pos_ == 0) {
      if (pending_error_) continue;
      return false;
    }
    // The header block.
    size_t hend;
    for (;;) {
      std::string_view rest = std::string_view(buf_).substr(pos_);
      hend = HeaderEnd(rest.substr(0, opt_.max_header_bytes));
      if (hend != std::string_view::npos) break;
      if (rest.size() >= opt_.max_header_bytes) break;
      size_t before = rest.size();
      Fill(before + 4096);
      if (buf_.size() - pos_ == before) break;
    }
    uint64_t at = buf_offset_ + pos_;
    if (buf_.compare(pos_, 5, "WARC/") != 0) {
      Error(doc, fmt::format("no WARC record at byte {} (junk skipped)", at));
      ResyncAfter(pos_);
      return true;
    }
    if (hend == std::string_view::npos) {
      bool eof = buf_.size() - pos_ < opt_.max_header_bytes;
      Error(doc, eof ? fmt::format("truncated WARC header at byte {}", at)
                     : fmt::format("WARC header at byte {} is too long", at));
      if (eof) {
        pos_ = buf_.size();
      } else {
        ResyncAfter(pos_ + 1);
      }
      return true;
    }
    std::string type, uri, date, record_id;
    size_t length = 0;
    bool has_length = false;
    ForEachHeader(
        std::string_view(buf_).substr(pos_, hend),
        [&](std::string_view k, std::string_view v) {
          if (StartsWithLower(k, "warc-type")) {
            type.assign(v);
          } else if (StartsWithLower(k, "warc-target-uri")) {
            if (v.size() >= 2 && v.front() == '<' && v.back() == '>') {
              v = v.substr(1, v.size() - 2);
            }
            uri.assign(v);
          } else if (StartsWithLower(k, "warc-date")) {
            date.assign(v);
          } else if (StartsWithLower(k, "warc-record-id")) {
            record_id.assign(v);
          } else if (StartsWithLower(k, "content-length") && k.size() == 14) {
            has_length = ParseSize(v, &length);
          }
        });
    if (!has_length) {
      Error(doc, fmt::format("WARC record at byte {} has no valid "
                             "Content-Length",
                             at));
      ResyncAfter(pos_ + 1);
      return true;
    }
    if (length > opt_.max_record_bytes) {
      Error(doc, fmt::format("WARC record at byte {} ({}) is {} bytes, over "
                             "the limit of {} (max_record_bytes)",
                             at, uri, length, opt_.max_record_bytes));
      // Skip the payload in bounded steps.
      size_t left = hend + length;
      while (left > 0) {
        size_t step = std::min(left, kReadChunk);
        bool ok = Fill(step);
        size_t have = std::min(step, buf_.size() - pos_);
        pos_ += have;
        left -= have;
        Compact();
        if (!ok) break;
      }
      return true;
    }
    bool complete = Fill(hend + length);
    if (!complete) {
      if (pending_error_) {
        pending_error_ = false;
        Error(doc, fmt::format("record at byte {} ({}): {}", at, uri,
                               pending_message_));
        return true;
      }
      Error(doc, fmt::format("truncated WARC record at byte {} ({}): "
                             "Content-Length {} but {} bytes left",
                             at, uri, length, buf_.size() - pos_ - hend));
      ResyncAfter(pos_ + hend);
      return true;
    }
    // The record must be followed by a blank line (or the end).
    Fill(hend + length + 4);
    std::string_view trailer =
        std::string_view(buf_).substr(pos_ + hend + length, 4);
    bool trailer_ok = trailer.empty() || trailer.substr(0, 2) == "\r\n" ||
                      trailer.substr(0, 1) == "\n";
    if (!trailer_ok) {
      Error(doc, fmt::format("WARC record at byte {} ({}): Content-Length {} "
                             "does not match the record",
                             at, uri, length));
      ResyncAfter(pos_ + hend);
      return true;
    }
    ++counts_.records;
    std::string_view payload =
        std::string_view(buf_).substr(pos_ + hend, length);
    size_t next = pos_ + hend + length;
    if (type != "response") {
      ++counts_.skipped;
      pos_ = next;
      continue;
    }
    *doc = RawDocument();
    std::string why;
    if (!ParseHttp(payload, doc, &why)) {
      ++counts_.skipped;
      pos_ = next;
      continue;
    }
    doc->id = !uri.empty() ? uri : record_id;
    doc->url = uri;
    doc->crawl_date = date;
    ++counts_.documents;
    pos_ = next;
    return true;
  }
}

}  // namespace whosaid
