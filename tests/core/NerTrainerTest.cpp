#include "core/ner/NerTrainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerTagger.h"
#include "core/text/TextOffsets.h"

using namespace dossier::core;

namespace {

// Made-up sentences with names in telling contexts: people say and are quoted,
// companies report, places are where things happen.
NerTrainingText sentence(const std::string& person, const std::string& company, const std::string& place) {
    NerTrainingText t;
    const auto add = [&](const std::string& name, NerClass cls) {
        const auto start = static_cast<Offset>(codePointCount(t.text));
        t.text += name;
        t.names.push_back({Span{start, static_cast<Offset>(codePointCount(t.text))}, cls});
    };
    add(person, NerClass::Per);
    t.text += " , a spokesman for ";
    add(company, NerClass::Org);
    t.text += " Inc , said the plant in ";
    add(place, NerClass::Loc);
    t.text += " would close .";
    return t;
}

std::vector<NerTrainingText> corpus() {
    const char* people[] = {"Anna Berg", "Tomas Ruiz", "Li Wen", "Omar Haddad", "Eva Lind", "Karl Sauer"};
    const char* companies[] = {"Norvex", "Calder", "Brightwater", "Astel", "Quorra", "Lumen"};
    const char* places[] = {"Turin", "Leeds", "Osaka", "Tampere", "Rosario", "Gdansk"};
    std::vector<NerTrainingText> out;
    for (int k = 0; k < 36; ++k) out.push_back(sentence(people[k % 6], companies[(k / 6) % 6], places[(k + 2) % 6]));
    return out;
}

}  // namespace

TEST(NerTrainer, TrainingIsDeterministic) {
    const auto train = [] {
        NerTrainer trainer(KnowledgeBase::bundled(), 16);
        for (auto& t : corpus()) trainer.add(std::move(t));
        return trainer.train(4, 7).toBytes();
    };
    EXPECT_EQ(train(), train());
}

TEST(NerTrainer, LearntContextsCarryOverToUnseenNames) {
    NerTrainer trainer(KnowledgeBase::bundled(), 16);
    for (auto& t : corpus()) trainer.add(std::move(t));
    EXPECT_EQ(trainer.documents(), 36u);
    EXPECT_EQ(trainer.misaligned(), 0u);
    std::vector<NerTrainer::Epoch> epochs;
    const NerModel model = trainer.train(5, 1, [&](const NerTrainer::Epoch& e) { epochs.push_back(e); });
    ASSERT_EQ(epochs.size(), 5u);
    EXPECT_LT(epochs.back().mistakes, epochs.front().mistakes);

    const NerTagger tagger(model, KnowledgeBase::bundled());
    const TextDocument doc("Ines Falk , a spokesman for Vantor Inc , said the plant in Kassel would close .");
    const auto names = tagger.tag(doc);
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(doc.span(names[0].first, names[0].last), "Ines Falk");
    EXPECT_EQ(names[0].cls, NerClass::Per);
    EXPECT_EQ(doc.span(names[1].first, names[1].last), "Vantor");
    EXPECT_EQ(names[1].cls, NerClass::Org);
    EXPECT_EQ(doc.span(names[2].first, names[2].last), "Kassel");
    EXPECT_EQ(names[2].cls, NerClass::Loc);
}

TEST(NerTrainer, NamesEndingInsideATokenAreCountedAndStillLearnt) {
    NerTrainer trainer(KnowledgeBase::bundled(), 16);
    NerTrainingText t;
    t.text = "Seoul-based Hanwa rose .";
    t.names.push_back({Span{0, 5}, NerClass::Loc});  // "Seoul" is whole; "Seoul-based" tokenises as Seoul - based
    t.names.push_back({Span{2, 8}, NerClass::Misc});  // "oul-ba": inside tokens on both sides
    trainer.add(std::move(t));
    EXPECT_EQ(trainer.misaligned(), 1u);
    EXPECT_EQ(trainer.tokens(), 6u);
}
