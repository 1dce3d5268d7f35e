#include "src/input/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "src/base/utf8.h"

namespace whosaid {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string LowerTrim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e &&
         (s[b] == ' ' || s[b] == '"' || s[b] == '\'' || s[b] == '\t')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '"' || s[e - 1] == '\'' ||
                   s[e - 1] == '\t' || s[e - 1] == ';')) {
    --e;
  }
  std::string out;
  for (size_t i = b; i < e; ++i) out.push_back(Lower(s[i]));
  return out;
}

// Windows-1252 bytes 0x80..0x9F (undefined ones map to the C1 control).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

void DecodeCp1252(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      AppendUtf8(kCp1252High[c - 0x80], out);
    } else {
      AppendUtf8(c, out);
    }
  }
}

// Decodes with iconv; returns false when the charset is unknown to iconv.
bool DecodeIconv(std::string_view s, const std::string& charset,
                 std::string* out, size_t* replacements) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(s.size() * 2);
  char buf[8192];
  char* in = const_cast<char*>(s.data());
  size_t in_left = s.size();
  while (in_left > 0) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buf, o - buf);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ / EINVAL: skip one byte, mark it.
      out->append("\xEF\xBF\xBD");
      ++*replacements;
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  return true;
}

void AddRun(size_t text_begin, size_t input_begin, size_t length,
            std::vector<OffsetPiece>* map) {
  if (length == 0 || text_begin + length > UINT32_MAX ||
      input_begin + length > UINT32_MAX) {
    return;
  }
  map->push_back({static_cast<uint32_t>(text_begin),
                  static_cast<uint32_t>(input_begin),
                  static_cast<uint32_t>(length)});
}

// Runs of input bytes copied unchanged by DecodeCp1252 (ASCII).
void MapCp1252(std::string_view body, size_t bom, DecodedText* out) {
  size_t d = 0, run_d = 0, run_i = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c < 0x80) {
      ++d;
      continue;
    }
    AddRun(run_d, run_i + bom, i - run_i, &out->source_map);
    char32_t cp = c < 0xA0 ? kCp1252High[c - 0x80] : c;
    d += cp < 0x800 ? 2 : 3;
    run_d = d;
    run_i = i + 1;
  }
  AddRun(run_d, run_i + bom, body.size() - run_i, &out->source_map);
}

// Runs of well-formed input copied unchanged by RepairUtf8 (each ill-formed
// byte became the three bytes of U+FFFD).
void MapRepairedUtf8(std::string_view body, size_t bom, DecodedText* out) {
  size_t d = 0, run_d = 0, run_i = 0, i = 0;
  while (i < body.size()) {
    int len = 1;
    char32_t cp = DecodeUtf8(body, i, &len);
    if (cp == 0xFFFD && len == 1) {  // ill-formed byte
      AddRun(run_d, run_i + bom, i - run_i, &out->source_map);
      d += 3;
      i += 1;
      run_d = d;
      run_i = i;
      continue;
    }
    d += len;
    i += len;
  }
  AddRun(run_d, run_i + bom, body.size() - run_i, &out->source_map);
}

}  // namespace

std::string CharsetFromContentType(std::string_view ct) {
  std::string lower;
  for (char c : ct) lower.push_back(Lower(c));
  size_t p = lower.find("charset");
  if (p == std::string::npos) return "";
  p += 7;
  while (p < lower.size() && (lower[p] == ' ' || lower[p] == '=')) ++p;
  size_t e = p;
  while (e < lower.size() && lower[e] != ';' && lower[e] != ' ' &&
         lower[e] != ',') {
    ++e;
  }
  return LowerTrim(std::string_view(lower).substr(p, e - p));
}

