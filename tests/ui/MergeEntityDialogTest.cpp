// The chooser of the entity to merge into, on a real library, without a nested event loop.
#include "ui/panels/MergeEntityDialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <gtest/gtest.h>

#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"

using namespace dossier;

namespace {
std::vector<std::string> listed(const ui::MergeEntityDialog& d) {
    std::vector<std::string> out;
    for (const auto& m : d.candidates()) out.push_back(m.entity.name);
    return out;
}
}  // namespace

TEST(MergeEntityDialog, FindsTheOtherEntityByNameButNeverItself) {
    test::TempLibrary t;
    test::importText(t.library(), "Board", core::Date(2025, 3, 3),
                     "The Coastal Fisheries Board said on Monday that quotas would fall. Norway agreed.");
    test::importText(t.library(), "Acronym", core::Date(2025, 3, 4), "The CFB said on Friday that it would review the quotas.");
    auto& entities = t.library().entities();
    ui::MergeEntityDialog dialog(t.library(), *entities.find("CFB"));

    // Before the reader types nothing is chosen, so Enter cannot merge by accident.
    EXPECT_FALSE(dialog.chosen());
    EXPECT_FALSE(dialog.findChild<QListWidget*>(QStringLiteral("mergeCandidates"))->currentItem());
    const auto all = listed(dialog);
    EXPECT_EQ(std::count(all.begin(), all.end(), "CFB"), 0);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front(), "Coastal Fisheries Board");  // organisations first

    dialog.findChild<QLineEdit*>(QStringLiteral("mergeFilter"))->setText(QStringLiteral("fisheries"));
    EXPECT_EQ(listed(dialog), std::vector<std::string>{"Coastal Fisheries Board"});
    ASSERT_TRUE(dialog.chosen());
    EXPECT_EQ(dialog.chosen()->name, "Coastal Fisheries Board");
    EXPECT_EQ(dialog.findChild<QListWidget*>(QStringLiteral("mergeCandidates"))->item(0)->text().toStdString(),
              "Coastal Fisheries Board — Organisation · 1 article");

    dialog.setFilter(QStringLiteral("atlantis"));
    EXPECT_FALSE(dialog.chosen());
}

TEST(MergeEntityDialog, AMergedEntityIsFoundByItsOtherNames) {
    test::TempLibrary t;
    test::importText(t.library(), "Both", core::Date(2025, 3, 5),
                     "The Coastal Fisheries Board said on Monday that quotas would fall. "
                     "The CFB chair, Maria Okafor, met Norway officials.");
    auto& entities = t.library().entities();
    entities.merge(*entities.find("CFB"), *entities.find("Coastal Fisheries Board"));
    ui::MergeEntityDialog dialog(t.library(), *entities.find("Norway"));
    dialog.setFilter(QStringLiteral("CFB"));
    EXPECT_EQ(listed(dialog), std::vector<std::string>{"Coastal Fisheries Board"});
    if (const QByteArray dir = qgetenv("DOSSIER_SCREENSHOTS"); !dir.isEmpty()) {
        dialog.show();
        dialog.grab().save(QString::fromUtf8(dir) + QStringLiteral("/merge-dialog.png"));
    }
}
