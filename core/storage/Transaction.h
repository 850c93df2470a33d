#pragma once

namespace dossier::core {

class Database;
class Library;

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() was
// called, so an exception anywhere in between leaves the library as it was.
// Inside an open transaction it is a SAVEPOINT instead: a batch can group many
// articles in one commit and still drop a failed one alone.
class Transaction {
public:
    explicit Transaction(Database& db);
    explicit Transaction(Library& library);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    bool isSavepoint() const { return savepoint_; }

private:
    Database& db_;
    bool savepoint_ = false;
    bool done_ = false;
};

}  // namespace dossier::core
