#include "core/analysis/MentionFinder.h"

#include <gtest/gtest.h>

#include <optional>

#include "core/analysis/TextDocument.h"

using namespace dossier::core;
using Kind = RawMention::Kind;

namespace {
struct Found {
    Kind kind;
    std::string text;
    std::string role;
};

std::vector<Found> find(const std::string& text) {
    static const KnowledgeBase& kb = KnowledgeBase::bundled();
    const TextDocument doc(text);
    std::vector<Found> out;
    for (const RawMention& m : MentionFinder(kb).find(doc)) out.push_back({m.kind, std::string(doc.span(m.first, m.last)), m.role});
    return out;
}

const Found* with(const std::vector<Found>& found, const std::string& text) {
    for (const Found& f : found)
        if (f.text == text) return &f;
    return nullptr;
}

std::optional<Kind> kindOf(const std::vector<Found>& found, const std::string& text) {
    const Found* f = with(found, text);
    return f ? std::optional<Kind>(f->kind) : std::nullopt;
}

std::string roleOf(const std::vector<Found>& found, const std::string& text) {
    const Found* f = with(found, text);
    return f ? f->role : "(not found)";
}
}  // namespace

TEST(MentionFinder, TitleBeforeAnUnlistedNameMakesAPersonWithThatRole) {
    const auto f = find("Kenyan Foreign Minister Wanjiru Odhiambo-Kamau arrived in Nairobi.");
    const Found* p = with(f, "Wanjiru Odhiambo-Kamau");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, Kind::Person);
    EXPECT_EQ(p->role, "Foreign Minister");
    EXPECT_EQ(kindOf(f, "Kenyan"), Kind::Country);
    EXPECT_EQ(kindOf(f, "Nairobi"), Kind::Place);
}

TEST(MentionFinder, FamilyNameFirstWithHyphenatedGivenName) {
    const auto f = find("Analysts quoted Kim Min-jae, a lecturer at Busan National University, on the talks.");
    const Found* p = with(f, "Kim Min-jae");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, Kind::Person);
    EXPECT_EQ(p->role, "lecturer at Busan National University");
    EXPECT_EQ(kindOf(f, "Busan National University"), Kind::Organization);
}

TEST(MentionFinder, LowerCaseRolesBeforeNames) {
    const auto f = find("They met parliament speaker Ahmed Rahimi and former prime minister Olga Berezina.");
    EXPECT_EQ(roleOf(f, "Ahmed Rahimi"), "parliament speaker");
    EXPECT_EQ(roleOf(f, "Olga Berezina"), "former prime minister");
}

TEST(MentionFinder, CapitalisedOfficeAfterTheNameIsTheRole) {
    // British papers capitalise the office in an apposition.
    const auto f = find("\"It is too early,\" said Wayan Hartono, State Minister for Rural Development.");
    EXPECT_EQ(kindOf(f, "Wayan Hartono"), Kind::Person);
    EXPECT_EQ(roleOf(f, "Wayan Hartono"), "State Minister for Rural Development");
    EXPECT_EQ(roleOf(find("The plan was backed by Ines Okafor, the Chief Executive of Lagos Mills."), "Ines Okafor"),
              "Chief Executive of Lagos Mills");
    // An office before another name opens that person's mention: a list, not a description.
    const auto listed = find("The talks brought together Kim Min-jae, Minister Budi Santoso and others.");
    EXPECT_EQ(roleOf(listed, "Kim Min-jae"), "");
    EXPECT_EQ(roleOf(listed, "Budi Santoso"), "Minister");
}

TEST(MentionFinder, AGivenNameThatIsAlsoAWordOpensANameInsideASentence) {
    // "John" and "Mark" are words too; before a surname no list holds, they name someone.
    EXPECT_EQ(kindOf(find("The talks brought together John Hartono and others."), "John Hartono"), Kind::Person);
    EXPECT_EQ(kindOf(find("Officials said they met Mark Odhiambo on Friday."), "Mark Odhiambo"), Kind::Person);
    // Before another word they make no name: "the Grace Period rules".
    EXPECT_NE(kindOf(find("Lenders attacked the Grace Period rules."), "Grace Period"), Kind::Person);
}

TEST(MentionFinder, HyphenatedCountriesAreTwoMentions) {
    const auto f = find("The India-Pakistan talks resumed.");
    EXPECT_EQ(kindOf(f, "India"), Kind::Country);
    EXPECT_EQ(kindOf(f, "Pakistan"), Kind::Country);
}

TEST(MentionFinder, NamedPoliciesAndMeasures) {
    const auto f = find("Officials defended the Good Neighbour policy and new tariffs on imported steel.");
    EXPECT_EQ(kindOf(f, "Good Neighbour policy"), Kind::Policy);
    EXPECT_EQ(kindOf(f, "tariffs on imported steel"), Kind::Policy);
}

// Found by fuzzing (fuzz/corpus/AnalyzerFuzzer/crash-measure-at-text-end): a measure
// ending the text made the finder read the token past the last one.
TEST(MentionFinder, MeasureAtTheEndOfTheText) {
    EXPECT_EQ(kindOf(find("tariff on s"), "tariff on s"), Kind::Policy);
    EXPECT_EQ(kindOf(find("New tariffs on steel"), "tariffs on steel"), Kind::Policy);
}

TEST(MentionFinder, InstitutionsAndLandmarksByTheirHeadWord) {
    const auto f = find("Delegates left the Palace of Nations for the Ministry of Water and Irrigation.");
    EXPECT_EQ(kindOf(f, "Palace of Nations"), Kind::Place);
    EXPECT_EQ(kindOf(f, "Ministry of Water and Irrigation"), Kind::Organization);
}

TEST(MentionFinder, SentenceOpeningWordsAreNotNames) {
    const auto f = find("Tensions rose. But Mr Okafor said nothing. Meanwhile Lagos waited.");
    EXPECT_NE(kindOf(f, "Tensions"), Kind::Person);  // at most a candidate the linker drops
    EXPECT_FALSE(with(f, "But Mr Okafor"));
    EXPECT_EQ(kindOf(f, "Okafor"), Kind::Person);
    EXPECT_EQ(kindOf(f, "Lagos"), Kind::Place);
}

TEST(MentionFinder, UnlistedAcronymIsAnOrganisationButCommonAbbreviationsAreNot) {
    const auto f = find("The ZNBC reported that the PM would speak on TV.");
    EXPECT_EQ(kindOf(f, "ZNBC"), Kind::Organization);
    EXPECT_NE(kindOf(f, "PM"), Kind::Organization);
    EXPECT_NE(kindOf(f, "TV"), Kind::Organization);
}

TEST(MentionFinder, ADateAfterAPlaceIsNoPartOfItsName) {
    const auto found = find("Leicestershire won at Grace Road on Saturday, and at the Institute for Peace in May.");
    EXPECT_EQ(kindOf(found, "Grace Road"), Kind::Place);
    EXPECT_FALSE(with(found, "Grace Road on Saturday"));
    EXPECT_EQ(kindOf(found, "Institute for Peace"), Kind::Organization);
}

TEST(MentionFinder, PolicyMakersAreNoPolicy) {
    const auto found = find("Federal Reserve policy-makers had wanted a pause, unlike the One China policy.");
    for (const Found& f : found) EXPECT_FALSE(f.kind == Kind::Policy && f.text.find("Reserve") != std::string::npos) << f.text;
    EXPECT_EQ(kindOf(found, "One China policy"), Kind::Policy);
}
