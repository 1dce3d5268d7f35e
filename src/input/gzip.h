// Gunzip: streaming decompression of gzip (RFC 1952) data, including the
// multi-member files Common Crawl ships (one member per WARC record).
//
// Uses the system zlib (Debian zlib1g), loaded at run time with dlopen so the
// engine's link line stays unchanged; when libz.so.1 is absent, Init()
// returns a clear error and plain (uncompressed) inputs still work.
// One Gunzip is used by one thread; different objects are independent.
#ifndef WHOSAID_SRC_INPUT_GZIP_H_
#define WHOSAID_SRC_INPUT_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid {

class Gunzip {
 public:
  Gunzip();
  ~Gunzip();
  Gunzip(const Gunzip&) = delete;
  Gunzip& operator=(const Gunzip&) = delete;

  Status Init();

  // Decompresses `in` and appends to *out, at most `max_out` bytes per call
  // (the rest of the input is kept for the next call). Sets *consumed to
  // the input bytes used. A call stops at the end of a member; the next
  // call starts the next member. Returns an error on corrupt data; after an
  // error the stream can be resynchronised with Reset() at the next member.
  Status Feed(std::string_view in, size_t max_out, std::string* out,
              size_t* consumed);

  // Starts a new member (after an error or to reuse the object).
  void Reset();

  // True between members (the last member ended cleanly).
  bool at_member_end() const { return at_member_end_; }

 private:
  struct Impl;
  Impl* impl_ = nullptr;
  bool at_member_end_ = true;
};

// Gunzips a whole buffer (all members) into *out, up to `max_out` bytes;
// returns kLimitExceeded past that.
Status GunzipAll(std::string_view in, size_t max_out, std::string* out);

// True when `s` starts with the gzip magic bytes.
inline bool IsGzip(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b;
}

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_GZIP_H_
