#include "core/storage/Database.h"

#include <sqlite3.h>

#include <thread>
#include <utility>

#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"

namespace dossier::core {

namespace {
StorageError::Kind kindOf(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_NOTADB: return StorageError::Kind::NotALibrary;
        case SQLITE_CORRUPT: return StorageError::Kind::Corrupt;
        case SQLITE_READONLY: return StorageError::Kind::ReadOnly;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return StorageError::Kind::Busy;
        case SQLITE_FULL: return StorageError::Kind::Full;
        default: return StorageError::Kind::Generic;
    }
}

std::string explain(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_NOTADB: return "the file is not a Dossier library (not an SQLite database)";
        case SQLITE_CORRUPT: return "the library file is damaged";
        case SQLITE_READONLY: return "the library file is read-only";
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return "the library is in use by another program";
        case SQLITE_FULL: return "the disk is full";
        case SQLITE_CANTOPEN: return "the file cannot be opened";
        default: return {};
    }
}
// SQLite's memory statistics put a global mutex around every allocation; Dossier
// never reads them. Must run before SQLite initialises, so before the first open.
void configureSqliteOnce() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if already initialised: then it stays on
        return true;
    }();
    (void)configured;
}
}  // namespace

Database::Database(const std::string& path, Mode mode) : path_(path) {
    configureSqliteOnce();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        const std::string why = explain(rc);
        throw StorageError(kindOf(rc), "cannot open library " + path + ": " + (why.empty() ? message : why));
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
    clearCache();
    sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)),
      busy_(std::move(other.busy_)) {
    other.cache_.clear();
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        clearCache();
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        cache_ = std::move(other.cache_);
        other.cache_.clear();
        busy_ = std::move(other.busy_);
    }
    return *this;
}

void Database::clearCache() noexcept {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    cache_.clear();
}

void Database::giveBack(std::string sql, sqlite3_stmt* stmt) noexcept {
    sqlite3_reset(stmt);  // ends its read, so a cached statement never holds a snapshot open
    sqlite3_clear_bindings(stmt);
    if (cache_.size() >= kCacheSize || cache_.count(sql)) {
        sqlite3_finalize(stmt);
        return;
    }
    try {
        cache_.emplace(std::move(sql), stmt);
    } catch (...) {
        sqlite3_finalize(stmt);
    }
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (error) sqlite3_free(error);
    if (rc != SQLITE_OK) fail(rc, text);
}

// SQLite's own busy timeout sleeps longer and longer between tries (up to 100 ms), and a
// writer that takes the lock again as soon as it commits (an import, group after group)
// leaves it free only for moments: a note saved meanwhile could wait a second or more,
// the window frozen. Trying every millisecond finds those moments (BatchImport leaves
// one after each group for this).
int Database::retryOnBusy(void* data, int attempt) {
    auto* wait = static_cast<BusyWait*>(data);
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0) wait->since = now;
    if (now - wait->since >= wait->timeout) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

void Database::setBusyTimeout(std::chrono::milliseconds timeout) {
    if (!busy_) busy_ = std::make_unique<BusyWait>();
    busy_->timeout = timeout;
    sqlite3_busy_handler(db_, &Database::retryOnBusy, busy_.get());
}

Statement Database::prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) {
        sqlite3_stmt* stmt = it->second;
        cache_.erase(it);
        return Statement(*this, std::move(key), stmt);
    }
    if (observer_) observer_(key);
    return Statement(*this, sql);
}

bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::isReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

void Database::fail(int rc, std::string_view what) const {
    const std::string why = explain(rc);
    const std::string detail = sqlite3_errmsg(db_);
    std::string message = "library " + path_ + ": ";
    message += why.empty() ? detail : why;
    // The statement helps developers; users get the reason first.
    message += " (while running: " + std::string(what.substr(0, 80)) + ")";
    throw StorageError(kindOf(rc), message, detail);
}

}  // namespace dossier::core
