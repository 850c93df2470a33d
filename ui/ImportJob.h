#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>
#include <string>

namespace dossier::ui {

// A batch import on a worker thread, with its own connection to the library (SQLite
// connections are not shared across threads), so the window never waits for it.
class ImportJob : public QObject {
    Q_OBJECT
public:
    ImportJob(std::string libraryPath, QStringList files);
    void cancel() { cancelled_ = true; }  // any thread

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progress(int done, int total, const QString& current);
    void finished(int imported, int duplicates, const QStringList& refused, bool cancelled);

private:
    std::string libraryPath_;
    QStringList files_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace dossier::ui
