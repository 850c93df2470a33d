// Libraries written by earlier versions of Dossier open in this one with nothing lost.
// tests/fixtures/library-vN.dossier are files as schema version N wrote them (made by
// tools/fixtures/make-schema-fixtures.sh); each test opens a copy, never the file itself.
#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "core/storage/Migrations.h"
#include "core/storage/Statement.h"
#include "tests/support/TempLibrary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

using namespace dossier::core;
using dossier::test::TempLibrary;

namespace {

QString fixture(int version) {
    return QStringLiteral(DOSSIER_SOURCE_DIR "/tests/fixtures/library-v%1.dossier").arg(version);
}

QByteArray sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A copy of the fixture in the test's own folder, writable like a user's file.
void copyFixture(int version, const TempLibrary& t) {
    const QString to = QString::fromStdString(t.path());
    ASSERT_TRUE(QFile::copy(fixture(version), to)) << fixture(version).toStdString();
    QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

std::int64_t scalar(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

// The rows a user's work is made of, by table: an upgrade must keep every one.
std::map<std::string, std::int64_t> rowCounts(Database& db, int version) {
    std::vector<std::string> tables{"articles",  "entities", "article_entities", "mentions",
                                    "relations", "timex",    "events",           "event_entities"};
    if (version >= 2) tables.insert(tables.end(), {"annotations", "tags", "annotation_tags"});
    std::map<std::string, std::int64_t> out;
    for (const std::string& table : tables) out[table] = scalar(db, "SELECT count(*) FROM " + table);
    if (version >= 3)
        out["merged entities"] = scalar(db, "SELECT count(*) FROM entities WHERE merged_into IS NOT NULL");
    if (version >= 4)
        out["dated entity rows"] = scalar(db, "SELECT count(*) FROM article_entities WHERE published IS NOT NULL");
    return out;
}

// Tables, indexes and triggers as `sqlite_master` records their CREATE statements.
std::map<std::string, std::string> schemaOf(Database& db) {
    std::map<std::string, std::string> out;
    auto st = db.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
    while (st.step()) out[st.text(0)] = st.text(1);
    return out;
}

std::vector<std::string> namesIn(const Analysis& a) {
    std::vector<std::string> names;
    for (const Entity& e : a.entities) names.push_back(e.name);
    std::sort(names.begin(), names.end());
    return names;
}

class SchemaFixture : public ::testing::TestWithParam<int> {};

}  // namespace

// The committed file is what that version wrote: the same schema as today's migration
// steps up to it make (so the script copied them right), and a fully sound file.
TEST_P(SchemaFixture, IsThatVersionsSchemaWithUserData) {
    const int version = GetParam();
    TempLibrary t;
    copyFixture(version, t);
    Database fixtureDb(t.path(), Database::Mode::ReadWrite);
    EXPECT_EQ(migrations::schemaVersion(fixtureDb), version);
    Database fresh(t.dir() + "/fresh.dossier");
    migrations::migrate(fresh, version);
    EXPECT_EQ(schemaOf(fixtureDb), schemaOf(fresh));
    auto check = fixtureDb.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    const auto rows = rowCounts(fixtureDb, version);
    for (const auto& [table, n] : rows)
        EXPECT_GT(n, 0) << table << " is empty: the upgrade of it would go untested";
}

TEST_P(SchemaFixture, UpgradeKeepsEveryArticleMentionAnnotationTagAndMerge) {
    const int version = GetParam();
    const QByteArray committed = sha256Of(fixture(version));
    TempLibrary t;
    copyFixture(version, t);
    std::map<std::string, std::int64_t> before;
    {
        Database db(t.path(), Database::Mode::ReadWrite);
        before = rowCounts(db, version);
    }

    Library& lib = t.library();  // opening upgrades
    EXPECT_EQ(lib.schemaVersion(), migrations::kLatestVersion);
    {
        Database db(t.path(), Database::Mode::ReadWrite);
        EXPECT_EQ(rowCounts(db, version), before);
        EXPECT_EQ(scalar(db,
                         "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                         "WHERE m.text <> substr(a.text, m.start + 1, m.\"end\" - m.start)"),
                  0);
        auto check = db.prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check.step());
        EXPECT_EQ(check.text(0), "ok");
    }

    // What the reader sees.
    std::vector<std::string> titles;
    for (const ArticleSummary& a : lib.articles().list()) titles.push_back(a.meta.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Leaders meet in Ottawa", "Cod quotas cut in the Barents Sea",
                                                "Dock strike in Tromsø"}));
    const auto quotas = lib.articles().search("quotas");
    ASSERT_EQ(quotas.size(), 1u);
    const ArticleId quotasId = quotas[0].article.id;
    const Analysis analysis = lib.analyses().load(quotasId);
    if (version >= 3) {  // the merge is kept: one entity for both names, with both mentions
        EXPECT_EQ(namesIn(analysis), (std::vector<std::string>{"Barents Sea", "Coastal Fisheries Board",
                                                               "Maria Okafor", "Oslo", "Tromsø"}));
        EXPECT_EQ(lib.entities().canonical(*lib.entities().find("CFB")).name, "Coastal Fisheries Board");
    } else {
        EXPECT_EQ(namesIn(analysis),
                  (std::vector<std::string>{"Barents Sea", "CFB", "Coastal Fisheries Board", "Maria Okafor",
                                            "Oslo", "Tromsø"}));
    }
    const Entity* board = nullptr;
    for (const Entity& e : analysis.entities) board = e.name == "Coastal Fisheries Board" ? &e : board;
    ASSERT_TRUE(board);
    EXPECT_EQ(board->mentions.size(), version >= 3 ? 2u : 1u);
    ASSERT_EQ(analysis.timex.size(), 1u);
    EXPECT_EQ(analysis.timex[0].value, "2025-03-10");
    ASSERT_EQ(analysis.relations.size(), 1u);
    EXPECT_EQ(analysis.relations[0].type, "member_of");

