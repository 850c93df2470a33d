#pragma once

namespace dossier::core {

class Database;

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() was
// called, so an exception anywhere in between leaves the library as it was.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace dossier::core
