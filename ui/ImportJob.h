#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>
#include <string>

#include "core/analysis/Analyzer.h"

namespace dossier::ui {

// A batch import on a worker thread, with its own connection to the library (SQLite
// connections are not shared across threads), so the window never waits for it.
class ImportJob : public QObject {
    Q_OBJECT
public:
    ImportJob(std::string libraryPath, QStringList files, core::Analyzer::Names names = core::Analyzer::Names::Rules);
    // The items of an RSS or Atom feed, from a file or an http(s) address (fetched now,
    // with the pages of items that carry only a summary).
    static ImportJob* feed(std::string libraryPath, const QString& fileOrUrl,
                           core::Analyzer::Names names = core::Analyzer::Names::Rules);
    void cancel() { cancelled_ = true; }  // any thread

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progress(int done, int total, const QString& current);
    void finished(int imported, int duplicates, const QStringList& refused, bool cancelled);

private:
    void runFeed();

    std::string libraryPath_;
    QStringList files_;
    QString feed_;
    core::Analyzer::Names names_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace dossier::ui