    // The entity profile reads the publication dates version 4 copied next to each entity.
    const EntityProfile okafor = lib.entities().profile(*lib.entities().find("Maria Okafor"));
    EXPECT_EQ(okafor.articleCount, 2);
    ASSERT_EQ(okafor.articles.size(), 2u);
    EXPECT_EQ(okafor.articles[0].article.meta.title,
              "Cod quotas cut in the Barents Sea");  // dated before undated

    // Search: words in any case, phrases, entity filter.
    EXPECT_EQ(lib.articles().search("Tromsø").size(), version >= 2 ? 3u : 2u);  // and a note, from v2
    EXPECT_EQ(lib.articles().search("CODS OR cod").size(), 1u);                 // any case
    EXPECT_EQ(lib.articles().search("\"top the agenda\"").size(), 1u);
    SearchFilter people;
    people.entity = "Maria Okafor";
    EXPECT_EQ(lib.articles().search("Tromsø", people).size(), 2u);

    if (version >= 2) {
        const auto notes = lib.annotations().forArticle(quotasId);
        ASSERT_EQ(notes.size(), 2u);
        EXPECT_EQ(notes[0].quote, "cod quotas in the Barents Sea would fall by a fifth");
        EXPECT_EQ(notes[0].note, "check the quota figure against the advice");
        EXPECT_EQ(notes[0].color, "#a5d6a7");
        EXPECT_EQ(notes[0].tags, (std::vector<std::string>{"check", "fisheries"}));
        EXPECT_EQ(notes[1].quote, "“a blow to every harbour”");
        EXPECT_TRUE(notes[1].tags.empty());
        // The annotation still finds its passage, and notes and tags are searched.
        EXPECT_EQ(AnnotationRepository::locate(notes[0], lib.articles().get(quotasId)->text), notes[0].span);
        const auto byNote = lib.articles().search("advice");  // only in a note
        ASSERT_EQ(byNote.size(), 1u);
        EXPECT_EQ(byNote[0].article.meta.title, "Cod quotas cut in the Barents Sea");
        SearchFilter tagged;
        tagged.tag = "follow-up";
        const auto byTag = lib.articles().search("leaders", tagged);
        ASSERT_EQ(byTag.size(), 1u);
        EXPECT_EQ(byTag[0].article.meta.title, "Leaders meet in Ottawa");
    }
    // Upgraded libraries take new work like new ones: a new article is found by search
    // (version 5 indexes it from the repository instead of a trigger), and annotated.
    dossier::test::importText(lib, "Herring season opens", Date{2025, 4, 1}, "Herring boats left Tromsø at dawn.");
    EXPECT_EQ(lib.articles().search("herring").size(), 1u);
    EXPECT_EQ(lib.articles().search("Tromsø").size(), version >= 2 ? 4u : 3u);
    Annotation a;
    a.article = quotasId;
    a.span = {4, 27};
    a.tags = {"fisheries"};
    EXPECT_NO_THROW(lib.annotations().add(a));

    EXPECT_EQ(sha256Of(fixture(version)), committed) << "the committed fixture was changed";
}

INSTANTIATE_TEST_SUITE_P(Versions, SchemaFixture, ::testing::Values(1, 2, 3, 4),
                         [](const ::testing::TestParamInfo<int>& p) {
                             return "v" + std::to_string(p.param);
                         });
