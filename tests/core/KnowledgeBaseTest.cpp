#include "core/analysis/KnowledgeBase.h"

#include <gtest/gtest.h>

#include <optional>

#include "core/analysis/TextDocument.h"

using namespace dossier::core;

namespace {
const KnowledgeBase& kb() { return KnowledgeBase::bundled(); }

std::optional<PhraseMatch> first(const std::vector<PhraseMatch>& m) {
    if (m.empty()) return std::nullopt;
    return m.front();
}
}  // namespace

TEST(KnowledgeBase, KnowsEveryCountryWithShortFormsDemonymsAndCapital) {
    EXPECT_GE(kb().countryCount(), 240u);
    const auto us = kb().countryByName("U.S.");
    ASSERT_GE(us, 0);
    EXPECT_EQ(kb().country(static_cast<std::size_t>(us)).name, "United States");
    EXPECT_EQ(kb().country(static_cast<std::size_t>(kb().countryByName("South Korea"))).capital, "Seoul");
}

TEST(KnowledgeBase, LongestPhraseMatchesFirst) {
    const TextDocument doc("South Korean officials met in Seoul.");
    const auto m = first(kb().matchesAt(doc, 0));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->kind, PhraseKind::Demonym);
    EXPECT_EQ(m->length, 2u);
    EXPECT_EQ(kb().country(m->index).name, "South Korea");
}

TEST(KnowledgeBase, SharedDemonymMeansTheLargerCountry) {
    const TextDocument doc("American and Indian negotiators");
    EXPECT_EQ(kb().country(first(kb().matchesAt(doc, 0))->index).name, "United States");
    EXPECT_EQ(kb().country(first(kb().matchesAt(doc, 2))->index).name, "India");
}

TEST(KnowledgeBase, TitlesMatchInAnyCaseAndCitiesKnowTheirCountry) {
    const TextDocument doc("the prime minister flew to Shanghai");
    const auto title = first(kb().matchesAt(doc, 1));
    ASSERT_TRUE(title);
    EXPECT_EQ(title->kind, PhraseKind::Title);
    EXPECT_EQ(kb().title(title->index).headOf, HeadOf::Government);
    const auto city = first(kb().matchesAt(doc, 5));
    ASSERT_TRUE(city);
    EXPECT_EQ(city->kind, PhraseKind::City);
    EXPECT_EQ(kb().country(static_cast<std::size_t>(kb().city(city->index).country)).name, "China");
}

TEST(KnowledgeBase, NamesAndCommonWords) {
    EXPECT_TRUE(kb().isFamilyFirstSurname("Park"));
    EXPECT_FALSE(kb().isFamilyFirstSurname("Smith"));
    EXPECT_TRUE(kb().isGivenName("Maria"));
    // Both given names and words; only the frequent one is evidence of a person by itself.
    EXPECT_TRUE(kb().isFrequentGivenName("John"));
    EXPECT_TRUE(kb().isGivenName("West"));
    EXPECT_FALSE(kb().isFrequentGivenName("West"));
    EXPECT_FALSE(kb().isFrequentGivenName("Beijing"));
    EXPECT_TRUE(kb().isCommonWord("tensions"));
    EXPECT_FALSE(kb().isCommonWord("beijing"));
}
