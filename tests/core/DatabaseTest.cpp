#include "core/storage/Database.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "core/storage/Transaction.h"

using namespace dossier::core;

namespace {
class DatabaseTest : public ::testing::Test {
protected:
    QTemporaryDir dir;
    std::string path = QDir(dir.path()).filePath(QStringLiteral("db.sqlite")).toStdString();
    Database db{path};
    void SetUp() override { db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"); }
    std::int64_t rows() {
        auto st = db.prepare("SELECT count(*) FROM t");
        st.step();
        return st.int64(0);
    }
};
}  // namespace

TEST_F(DatabaseTest, StatementBindsAndReadsTextWithNonAscii) {
    db.prepare("INSERT INTO t (name) VALUES (?1)").bind(1, "서울 “quoted”").run();
    auto st = db.prepare("SELECT name FROM t WHERE id = ?1");
    st.bind(1, db.lastInsertRowId());
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "서울 “quoted”");
    EXPECT_FALSE(st.step());
}

TEST_F(DatabaseTest, TransactionWithoutCommitRollsBack) {
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t (name) VALUES ('a')").run();
    }
    EXPECT_EQ(rows(), 0);
}

TEST_F(DatabaseTest, TransactionRollsBackWhenAnErrorIsThrownHalfway) {
    try {
        Transaction tx(db);
        db.prepare("INSERT INTO t (name) VALUES ('a')").run();
        db.prepare("INSERT INTO t (name) VALUES (NULL)").run();  // violates NOT NULL
        tx.commit();
        FAIL() << "the constraint violation should have thrown";
    } catch (const StorageError&) {
    }
    EXPECT_EQ(rows(), 0);
}

TEST_F(DatabaseTest, CommittedTransactionKeepsItsRows) {
    Transaction tx(db);
    db.prepare("INSERT INTO t (name) VALUES ('a')").run();
    tx.commit();
    EXPECT_EQ(rows(), 1);
}

TEST_F(DatabaseTest, NestedTransactionRollsBackOnlyItsOwnRows) {
    Transaction outer(db);
    db.prepare("INSERT INTO t (name) VALUES ('kept')").run();
    {
        Transaction inner(db);
        EXPECT_TRUE(inner.isSavepoint());
        db.prepare("INSERT INTO t (name) VALUES ('dropped')").run();
    }
    {
        Transaction inner(db);
        db.prepare("INSERT INTO t (name) VALUES ('also kept')").run();
        inner.commit();
    }
    outer.commit();
    EXPECT_EQ(rows(), 2);
    auto st = db.prepare("SELECT count(*) FROM t WHERE name = 'dropped'");
    st.step();
    EXPECT_EQ(st.int64(0), 0);
    EXPECT_FALSE(db.inTransaction());
}

TEST_F(DatabaseTest, CommittedNestedTransactionIsUndoneWithItsOuterOne) {
    {
        Transaction outer(db);
        Transaction inner(db);
        db.prepare("INSERT INTO t (name) VALUES ('a')").run();
        inner.commit();
    }
    EXPECT_EQ(rows(), 0);
}

TEST_F(DatabaseTest, ReusedStatementStartsWithoutTheLastBindings) {
    db.prepare("INSERT INTO t (name) VALUES (?1)").bind(1, "first").run();
    // The same SQL again comes from the cache: an unbound parameter must be NULL,
    // not the previous value.
    EXPECT_THROW(db.prepare("INSERT INTO t (name) VALUES (?1)").run(), StorageError);
    EXPECT_EQ(rows(), 1);
}

TEST_F(DatabaseTest, SameStatementInNestedLoopsReadsIndependently) {
    for (const char* name : {"a", "b", "c"}) db.prepare("INSERT INTO t (name) VALUES (?1)").bind(1, name).run();
    std::string pairs;
    auto outer = db.prepare("SELECT name FROM t ORDER BY id");
    while (outer.step()) {
        auto inner = db.prepare("SELECT name FROM t ORDER BY id");
        while (inner.step()) pairs += outer.text(0) + inner.text(0) + " ";
    }
    EXPECT_EQ(pairs, "aa ab ac ba bb bc ca cb cc ");
}

TEST_F(DatabaseTest, SyntaxErrorIsAStorageErrorWithSqliteDetail) {
    try {
        db.prepare("SELEC nonsense");
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(e.detail().find("syntax error"), std::string::npos);
    }
}

TEST(Database, MissingFolderCannotBeOpenedReadOnly) {
    EXPECT_THROW(Database("/nonexistent-folder/x.sqlite", Database::Mode::ReadOnly), StorageError);
}
