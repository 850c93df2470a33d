#include "core/eval/TimemlEvaluation.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/text/TextOffsets.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;

namespace {

// An entity (&amp;), an inner tag that is not a time expression, and characters of
// 2 and 4 UTF-8 bytes before the TIMEX3s, so byte and code-point offsets differ.
constexpr std::string_view kTml =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<DOCID>wsj_0001</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
    "functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
    "<TEXT>\n"
    "AT&amp;T <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT> in Z\xC3\xBCrich "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> that "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P1W\">last week</TIMEX3> was \xF0\x9F\x98\x80 "
    "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1998\">this year</TIMEX3>.\n"
    "</TEXT>\n"
    "</TimeML>\n";

TimemlTimex prediction(Offset start, Offset end, std::string type, std::string value) {
    return {{start, end}, {}, std::move(type), std::move(value)};
}

}  // namespace

TEST(TimemlEvaluation, ParseStripsTagsResolvesEntitiesAndCountsCodePoints) {
    const TimemlDocument doc = TimemlEvaluation::parse(kTml, "a.tml");
    EXPECT_EQ(doc.text, "\nAT&T said in Z\u00fcrich yesterday that last week was \U0001F600 this year.\n");
    EXPECT_EQ(doc.dct, "1998-01-08");
    ASSERT_TRUE(doc.published);
    EXPECT_EQ(doc.published->toIso(), "1998-01-08");
    ASSERT_EQ(doc.gold.size(), 3u);
    EXPECT_EQ(doc.gold[0].span, (Span{21, 30}));
    EXPECT_EQ(doc.gold[0].text, "yesterday");
    EXPECT_EQ(doc.gold[0].type, "DATE");
    EXPECT_EQ(doc.gold[0].value, "1998-01-07");
    EXPECT_EQ(doc.gold[1].span, (Span{36, 45}));
    EXPECT_EQ(doc.gold[1].value, "P1W");
    EXPECT_EQ(doc.gold[2].span, (Span{52, 61}));  // the emoji is one code point
    EXPECT_EQ(doc.gold[2].text, "this year");
    for (const TimemlTimex& t : doc.gold)
        EXPECT_EQ(sliceCodePoints(doc.text, t.span.start, t.span.end), t.text);
}

TEST(TimemlEvaluation, MalformedXmlAndMissingTextAreErrors) {
    EXPECT_THROW(TimemlEvaluation::parse("<TimeML><TEXT>a &bogus; b</TEXT></TimeML>", "bad.tml"),
                 std::runtime_error);
    EXPECT_THROW(TimemlEvaluation::parse("<TimeML><TEXT>open", "bad.tml"), std::runtime_error);
    EXPECT_THROW(TimemlEvaluation::parse("<TimeML><DOCID>x</DOCID></TimeML>", "bad.tml"), std::runtime_error);
}

TEST(TimemlEvaluation, ScoreFollowsTempEval3) {
    const TimemlDocument doc = TimemlEvaluation::parse(kTml, "a.tml");
    const std::vector<TimemlTimex> predicted{
        prediction(21, 30, "DATE", "1998-01-07"),  // strict match, right type and value
        prediction(41, 45, "DURATION", "P1D"),     // "week": relaxed only, right type, wrong value
        prediction(1, 5, "DATE", "2000"),          // "AT&T": spurious
    };                                             // "this year" is missed
    std::vector<TimemlError> errors;
    const TimemlScore s = TimemlEvaluation::score(doc, predicted, &errors, 0);
    EXPECT_EQ(s.gold, 3u);
    EXPECT_EQ(s.predicted, 3u);
    EXPECT_EQ(s.relaxedGold, 2u);
    EXPECT_EQ(s.relaxedPredicted, 2u);
    EXPECT_EQ(s.strictGold, 1u);
    EXPECT_EQ(s.strictPredicted, 1u);
    EXPECT_DOUBLE_EQ(s.relaxedPrecision(), 2.0 / 3);
    EXPECT_DOUBLE_EQ(s.relaxedRecall(), 2.0 / 3);
    EXPECT_DOUBLE_EQ(s.relaxedF1(), 2.0 / 3);
    EXPECT_DOUBLE_EQ(s.strictF1(), 1.0 / 3);
    EXPECT_DOUBLE_EQ(s.typeAccuracy(), 1.0);
    EXPECT_DOUBLE_EQ(s.valueAccuracy(), 0.5);
    EXPECT_DOUBLE_EQ(s.valueF1(), 1.0 / 3);

    ASSERT_EQ(errors.size(), 3u);
    int missed = 0, spurious = 0, wrongValue = 0;
    for (const TimemlError& e : errors) {
        missed += e.kind == TimemlError::Kind::Missed;
        spurious += e.kind == TimemlError::Kind::Spurious;
        wrongValue += e.kind == TimemlError::Kind::WrongValue;
    }
    EXPECT_EQ(missed, 1);
    EXPECT_EQ(spurious, 1);
    EXPECT_EQ(wrongValue, 1);
}

