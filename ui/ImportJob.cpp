#include "ui/ImportJob.h"

#include <QFileInfo>

#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"

namespace dossier::ui {

ImportJob::ImportJob(std::string libraryPath, QStringList files) : libraryPath_(std::move(libraryPath)), files_(std::move(files)) {}

void ImportJob::run() {
    QStringList refused;
    try {
        core::Library library(libraryPath_);
        const core::Analyzer analyzer;
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
