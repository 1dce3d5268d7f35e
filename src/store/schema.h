// The corpus schema as a list of migrations: migration i takes a database
// from user_version i to i + 1. Append new migrations; never edit old ones.
// Constant data; safe from any thread.
#ifndef WHOSAID_SRC_STORE_SCHEMA_H_
#define WHOSAID_SRC_STORE_SCHEMA_H_

#include <span>
#include <string_view>

namespace whosaid {

// PRAGMA application_id of a whosaid corpus ("WHOS").
constexpr int kCorpusApplicationId = 0x57484F53;

// The SQL of each migration, in order; the schema version is its size.
std::span<const std::string_view> CorpusMigrations();

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SCHEMA_H_
