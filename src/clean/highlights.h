// Story highlights: the bullet summary some outlets put above the article
// ("Story highlights Senator says the bill is dead" and two to four more
// headline-like lines, then the body). The bullets restate the body in
// headline form, so kept they would repeat its quotes and numbers as
// facts of their own. Recognised by the widget's label at the head of the
// document; the bullets after it run until the first line that ends a
// sentence. Stateless; safe from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_HIGHLIGHTS_H_
#define WHOSAID_SRC_CLEAN_HIGHLIGHTS_H_

#include <cstddef>
#include <string_view>

namespace whosaid {
namespace clean_internal {

// Whether the line opens with a highlights label ("Story highlights", "Key
// points"; any case), alone or followed by the first bullet.
bool OpensHighlights(std::string_view raw);

// Whether the line can be a highlights bullet: at most `max_words` words
// and no sentence end at its end (. ! ? :, also before a closing quote; an
// abbreviation's stop, "in the U.S.", is fine).
bool IsHighlightBullet(std::string_view raw, size_t max_words);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_HIGHLIGHTS_H_
