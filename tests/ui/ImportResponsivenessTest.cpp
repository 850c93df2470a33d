// The window keeps answering while a large folder imports in the background: a timer
// every 10 ms records the longest time between two turns of the event loop, from the
// moment the import is asked for until its result is shown, and prints it (the issue's
// bound is 100 ms; the figure goes in docs/reliability.md, never in an assertion, which
// would fail on a loaded machine). DOSSIER_RESPONSIVENESS_ARTICLES=N changes the number of
// articles (default in kDefaultArticles).
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "tests/support/GeneratedArticles.h"
#include "tests/support/TempLibrary.h"
#include "ui/MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <vector>

using namespace dossier;

namespace {
constexpr int kDefaultArticles = 10000;
}  // namespace

TEST(ImportResponsiveness, WindowAnswersWithinATenthOfASecondWhileAFolderOfArticlesImports) {
    bool ok = false;
    const int count = qEnvironmentVariableIntValue("DOSSIER_RESPONSIVENESS_ARTICLES", &ok);
    const int articles = ok && count > 0 ? count : kDefaultArticles;
    QCoreApplication::setOrganizationName(QStringLiteral("DossierTest"));
    test::TempLibrary t;
    const auto first =
        test::importText(t.library(), "Already here", core::Date(2025, 1, 2), "Talks in Oslo on Monday.");
    const std::string folder =
        QDir(QString::fromStdString(t.dir())).filePath(QStringLiteral("news")).toStdString();
    test::writeArticles(folder, "g", articles);

    ui::MainWindow window(t.library());
    window.show();
    window.openArticle(first);
    QCoreApplication::processEvents();

    QElapsedTimer clock;
    std::vector<qint64> gaps;
    qint64 last = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        gaps.push_back(now - last);
        last = now;
    });
    int imported = -1;
    QStringList refused;
    QEventLoop loop;
    QObject::connect(&window, &ui::MainWindow::importFinished, [&](int n, const QStringList& r) {
        imported = n;
        refused = r;
        // One more turn, so the time the window took to show the result is measured too.
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);  // a hung import fails below, not the test runner

    clock.start();
    tick.start();
    window.importFiles({QString::fromStdString(folder)});
    loop.exec();
    tick.stop();
    const qint64 elapsed = clock.elapsed();

    ASSERT_EQ(imported, articles) << refused.join(u'\n').toStdString();
    EXPECT_EQ(t.library().articles().count(), articles + 1);
    ASSERT_FALSE(gaps.empty());
    std::sort(gaps.begin(), gaps.end());
    const qint64 maxGap = gaps.back();
    const qint64 p99 = gaps[gaps.size() * 99 / 100];
    std::cout << "[ figures  ] " << articles << " articles imported in " << elapsed << " ms ("
              << (articles * 1000LL / std::max<qint64>(elapsed, 1))
              << " per second); event loop: " << gaps.size() << " turns, longest gap " << maxGap
              << " ms, 99th percentile " << p99 << " ms" << std::endl;
    // Timings are figures, not assertions (docs/reliability.md has them): what must hold
    // is that the window kept answering while the import ran off its thread.
    ::testing::Test::RecordProperty("longest_event_loop_gap_ms", static_cast<int>(maxGap));
    EXPECT_GT(gaps.size(), 10u) << "the event loop hardly turned during the import";
}
