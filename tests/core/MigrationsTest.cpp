#include "core/storage/Migrations.h"

#include <QFile>

#include <gtest/gtest.h>

#include "core/storage/AnalysisRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;

namespace {
// An entity with one mention, written as schema versions 1 to 3 wrote it (the
// repositories of today write today's columns).
void storeOldMention(Database& db, ArticleId article, const std::string& name, const std::string& type,
                     const std::string& local, Offset start, Offset end, const std::string& text) {
    auto entity = db.prepare("INSERT INTO entities (name, type) VALUES (?1, ?2)");
    entity.bind(1, name).bind(2, type).run();
    const std::int64_t id = db.lastInsertRowId();
    auto link = db.prepare("INSERT INTO article_entities (article_id, entity_id, local_id) VALUES (?1, ?2, ?3)");
    link.bind(1, article).bind(2, id).bind(3, local).run();
    auto mention = db.prepare(
        "INSERT INTO mentions (article_id, entity_id, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)");
    mention.bind(1, article).bind(2, id).bind(3, start).bind(4, end).bind(5, text).run();
}
}  // namespace

TEST(Migrations, NewLibraryIsAtTheLatestVersion) {
    TempLibrary t;
    EXPECT_EQ(t.library().schemaVersion(), migrations::kLatestVersion);
}

TEST(Migrations, VersionOneLibraryUpgradesWithoutLosingArticlesOrAnalysis) {
    TempLibrary t;
    {
        // A library as the first schema version wrote it, with an article and a mention.
        Database db(t.path());
        db.exec("PRAGMA foreign_keys = ON");
        migrations::migrate(db, 1);
        ASSERT_EQ(migrations::schemaVersion(db), 1);
        ArticleRepository articles(db);
        ArticleMeta meta;
        meta.title = "Old article";
        meta.published = Date(2025, 3, 1);
        const auto id = articles.add(meta, "Seoul and Tokyo held talks.").id;
        storeOldMention(db, id, "Seoul", "place", "place/seoul", 0, 5, "Seoul");
    }
    Library& lib = t.library();  // opening upgrades
    EXPECT_EQ(lib.schemaVersion(), migrations::kLatestVersion);
    const auto list = lib.articles().list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].meta.title, "Old article");
    EXPECT_EQ(lib.articles().search("Tokyo").size(), 1u);
    const Analysis a = lib.analyses().load(list[0].id);
    ASSERT_EQ(a.entities.size(), 1u);
    EXPECT_EQ(a.entities[0].mentions.at(0).text, "Seoul");
    // Version 4 copied the publication date next to the entity: its newest articles come from there.
    const auto seoul = lib.entities().find("Seoul");
    ASSERT_TRUE(seoul);
    const EntityProfile p = lib.entities().profile(*seoul);
    EXPECT_EQ(p.articleCount, 1);
    ASSERT_EQ(p.articles.size(), 1u);
    EXPECT_EQ(p.articles[0].article.meta.title, "Old article");
}

TEST(Migrations, VersionTwoLibraryUpgradesKeepingItsEntitiesAndCanMergeThem) {
    TempLibrary t;
    ArticleId id = 0;
    {
        Database db(t.path());
        db.exec("PRAGMA foreign_keys = ON");
        migrations::migrate(db, 2);
        ASSERT_EQ(migrations::schemaVersion(db), 2);
        ArticleMeta meta;
        meta.title = "Two names";
        id = ArticleRepository(db).add(meta, "The CFB and the Coastal Fisheries Board.").id;
        storeOldMention(db, id, "CFB", "organization", "organization/cfb", 4, 7, "CFB");
        storeOldMention(db, id, "Coastal Fisheries Board", "organization", "organization/coastal-fisheries-board", 16,
                        39, "Coastal Fisheries Board");
    }
    Library& lib = t.library();
    EXPECT_EQ(lib.schemaVersion(), migrations::kLatestVersion);
    const Analysis before = lib.analyses().load(id);
    ASSERT_EQ(before.entities.size(), 2u);  // the rows are kept, nothing merged yet
    EXPECT_EQ(before.entities[0].name, "CFB");
    EXPECT_EQ(before.entities[1].mentions.at(0).text, "Coastal Fisheries Board");

    const auto cfb = lib.entities().find("CFB");
    const auto board = lib.entities().find("Coastal Fisheries Board");
    ASSERT_TRUE(cfb && board);
    lib.entities().merge(*cfb, *board);
    const Analysis after = lib.analyses().load(id);
    ASSERT_EQ(after.entities.size(), 1u);
    EXPECT_EQ(after.entities[0].name, "Coastal Fisheries Board");
    EXPECT_EQ(after.entities[0].mentions.size(), 2u);
}

TEST(Migrations, LibraryFromANewerDossierIsRefusedAndLeftUntouched) {
    TempLibrary t;
    t.library();
    t.close();
    {
        Database db(t.path());
        db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    try {
        Library lib(t.path());
        FAIL() << "a newer schema must be refused";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::NewerSchema);
        EXPECT_NE(std::string(e.what()).find("newer Dossier"), std::string::npos);
    }
    Database db(t.path());
    EXPECT_EQ(migrations::schemaVersion(db), 99);
}

TEST(Migrations, FileThatIsNotSqliteIsRefusedWithAClearMessage) {
    TempLibrary t;
    QFile f(QString::fromStdString(t.path()));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    try {
        Library lib(t.path());
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::NotALibrary);
        EXPECT_NE(std::string(e.what()).find("not a Dossier library"), std::string::npos);
    }
    f.open(QIODevice::ReadOnly);
    EXPECT_EQ(f.readAll(), QByteArray(4096, 'x'));  // nothing written over it
}

TEST(Migrations, OtherSqliteDatabaseIsNotTakenOver) {
    TempLibrary t;
    {
        Database db(t.path());
        db.exec("CREATE TABLE contacts (name TEXT)");
    }
    try {
        Library lib(t.path());
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::NotALibrary);
    }
}
