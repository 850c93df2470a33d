#include "ui/MainWindow.h"

#include <QImage>
#include <QListView>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"

using namespace dossier;

TEST(MainWindow, OpensTheLibraryWithTheNewestArticleShown) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    core::ArticleImporter(t.library(), analyzer).importBundledSamples();
    ui::MainWindow window(t.library());
    window.show();
    const auto newest = t.library().articles().list().front();
    EXPECT_EQ(window.currentArticle(), newest.id);
    EXPECT_TRUE(window.articleHtml().contains(QString::fromStdString(newest.meta.title).toHtmlEscaped()));
    EXPECT_EQ(window.findChild<QListView*>()->model()->rowCount(), t.library().articles().count());
}

TEST(MainWindow, ChoosingAnotherArticleShowsItsText) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    core::ArticleImporter importer(t.library(), analyzer);
    core::ImportedDocument doc;
    doc.meta.title = "Second";
    doc.text = "Text of the “second” article, with 서울 and 🇰🇷.";
    const auto id = importer.importDocument(doc).id;
    ui::MainWindow window(t.library());
    window.openArticle(id);
    EXPECT_TRUE(window.articleHtml().contains(QStringLiteral("서울")));
}

TEST(MainWindow, RendersToANonEmptyPicture) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    core::ArticleImporter(t.library(), analyzer).importBundledSamples();
    ui::MainWindow window(t.library());
    window.show();
    const QImage image = window.grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 800);
    // Not a blank window: the article text puts many distinct colours on screen.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 10);
}
