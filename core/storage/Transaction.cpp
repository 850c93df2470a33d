#include "core/storage/Transaction.h"

#include "core/storage/Database.h"
#include "core/storage/Library.h"

namespace dossier::core {

// IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout)
// instead of failing halfway through.
Transaction::Transaction(Database& db) : db_(db), savepoint_(db.inTransaction()) {
    db_.exec(savepoint_ ? "SAVEPOINT dossier_nested" : "BEGIN IMMEDIATE");
}

Transaction::Transaction(Library& library) : Transaction(library.db_) {}

Transaction::~Transaction() {
    if (done_) return;
    try {
        // A savepoint rolled back stays on the stack until released.
        db_.exec(savepoint_ ? "ROLLBACK TO dossier_nested; RELEASE dossier_nested" : "ROLLBACK");
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void Transaction::commit() {
    db_.exec(savepoint_ ? "RELEASE dossier_nested" : "COMMIT");
    done_ = true;
}

}  // namespace dossier::core
