#include "core/analysis/SentenceSplitter.h"

#include <gtest/gtest.h>

#include "core/analysis/Tokenizer.h"

using namespace dossier::core;

namespace {
std::vector<std::string> sentences(const std::string& text) {
    const auto tokens = Tokenizer::tokenize(text);
    std::vector<std::string> out;
    for (const auto& s : SentenceSplitter::split(text, tokens))
        out.push_back(text.substr(tokens[s.first].byteStart, tokens[s.last - 1].byteEnd - tokens[s.first].byteStart));
    return out;
}
}  // namespace

TEST(SentenceSplitter, SplitsAtFullStopsAndKeepsClosingQuotes) {
    EXPECT_EQ(sentences("He said “it is a new start.” Then he left. Was it? Yes!"),
              (std::vector<std::string>{"He said “it is a new start.”", "Then he left.", "Was it?", "Yes!"}));
}

TEST(SentenceSplitter, TitlesAndInitialsDoNotEndSentences) {
    EXPECT_EQ(sentences("Dr. Park met Gen. Kim and George W. Bush. They spoke."),
              (std::vector<std::string>{"Dr. Park met Gen. Kim and George W. Bush.", "They spoke."}));
}

TEST(SentenceSplitter, InitialismsEndASentenceOnlyBeforeASentenceStart) {
    EXPECT_EQ(sentences("U.S. officials met U.K. envoys in the U.S. The talks ended."),
              (std::vector<std::string>{"U.S. officials met U.K. envoys in the U.S.", "The talks ended."}));
}

TEST(SentenceSplitter, LineBreaksEndSentences) {
    EXPECT_EQ(sentences("Headline without stop\nBody starts here. And ends."),
              (std::vector<std::string>{"Headline without stop", "Body starts here.", "And ends."}));
}

TEST(SentenceSplitter, LowercaseAfterAPeriodContinues) {
    EXPECT_EQ(sentences("It rose 3.5 per cent. in value, says the report."),
              (std::vector<std::string>{"It rose 3.5 per cent. in value, says the report."}));
}
