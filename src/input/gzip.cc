#include "src/input/gzip.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>

namespace whosaid {
namespace {

// The zlib entry points (linked from Debian's zlib1g).
struct ZlibApi {
  int (*inflate_init2)(z_streamp, int, const char*, int) = inflateInit2_;
  int (*inflate)(z_streamp, int) = ::inflate;
  int (*inflate_end)(z_streamp) = inflateEnd;
  int (*inflate_reset)(z_streamp) = inflateReset;
  const char* (*version)() = zlibVersion;
  bool ok = true;
};

const ZlibApi& Zlib() {
  static const ZlibApi api;
  return api;
}

}  // namespace

struct Gunzip::Impl {
  z_stream zs{};
  bool initialized = false;
};

Gunzip::Gunzip() : impl_(new Impl) {}

Gunzip::~Gunzip() {
  if (impl_->initialized) Zlib().inflate_end(&impl_->zs);
  delete impl_;
}

Status Gunzip::Init() {
  const ZlibApi& z = Zlib();
  if (!z.ok) {
    return Status::NotFound(
        "gzip input needs zlib (libz.so.1, Debian package zlib1g): not found");
  }
  if (impl_->initialized) {
    Reset();
    return Status::OK();
  }
  // 16 + MAX_WBITS: gzip wrapper only.
  if (z.inflate_init2(&impl_->zs, 16 + MAX_WBITS, z.version(),
                      static_cast<int>(sizeof(z_stream))) != Z_OK) {
    return Status::Internal("zlib inflateInit2 failed");
  }
  impl_->initialized = true;
  at_member_end_ = true;
  return Status::OK();
}

void Gunzip::Reset() {
  if (impl_->initialized) Zlib().inflate_reset(&impl_->zs);
  at_member_end_ = true;
}

Status Gunzip::Feed(std::string_view in, size_t max_out, std::string* out,
                    size_t* consumed) {
  *consumed = 0;
  if (!impl_->initialized) return Status::Internal("Gunzip not initialised");
  const ZlibApi& z = Zlib();
  z_stream& zs = impl_->zs;
  size_t produced = 0;
  unsigned char buf[32768];
  while (*consumed < in.size() && produced < max_out) {
    zs.next_in =
        reinterpret_cast<Bytef*>(const_cast<char*>(in.data())) + *consumed;
    size_t avail = std::min<size_t>(in.size() - *consumed, 1u << 30);
    zs.avail_in = static_cast<uInt>(avail);
    size_t room = std::min(sizeof buf, max_out - produced);
    zs.next_out = buf;
    zs.avail_out = static_cast<uInt>(room);
    at_member_end_ = false;
    int r = z.inflate(&zs, Z_NO_FLUSH);
    size_t used = avail - zs.avail_in;
    size_t got = room - zs.avail_out;
    *consumed += used;
    out->append(reinterpret_cast<char*>(buf), got);
    produced += got;
    if (r == Z_STREAM_END) {
      z.inflate_reset(&zs);
      at_member_end_ = true;
      break;  // the caller sees each member boundary
    }
    if (r == Z_BUF_ERROR && used == 0 && got == 0) break;  // needs input
    if (r != Z_OK && r != Z_BUF_ERROR) {
      return Status::Corruption(fmt::format(
          "corrupt gzip data (zlib error {}: {})", r, zs.msg ? zs.msg : "?"));
    }
  }
  return Status::OK();
}

Status GunzipAll(std::string_view in, size_t max_out, std::string* out) {
  Gunzip g;
  Status s = g.Init();
  if (!s.ok()) return s;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t consumed = 0;
    size_t before = out->size();
    s = g.Feed(in.substr(pos), max_out + 1 - std::min(max_out, out->size()),
               out, &consumed);
    if (!s.ok()) return s;
    pos += consumed;
    if (out->size() > max_out) {
      return Status::LimitExceeded("gzip data inflates past the size limit");
    }
    if (consumed == 0 && out->size() == before) break;
    // Trailing zero padding after the last member is allowed.
    if (g.at_member_end() && pos < in.size() && !IsGzip(in.substr(pos))) {
      break;
    }
  }
  if (!g.at_member_end()) {
    return Status::Corruption("gzip data is truncated");
  }
  return Status::OK();
}

}  // namespace whosaid
