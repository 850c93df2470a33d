// Library-wide merge from the open article, on the document's undo stack.
#include "ui/commands/MergeEntitiesCommand.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"

using namespace dossier;

namespace {
struct Board {
    test::TempLibrary t;
    core::Analyzer analyzer;
    core::ArticleId acronym = 0, full = 0;
    Board() {
        full = test::importText(t.library(), "Board", core::Date(2025, 3, 3),
                                "The Coastal Fisheries Board said on Monday that quotas would fall.");
        acronym = test::importText(t.library(), "Acronym", core::Date(2025, 3, 4),
                                   "The CFB said on Friday that it would review the quotas. Norway welcomed the review.");
    }
    core::EntityRef board() { return *t.library().entities().find("Coastal Fisheries Board"); }
    std::size_t articlesOf(const std::string& name) {
        return t.library().analyses().articlesMentioning(name, core::EntityType::Organization).size();
    }
};

std::string organisationIn(const ui::ArticleDocument& doc) {
    for (const auto& e : doc.analysis().entities)
        if (e.type == core::EntityType::Organization) return e.name;
    return {};
}
}  // namespace

TEST(MergeEntitiesCommand, MergesInTheWholeLibraryAndUndoRedoTakeItBackAndForth) {
    Board b;
    ui::ArticleDocument doc(b.t.library(), b.analyzer);
    ASSERT_TRUE(doc.open(b.acronym));
    ASSERT_EQ(organisationIn(doc), "CFB");
    QSignalSpy changed(&doc, &ui::ArticleDocument::analysisChanged);

    doc.mergeInLibrary("organization/cfb", b.board());
    EXPECT_EQ(organisationIn(doc), "Coastal Fisheries Board");  // the open article shows it at once
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(b.articlesOf("CFB"), 2u);  // and every other article knows
    EXPECT_EQ(doc.undoStack()->undoText().toStdString(), "Merge “CFB” into “Coastal Fisheries Board” (whole library)");

    doc.undoStack()->undo();
    EXPECT_EQ(organisationIn(doc), "CFB");
    EXPECT_EQ(b.articlesOf("CFB"), 1u);
    EXPECT_EQ(b.articlesOf("Coastal Fisheries Board"), 1u);

    doc.undoStack()->redo();
    EXPECT_EQ(organisationIn(doc), "Coastal Fisheries Board");
    EXPECT_EQ(b.articlesOf("Coastal Fisheries Board"), 2u);

    // Opening another article keeps the merge: it is the library's, not this article's.
    ASSERT_TRUE(doc.open(b.full));
    EXPECT_EQ(b.articlesOf("Coastal Fisheries Board"), 2u);
}

TEST(MergeEntitiesCommand, MergingTwoNamesThatAreAlreadyOneIsNoStep) {
    Board b;
    ui::ArticleDocument doc(b.t.library(), b.analyzer);
    ASSERT_TRUE(doc.open(b.acronym));
    doc.mergeInLibrary("organization/cfb", b.board());
    doc.mergeInLibrary("organization/cfb", b.board());
    doc.mergeInLibrary("organization/cfb", *b.t.library().entities().find("CFB"));  // into itself
    EXPECT_EQ(doc.undoStack()->count(), 1);
}
