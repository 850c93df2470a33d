#include "core/storage/Library.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"

namespace dossier::core {

namespace {
Database openConfigured(const std::string& path) {
    const QString dir = QFileInfo(QString::fromStdString(path)).absolutePath();
    if (!QDir().mkpath(dir))
        throw StorageError(StorageError::Kind::ReadOnly,
                           "cannot create the folder " + dir.toStdString() + " for library " + path);
    Database db(path, Database::Mode::ReadWriteCreate);
    if (db.isReadOnly())
        throw StorageError(StorageError::Kind::ReadOnly,
                           "library " + path + " is read-only: Dossier needs to write to it (check its permissions)");
    db.setBusyTimeout(std::chrono::seconds(5));
    // The first real read: a file that is not SQLite fails here with a clear message.
    db.exec("PRAGMA foreign_keys = ON");
    auto wal = db.prepare("PRAGMA journal_mode = WAL");
    wal.step();
    // FULL: an annotation reported saved survives a power cut, not just a crash.
    db.exec("PRAGMA synchronous = FULL");
    // 32 MiB of pages instead of SQLite's 2: a large library's indexes and full-text
    // segments stay in memory instead of being read again through system calls.
    db.exec("PRAGMA cache_size = -32768");
    return db;
}
}  // namespace

std::string Library::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("library.dossier")).toStdString();
}

Library::Library(const std::string& path) : db_(openConfigured(path)) {
    migrations::migrate(db_);
    articles_ = std::make_unique<ArticleRepository>(db_);
    analyses_ = std::make_unique<AnalysisRepository>(db_);
    annotations_ = std::make_unique<AnnotationRepository>(db_);
    entities_ = std::make_unique<EntityRepository>(db_);
}

Library::~Library() = default;

int Library::schemaVersion() { return migrations::schemaVersion(db_); }

void Library::limitGrowth(std::int64_t pages) {
    auto count = db_.prepare("PRAGMA page_count");
    count.step();
    const std::int64_t now = count.int64(0);
    db_.exec("PRAGMA max_page_count = " + std::to_string(now + pages));
}

std::string Library::queryPlan(const std::string& sql) {
    auto st = db_.prepare("EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (st.step()) plan += st.text(3) + "\n";
    return plan;
}

}  // namespace dossier::core
