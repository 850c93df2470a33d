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
