#include "ui/GuiApplication.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "ui/MainWindow.h"

namespace dossier::ui {

int runGui(int& argc, char** argv, const GuiOptions& options) {
    QApplication app(argc, argv);
    spdlog::set_level(spdlog::level::warn);
    const std::string path = options.library.empty() ? core::Library::defaultPath() : options.library;
    std::unique_ptr<core::Library> library;
    try {
        library = std::make_unique<core::Library>(path);
    } catch (const core::StorageError& e) {
        std::cerr << "dossier: " << e.what() << "\n";
        if (options.screenshot.empty())
            QMessageBox::critical(nullptr, QObject::tr("Dossier"),
                                  QObject::tr("The library cannot be opened.\n\n%1").arg(QString::fromUtf8(e.what())));
        return 1;
    }

    core::Analyzer analyzer;
    core::ArticleImporter importer(*library, analyzer);
    QStringList refused;
    try {
        if (library->articles().count() == 0) importer.importBundledSamples();
        for (const auto& file : options.files) {
            try {
                importer.importFile(file);
            } catch (const core::ImportError& e) {
                refused << QString::fromUtf8(e.what());
            }
        }
    } catch (const core::StorageError& e) {
        refused << QString::fromUtf8(e.what());
    }

    MainWindow window(*library);
    window.show();
    for (const QString& r : refused) std::cerr << "dossier: refused " << r.toStdString() << "\n";
    if (!refused.isEmpty() && options.screenshot.empty())
        QMessageBox::warning(&window, QObject::tr("Some files were not imported"), refused.join(u'\n'));

    if (!options.screenshot.empty()) {
        QTimer::singleShot(200, &window, [&] {
            const bool ok = window.grab().save(QString::fromStdString(options.screenshot));
            if (!ok) std::cerr << "dossier: cannot write the screenshot " << options.screenshot << "\n";
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}

}  // namespace dossier::ui