std::string NormalizeCharset(std::string_view label) {
  std::string l = LowerTrim(label);
  if (l.empty()) return "";
  // WHATWG labels are ASCII letters, digits and a few marks. glibc's
  // iconv_open() drops other bytes from a name, so "u<junk>tf-8" would
  // still open a converter: such labels are unknown here.
  for (char c : l) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_' || c == '.' || c == ':')) {
      return "";
    }
  }
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8" ||
      l == "x-unicode20utf8") {
    return "utf-8";
  }
  if (l == "latin1" || l == "latin-1" || l == "iso-8859-1" ||
      l == "iso8859-1" || l == "iso_8859-1" || l == "l1" || l == "ascii" ||
      l == "us-ascii" || l == "cp1252" || l == "windows-1252" ||
      l == "x-cp1252" || l == "cp819" || l == "ibm819" || l == "iso-ir-100") {
    return "windows-1252";
  }
  if (l == "utf-16" || l == "utf-16le" || l == "unicode") return "utf-16le";
  if (l == "utf-16be") return "utf-16be";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk") return "gbk";
  if (l == "shift_jis" || l == "sjis" || l == "x-sjis") return "shift_jis";
  return l;
}

std::string SniffMetaCharset(std::string_view html, size_t max_scan) {
  std::string_view s = html.substr(0, std::min(html.size(), max_scan));
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i + 4 > s.size()) break;
    if (Lower(s[i]) != 'm' || Lower(s[i + 1]) != 'e' ||
        Lower(s[i + 2]) != 't' || Lower(s[i + 3]) != 'a') {
      continue;
    }
    size_t e = s.find('>', i);
    if (e == std::string_view::npos) e = s.size();
    std::string tag;
    for (size_t k = i; k < e; ++k) tag.push_back(Lower(s[k]));
    size_t c = tag.find("charset");
    if (c == std::string::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' ||
                              tag[c] == '\'')) {
      ++c;
    }
    size_t ce = c;
    while (ce < tag.size() && tag[ce] != '"' && tag[ce] != '\'' &&
           tag[ce] != ' ' && tag[ce] != ';' && tag[ce] != '/' &&
           tag[ce] != '>') {
      ++ce;
    }
    if (ce > c)
      return NormalizeCharset(std::string_view(tag).substr(c, ce - c));
  }
  return "";
}

DecodedText DecodeToUtf8(std::string_view bytes,
                         std::string_view transport_charset) {
  DecodedText out;
  std::string charset;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "utf-8";
    out.bom_bytes = 3;
  } else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    charset = "utf-16le";
    out.bom_bytes = 2;
  } else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "utf-16be";
    out.bom_bytes = 2;
  }
  std::string_view body = bytes.substr(out.bom_bytes);
  if (charset.empty()) charset = NormalizeCharset(transport_charset);
  if (charset.empty()) charset = SniffMetaCharset(body);
  // A page declared UTF-16 in ASCII-compatible bytes is lying (spec rule).
  if (out.bom_bytes == 0 && (charset == "utf-16le" || charset == "utf-16be")) {
    charset = "utf-8";
  }
  bool valid_utf8 = IsValidUtf8(body);
  if (charset.empty()) charset = valid_utf8 ? "utf-8" : "windows-1252";
  // A declared single-byte charset on bytes that are valid non-ASCII UTF-8
  // is a common mislabel; keep declared charsets otherwise.
  if (charset == "utf-8") {
    if (valid_utf8) {
      out.text.assign(body);
      AddRun(0, out.bom_bytes, body.size(), &out.source_map);
    } else {
      out.replacements = RepairUtf8(body, &out.text);
      MapRepairedUtf8(body, out.bom_bytes, &out);
    }
  } else if (charset == "windows-1252") {
    DecodeCp1252(body, &out.text);
    MapCp1252(body, out.bom_bytes, &out);
  } else if (DecodeIconv(body, charset, &out.text, &out.replacements)) {
    // glibc's UTF-8 side passes code points above U+10FFFF (F4 90..):
    // what leaves here is valid UTF-8, whatever iconv made of the bytes.
    if (!IsValidUtf8(out.text)) {
      std::string repaired;
      out.replacements += RepairUtf8(out.text, &repaired);
      out.text = std::move(repaired);
    }
  } else {
    // Unknown label: detect.
    charset = valid_utf8 ? "utf-8" : "windows-1252";
    out.text.clear();
    if (valid_utf8) {
      out.text.assign(body);
      AddRun(0, out.bom_bytes, body.size(), &out.source_map);
    } else {
      DecodeCp1252(body, &out.text);
      MapCp1252(body, out.bom_bytes, &out);
    }
  }
  out.charset = charset;
  return out;
}

}  // namespace whosaid
