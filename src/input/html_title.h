// PickHeadline: the article's headline from a page's title candidates (the
// first h1, og:title, the JSON-LD headline, <title>), telling the headline
// from the site's name ("Headline | Site", a logo h1) and from an h1 that is
// not about the article (a sidebar's h1).
//
// Pure functions on the caller's strings: no I/O, no globals, no ownership;
// any thread may call them at once.
#ifndef WHOSAID_SRC_INPUT_HTML_TITLE_H_
#define WHOSAID_SRC_INPUT_HTML_TITLE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace whosaid {

struct TitleCandidates {
  std::string_view h1;           // first <h1> text
  std::string_view og_title;     // og:title
  std::string_view ld_headline;  // JSON-LD "headline"
  std::string_view title_tag;    // <title>
  std::string_view site_name;    // og:site_name
  std::string_view publisher;    // JSON-LD publisher name
  std::string_view url;          // the page's (canonical) URL, may be empty
  // Titles are compared for shared words on their first max_compare_bytes
  // only (the comparison is quadratic in the worst case).
  size_t max_compare_bytes = 2048;
};

// The headline: the first h1 unless it is the site's name or shares no word
// with any metadata title; else og:title, the JSON-LD headline, the <title>'s
// headline part, with the site's name cut off ("Headline - Site").
std::string PickHeadline(const TitleCandidates& c);

// True when `part` names the site: equal to og:site_name or the publisher
// (case-insensitive), or held by the URL's host name, or holding it when it
// makes >= 40 % of the part's letters ("Digg" on digg.com, "Vortex Cannon
// Entertainment" on vortexcannon.org; not "The Courier view on X" on
// thecourier.example).
bool IsSiteName(std::string_view part, const TitleCandidates& c);

// "Headline | Site" / "Site - Headline" (separators | - – — ::): the longest
// part that does not name the site (IsSiteName); the longest part when all
// do; the whole title when it has no separator.
std::string TitleTagHeadline(std::string_view title, const TitleCandidates& c);

// `title` without a leading or trailing part that names the site
// ("September open thread - The GiveWell Blog" -> "September open thread").
std::string StripSiteAffix(std::string_view title, const TitleCandidates& c);

// True when `part` stands at either end of `title`, cut off by one of the
// separators of TitleTagHeadline.
bool IsTitleTagPart(std::string_view title, std::string_view part);

// True when `a` and `b` are about the same thing: one holds the other
// (case-insensitive), or they share a word of >= 4 bytes that is not a
// common English function word.
bool SharesTitleWord(std::string_view a, std::string_view b);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_TITLE_H_
