#include "core/ner/WordClusters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dossier::core;

namespace {

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto end = std::min(s.find(' ', pos), s.size());
        out.push_back(s.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

}  // namespace

// Days come after "on" and before "the talks"; fruit after "ate a" and before "for
// lunch": two classes, each of one kind of word.
TEST(WordClusters, WordsInTheSameContextsShareAClass) {
    std::vector<std::vector<std::string>> sentences;
    for (const char* day : {"monday", "tuesday", "friday", "sunday"})
        for (int k = 0; k < 5; ++k) sentences.push_back(words(std::string("on ") + day + " the talks ended"));
    for (const char* fruit : {"apple", "pear", "plum", "fig"})
        for (int k = 0; k < 5; ++k) sentences.push_back(words(std::string("she ate a ") + fruit + " for lunch"));

    const auto classes = WordClusters::learn(sentences, 6, 20);
    EXPECT_EQ(classes.at("monday"), classes.at("tuesday"));
    EXPECT_EQ(classes.at("monday"), classes.at("sunday"));
    EXPECT_EQ(classes.at("apple"), classes.at("fig"));
    EXPECT_EQ(classes.at("pear"), classes.at("plum"));
    EXPECT_NE(classes.at("monday"), classes.at("apple"));
}

TEST(WordClusters, RareWordsStayUnclusteredAndResultsRepeat) {
    std::vector<std::vector<std::string>> sentences{words("the cat sat"), words("the dog sat"), words("the cat ran"),
                                                    words("a zebu sat")};
    const auto once = WordClusters::learn(sentences, 3, 10, 2);
    EXPECT_FALSE(once.contains("zebu"));
    EXPECT_TRUE(once.contains("cat"));
    EXPECT_EQ(once, WordClusters::learn(sentences, 3, 10, 2));
}
