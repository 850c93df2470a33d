#include "core/text/Utf16Offsets.h"

#include <gtest/gtest.h>

#include "core/text/TextOffsets.h"

using namespace dossier::core;

// The UI marks mentions in a QString (UTF-16); stored offsets are code points.
// An emoji before a mention shifts UTF-16 positions but not code points.
TEST(Utf16Offsets, MentionAfterEmojiMapsToTheSameWord) {
    const std::string utf8 = "🇰🇷 “Lee” met 서울 officials";
    const QString text = QString::fromStdString(utf8);
    const Utf16Offsets map(text);
    const Offset start = 4, end = 7;  // "Lee" in code points
    ASSERT_EQ(sliceCodePoints(utf8, start, end), "Lee");
    const auto s16 = map.toUtf16(start), e16 = map.toUtf16(end);
    EXPECT_EQ(text.mid(s16, e16 - s16), QStringLiteral("Lee"));
    EXPECT_EQ(map.toCodePoint(s16), start);
    EXPECT_EQ(map.toCodePoint(e16), end);
}

TEST(Utf16Offsets, PositionInsideASurrogatePairBelongsToItsCodePoint) {
    const QString text = QString::fromUtf8("a😀b");
    const Utf16Offsets map(text);
    EXPECT_EQ(map.toUtf16(2), 3);
    EXPECT_EQ(map.toCodePoint(2), 1);
    EXPECT_EQ(map.toCodePoint(3), 2);
}
