// The whole pipeline: the reference article against its hand-made gold analysis
// (when ../shared is present), and traps on sentences of our own.
#include "core/analysis/Analyzer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/import/TextImporter.h"
#include "core/text/TextOffsets.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;

namespace dossier::core {
// Test names read "…/Rules" and "…/RulesAndTagger", not the parameter's bytes.
void PrintTo(Analyzer::Names names, std::ostream* out) {
    *out << (names == Analyzer::Names::Rules ? "Rules" : "RulesAndTagger");
}
}  // namespace dossier::core

namespace {

// Every test runs on both ways of finding names: the rules alone, and with the tagger.
const Analyzer& analyzer(Analyzer::Names names) {
    static const Analyzer rules(Analyzer::Names::Rules);
    static const Analyzer tagger(Analyzer::Names::RulesAndTagger);
    return names == Analyzer::Names::Rules ? rules : tagger;
}

std::string nameOf(const ::testing::TestParamInfo<Analyzer::Names>& info) {
    return info.param == Analyzer::Names::Rules ? "Rules" : "RulesAndTagger";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const Entity* byName(const Analysis& a, const std::string& name) {
    for (const Entity& e : a.entities)
        if (lower(e.name) == lower(name)) return &e;
    return nullptr;
}

std::set<std::string> forms(const Entity& e) {
    std::set<std::string> out;
    for (const Mention& m : e.mentions) out.insert(m.text);
    return out;
}

bool hasRelation(const Analysis& a, const std::string& source, const std::string& type, const std::string& target) {
    const Entity* s = byName(a, source);
    const Entity* t = byName(a, target);
    if (!s || !t) return false;
    const bool symmetric = type == "meets" || type == "tension" || type == "ally" || type == "trade";
    for (const Relation& r : a.relations) {
        if (r.type != type) continue;
        if (r.source == s->id && r.target == t->id) return true;
        if (symmetric && r.source == t->id && r.target == s->id) return true;
    }
    return false;
}

std::string q(const QJsonValue& v) { return v.toString().toStdString(); }

class ReferenceArticle : public ::testing::TestWithParam<Analyzer::Names> {
protected:
    void SetUp() override {
        const std::string shared = dossier::test::sharedDir();
        if (shared.empty()) GTEST_SKIP() << "../shared/ is absent: the reference article cannot be checked here";
        QFile text(QString::fromStdString(shared + "/articles/lee-xi-beijing.txt"));
        QFile gold(QString::fromStdString(shared + "/articles/lee-xi-beijing.gold.json"));
        ASSERT_TRUE(text.open(QIODevice::ReadOnly) && gold.open(QIODevice::ReadOnly));
        const QByteArray bytes = text.readAll();
        doc = TextImporter::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), "lee");
        goldJson = QJsonDocument::fromJson(gold.readAll()).object();
        analysis = analyzer(GetParam()).analyze(doc.text, Date::parseIso(q(goldJson.value(u"published"))));
    }
    ImportedDocument doc;
    QJsonObject goldJson;
    Analysis analysis;
};

// Traps, on sentences written for these tests.
class AnalyzerTraps : public ::testing::TestWithParam<Analyzer::Names> {
protected:
    Analysis analyze(const std::string& text, const Date& published) const {
        return analyzer(GetParam()).analyze(text, published);
    }
};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Names, ReferenceArticle,
                         ::testing::Values(Analyzer::Names::Rules, Analyzer::Names::RulesAndTagger), nameOf);
INSTANTIATE_TEST_SUITE_P(Names, AnalyzerTraps,
                         ::testing::Values(Analyzer::Names::Rules, Analyzer::Names::RulesAndTagger), nameOf);

TEST_P(ReferenceArticle, EveryGoldEntityIsFoundWithItsTypeAndMentionForms) {
    for (const auto& v : goldJson.value(u"entities").toArray()) {
        const QJsonObject g = v.toObject();
        const Entity* e = byName(analysis, q(g.value(u"name")));
        ASSERT_TRUE(e) << "missing entity " << q(g.value(u"name"));
        EXPECT_EQ(toString(e->type), q(g.value(u"type"))) << e->name;
        const auto found = forms(*e);
        for (const auto& f : g.value(u"mentions").toArray())
            EXPECT_TRUE(found.count(q(f))) << e->name << " lacks the mention form " << q(f);
        EXPECT_GE(static_cast<int>(e->mentions.size()), g.value(u"mention_count_at_least").toInt(1)) << e->name;
    }
}

