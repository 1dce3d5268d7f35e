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
