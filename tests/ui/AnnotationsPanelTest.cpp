#include "ui/panels/AnnotationsPanel.h"

#include <QColor>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"
#include "ui/panels/AnnotationDialog.h"
#include "ui/panels/AnnotationsModel.h"

using namespace dossier;
using ui::AnnotationsModel;

namespace {

class AnnotationsPanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        core::ArticleImporter(t.library(), analyzer).importBundledSamples();
        article = t.library().articles().list().front().id;
        ASSERT_TRUE(document.open(article));
    }

    // The first annotation: a passage of the newest article with a note and a tag.
    core::AnnotationId annotateFirst() {
        document.annotate({10, 40}, QStringLiteral("#ffd54f"), QStringLiteral("note"),
                          {QStringLiteral("tag")});
        return document.annotations().at(0).id;
    }

    static void save(QWidget& w, const char* name) {
        const QString dir = qEnvironmentVariable("DOSSIER_SCREENSHOTS");
        if (!dir.isEmpty()) w.grab().save(dir + u'/' + QString::fromLatin1(name));
    }

    test::TempLibrary t;
    core::Analyzer analyzer;
    core::ArticleId article = 0;
    ui::ArticleDocument document{t.library(), analyzer};
};

TEST_F(AnnotationsPanelTest, WithoutAnnotationsItSaysHowToMakeOne) {
    ui::AnnotationsPanel panel(&document);
    panel.show();
    EXPECT_EQ(panel.model()->rowCount(), 0);
    auto* empty = panel.findChild<QLabel*>(QStringLiteral("annotationsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_EQ(empty->text(), QStringLiteral("Select a passage and press Ctrl+M to annotate it"));
    EXPECT_FALSE(panel.findChild<QPushButton*>(QStringLiteral("editAnnotation"))->isEnabled());
}

TEST_F(AnnotationsPanelTest, ListsAnAnnotationWithItsQuoteNoteTagAndColour) {
    ui::AnnotationsPanel panel(&document);
    panel.show();
    const core::AnnotationId id = annotateFirst();
    ASSERT_EQ(panel.model()->rowCount(), 1);
    const QModelIndex row = panel.model()->index(0);
    const QString display = row.data(Qt::DisplayRole).toString();
    EXPECT_TRUE(display.contains(QStringLiteral("note"))) << display.toStdString();
    EXPECT_TRUE(display.contains(QStringLiteral("#tag"))) << display.toStdString();
    EXPECT_TRUE(display.contains(document.text().mid(10, 30))) << display.toStdString();
    EXPECT_EQ(row.data(AnnotationsModel::IdRole).toLongLong(), id);
    EXPECT_EQ(row.data(AnnotationsModel::StartRole).toLongLong(), 10);
    EXPECT_EQ(row.data(AnnotationsModel::EndRole).toLongLong(), 40);
    EXPECT_EQ(row.data(AnnotationsModel::TagsRole).toStringList(), QStringList{QStringLiteral("tag")});
    EXPECT_EQ(row.data(Qt::DecorationRole).value<QColor>(), QColor(0xff, 0xd5, 0x4f));
    EXPECT_TRUE(panel.listView()->isVisible());
    EXPECT_FALSE(panel.findChild<QLabel*>(QStringLiteral("annotationsEmpty"))->isVisible());
}

TEST_F(AnnotationsPanelTest, EditingThroughTheDialogChangesTheLibrary) {
    ui::AnnotationsPanel panel(&document);
    panel.show();
    const core::AnnotationId id = annotateFirst();
    panel.selectAnnotation(id);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("editAnnotation")), Qt::LeftButton);
    auto* dialog = panel.findChild<ui::AnnotationDialog*>();
    ASSERT_NE(dialog, nullptr);
    // The dialog starts from the annotation as it is.
    EXPECT_EQ(dialog->values(),
              (ui::AnnotationDialog::Result{
                  QStringLiteral("#ffd54f"), QStringLiteral("note"), {QStringLiteral("tag")}}));
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("note"))->setPlainText(QStringLiteral("a better note"));
    dialog->findChild<QLineEdit*>(QStringLiteral("tags"))->setText(QStringLiteral("#brazil, forests ,"));
    dialog->findChild<QToolButton*>(QStringLiteral("color_81d4fa"))->click();
    dialog->accept();

    ui::ArticleDocument other(t.library(), analyzer);
    ASSERT_TRUE(other.open(article));
    ASSERT_EQ(other.annotations().size(), 1u);
    const core::Annotation& a = other.annotations().front();
    EXPECT_EQ(a.note, "a better note");
    EXPECT_EQ(a.color, "#81d4fa");
    EXPECT_EQ(a.tags, (std::vector<std::string>{"brazil", "forests"}));
    // The list shows the change and keeps it selected.
    EXPECT_TRUE(
        panel.model()->index(0).data(Qt::DisplayRole).toString().contains(QStringLiteral("a better note")));
    EXPECT_EQ(panel.currentAnnotation(), id);
}

