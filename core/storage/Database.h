#pragma once

#include <cstdint>
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
    // Repositories prepare the same few statements for every article; a finished
    // statement goes back to a small cache instead of being compiled again.
    Statement prepare(std::string_view sql);
    bool inTransaction() const;
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

    static constexpr std::size_t kCacheSize = 64;
    sqlite3* db_ = nullptr;
    std::string path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace dossier::core
