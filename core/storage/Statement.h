#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace dossier::core {

class Database;

// A prepared statement, finalized when it goes out of scope. Parameters are 1-based
// as in SQLite; columns are 0-based.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::string>& value);
    Statement& bindTextOrNull(int index, std::string_view value);  // empty text is stored as NULL

    // Steps once: true when a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;  // NULL reads as ""
    std::optional<std::string> optionalText(int column) const;

private:
    friend class Database;
    Statement(Database& db, std::string sql, sqlite3_stmt* cached) : db_(&db), stmt_(cached), sql_(std::move(sql)) {}

    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;  // the cache key it returns under
};

}  // namespace dossier::core