TEST_F(AnnotationsPanelTest, DeletingRemovesItAndUndoBringsItBack) {
    ui::AnnotationsPanel panel(&document);
    panel.show();
    const core::AnnotationId id = annotateFirst();
    panel.selectAnnotation(id);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("deleteAnnotation")), Qt::LeftButton);
    EXPECT_EQ(panel.model()->rowCount(), 0);
    EXPECT_TRUE(document.annotations().empty());
    EXPECT_TRUE(panel.findChild<QLabel*>(QStringLiteral("annotationsEmpty"))->isVisible());

    document.undoStack()->undo();
    ASSERT_EQ(panel.model()->rowCount(), 1);
    EXPECT_EQ(panel.model()->index(0).data(AnnotationsModel::IdRole).toLongLong(), id);
    EXPECT_EQ(panel.model()->index(0).data(AnnotationsModel::NoteRole).toString(), QStringLiteral("note"));
}

TEST_F(AnnotationsPanelTest, TheDeleteKeyDeletesTheSelectedAnnotation) {
    ui::AnnotationsPanel panel(&document);
    annotateFirst();
    document.annotate({100, 130}, QStringLiteral("#aed581"), {}, {});
    panel.resize(320, 400);
    panel.show();
    panel.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    panel.selectAnnotation(document.annotations().at(0).id);
    panel.listView()->setFocus();
    QTest::keyClick(panel.listView(), Qt::Key_Delete);
    ASSERT_EQ(panel.model()->rowCount(), 1);
    // Its neighbour is selected, so Delete can go on.
    EXPECT_EQ(panel.currentAnnotation(), document.annotations().at(0).id);
}

TEST_F(AnnotationsPanelTest, ClickingAnAnnotationAsksForItsPassage) {
    ui::AnnotationsPanel panel(&document);
    annotateFirst();
    panel.resize(320, 400);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &ui::AnnotationsPanel::evidenceActivated);
    const QRect rect = panel.listView()->visualRect(panel.model()->index(0));
    QTest::mouseClick(panel.listView()->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_GE(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toLongLong(), 10);
    EXPECT_EQ(spy.at(0).at(1).toLongLong(), 40);
}

TEST_F(AnnotationsPanelTest, OpeningAnotherArticleShowsItsAnnotations) {
    ui::AnnotationsPanel panel(&document);
    annotateFirst();
    const core::ArticleId second = t.library().articles().list().at(1).id;
    ASSERT_TRUE(document.open(second));
    EXPECT_EQ(panel.model()->rowCount(), 0);
    ASSERT_TRUE(document.open(article));
    EXPECT_EQ(panel.model()->rowCount(), 1);
    EXPECT_EQ(panel.currentAnnotation(), 0);
}

TEST(AnnotationDialog, ReadsItsFieldsWithoutExec) {
    ui::AnnotationDialog dialog(QStringLiteral("a quote"), {});
    EXPECT_EQ(dialog.color(), ui::AnnotationDialog::defaultColor());
    dialog.setValues({QStringLiteral("#F48FB1"), QStringLiteral("  n  "), {QStringLiteral("x")}});
    EXPECT_EQ(dialog.values(), (ui::AnnotationDialog::Result{QStringLiteral("#f48fb1"), QStringLiteral("n"),
                                                             {QStringLiteral("x")}}));
    // A colour from elsewhere (an older palette) is kept, with a swatch of its own.
    dialog.setColor(QStringLiteral("#123456"));
    EXPECT_EQ(dialog.color(), QStringLiteral("#123456"));
    EXPECT_NE(dialog.findChild<QToolButton*>(QStringLiteral("color_123456")), nullptr);
    EXPECT_EQ(ui::AnnotationDialog::parseTags(QStringLiteral(" a, #b ,, a,##c ")),
              (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    EXPECT_GE(ui::AnnotationDialog::swatches().size(), 5);
}

TEST_F(AnnotationsPanelTest, RendersReadably) {
    ui::AnnotationsPanel panel(&document);
    panel.resize(320, 420);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    save(panel, "annotations-empty.png");
    annotateFirst();
    document.annotate(
        {200, 330}, QStringLiteral("#81d4fa"),
        QStringLiteral("Compare with the pledges made in Glasgow; the fund's size was never stated."),
        {QStringLiteral("forests"), QStringLiteral("money")});
    document.annotate({400, 420}, QStringLiteral("#f48fb1"), {}, {});
    panel.selectAnnotation(document.annotations().at(1).id);
    save(panel, "annotations-list.png");
    ui::AnnotationDialog* dialog = panel.editCurrent();
    ASSERT_NE(dialog, nullptr);
    save(*dialog, "annotation-dialog.png");
    dialog->reject();
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        EXPECT_LE(panel.listView()->visualRect(panel.model()->index(row)).right(),
                  panel.listView()->viewport()->width());
}

}  // namespace
