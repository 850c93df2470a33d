#include "core/analysis/MentionMerger.h"

#include <gtest/gtest.h>

#include <optional>

#include "core/analysis/TextDocument.h"

using namespace dossier::core;
using Kind = RawMention::Kind;

// The merge on sentences we wrote: the rules' mentions come from the real finder, the
// tagger's names are given by hand, so each test pins one rule of the merge whatever
// the bundled model happens to say.
namespace {

const KnowledgeBase& kb() { return KnowledgeBase::bundled(); }

struct Given {
    std::string text;  // first occurrence in the sentence
    NerClass cls;
};

class Merge {
public:
    Merge(std::string text, const std::vector<Given>& names) : text_(std::move(text)), doc_(text_) {
        std::vector<NerName> tagged;
        for (const Given& g : names) tagged.push_back(nameOf(g));
        result_ = MentionMerger(kb()).merge(doc_, MentionFinder(kb()).find(doc_), tagged);
    }

    std::optional<Kind> kindOf(std::string_view text) const {
        const RawMention* m = find(text);
        return m ? std::optional<Kind>(m->kind) : std::nullopt;
    }
    const RawMention* find(std::string_view text) const {
        for (const RawMention& m : result_)
            if (doc_.span(m.first, m.last) == text) return &m;
        return nullptr;
    }
    bool anyContaining(std::string_view word) const {
        for (const RawMention& m : result_)
            if (doc_.span(m.first, m.last).find(word) != std::string_view::npos) return true;
        return false;
    }
    const std::vector<RawMention>& all() const { return result_; }

private:
    NerName nameOf(const Given& g) const {
        for (std::size_t i = 0; i < doc_.tokens.size(); ++i)
            for (std::size_t j = i + 1; j <= doc_.tokens.size(); ++j)
                if (doc_.span(i, j) == g.text) return {i, j, g.cls};
        ADD_FAILURE() << "no tokens spell " << g.text;
        return {};
    }

    std::string text_;  // the document reads it in place
    TextDocument doc_;
    std::vector<RawMention> result_;
};

}  // namespace

TEST(MentionMerger, TaggerFindsANameTheRulesMissed) {
    const Merge m("Shares of Magna rose after the results.", {{"Magna", NerClass::Org}});
    EXPECT_EQ(m.kindOf("Magna"), Kind::Organization);
}

TEST(MentionMerger, TaggerDecidesTheTypeOfAListedPlaceName) {
    // A football club named after its town: the tagger reads the table, the list only knows the town.
    const Merge m("Birmingham beat Barnsley 2-1 on Saturday.", {{"Birmingham", NerClass::Org}, {"Barnsley", NerClass::Org}});
    EXPECT_EQ(m.kindOf("Birmingham"), Kind::Organization);
}

TEST(MentionMerger, AListedCountryBeforeAPossessiveStaysTheCountry) {
    // The tagger takes "India's" for a team as often as not; in "India's economy" it is
    // the country. A side on a scoreboard stays the tagger's organisation.
    EXPECT_EQ(Merge("India's economy grew.", {{"India", NerClass::Org}}).kindOf("India"), Kind::Country);
    EXPECT_EQ(Merge("India beat Pakistan by six wickets.", {{"India", NerClass::Org}}).kindOf("India"), Kind::Organization);
}

TEST(MentionMerger, ListedPlaceTheTaggerAgreesWithKeepsItsCountry) {
    const Merge m("Lee arrived in Beijing on Sunday.", {{"Lee", NerClass::Per}, {"Beijing", NerClass::Loc}});
    const RawMention* beijing = m.find("Beijing");
    ASSERT_TRUE(beijing);
    EXPECT_EQ(beijing->kind, Kind::Place);
    EXPECT_TRUE(beijing->capital);
    EXPECT_EQ(beijing->country, kb().countryByName("China"));
}

TEST(MentionMerger, TaggerSpanWinsAndThePersonKeepsTheRoleTheRulesRead) {
    // The rules stop at "Van" (a particle); the tagger has the whole name.
    const Merge m("Belgian coach Wilfried Van Moer said he was pleased.", {{"Wilfried Van Moer", NerClass::Per}});
    const RawMention* p = m.find("Wilfried Van Moer");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, Kind::Person);
    EXPECT_NE(p->role.find("coach"), std::string::npos) << p->role;
}

TEST(MentionMerger, TheRulesKeepALongerNameOfTheSameKind) {
    const Merge m("Tove Marklund, a researcher at the Uppsala Institute for Peace, spoke.",
                  {{"Tove Marklund", NerClass::Per}, {"Uppsala Institute", NerClass::Org}});
    EXPECT_EQ(m.kindOf("Uppsala Institute for Peace"), Kind::Organization);
    EXPECT_FALSE(m.find("Uppsala Institute"));
}

