#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace dossier::core {

class Statement;

// Owns one SQLite connection. The raw handle never leaves core/storage: repositories
// get statements from here and nothing else.
class Database {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    explicit Database(const std::string& path, Mode mode = Mode::ReadWriteCreate);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    void exec(std::string_view sql);  // one or more statements without parameters
    // A statement that finds the library locked by another connection tries again every
    // millisecond, up to timeout, then fails with StorageError kind Busy.
    void setBusyTimeout(std::chrono::milliseconds timeout);
    // Repositories prepare the same few statements for every article; a finished
    // statement goes back to a small cache instead of being compiled again.
    Statement prepare(std::string_view sql);
    bool inTransaction() const;
    // Called with the SQL of each statement compiled from now on (benchmarks and
    // tests use it to check the query plans of the hot paths).
    void observePrepare(std::function<void(const std::string& sql)> observer) { observer_ = std::move(observer); }
    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool isReadOnly() const;
    const std::string& path() const { return path_; }

    // Throws StorageError describing a failed call with result code rc.
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    friend class Statement;
    void giveBack(std::string sql, sqlite3_stmt* stmt) noexcept;
    void clearCache() noexcept;
    struct BusyWait {
        std::chrono::milliseconds timeout{0};
        std::chrono::steady_clock::time_point since;
    };
    static int retryOnBusy(void* wait, int attempt);

    static constexpr std::size_t kCacheSize = 64;
    sqlite3* db_ = nullptr;
    std::string path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
    std::function<void(const std::string&)> observer_;
    std::unique_ptr<BusyWait> busy_;  // on the heap: SQLite keeps its address across moves
};

}  // namespace dossier::core
