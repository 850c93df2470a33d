// The library-wide entity actions offered in the text's and the panels' context menus.
#include "ui/EntityMenu.h"

#include <QMenu>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"

using namespace dossier;

TEST(EntityMenu, OffersMergeAlwaysAndASplitPerMergedName) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    const auto id = test::importText(t.library(), "Both", core::Date(2025, 3, 5),
                                     "The Coastal Fisheries Board said on Monday that quotas would fall. "
                                     "The CFB chair, Maria Okafor, met Norway officials.");
    ui::ArticleDocument doc(t.library(), analyzer);
    ASSERT_TRUE(doc.open(id));
    QString merged;
    qint64 split = 0;
    auto texts = [&](const QString& entityId) {
        QMenu menu;
        ui::EntityMenu::addLibraryActions(&menu, &doc, entityId, [&](const QString& e) { merged = e; },
                                          [&](qint64 alias) { split = alias; });
        QStringList out;
        for (QAction* a : menu.actions()) out << a->text();
        if (!menu.actions().isEmpty()) menu.actions().first()->trigger();
        if (menu.actions().size() > 1) menu.actions().last()->trigger();
        return out;
    };
    const QString board = QStringLiteral("organization/coastal-fisheries-board");
    EXPECT_EQ(texts(board), QStringList{QStringLiteral("Merge “Coastal Fisheries Board” into… (whole library)")});
    EXPECT_EQ(merged, board);
    EXPECT_EQ(split, 0);

    auto& entities = t.library().entities();
    const auto cfb = *entities.find("CFB");
    entities.merge(cfb, *entities.find("Coastal Fisheries Board"));
    doc.reloadAnalysis();
    EXPECT_EQ(texts(board), (QStringList{QStringLiteral("Merge “Coastal Fisheries Board” into… (whole library)"),
                                         QStringLiteral("Split “CFB” off “Coastal Fisheries Board” (whole library)")}));
    EXPECT_EQ(split, cfb.id);
    EXPECT_TRUE(texts(QStringLiteral("organization/no-such-thing")).isEmpty());
}
