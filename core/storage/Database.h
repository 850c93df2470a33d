#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;

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
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool isReadOnly() const;
    const std::string& path() const { return path_; }

    // Throws StorageError describing a failed call with result code rc.
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    friend class Statement;
    sqlite3* db_ = nullptr;
    std::string path_;
};

}  // namespace dossier::core
