#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace dossier::core {

// A library file could not be read or written. what() is meant for the user:
// it names the file or the operation and says what is wrong.
class StorageError : public std::runtime_error {
public:
    enum class Kind { Generic, NotALibrary, Corrupt, ReadOnly, Busy, NewerSchema, Full, BadQuery };
    StorageError(Kind kind, const std::string& message, std::string detail = {})
        : std::runtime_error(message), kind_(kind), detail_(std::move(detail)) {}
    explicit StorageError(const std::string& message) : StorageError(Kind::Generic, message) {}
    Kind kind() const { return kind_; }
    const std::string& detail() const { return detail_; }  // SQLite's own words, when it said something

private:
    Kind kind_;
    std::string detail_;
};

}  // namespace dossier::core
