#include "core/text/TextOffsets.h"

#include <gtest/gtest.h>

using namespace dossier::core;

namespace {
// Curly quotes (3 bytes), Hangul (3 bytes), an emoji (4 bytes, outside the BMP).
const std::string kText = "“Seoul” 서울 🇰🇷 talks: Lee’s visit";
}  // namespace

TEST(TextOffsets, CodePointCountCountsCharactersNotBytes) {
    EXPECT_EQ(codePointCount("abc"), 3u);
    EXPECT_EQ(codePointCount("서울"), 2u);
    EXPECT_EQ(codePointCount("🇰🇷"), 2u);  // two regional indicators
    EXPECT_EQ(codePointCount(kText), 32u);
}

TEST(TextOffsets, SliceByCodePointsReturnsExactlyTheWord) {
    EXPECT_EQ(sliceCodePoints(kText, 1, 6), "Seoul");
    EXPECT_EQ(sliceCodePoints(kText, 8, 10), "서울");
    EXPECT_EQ(sliceCodePoints(kText, 11, 13), "🇰🇷");
    EXPECT_EQ(sliceCodePoints(kText, 21, 26), "Lee’s");
}

TEST(TextOffsets, IndexRoundTripsEveryCodePoint) {
    const CodePointIndex index(kText);
    ASSERT_EQ(index.size(), codePointCount(kText));
    for (Offset cp = 0; cp <= static_cast<Offset>(index.size()); ++cp)
        EXPECT_EQ(index.codePointOf(index.byteOf(cp)), cp);
}

TEST(TextOffsets, ByteInsideACodePointIsRejected) {
    const CodePointIndex index("서울");
    EXPECT_THROW(index.codePointOf(1), std::out_of_range);
    EXPECT_THROW(index.byteOf(3), std::out_of_range);
}

TEST(TextOffsets, ValidatorAcceptsUtf8AndPointsAtTheFirstBadByte) {
    EXPECT_TRUE(isValidUtf8(kText));
    std::size_t bad = 0;
    EXPECT_FALSE(isValidUtf8("ok \xff more", &bad));
    EXPECT_EQ(bad, 3u);
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("abc\xE2\x80"));       // truncated
}

TEST(TextOffsets, EncodeDecodeRoundTrip) {
    for (char32_t cp : {U'a', U'é', U'서', U'🇰', U'\U0010FFFF'}) {
        std::string s;
        appendUtf8(s, cp);
        std::size_t pos = 0;
        EXPECT_EQ(decodeUtf8(s, pos), cp);
        EXPECT_EQ(pos, s.size());
    }
}
