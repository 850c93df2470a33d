#include "ui/ImportJob.h"

#include <QFileInfo>

#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/storage/Library.h"
#include "core/import/ImportError.h"
#include "core/storage/StorageError.h"
#include "net/HttpFetcher.h"

namespace dossier::ui {

ImportJob::ImportJob(std::string libraryPath, QStringList files, core::Analyzer::Names names)
    : libraryPath_(std::move(libraryPath)), files_(std::move(files)), names_(names) {}

ImportJob* ImportJob::feed(std::string libraryPath, const QString& fileOrUrl, core::Analyzer::Names names) {
    auto* job = new ImportJob(std::move(libraryPath), {}, names);
    job->feed_ = fileOrUrl;
    return job;
}

void ImportJob::runFeed() {
    QStringList problems;
    try {
        core::Library library(libraryPath_);
        const core::Analyzer analyzer(names_);
        const net::HttpFetcher fetcher;
        const auto result = core::BatchImport::importFeed(
            library, analyzer, feed_.toStdString(), &fetcher, [this](int done, int total, const std::string& current) {
                Q_EMIT progress(done, total, QString::fromStdString(current));
                return !cancelled_.load();
            });
        for (const auto& [item, why] : result.refused) problems << QString::fromStdString(item + ": " + why);
        for (const auto& [item, why] : result.warnings) problems << QString::fromStdString(item + ": " + why);
        Q_EMIT finished(result.imported, result.duplicates, problems, result.cancelled);
    } catch (const core::ImportError& e) {
        Q_EMIT finished(0, 0, {QString::fromUtf8(e.what())}, false);
    } catch (const core::StorageError& e) {
        Q_EMIT finished(0, 0, {QString::fromUtf8(e.what())}, false);
    }
}

void ImportJob::run() {
    if (!feed_.isEmpty()) {
        runFeed();
        return;
    }
    QStringList refused;
    try {
        core::Library library(libraryPath_);
        const core::Analyzer analyzer(names_);
        std::vector<std::string> paths;
        for (const QString& f : files_) paths.push_back(f.toStdString());
        const auto files = core::BatchImport::expand(paths);
        const auto result = core::BatchImport::run(library, analyzer, files, [this](int done, int total, const std::string& current) {
            Q_EMIT progress(done, total, QFileInfo(QString::fromStdString(current)).fileName());
            return !cancelled_.load();
        });
        for (const auto& [file, why] : result.refused) refused << QString::fromStdString(why);
        Q_EMIT finished(result.imported, result.duplicates, refused, result.cancelled);
    } catch (const core::StorageError& e) {
        Q_EMIT finished(0, 0, {QString::fromUtf8(e.what())}, false);
    }
}

}  // namespace dossier::ui
