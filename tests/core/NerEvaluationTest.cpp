#include "core/eval/NerEvaluation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/ner/NerTrainer.h"
#include "core/text/TextOffsets.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;

namespace {

// Two documents; MISC is read (it delimits spans) but not scored.
constexpr std::string_view kConll =
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "EU NNP B-NP B-ORG\n"
    "rejects VBZ B-VP O\n"
    "German JJ B-NP B-MISC\n"
    "call NN I-NP O\n"
    ". . O O\n"
    "\n"
    "Peter NNP B-NP B-PER\n"
    "Blackburn NNP I-NP I-PER\n"
    "\n"
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "BRUSSELS NNP B-NP B-LOC\n"
    "1996-08-22 CD I-NP O\n";

std::string spanText(const NerDocument& doc, const NerSpan& s) {
    return sliceCodePoints(doc.text, doc.tokens[s.first].start, doc.tokens[s.last - 1].end);
}

Entity entity(EntityType type, std::vector<Span> spans) {
    Entity e;
    e.type = type;
    for (const Span& s : spans) e.mentions.push_back({s, {}, Origin::Automatic});
    return e;
}

}  // namespace

TEST(NerEvaluation, ConllDocumentsAreRebuiltWithTokenSpansAndGold) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].text, "EU rejects German call .\nPeter Blackburn");
    ASSERT_EQ(docs[0].tokens.size(), 7u);
    EXPECT_EQ(docs[0].tokens[5], (Span{25, 30}));
    EXPECT_EQ(docs[0].tokens[6], (Span{31, 40}));
    ASSERT_EQ(docs[0].gold.size(), 2u);  // MISC dropped
    EXPECT_EQ(docs[0].gold[0], (NerSpan{0, 1, NerType::Org}));
    EXPECT_EQ(docs[0].gold[1], (NerSpan{5, 7, NerType::Per}));
    EXPECT_EQ(spanText(docs[0], docs[0].gold[1]), "Peter Blackburn");
    EXPECT_EQ(docs[1].text, "BRUSSELS 1996-08-22");
    ASSERT_EQ(docs[1].gold.size(), 1u);
    EXPECT_EQ(docs[1].gold[0], (NerSpan{0, 1, NerType::Loc}));
}

TEST(NerEvaluation, LimitKeepsTheFirstDocuments) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll, 1);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].tokens.size(), 7u);
}

TEST(NerEvaluation, IobOneStyleInsideTagsAndAdjacentMentions) {
    // I- after O opens a mention; B- right after a mention of the same type starts another.
    const auto docs =
        NerEvaluation::read("Kim I-PER\nJong I-PER\nB B-PER\nand O\nSeoul I-LOC\n", NerFormat::Conll);
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_EQ(docs[0].gold.size(), 3u);
    EXPECT_EQ(docs[0].gold[0], (NerSpan{0, 2, NerType::Per}));
    EXPECT_EQ(docs[0].gold[1], (NerSpan{2, 3, NerType::Per}));
    EXPECT_EQ(docs[0].gold[2], (NerSpan{4, 5, NerType::Loc}));
}

TEST(NerEvaluation, MalformedTagNamesTheLine) {
    try {
        NerEvaluation::read("EU NNP B-NP B-ORG\nrejects VBZ B-VP X-ORG\n", NerFormat::Conll);
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

TEST(NerEvaluation, GmbIsLatin1CsvWithQuotedFieldsAndCrlf) {
    // 0xE9 é (latin-1), 0x92 ’ (the file's Windows-1252 punctuation), a quoted comma.
    const std::string csv =
        "Sentence #,Word,POS,Tag\r\n"
        "Sentence: 1,Caf\xe9,NNP,B-geo\r\n"
        ",\"10,000\",CD,O\r\n"
        ",\x92s,POS,O\r\n"
        ",France,NNP,B-gpe\r\n"
        "Sentence: 2,George,NNP,B-per\r\n"
        ",Bush,NNP,I-per\r\n"
        ",\"\"\"\",``,O\r\n"
        ",VOA,NNP,B-org\r\n"
        ",Monday,NNP,B-tim\r\n";
    const auto docs = NerEvaluation::read(csv, NerFormat::Gmb);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].text, "Caf\u00e9 10,000 \u2019s France\nGeorge Bush \" VOA Monday");
    EXPECT_EQ(docs[0].tokens[1], (Span{5, 11}));
    EXPECT_EQ(docs[0].tokens[4], (Span{22, 28}));  // code points, not bytes
    ASSERT_EQ(docs[0].gold.size(), 4u);            // tim ignored
    EXPECT_EQ(docs[0].gold[0], (NerSpan{0, 1, NerType::Loc}));
    EXPECT_EQ(docs[0].gold[1], (NerSpan{3, 4, NerType::Loc}));  // gpe counts as a location
    EXPECT_EQ(docs[0].gold[2], (NerSpan{4, 6, NerType::Per}));
    EXPECT_EQ(docs[0].gold[3], (NerSpan{7, 8, NerType::Org}));
}