TEST(TimemlEvaluation, AttributesAreJudgedOnTheExactExtentWhenThereIsOne) {
    const TimemlDocument doc = TimemlEvaluation::parse(kTml, "a.tml");
    // Both overlap "last week"; the exact one carries the right value.
    const TimemlScore s = TimemlEvaluation::score(
        doc, {prediction(41, 50, "DATE", "X"), prediction(36, 45, "DURATION", "P1W")});
    EXPECT_EQ(s.relaxedGold, 1u);
    EXPECT_EQ(s.relaxedPredicted, 2u);
    EXPECT_EQ(s.valueCorrect, 1u);
    EXPECT_EQ(s.typeCorrect, 1u);
}

TEST(TimemlEvaluation, NoPredictionsScoreZeroWithoutDividingByZero) {
    const TimemlScore s = TimemlEvaluation::score(TimemlEvaluation::parse(kTml, "a.tml"), {});
    EXPECT_EQ(s.relaxedF1(), 0.0);
    EXPECT_EQ(s.valueF1(), 0.0);
}

TEST(TimemlEvaluation, ReadFolderFindsTmlFilesRecursivelyInOrder) {
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("TimeBank")));
    const std::string root = dir.path().toStdString();
    dossier::test::writeFile(root + "/TimeBank", "b.tml", std::string(kTml));
    dossier::test::writeFile(root, "a.tml", std::string(kTml));
    dossier::test::writeFile(root, "notes.txt", "not TimeML");
    const auto docs = TimemlEvaluation::readFolder(root);
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].name, "TimeBank/b.tml");
    EXPECT_EQ(docs[1].name, "a.tml");
    EXPECT_THROW(TimemlEvaluation::readFolder(root + "/missing"), std::runtime_error);
}

TEST(TimemlEvaluation, PrintShowsScoresAndErrorSamples) {
    const std::vector<TimemlDocument> docs{TimemlEvaluation::parse(kTml, "a.tml")};
    TimemlReport report;
    report.documents = 1;
    report.score =
        TimemlEvaluation::score(docs[0], {prediction(41, 45, "DURATION", "P1D")}, &report.errors, 0);
    std::ostringstream out;
    TimemlEvaluation::print(out, report, docs, 3);
    const std::string text = out.str();
    EXPECT_NE(text.find("value F1"), std::string::npos) << text;
    EXPECT_NE(text.find("gold \"last week\" DURATION P1W  predicted \"week\" DURATION P1D"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("that [[last week]] was"), std::string::npos) << text;
}

TEST(TimemlEvaluation, EvaluateRunsTheAnalyzerWithTheDct) {
    const std::vector<TimemlDocument> docs{TimemlEvaluation::parse(kTml, "a.tml")};
    const TimemlReport report = TimemlEvaluation::evaluate(docs, Analyzer());
    EXPECT_EQ(report.documents, 1u);
    EXPECT_EQ(report.score.gold, 3u);
}

TEST(TimemlEvaluation, ReadsTheRealTempEval3Corpus) {
    const std::string shared = dossier::test::sharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared/ is absent: skipping the TempEval-3 check";
    const auto docs = TimemlEvaluation::readFolder(shared + "/data/tempeval3/train");
    EXPECT_EQ(docs.size(), 256u);
    std::size_t gold = 0;
    for (const auto& d : docs) {
        EXPECT_TRUE(d.published) << d.name << " DCT " << d.dct;
        EXPECT_EQ(d.text.find('\r'), std::string::npos) << d.name << ": XML line ends are normalised to \\n";
        gold += d.gold.size();
        for (const TimemlTimex& t : d.gold) EXPECT_FALSE(t.text.empty()) << d.name;
    }
    EXPECT_EQ(gold, 1822u);  // as the corpus documents it
}
