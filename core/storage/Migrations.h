#pragma once

namespace dossier::core {

class Database;

// The library schema's history. Each step takes a library from version N-1 to N;
// migrate() applies the missing steps in order inside one transaction, so a file is
// either fully upgraded or left as it was. docs/schema.md describes the result.
namespace migrations {

constexpr int kLatestVersion = 5;

// The version a library file is at; 0 for an empty (new) file.
int schemaVersion(Database& db);

// Brings the library to targetVersion (tests use older targets to make old files).
// Throws StorageError when the file is newer than this program or not a library.
void migrate(Database& db, int targetVersion = kLatestVersion);

}  // namespace migrations
}  // namespace dossier::core
