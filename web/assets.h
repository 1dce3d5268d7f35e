// The web app's static files (web/static/*), embedded into the binary at
// build time by web/embed.cmake so the app works offline from any
// directory. Immutable data: safe from any thread.
#ifndef WHOSAID_WEB_ASSETS_H_
#define WHOSAID_WEB_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace whosaid::web {

struct Asset {
  const char* name;  // file name, e.g. "app.js"
  const unsigned char* data;
  size_t size;
};

// The asset named exactly `name` (no directories), or nullptr.
const Asset* FindAsset(std::string_view name);

// Content-Type for a file name by its extension.
const char* ContentTypeFor(std::string_view name);

}  // namespace whosaid::web

#endif  // WHOSAID_WEB_ASSETS_H_