TEST(MentionMerger, ACompanyHeadOutweighsTheTaggersType) {
    const Merge m("Shares in Jeans Mate Corp fell sharply.", {{"Jeans Mate Corp", NerClass::Per}});
    EXPECT_EQ(m.kindOf("Jeans Mate Corp"), Kind::Organization);
}

TEST(MentionMerger, NamesAcrossACommaOrAPossessiveAreIgnored) {
    const Merge m("According to state broadcaster CCTV, President Xi Jinping will meet Jordan's King Abdullah.",
                  {{"CCTV, President Xi", NerClass::Per}, {"Jordan's King Abdullah", NerClass::Org}});
    EXPECT_EQ(m.kindOf("CCTV"), Kind::Organization);
    EXPECT_EQ(m.kindOf("Xi Jinping"), Kind::Person);
    EXPECT_EQ(m.kindOf("Jordan"), Kind::Country);
    EXPECT_FALSE(m.find("CCTV, President Xi"));
}

TEST(MentionMerger, NamesStartingWithThePronounIAreIgnored) {
    // What the tagger makes of quotes ("I'm OK", "I'll go"); a king or war numbered I
    // stays, and so does a name with the initial I.
    const Merge m("\"I'm OK,\" said Smith. \"I'll go to Leeds.\" I met Charles I after World War I and I. Botham.",
                  {{"I'm OK", NerClass::Per},
                   {"I'll go", NerClass::Org},
                   {"I", NerClass::Loc},
                   {"Charles I", NerClass::Per},
                   {"World War I", NerClass::Misc},
                   {"I. Botham", NerClass::Per}});
    EXPECT_FALSE(m.find("I'm OK"));
    EXPECT_FALSE(m.find("I'll go"));
    EXPECT_NE(m.kindOf("I"), Kind::Place);
    EXPECT_EQ(m.kindOf("Charles I"), Kind::Person);
    EXPECT_EQ(m.kindOf("I. Botham"), Kind::Person);
    EXPECT_EQ(m.kindOf("Leeds"), Kind::Place);
}

TEST(MentionMerger, APersonsHonorificStaysOutOfTheName) {
    // The tagger sometimes takes "Mr" in; the name is then "Mr Ebbers", apart from
    // "Bernie Ebbers" in the article's people.
    const Merge m("Bernie Ebbers resigned. Mr Ebbers and Dr. Jane Smith-Jones denied it. Ms Kite met Lord Kinnock "
                  "at Duke University.",
                  {{"Bernie Ebbers", NerClass::Per},
                   {"Mr Ebbers", NerClass::Per},
                   {"Dr. Jane Smith-Jones", NerClass::Per},
                   {"Ms Kite", NerClass::Org},
                   {"Lord Kinnock", NerClass::Loc},
                   {"Duke University", NerClass::Org}});
    EXPECT_EQ(m.kindOf("Ebbers"), Kind::Person);
    EXPECT_FALSE(m.find("Mr Ebbers"));
    EXPECT_EQ(m.kindOf("Jane Smith-Jones"), Kind::Person);
    EXPECT_FALSE(m.anyContaining("Dr"));
    EXPECT_EQ(m.kindOf("Kite"), Kind::Person) << "an honorific opens a person's name, whatever the tagger's class";
    EXPECT_EQ(m.kindOf("Kinnock"), Kind::Person);
    EXPECT_EQ(m.kindOf("Duke University"), Kind::Organization);
}

TEST(MentionMerger, ALoneSurnameAfterTheFullNameIsThatPerson) {
    // Sports pages: the tagger reads a player's surname as a club ("Gerrard"), or takes
    // the possessive in ("Gerrard's"). Before the full name it has nothing to go on.
    const Merge m("Gerrard stays. Liverpool captain Steven Gerrard scored. Gerrard's goal came late and Gerrard left.",
                  {{"Gerrard", NerClass::Org},
                   {"Liverpool", NerClass::Org},
                   {"Steven Gerrard", NerClass::Per},
                   {"Gerrard's", NerClass::Org},
                   {"Gerrard left", NerClass::Loc}});
    EXPECT_EQ(m.kindOf("Steven Gerrard"), Kind::Person);
    std::vector<Kind> later;
    for (const RawMention& r : m.all())
        if (r.last - r.first == 1 && r.name == "Gerrard" && r.first > 5) later.push_back(r.kind);
    EXPECT_EQ(later, (std::vector<Kind>{Kind::Person})) << "\"Gerrard's goal\": the person, without the 's";
    EXPECT_FALSE(m.anyContaining("Gerrard's"));
    EXPECT_EQ(m.kindOf("Liverpool"), Kind::Organization);
}

