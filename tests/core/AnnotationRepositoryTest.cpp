#include "core/storage/AnnotationRepository.h"

#include <gtest/gtest.h>

#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;

namespace {
const std::string kText = "“Talks” in 서울 resumed. The envoy said talks would continue next week.";

ArticleId addArticle(Library& lib) {
    ArticleMeta m;
    m.title = "t";
    return lib.articles().add(m, kText).id;
}
}  // namespace

TEST(AnnotationRepository, StoresQuoteContextNoteColourAndTags) {
    TempLibrary t;
    const auto article = addArticle(t.library());
    Annotation a;
    a.article = article;
    a.span = {14, 21};  // "resumed", after curly quotes and Hangul
    a.note = "check the date";
    a.color = "#81d4fa";
    a.tags = {"diplomacy", "Korea"};
    const Annotation saved = t.library().annotations().add(a);
    EXPECT_GT(saved.id, 0);
    t.reopen();
    const auto all = t.library().annotations().forArticle(article);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].quote, "resumed");
    EXPECT_EQ(all[0].prefix, "“Talks” in 서울 ");
    EXPECT_EQ(all[0].suffix.substr(0, 11), ". The envoy");
    EXPECT_EQ(all[0].note, "check the date");
    EXPECT_EQ(all[0].color, "#81d4fa");
    EXPECT_EQ(all[0].tags, (std::vector<std::string>{"diplomacy", "Korea"}));
}

TEST(AnnotationRepository, UpdateChangesNoteAndTagsAndRemoveThenRestoreKeepsTheId) {
    TempLibrary t;
    auto& repo = t.library().annotations();
    Annotation a;
    a.article = addArticle(t.library());
    a.span = {0, 7};
    a = repo.add(a);
    a.note = "new note";
    a.tags = {"later"};
    repo.update(a);
    EXPECT_EQ(repo.get(a.id)->note, "new note");
    EXPECT_EQ(repo.get(a.id)->tags, std::vector<std::string>{"later"});
    const Annotation before = *repo.get(a.id);
    EXPECT_TRUE(repo.remove(a.id));
    EXPECT_FALSE(repo.get(a.id));
    repo.restore(before);
    EXPECT_EQ(repo.get(a.id)->note, "new note");
}

TEST(AnnotationRepository, PassageIsFoundAgainWhenTheTextChanges) {
    Annotation a;
    a.span = {42, 47};  // the second "talks"
    a.quote = "talks";
    a.prefix = "The envoy said ";
    a.suffix = " would continue";
    // Text inserted before the passage, and the first "talks" lower-cased too: the context decides.
    const std::string changed = "Update: talks in Seoul resumed. The envoy said talks would continue next week.";
    const auto span = AnnotationRepository::locate(a, changed);
    ASSERT_TRUE(span);
    EXPECT_EQ(sliceCodePoints(changed, span->start, span->end), "talks");
    EXPECT_EQ(span->start, 47);
    EXPECT_FALSE(AnnotationRepository::locate(a, "Nothing of it is left."));
}

TEST(AnnotationRepository, DeletingTheArticleDeletesItsAnnotations) {
    TempLibrary t;
    Annotation a;
    a.article = addArticle(t.library());
    a.span = {0, 7};
    t.library().annotations().add(a);
    t.library().articles().remove(a.article);
    EXPECT_TRUE(t.library().annotations().forArticle(a.article).empty());
}
