#include "src/input/language.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid {
namespace {

// Sentences written for this test.
constexpr const char* kEnglish =
    "The harbour commission said on Tuesday that the old ferry pier would be "
    "rebuilt next spring, and that the work would close the footpath for "
    "about three months.";
constexpr const char* kFrench =
    "La commission du port a annoncé mardi que l'ancien embarcadère serait "
    "reconstruit au printemps prochain et que les travaux fermeraient le "
    "sentier pendant environ trois mois.";
constexpr const char* kGerman =
    "Die Hafenkommission teilte am Dienstag mit, dass der alte Fähranleger "
    "im nächsten Frühjahr neu gebaut werde und der Fußweg dafür etwa drei "
    "Monate gesperrt bleibe.";
constexpr const char* kSpanish =
    "La comisión del puerto dijo el martes que el viejo muelle del "
    "transbordador se reconstruirá la próxima primavera y que las obras "
    "cerrarán el sendero durante unos tres meses.";
constexpr const char* kRussian =
    "Портовая комиссия во вторник сообщила, что старый паромный причал "
    "будет перестроен следующей весной, а пешеходная дорожка будет закрыта "
    "примерно на три месяца.";

TEST(LanguageTest, DetectsSeveralLanguages) {
  LanguageOptions options;
  struct Case {
    const char* text;
    const char* code;
  } cases[] = {{kEnglish, "en"},
               {kFrench, "fr"},
               {kGerman, "de"},
               {kSpanish, "es"},
               {kRussian, "ru"}};
  for (const Case& c : cases) {
    LanguageGuess g = DetectLanguage(c.text, "", options);
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
    EXPECT_GE(g.percent, 80) << c.text;
  }
}

TEST(LanguageTest, TooShortIsUnknown) {
  EXPECT_EQ(DetectLanguage("Hi there", "", LanguageOptions()).code, "");
  EXPECT_EQ(DetectLanguage("", "en", LanguageOptions()).code, "");
}

TEST(LanguageTest, LooksOnlyAtThePrefix) {
  // French first, then a lot of English: with a small window only the
  // French is seen; with a large one the English majority wins.
  std::string text = std::string(kFrench) + " " + kFrench + "\n\n";
  for (int i = 0; i < 20; ++i) text += std::string(kEnglish) + " ";
  LanguageOptions small;
  small.max_bytes = 300;
  EXPECT_EQ(DetectLanguage(text, "", small).code, "fr");
  LanguageOptions large;
  large.max_bytes = 1 << 20;
  EXPECT_EQ(DetectLanguage(text, "", large).code, "en");
}

TEST(LanguageTest, CutsAtACharacterBoundary) {
  // A window ending inside a two-byte character must not make the text
  // invalid UTF-8 (CLD2 would then give up).
  std::string text(kRussian);
  LanguageOptions options;
  options.max_bytes = 101;  // odd: inside a Cyrillic letter
  EXPECT_EQ(DetectLanguage(text, "", options).code, "ru");
}

// The shortcut that spares CLD2: English prose with curly quotes and
// dashes passes, and CLD2 agrees on it; other languages, an accented
// letter, too few words, a non-English declared tag and English-looking
// words without function words do not.
TEST(LanguageTest, PlainlyEnglishOnlyOnEnglishProse) {
  std::string english;
  for (int i = 0; i < 4; ++i) {
    english +=
        std::string(kEnglish) +
        " \u201cIt is a long job \u2014 but it is worth it,\u201d she said. ";
  }
  LanguageOptions options;
  EXPECT_TRUE(PlainlyEnglish(english, "", options));
  EXPECT_TRUE(PlainlyEnglish(english, "en-GB", options));
  LanguageGuess cld2 = DetectLanguage(english, "", options);
  EXPECT_EQ(cld2.code, "en");
  EXPECT_TRUE(cld2.reliable);
  EXPECT_FALSE(PlainlyEnglish(english, "de", options));
  for (const char* other : {kFrench, kGerman, kSpanish, kRussian}) {
    std::string text;
    for (int i = 0; i < 6; ++i) text += std::string(other) + " ";
    EXPECT_FALSE(PlainlyEnglish(text, "", options)) << other;
  }
  // One accented letter (a name) leaves the text to CLD2.
  EXPECT_FALSE(PlainlyEnglish("Jos\u00e9 " + english, "", options));
  // Too few words.
  EXPECT_FALSE(PlainlyEnglish(kEnglish, "", options));
  // Function words are whole words: English-looking letters without them
  // ("thesis", "andante") are no evidence.
  std::string no_function;
  for (int i = 0; i < 100; ++i) no_function += "thesis andante ";
  EXPECT_FALSE(PlainlyEnglish(no_function, "", LanguageOptions()));
}

TEST(LanguageTest, ChooseKeepsAgreeingDeclaredTag) {
  LanguageGuess en{"en", true, 99};
  EXPECT_EQ(ChooseLanguage("en-US", en), "en-us");
  EXPECT_EQ(ChooseLanguage("", en), "en");
  EXPECT_EQ(ChooseLanguage("fr", en), "en");  // reliable text beats the tag
  LanguageGuess weak{"en", false, 60};
  EXPECT_EQ(ChooseLanguage("fr", weak), "fr");
  EXPECT_EQ(ChooseLanguage("", weak), "");
  EXPECT_EQ(ChooseLanguage("de_DE, en", LanguageGuess()), "de-de");
}

}  // namespace
}  // namespace whosaid
