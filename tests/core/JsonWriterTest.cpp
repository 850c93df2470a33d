#include "core/export/JsonWriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace dossier::core;

namespace {

QJsonDocument parsed(const std::string& text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << " in:\n" << text;
    return doc;
}

}  // namespace

TEST(JsonWriter, WritesNestedValuesThatAJsonParserReadsBack) {
    JsonWriter w;
    w.beginObject();
    w.key("title").value("Seoul");
    w.key("published").null();
    w.key("count").value(std::int64_t{-42});
    w.key("big").value(std::int64_t{4294967296});
    w.key("ok").value(true);
    w.key("empty").beginArray().endArray();
    w.key("nothing").beginObject().endObject();
    w.key("list").beginArray();
    w.beginObject().key("start").value(std::int64_t{0}).endObject();
    w.value("two").valueOrNull("").value(false);
    w.endArray();
    w.endObject();
    const QJsonObject o = parsed(w.take()).object();
    EXPECT_EQ(o.value(QStringLiteral("title")).toString(), QStringLiteral("Seoul"));
    EXPECT_TRUE(o.value(QStringLiteral("published")).isNull());
    EXPECT_EQ(o.value(QStringLiteral("count")).toInteger(), -42);
    EXPECT_EQ(o.value(QStringLiteral("big")).toInteger(), 4294967296);
    EXPECT_TRUE(o.value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("empty")).toArray().isEmpty());
    EXPECT_TRUE(o.value(QStringLiteral("nothing")).toObject().isEmpty());
    const QJsonArray list = o.value(QStringLiteral("list")).toArray();
    ASSERT_EQ(list.size(), 4);
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("start")).toInteger(), 0);
    EXPECT_EQ(list[1].toString(), QStringLiteral("two"));
    EXPECT_TRUE(list[2].isNull());
    EXPECT_FALSE(list[3].toBool());
}

TEST(JsonWriter, EscapesWhatJsonMustAndKeepsUnicodeAsItIs) {
    // Quotes, backslashes, every control character (a NUL too) and non-ASCII text.
    std::string tricky = "say \"no\" \\ then\n\ttab\r\b\f";
    for (char c = 1; c < 0x20; ++c) tricky += c;
    tricky += std::string(1, '\0') + "Belém – 李 😀";
    JsonWriter w;
    w.beginArray().value(tricky).endArray();
    const std::string text = w.take();
    EXPECT_EQ(text.find('\0'), std::string::npos);
    EXPECT_NE(text.find("Belém – 李 😀"), std::string::npos) << "non-ASCII is written as UTF-8, not escaped";
    const QJsonArray a = parsed(text).array();
    ASSERT_EQ(a.size(), 1);
    EXPECT_EQ(a[0].toString().toStdString(), tricky);
}