TEST(MentionMerger, AnAcronymIsNoSurname) {
    // A slip that ends a person's name on "IMF" does not make the IMF a person.
    const Merge m("Officials told Kay IMF delegates. The IMF sold gold.", {{"Kay IMF", NerClass::Per}, {"IMF", NerClass::Org}});
    const RawMention* imf = nullptr;
    for (const RawMention& r : m.all())
        if (r.name == "IMF" && r.last - r.first == 1) imf = &r;
    ASSERT_TRUE(imf);
    EXPECT_EQ(imf->kind, Kind::Organization);
}

TEST(MentionMerger, ANameInsideAPolicyStaysPartOfIt) {
    const Merge m("Seoul respects the One China policy.", {{"Seoul", NerClass::Loc}, {"China", NerClass::Loc}});
    EXPECT_EQ(m.kindOf("One China policy"), Kind::Policy);
    EXPECT_FALSE(m.find("China"));
}

TEST(MentionMerger, ANameThatReachesPastAPolicyHeadIsNoPolicy) {
    const Merge m("The North Atlantic Treaty Organisation met on Monday.",
                  {{"North Atlantic Treaty Organisation", NerClass::Org}});
    EXPECT_EQ(m.kindOf("North Atlantic Treaty Organisation"), Kind::Organization);
    EXPECT_FALSE(m.anyContaining("Treaty") && m.kindOf("North Atlantic Treaty") == Kind::Policy);
}

TEST(MentionMerger, ARuleNameInsideAnotherKindOfNameIsDropped) {
    // "Chicago PMI" is an index, not the city; "Chinese" still stands for China.
    const Merge m("A rise in the Chicago PMI worried Chinese traders.",
                  {{"Chicago PMI", NerClass::Misc}, {"Chinese", NerClass::Misc}});
    EXPECT_FALSE(m.find("Chicago"));
    const RawMention* chinese = m.find("Chinese");
    ASSERT_TRUE(chinese);
    EXPECT_TRUE(chinese->demonym);
}

TEST(MentionMerger, APersonDescribedAfterTheNameOutweighsAnotherKindOfName) {
    // The model knows "Sri" from "Sri Lanka"; the apposition says a person is named.
    const Merge described("The levy was defended by Sri Wahyuni Hartono, the trade minister.",
                          {{"Sri", NerClass::Misc}});
    const RawMention* person = described.find("Sri Wahyuni Hartono");
    ASSERT_TRUE(person);
    EXPECT_EQ(person->kind, Kind::Person);
    EXPECT_EQ(person->role, "trade minister");
    // A title before a name is no such evidence: "Major" opens the name of a league.
    const Merge titled("Results of Major League Baseball on Sunday.", {{"Major League Baseball", NerClass::Misc}});
    EXPECT_FALSE(titled.anyContaining("League"));
}

TEST(MentionMerger, RuleNamesWithEvidenceStayWhenTheTaggerPassesThemOver) {
    // Neither name is tagged: a listed country and a titled person keep their mentions,
    // a bare capitalised run does not.
    const Merge m("South Korea is a close US ally, said Prime Minister Kim Min-seok at Hanbit Hall.", {});
    EXPECT_EQ(m.kindOf("US"), Kind::Country);
    EXPECT_EQ(m.kindOf("Kim Min-seok"), Kind::Person);
    EXPECT_FALSE(m.find("Hanbit Hall"));
}

TEST(MentionMerger, AListedCityStaysWhereTheTaggerSeesNoNameOrSlips) {
    EXPECT_EQ(Merge("The final will be played in London.", {}).kindOf("London"), Kind::Place);
    const Merge slipped("The final will be played at Lord's in London.", {{"Lord's in London", NerClass::Loc}});
    EXPECT_EQ(slipped.kindOf("London"), Kind::Place);
    EXPECT_FALSE(slipped.find("Lord's in London"));
}

TEST(MentionMerger, ResultIsInTextOrder) {
    const Merge m("Lee met Xi in Beijing before flying to Magna and Shanghai.",
                  {{"Lee", NerClass::Per}, {"Xi", NerClass::Per}, {"Magna", NerClass::Loc}, {"Shanghai", NerClass::Loc}});
    ASSERT_TRUE(m.find("Magna"));
    for (std::size_t i = 1; i < m.all().size(); ++i) EXPECT_LE(m.all()[i - 1].first, m.all()[i].first);
}