TEST_P(ReferenceArticle, PeopleHaveTheirRolesAndCountries) {
    for (const auto& v : goldJson.value(u"entities").toArray()) {
        const QJsonObject g = v.toObject();
        if (q(g.value(u"type")) != "person") continue;
        const Entity* e = byName(analysis, q(g.value(u"name")));
        ASSERT_TRUE(e) << q(g.value(u"name"));
        const std::string role = lower(e->role);
        bool anyGroup = false;
        for (const auto& group : g.value(u"role_keys").toArray()) {
            bool all = true;
            for (const auto& key : group.toArray()) all = all && role.find(q(key)) != std::string::npos;
            anyGroup = anyGroup || all;
        }
        EXPECT_TRUE(anyGroup) << e->name << " has role '" << e->role << "'";
        EXPECT_EQ(e->country, q(g.value(u"country"))) << e->name;
    }
}

TEST_P(ReferenceArticle, NoPersonThatIsNotAPerson) {
    std::set<std::string> goldPeople;
    for (const auto& v : goldJson.value(u"entities").toArray())
        if (q(v.toObject().value(u"type")) == "person") goldPeople.insert(lower(q(v.toObject().value(u"name"))));
    for (const Entity& e : analysis.entities) {
        if (e.type == EntityType::Person) {
            EXPECT_TRUE(goldPeople.count(lower(e.name))) << "not a person: " << e.name;
        }
    }
}

TEST_P(ReferenceArticle, PlacesKnowTheirCountry) {
    for (const auto& v : goldJson.value(u"entities").toArray()) {
        const QJsonObject g = v.toObject();
        if (q(g.value(u"type")) != "place") continue;
        const Entity* e = byName(analysis, q(g.value(u"name")));
        ASSERT_TRUE(e);
        EXPECT_EQ(e->country, q(g.value(u"country"))) << e->name;
    }
}

TEST_P(ReferenceArticle, TimeExpressionsHaveTheirValues) {
    for (const auto& v : goldJson.value(u"timex").toArray()) {
        const QJsonObject g = v.toObject();
        std::set<std::string> texts{q(g.value(u"text"))};
        for (const auto& alt : g.value(u"alt_text").toArray()) texts.insert(q(alt));
        const auto it = std::find_if(analysis.timex.begin(), analysis.timex.end(),
                                     [&](const Timex& t) { return texts.count(t.text) > 0; });
        ASSERT_NE(it, analysis.timex.end()) << "missing time expression " << q(g.value(u"text"));
        EXPECT_EQ(it->value, q(g.value(u"value"))) << it->text;
        EXPECT_EQ(toString(it->type), q(g.value(u"type"))) << it->text;
    }
}

TEST_P(ReferenceArticle, RequiredRelationsAreFound) {
    for (const auto& v : goldJson.value(u"relations").toArray()) {
        const QJsonObject g = v.toObject();
        if (!g.value(u"must").toBool()) continue;
        EXPECT_TRUE(hasRelation(analysis, q(g.value(u"source")), q(g.value(u"type")), q(g.value(u"target"))))
            << q(g.value(u"source")) << " " << q(g.value(u"type")) << " " << q(g.value(u"target"));
    }
}

TEST_P(ReferenceArticle, ChronologyHasEveryDateInOrder) {
    std::vector<std::string> expected, got;
    for (const auto& v : goldJson.value(u"chronology").toArray()) expected.push_back(q(v.toObject().value(u"when")));
    for (const ChronologyEvent& ev : analysis.chronology)
        if (got.empty() || got.back() != ev.when) got.push_back(ev.when);
    EXPECT_EQ(got, expected);
}

TEST_P(ReferenceArticle, EveryOffsetCoversExactlyItsText) {
    for (const Entity& e : analysis.entities)
        for (const Mention& m : e.mentions) {
            EXPECT_EQ(sliceCodePoints(doc.text, m.span.start, m.span.end), m.text);
        }
    for (const Timex& t : analysis.timex) EXPECT_EQ(sliceCodePoints(doc.text, t.span.start, t.span.end), t.text);
}

TEST_P(AnalyzerTraps, TwoPeopleCalledLeeEachKeepTheirOwnShortMentions) {
    const std::string text =
        "Former South Korean president Lee Myung-bak spoke first. Lee said trade mattered.\n"
        "Singapore's Prime Minister Lee Hsien Loong replied later. Lee said the region needed calm.";
    const Analysis a = analyze(text, Date(2024, 5, 2));
    const Entity* first = byName(a, "Lee Myung-bak");
    const Entity* second = byName(a, "Lee Hsien Loong");
    ASSERT_TRUE(first && second);
    ASSERT_EQ(first->mentions.size(), 2u);
    ASSERT_EQ(second->mentions.size(), 2u);
    EXPECT_LT(first->mentions[1].span.start, second->mentions[0].span.start);
    EXPECT_GT(second->mentions[1].span.start, second->mentions[0].span.start);
    EXPECT_EQ(second->country, "Singapore");
}

