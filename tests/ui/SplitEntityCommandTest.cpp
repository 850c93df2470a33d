// Splitting a merged name off again from the open article, on the document's undo stack.
#include "ui/commands/SplitEntityCommand.h"

#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"

using namespace dossier;

namespace {
std::vector<std::string> organisations(const ui::ArticleDocument& doc) {
    std::vector<std::string> out;
    for (const auto& e : doc.analysis().entities)
        if (e.type == core::EntityType::Organization) out.push_back(e.name + " ×" + std::to_string(e.mentions.size()));
    return out;
}
}  // namespace

TEST(SplitEntityCommand, SplitsAMergedNameOffAndUndoMergesItBack) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    const auto id = test::importText(t.library(), "Both", core::Date(2025, 3, 5),
                                     "The Coastal Fisheries Board said on Monday that quotas would fall. "
                                     "The CFB chair, Maria Okafor, met Norway officials.");
    auto& entities = t.library().entities();
    entities.merge(*entities.find("CFB"), *entities.find("Coastal Fisheries Board"));
    ui::ArticleDocument doc(t.library(), analyzer);
    ASSERT_TRUE(doc.open(id));
    ASSERT_EQ(organisations(doc), std::vector<std::string>{"Coastal Fisheries Board ×2"});
    const auto aliases = doc.aliasesOf("organization/coastal-fisheries-board");
    ASSERT_EQ(aliases.size(), 1u);
    EXPECT_EQ(aliases[0].name, "CFB");

    doc.splitInLibrary(aliases[0]);
    EXPECT_EQ(organisations(doc), (std::vector<std::string>{"Coastal Fisheries Board ×1", "CFB ×1"}));
    EXPECT_TRUE(doc.aliasesOf("organization/coastal-fisheries-board").empty());
    EXPECT_EQ(doc.undoStack()->undoText().toStdString(), "Split “CFB” off “Coastal Fisheries Board” (whole library)");

    doc.undoStack()->undo();
    EXPECT_EQ(organisations(doc), std::vector<std::string>{"Coastal Fisheries Board ×2"});
    doc.undoStack()->redo();
    EXPECT_EQ(organisations(doc).size(), 2u);

    doc.splitInLibrary(*entities.find("Norway"));  // nothing merged into it: no step
    EXPECT_EQ(doc.undoStack()->count(), 1);
}
