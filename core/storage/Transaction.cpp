#include "core/storage/Transaction.h"

#include "core/storage/Database.h"

namespace dossier::core {

// IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout)
// instead of failing halfway through.
Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace dossier::core
