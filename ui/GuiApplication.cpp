#include "ui/GuiApplication.h"

#include <QApplication>
#include <QMessageBox>
#include <QScrollBar>
#include <QElapsedTimer>
#include <QTimer>

#include <spdlog/spdlog.h>
#ifdef __linux__
#include <unistd.h>
#endif

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <iostream>
#include <memory>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "ui/AnalysisSettings.h"
#include "ui/ArticleDocument.h"
#include "ui/ArticleView.h"
#include "ui/MainWindow.h"

namespace dossier::ui {

namespace {
// Seconds since this process started (Linux: /proc), so start-up includes loading
// the program and its libraries, not only what runGui does.
double secondsSinceProcessStart() {
#ifdef __linux__
    std::ifstream stat("/proc/self/stat"), uptime("/proc/uptime");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));  // after "pid (comm) "
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    double up = 0;
    uptime >> up;
    return up - std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
#else
    return 0;
#endif
}

// Opening an article means loading it and its analysis and filling every panel;
// the median of five runs per article, after the window is laid out. Then the
// article's most mentioned entity is selected, which fills the context card with
// that entity across the library. A large library is sampled (20 of its newest 200).
int measureOpening(MainWindow& window, core::Library& library, double startup) {
    QApplication::processEvents();
    std::printf("start-up to a painted window: %.0f ms (since the process started)\n", startup * 1000);
    std::printf("%-8s %-10s %-10s %-11s %-12s %s\n", "words", "open(ms)", "max(ms)", "entity(ms)", "scroll(ms)", "title");
    const auto newest = library.articles().list(200);
    const std::size_t stride = newest.size() > 20 ? newest.size() / 20 : 1;
    for (std::size_t i = 0; i < newest.size(); i += stride) {
        const auto& a = newest[i];
        std::vector<double> ms;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            window.document()->open(a.id);
            QApplication::processEvents();
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        const core::Entity* best = nullptr;
        for (const auto& e : window.document()->analysis().entities)
            if (!best || e.mentions.size() > best->mentions.size()) best = &e;
        double entityMs = 0;
        if (best) {
            QElapsedTimer timer;
            timer.start();
            window.showEntity(QString::fromStdString(best->id));
            QApplication::processEvents();
            entityMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        }
        // Scrolling: twenty jumps through the whole text, each painted, as a reader dragging the bar.
        QScrollBar* bar = window.articleView()->verticalScrollBar();
        QElapsedTimer scroll;
        scroll.start();
        constexpr int kSteps = 20;
        for (int step = 1; step <= kSteps; ++step) {
            bar->setValue(bar->maximum() * step / kSteps);
            window.articleView()->viewport()->repaint();
        }
        const double scrollMs = static_cast<double>(scroll.nsecsElapsed()) / 1e6 / kSteps;
        const auto words = QString::fromStdString(window.document()->article().text).split(u' ', Qt::SkipEmptyParts).size();
        std::printf("%-8lld %-10.1f %-10.1f %-11.1f %-12.1f %s\n", static_cast<long long>(words), ms[2], ms[4], entityMs,
                    scrollMs, a.meta.title.substr(0, 60).c_str());
    }
    return 0;
}
}  // namespace

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

    const core::Analyzer analyzer(AnalysisSettings::names());
    core::ArticleImporter importer(*library, analyzer);
    QStringList refused;
    try {
        if (library->articles().list(1).empty()) importer.importBundledSamples();  // without counting them all
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

    if (options.measureOpen) {
        QApplication::processEvents();  // shown and painted
        return measureOpening(window, *library, secondsSinceProcessStart());
    }
    if (!options.screenshot.empty()) {
        // Show the article's most mentioned person, so the picture shows a selection too.
        if (window.document()->isOpen()) {
            const core::Entity* best = nullptr;
            for (const auto& e : window.document()->analysis().entities)
                if (e.type == core::EntityType::Person && (!best || e.mentions.size() > best->mentions.size())) best = &e;
            if (best) window.showEntity(QString::fromStdString(best->id));
        }
        QTimer::singleShot(300, &window, [&] {
            const bool ok = window.grab().save(QString::fromStdString(options.screenshot));
            if (!ok) std::cerr << "dossier: cannot write the screenshot " << options.screenshot << "\n";
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}

}  // namespace dossier::ui
