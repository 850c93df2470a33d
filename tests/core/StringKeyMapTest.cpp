#include "core/text/StringKeyMap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dossier::core;

TEST(StringKeyMap, FindsWhatWasAddedAndNothingElse) {
    StringKeyMap<int> map;
    map["Bank"] = 1;
    map["bank"] = 2;
    map[""] = 3;
    ASSERT_NE(map.find("Bank"), nullptr);
    EXPECT_EQ(*map.find("Bank"), 1);
    EXPECT_EQ(*map.find("bank"), 2);
    EXPECT_EQ(*map.find(""), 3);
    EXPECT_EQ(map.find("Ban"), nullptr);
    EXPECT_EQ(map.find("Banks"), nullptr);
    EXPECT_FALSE(map.contains("BANK"));
    EXPECT_EQ(map.size(), 3u);
}

TEST(StringKeyMap, ValuesStayPutAsTheMapGrows) {
    // The knowledge base appends phrases to the list of a first word while it adds others.
    StringKeyMap<std::vector<int>> map;
    std::vector<int>& first = map["New"];
    first.push_back(1);
    for (int i = 0; i < 50000; ++i) map["word" + std::to_string(i)].push_back(i);
    first.push_back(2);
    EXPECT_EQ(map.find("New")->size(), 2u);
    for (int i = 0; i < 50000; i += 997) {
        const auto* found = map.find("word" + std::to_string(i));
        ASSERT_NE(found, nullptr) << i;
        EXPECT_EQ(found->front(), i);
    }
    EXPECT_EQ(map.find("word50000"), nullptr);
    int total = 0;
    map.forEachValue([&](std::vector<int>& v) { total += static_cast<int>(v.size()); });
    EXPECT_EQ(total, 50002);
}

TEST(StringKeyMap, KeysSharingFirstByteAndLengthAreStillTellApart) {
    // A look-up is first screened by the key's first byte and length (lengths from 31 up
    // share one bit): the screen may only let through, never decide.
    StringKeyMap<int> map;
    const std::string longKey = "International Atomic Energy Agency";
    map[longKey] = 1;
    map["Kim"] = 2;
    EXPECT_EQ(*map.find(longKey), 1);
    EXPECT_EQ(map.find("International Atomic Energy Agenda"), nullptr);
    EXPECT_EQ(map.find("International Atomic Energy Agency of the UN"), nullptr);
    EXPECT_EQ(*map.find("Kim"), 2);
    EXPECT_EQ(map.find("Kin"), nullptr);
    EXPECT_EQ(map.find("kim"), nullptr);
}

TEST(StringKeyMap, AKnownHashFindsWhatTheKeyFinds) {
    // TextDocument hashes each token once, and the maps are asked with that hash.
    StringKeyMap<int> map;
    map["minister"] = 1;
    map["Seoul"] = 2;
    for (const std::string_view key : {"minister", "Seoul", "seoul", "ministers", "", "Élysée"}) {
        EXPECT_EQ(map.find(key, bytehash::bytes(key)), map.find(key)) << key;
        EXPECT_EQ(map.contains(key, bytehash::bytes(key)), map.contains(key)) << key;
    }
}
