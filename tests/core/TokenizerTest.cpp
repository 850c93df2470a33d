#include "core/analysis/Tokenizer.h"

#include <gtest/gtest.h>

#include "core/text/TextOffsets.h"

using namespace dossier::core;

namespace {
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : Tokenizer::tokenize(text)) out.emplace_back(t.text(text));
    return out;
}
}  // namespace

TEST(Tokenizer, SplitsPossessivesCurlyQuotesAndHyphens) {
    EXPECT_EQ(words("China’s “new starting point” for Seung-chan"),
              (std::vector<std::string>{"China", "’s", "“", "new", "starting", "point", "”", "for", "Seung", "-", "chan"}));
}

TEST(Tokenizer, KeepsInitialismsDecimalsOrdinalsAndDecades) {
    EXPECT_EQ(words("the U.S. paid 3.5 billion, 1,000 in the 1990s and 20th century"),
              (std::vector<std::string>{"the", "U.S.", "paid", "3.5", "billion", ",", "1,000", "in", "the", "1990s",
                                        "and", "20th", "century"}));
}

TEST(Tokenizer, KeepsApostrophesInsideNames) {
    EXPECT_EQ(words("O'Brien didn't"), (std::vector<std::string>{"O'Brien", "didn't"}));
}

TEST(Tokenizer, OffsetsAreCodePointsAndCoverTheTokenText) {
    const std::string text = "🇰🇷 서울 — Lee’s “visit”.";
    for (const Token& t : Tokenizer::tokenize(text))
        EXPECT_EQ(sliceCodePoints(text, t.start, t.end), std::string(t.text(text)));
}

TEST(Tokenizer, MarksCapitalisationSpacingAndLineBreaks) {
    const std::string text = "CCTV said\nSeung-chan";
    const auto tokens = Tokenizer::tokenize(text);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_TRUE(tokens[0].allCaps);
    EXPECT_FALSE(tokens[1].capitalized);
    EXPECT_TRUE(tokens[2].newlineBefore);
    EXPECT_FALSE(tokens[3].spaceBefore);  // the hyphen is glued to Seung
}

TEST(Tokenizer, PlainTokensAreAsciiWithNoCapitalOrDigit) {
    // The tagger scores only tokens near one that is not plain: every byte rule must hold.
    const std::string text =
        "the U.S. didn't pay 3.5bn to eBay, iPhone makers or Belém's café — O'Brien's 'S and 's "
        "x2 e.g. ’s “quoted” $5 #tag naïve G7";
    for (const Token& t : Tokenizer::tokenize(text)) {
        const std::string_view w = t.text(text);
        bool byteRule = true;
        for (const char c : w) {
            const auto b = static_cast<unsigned char>(c);
            if ((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80) byteRule = false;
        }
        EXPECT_EQ(t.plain, byteRule) << "'" << w << "'";
    }
}
