// Report: corpus query results as JSON (for scripts) and as plain-text
// tables (for people). Pure functions that append to caller-owned strings;
// safe from any thread.
#ifndef WHOSAID_SRC_CORPUS_REPORT_H_
#define WHOSAID_SRC_CORPUS_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {

// Each Write*Json appends one JSON object (no trailing newline).
void WriteSearchJson(const SearchQuery& query,
                     const std::vector<SearchHit>& hits, std::string* out);
void WriteSpeakersJson(const std::vector<SpeakerSummary>& speakers,
                       std::string* out);
void WriteQuotesJson(std::string_view speaker,
                     const std::vector<QuoteRecord>& quotes, std::string* out);
void WriteClaimGroupsJson(const std::vector<ClaimGroup>& groups,
                          std::string* out);
void WriteStatsJson(const CorpusStats& stats, std::string* out);

// Each Write*Table appends a table for people.
void WriteSearchTable(const std::vector<SearchHit>& hits, std::string* out);
void WriteSpeakersTable(const std::vector<SpeakerSummary>& speakers,
                        std::string* out);
void WriteQuotesTable(const std::vector<QuoteRecord>& quotes, std::string* out);
void WriteClaimGroupsTable(const std::vector<ClaimGroup>& groups,
                           std::string* out);
void WriteStatsTable(const CorpusStats& stats, std::string* out);

// Formats a claim's value: "12", "8-10", with its approximation word.
std::string ClaimValueText(const ClaimRecord& c);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_REPORT_H_