TEST(NerEvaluation, GmbAndRe3dGroupSentencesIntoPseudoDocuments) {
    std::string csv = "Sentence #,Word,POS,Tag\r\n";
    std::string re3d;
    for (std::size_t i = 0; i < NerEvaluation::kSentencesPerDocument + 1; ++i) {
        csv += "Sentence: " + std::to_string(i + 1) + ",Word,NN,O\r\n";
        re3d += "Word\tO\n\n";
    }
    const auto gmb = NerEvaluation::read(csv, NerFormat::Gmb);
    ASSERT_EQ(gmb.size(), 2u);
    EXPECT_EQ(gmb[0].tokens.size(), NerEvaluation::kSentencesPerDocument);
    EXPECT_EQ(gmb[1].tokens.size(), 1u);
    EXPECT_EQ(NerEvaluation::read(re3d, NerFormat::Re3d).size(), 2u);
}

TEST(NerEvaluation, Re3dTagsAndMultiByteTokens) {
    const auto docs = NerEvaluation::read(
        "\n\u0639\u0645\u0644\u064a\u0629\tO\nthe\tO\nBritish\tB-Organisation\nArmy\tI-Organisation\nin\tO\n"
        "Ar\tB-Location\nRaqqah\tI-Location\nsaid\tO\nGeneral\tB-Person\nSmith\tI-Person\nin\tO\nMay\tB-"
        "Temporal\n",
        NerFormat::Re3d);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].tokens[1], (Span{6, 9}));  // the Arabic word is 5 code points, 10 bytes
    ASSERT_EQ(docs[0].gold.size(), 3u);
    EXPECT_EQ(docs[0].gold[0], (NerSpan{2, 4, NerType::Org}));
    EXPECT_EQ(docs[0].gold[1], (NerSpan{5, 7, NerType::Loc}));
    EXPECT_EQ(docs[0].gold[2], (NerSpan{8, 10, NerType::Per}));
}

TEST(NerEvaluation, PredictionsMapTypesAndRequireTokenBoundaries) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    Analysis analysis;
    analysis.entities.push_back(entity(EntityType::Country, {{0, 2}}));
    analysis.entities.push_back(entity(EntityType::Person, {{25, 40}, {26, 30}}));  // the second is mid-token
    analysis.entities.push_back(entity(EntityType::Policy, {{11, 17}}));
    analysis.entities.push_back(entity(EntityType::Organization, {{3, 17}}));
    std::vector<std::pair<Span, NerType>> unaligned;
    const auto predicted = NerEvaluation::predictions(docs[0], analysis, &unaligned);
    ASSERT_EQ(predicted.size(), 3u);
    EXPECT_EQ(predicted[0], (NerSpan{0, 1, NerType::Loc}));
    EXPECT_EQ(predicted[1], (NerSpan{5, 7, NerType::Per}));
    EXPECT_EQ(predicted[2], (NerSpan{1, 3, NerType::Org}));
    ASSERT_EQ(unaligned.size(), 1u);
    EXPECT_EQ(unaligned[0].first, (Span{26, 30}));
}

TEST(NerEvaluation, ADemonymStandingForItsCountryIsNotScoredAsAPlace) {
    // Dossier links "German" to Germany; CoNLL calls the word MISC, which is not scored.
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    Analysis analysis;
    Entity germany = entity(EntityType::Country, {});
    germany.mentions.push_back({{11, 17}, "German", Origin::Automatic});
    analysis.entities.push_back(germany);
    EXPECT_TRUE(NerEvaluation::predictions(docs[0], analysis, nullptr).empty());
    analysis.entities.front().mentions.front().text = "Germany";  // a name of the country is a place
    EXPECT_EQ(NerEvaluation::predictions(docs[0], analysis, nullptr).size(), 1u);
}