TEST_P(AnalyzerTraps, MayTheMonthIsNotThePersonTheresaMay) {
    const Analysis a = analyze("British Prime Minister Theresa May resigned in May after talks failed.",
                                          Date(2019, 6, 10));
    const Entity* may = byName(a, "Theresa May");
    ASSERT_TRUE(may);
    EXPECT_EQ(may->mentions.size(), 1u);
    EXPECT_EQ(may->country, "United Kingdom");
    int people = 0;
    for (const Entity& e : a.entities) people += e.type == EntityType::Person;
    EXPECT_EQ(people, 1);
}

TEST_P(AnalyzerTraps, GeorgiaAfterAnAmericanCityIsAPlaceNotTheCountry) {
    const Analysis a = analyze(
        "Protesters gathered in Atlanta, Georgia, on Sunday. Separately, Georgia's president visited Tbilisi.",
        Date(2024, 5, 5));
    const Entity* state = nullptr;
    const Entity* country = nullptr;
    for (const Entity& e : a.entities) {
        if (e.name != "Georgia") continue;
        (e.type == EntityType::Country ? country : state) = &e;
    }
    ASSERT_TRUE(state && country);
    EXPECT_EQ(state->type, EntityType::Place);
    EXPECT_EQ(state->country, "United States");
    EXPECT_EQ(country->mentions.size(), 1u);
}

TEST_P(AnalyzerTraps, JordanThePersonAndJordanTheCountry) {
    const Analysis a = analyze(
        "Basketball great Michael Jordan said he would visit Amman. Jordan's King Abdullah welcomed him.",
        Date(2024, 5, 5));
    const Entity* person = byName(a, "Michael Jordan");
    ASSERT_TRUE(person);
    EXPECT_EQ(person->type, EntityType::Person);
    const Entity* country = nullptr;
    for (const Entity& e : a.entities)
        if (e.type == EntityType::Country && e.name == "Jordan") country = &e;
    ASSERT_TRUE(country);
    EXPECT_EQ(country->mentions.size(), 1u);
}

TEST_P(AnalyzerTraps, EntityIdsAreLowerCaseWordsJoinedByDashesInAnyScript) {
    // Ids name entities across the library and in exports: the same rule for ASCII names
    // (a fast path) and the others.
    const Analysis a = analyze(
        "French minister Jean-Luc O'Neil met Danish envoy Zoë Ørsted on Monday. O'Neil said the talks went well.",
        Date(2024, 5, 6));
    const Entity* neil = byName(a, "Jean-Luc O'Neil");
    ASSERT_TRUE(neil);
    EXPECT_EQ(neil->id, "person/jean-luc-o-neil");
    EXPECT_EQ(neil->mentions.size(), 2u) << "'O'Neil said' is the same person, with the tagger too";
    const Entity* orsted = byName(a, "Zoë Ørsted");
    ASSERT_TRUE(orsted);
    EXPECT_EQ(orsted->id, "person/zoë-ørsted");
}

TEST_P(AnalyzerTraps, AVerbBeforeAnOrganisationIsNoDescriptionOfIt) {
    const Analysis a = analyze(
        "Not everyone is convinced that selling IMF gold is wise, state broadcaster CCTV reported.", Date(2024, 5, 7));
    for (const Entity& e : a.entities) {
        if (e.name == "CCTV") {
            EXPECT_EQ(e.role, "state broadcaster");
        }
        EXPECT_EQ(e.role.find("selling"), std::string::npos) << e.name << " (" << e.role << ")";
    }
}

TEST_P(AnalyzerTraps, TurkeyInARecipeIsNotACountry) {
    const Analysis a = analyze("Stuff the turkey with herbs, then roast the turkey for three hours.",
                                          Date(2024, 11, 20));
    for (const Entity& e : a.entities) EXPECT_NE(e.type, EntityType::Country) << e.name;
}

TEST_P(AnalyzerTraps, SentenceWithoutEntitiesGivesNone) {
    const Analysis a = analyze("It rained all afternoon, and nobody minded very much.", Date(2024, 5, 5));
    EXPECT_TRUE(a.entities.empty());
    EXPECT_TRUE(a.relations.empty());
}

TEST_P(AnalyzerTraps, UnlistedPeopleAreFoundFromTheTextAlone) {
    const Analysis a = analyze(
        "Tove Marklund, a researcher at the Uppsala Institute for Peace, said the vote was close. "
        "Marklund added that turnout fell.",
        Date(2024, 5, 5));
    const Entity* p = byName(a, "Tove Marklund");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->type, EntityType::Person);
    EXPECT_EQ(p->mentions.size(), 2u);
    EXPECT_NE(p->role.find("researcher"), std::string::npos);
    const Entity* org = byName(a, "Uppsala Institute for Peace");
    ASSERT_TRUE(org);
    EXPECT_EQ(org->type, EntityType::Organization);
}
