#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

namespace dossier::core {

class ArticleRepository;
class AnalysisRepository;
class AnnotationRepository;
class EntityRepository;

// One library file: opens (or creates) it, brings its schema up to date, and hands
// out the typed repositories that are the only way to read or write it.
class Library {
public:
    // <user data folder>/library.dossier, from QStandardPaths::AppDataLocation.
    static std::string defaultPath();

    // Throws StorageError with a message for the user when the file cannot be used
    // (not a library, damaged, read-only, newer schema, in use).
    explicit Library(const std::string& path);
    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    const std::string& path() const { return db_.path(); }
    int schemaVersion();

    ArticleRepository& articles() { return *articles_; }
    AnalysisRepository& analyses() { return *analyses_; }
    AnnotationRepository& annotations() { return *annotations_; }
    EntityRepository& entities() { return *entities_; }

    // The SQL of every statement compiled from now on (query-plan checks).
    void observeQueries(std::function<void(const std::string& sql)> observer) {
        db_.observePrepare(std::move(observer));
    }
    // Caps the file at its current size plus `pages` more pages (SQLite's
    // max_page_count): how tests reach the disk-full path without filling a disk.
    void limitGrowth(std::int64_t pages);

    // EXPLAIN QUERY PLAN of a statement, one line per step; parameters are NULL.
    std::string queryPlan(const std::string& sql);

    // Groups writes of several repositories; rolls back unless committed.
    Transaction transaction() { return Transaction(db_); }

private:
    friend class Transaction;
    Database db_;
    std::unique_ptr<ArticleRepository> articles_;
    std::unique_ptr<AnalysisRepository> analyses_;
    std::unique_ptr<AnnotationRepository> annotations_;
    std::unique_ptr<EntityRepository> entities_;
};

}  // namespace dossier::core