TEST(NerEvaluation, ScoreIsExactSpanAndTypeMicroAveraged) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    // Gold: ORG [0,1), PER [5,7).
    const std::vector<NerSpan> predicted{
        {0, 1, NerType::Org},  // TP
        {0, 1, NerType::Org},  // duplicate, counted once
        {5, 6, NerType::Per},  // FP (partial), and PER [5,7) is a FN
        {2, 3, NerType::Loc},  // FP
        {0, 1, NerType::Loc},  // FP on a gold span of another type
    };
    std::vector<NerError> errors;
    const NerScore s = NerEvaluation::score(docs[0], predicted, &errors, 0);
    EXPECT_EQ(s.of(NerType::Org).tp, 1u);
    EXPECT_EQ(s.of(NerType::Org).fp, 0u);
    EXPECT_EQ(s.of(NerType::Per).fp, 1u);
    EXPECT_EQ(s.of(NerType::Per).fn, 1u);
    EXPECT_EQ(s.of(NerType::Loc).fp, 2u);
    const NerCounts all = s.overall();
    EXPECT_EQ(all.tp, 1u);
    EXPECT_EQ(all.fp, 3u);
    EXPECT_EQ(all.fn, 1u);
    EXPECT_DOUBLE_EQ(all.precision(), 0.25);
    EXPECT_DOUBLE_EQ(all.recall(), 0.5);
    EXPECT_DOUBLE_EQ(all.f1(), 2 * 0.25 * 0.5 / 0.75);
    EXPECT_DOUBLE_EQ(s.of(NerType::Per).f1(), 0.0);  // no division by zero

    ASSERT_EQ(errors.size(), 4u);
    const auto wrongType =
        std::find_if(errors.begin(), errors.end(), [](const NerError& e) { return e.goldType.has_value(); });
    ASSERT_NE(wrongType, errors.end());
    EXPECT_EQ(wrongType->type, NerType::Loc);
    EXPECT_EQ(*wrongType->goldType, NerType::Org);
    EXPECT_EQ(wrongType->span, (Span{0, 2}));
}

TEST(NerEvaluation, PrintShowsTheTableAndErrorsInContext) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    NerReport report;
    report.documents = docs.size();
    report.score = NerEvaluation::score(docs[0], {{5, 6, NerType::Per}}, &report.errors, 0);
    std::ostringstream out;
    NerEvaluation::print(out, report, docs, 5);
    const std::string text = out.str();
    EXPECT_NE(text.find("PER"), std::string::npos) << text;
    EXPECT_NE(text.find("FP PER \"Peter\""), std::string::npos) << text;
    EXPECT_NE(text.find("doc 1: [[Peter]] Blackburn\n"), std::string::npos)
        << "context is the sentence's line\n"
        << text;
    EXPECT_NE(text.find("FN ORG \"EU\""), std::string::npos) << text;
}

TEST(NerEvaluation, EvaluateRunsTheAnalyzerOverEveryDocument) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    const NerReport report = NerEvaluation::evaluate(docs, Analyzer());
    EXPECT_EQ(report.documents, 2u);
    EXPECT_EQ(report.tokens, 9u);
    const NerCounts all = report.score.overall();
    EXPECT_EQ(all.tp + all.fn, 3u);  // every gold mention is either found or missed
}

TEST(NerEvaluation, ReadsTheRealConllDevSet) {
    const std::string shared = dossier::test::sharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared/ is absent: skipping the CoNLL-2003 check";
    const auto docs = NerEvaluation::readFile(shared + "/data/conll2003/dev.txt", NerFormat::Conll, 3);
    ASSERT_EQ(docs.size(), 3u);
    for (const auto& d : docs) {
        EXPECT_FALSE(d.gold.empty());
        EXPECT_EQ(d.tokens.back().end, static_cast<Offset>(codePointCount(d.text)));
    }
}

TEST(NerEvaluation, OtherNamesAreKeptForTrainingAndTypedAsMisc) {
    const auto docs = NerEvaluation::read(kConll, NerFormat::Conll);
    ASSERT_EQ(docs[0].otherNames.size(), 1u);
    EXPECT_EQ(docs[0].otherNames[0], (std::pair<std::size_t, std::size_t>{2, 3}));  // German

    const NerTrainingText t = NerEvaluation::trainingText(docs[0]);
    EXPECT_EQ(t.text, docs[0].text);
    ASSERT_EQ(t.names.size(), 3u);
    std::vector<std::pair<std::string, NerClass>> names;
    for (const auto& [span, cls] : t.names) names.emplace_back(sliceCodePoints(t.text, span.start, span.end), cls);
    EXPECT_NE(std::find(names.begin(), names.end(), std::pair<std::string, NerClass>{"EU", NerClass::Org}), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), std::pair<std::string, NerClass>{"Peter Blackburn", NerClass::Per}),
              names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), std::pair<std::string, NerClass>{"German", NerClass::Misc}),
              names.end());
}

TEST(NerEvaluation, EveryTenthDocumentIsHeldOutOfTraining) {
    std::vector<NerDocument> docs(25);
    for (std::size_t i = 0; i < docs.size(); ++i) docs[i].text = std::to_string(i);
    const auto heldOut = NerEvaluation::split(docs, true);
    const auto training = NerEvaluation::split(docs, false);
    ASSERT_EQ(heldOut.size(), 2u);
    EXPECT_EQ(heldOut[0].text, "9");
    EXPECT_EQ(heldOut[1].text, "19");
    EXPECT_EQ(training.size(), 23u);
    for (const NerDocument& d : training) EXPECT_NE(d.text, "9");
}
