// Drives the real `dossier` executable, as scripts and users do.
#include "app/CommandLine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <set>

#include "core/import/TextImporter.h"
#include "core/text/TextOffsets.h"
#include "tests/support/TempLibrary.h"

using namespace dossier;
using namespace Qt::StringLiterals;

namespace {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliResult dossierRun(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(DOSSIER_EXECUTABLE), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
            p.readAllStandardError().toStdString()};
}

std::string readFile(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll().toStdString();
}

// Checks the JSON contract of `dossier analyze --json` against the text it analysed.
void expectContract(const QJsonObject& root, const std::string& text) {
    ASSERT_TRUE(root.value(u"article").isObject());
    const QJsonObject article = root.value(u"article").toObject();
    EXPECT_TRUE(article.value(u"title").isString());
    EXPECT_TRUE(article.value(u"published").isString() || article.value(u"published").isNull());
    for (const char* key : {"entities", "timex", "relations", "chronology"})
        ASSERT_TRUE(root.value(QString::fromLatin1(key)).isArray()) << key;

    const auto length = static_cast<qint64>(core::codePointCount(text));
    auto expectSpan = [&](const QJsonObject& o, const QString& expectedText) {
        const qint64 start = o.value(u"start").toInteger(-1), end = o.value(u"end").toInteger(-1);
        ASSERT_TRUE(0 <= start && start < end && end <= length) << start << ".." << end;
        if (!expectedText.isNull()) {
            EXPECT_EQ(core::sliceCodePoints(text, start, end), expectedText.toStdString());
        }
    };

    QStringList ids;
    for (const auto& v : root.value(u"entities").toArray()) {
        const QJsonObject e = v.toObject();
        ids << e.value(u"id").toString();
        EXPECT_FALSE(e.value(u"id").toString().isEmpty());
        EXPECT_FALSE(e.value(u"name").toString().isEmpty());
        EXPECT_TRUE(QStringList({u"person"_s, u"country"_s, u"place"_s, u"organization"_s, u"policy"_s, u"other"_s})
                        .contains(e.value(u"type").toString()));
        EXPECT_TRUE(e.value(u"role").isString() || e.value(u"role").isNull());
        EXPECT_TRUE(e.value(u"country").isString() || e.value(u"country").isNull());
        ASSERT_TRUE(e.value(u"mentions").isArray());
        for (const auto& m : e.value(u"mentions").toArray()) {
            expectSpan(m.toObject(), m.toObject().value(u"text").toString());
        }
    }
    for (const auto& v : root.value(u"timex").toArray()) {
        const QJsonObject t = v.toObject();
        expectSpan(t, t.value(u"text").toString());
        EXPECT_TRUE(QStringList({u"DATE"_s, u"TIME"_s, u"DURATION"_s, u"SET"_s}).contains(t.value(u"type").toString()));
        EXPECT_TRUE(t.value(u"value").isString() || t.value(u"value").isNull());
    }
    for (const auto& v : root.value(u"relations").toArray()) {
        const QJsonObject r = v.toObject();
        EXPECT_TRUE(ids.contains(r.value(u"source").toString()));
        EXPECT_TRUE(ids.contains(r.value(u"target").toString()));
        EXPECT_FALSE(r.value(u"type").toString().isEmpty());
        expectSpan(r.value(u"evidence").toObject(), QString());
    }
    for (const auto& v : root.value(u"chronology").toArray()) {
        const QJsonObject c = v.toObject();
        EXPECT_TRUE(c.value(u"when").isString());
        EXPECT_TRUE(c.value(u"text").isString());
        for (const auto& id : c.value(u"entities").toArray()) EXPECT_TRUE(ids.contains(id.toString()));
        expectSpan(c.value(u"evidence").toObject(), QString());
    }
}

QJsonObject parseJson(const std::string& out) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return doc.object();
}

}  // namespace

TEST(CommandLine, AnalyzeJsonOfABundledSampleKeepsTheContract) {
    const QString path = QStringLiteral(DOSSIER_SOURCE_DIR "/resources/samples/india-us-trade.txt");
    const CliResult r = dossierRun({u"analyze"_s, path, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonObject root = parseJson(r.out);
    const auto doc = core::TextImporter::parse(readFile(path), "sample");
    expectContract(root, doc.text);
    EXPECT_EQ(root.value(u"article").toObject().value(u"published").toString(), u"2025-09-17"_s);
}

TEST(CommandLine, AnalyzeJsonOfTheSharedSampleArticleKeepsTheContract) {
    const std::string shared = test::sharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared/ is absent: the reference article cannot be checked here";
    const QString path = QString::fromStdString(shared) + u"/articles/lee-xi-beijing.txt"_s;
    const CliResult r = dossierRun({u"analyze"_s, path, u"--published"_s, u"2026-01-04"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonObject root = parseJson(r.out);
    expectContract(root, core::TextImporter::parse(readFile(path), "lee").text);
    EXPECT_EQ(root.value(u"article").toObject().value(u"published").toString(), u"2026-01-04"_s);
}

TEST(CommandLine, AnalyzeWithTheTaggerFindsTheClubsTheRulesCannot) {
    // Clubs named after their county or town: no list holds them as organisations, and
    // capitalisation alone does not say what they are; the trained tagger reads the context.
    QTemporaryDir dir;
    const QString path = QString::fromStdString(test::writeFile(
        dir.path().toStdString(), "cricket.txt",
        "Leicestershire beat Somerset by an innings and 39 runs at Grace Road on Saturday.\n"
        "Arsenal striker Ian Wright scored twice as Arsenal beat Everton 3-1.\n"));
    const auto organizations = [&](const QStringList& extra) {
        const CliResult r = dossierRun(QStringList{u"analyze"_s, path, u"--json"_s} + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::set<std::string> out;
        for (const QJsonValue& e : parseJson(r.out).value(u"entities"_s).toArray())
            if (e.toObject().value(u"type"_s).toString() == u"organization"_s)
                out.insert(e.toObject().value(u"name"_s).toString().toStdString());
        return out;
    };
    EXPECT_TRUE(organizations({}).empty());
    EXPECT_EQ(organizations({u"--tagger"_s}),
              (std::set<std::string>{"Arsenal", "Everton", "Leicestershire", "Somerset"}));
}

TEST(CommandLine, ImportListAndSearchWorkOnALibraryFile) {
    QTemporaryDir dir;
    const QString lib = dir.filePath(u"lib.dossier"_s);
    const QString article = QString::fromStdString(
        test::writeFile(dir.path().toStdString(), "a.txt",
                        "title: Port strike ends\npublished: 2026-02-01\nsource: Wire\n\nDockers in Rotterdam returned."));
    CliResult r = dossierRun({u"import"_s, article, u"--library"_s, lib});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("imported"), std::string::npos);
    r = dossierRun({u"import"_s, article, u"--library"_s, lib});
    EXPECT_NE(r.out.find("already in library"), std::string::npos);
    r = dossierRun({u"list"_s, u"--library"_s, lib});
    EXPECT_NE(r.out.find("2026-02-01\tWire\tPort strike ends"), std::string::npos) << r.out;
    r = dossierRun({u"search"_s, u"rotterdam"_s, u"--library"_s, lib});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("[Rotterdam]"), std::string::npos) << r.out;
}

TEST(CommandLine, EntityMergeIntoAndSplitChangeTheEntityInEveryArticle) {
    QTemporaryDir dir;
    const QString lib = dir.filePath(u"lib.dossier"_s);
    const std::string d = dir.path().toStdString();
    const QString full = QString::fromStdString(test::writeFile(
        d, "full.txt", "title: Board\npublished: 2025-03-03\n\nThe Coastal Fisheries Board said on Monday that quotas would fall."));
    const QString acronym = QString::fromStdString(test::writeFile(
        d, "acronym.txt", "title: Acronym\npublished: 2025-03-04\n\nThe CFB said on Friday that it would review the quotas."));
    ASSERT_EQ(dossierRun({u"import"_s, full, acronym, u"--library"_s, lib}).exitCode, 0);

    CliResult r = dossierRun({u"entity"_s, u"CFB"_s, u"--merge-into"_s, u"Coastal Fisheries Board"_s, u"--library"_s, lib});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("merged 'CFB' (organization) into 'Coastal Fisheries Board'"), std::string::npos) << r.out;
    r = dossierRun({u"entity"_s, u"CFB"_s, u"--library"_s, lib});
    EXPECT_EQ(r.out.rfind("Coastal Fisheries Board (organization)\nAlso called CFB\n\nArticles (2)", 0), 0u) << r.out;
    r = dossierRun({u"search"_s, u"quotas"_s, u"--entity"_s, u"Coastal Fisheries Board"_s, u"--library"_s, lib});
    EXPECT_NE(r.out.find("Acronym"), std::string::npos) << r.out;
    r = dossierRun({u"entity"_s, u"CFB"_s, u"--merge-into"_s, u"Coastal Fisheries Board"_s, u"--library"_s, lib});
    EXPECT_NE(r.out.find("is already"), std::string::npos) << r.out;

    r = dossierRun({u"entity"_s, u"CFB"_s, u"--split"_s, u"--library"_s, lib});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "split 'CFB' off 'Coastal Fisheries Board'\n");
    r = dossierRun({u"entity"_s, u"CFB"_s, u"--library"_s, lib});
    EXPECT_EQ(r.out.rfind("CFB (organization)\n\nArticles (1)", 0), 0u) << r.out;
    r = dossierRun({u"search"_s, u"quotas"_s, u"--entity"_s, u"Coastal Fisheries Board"_s, u"--library"_s, lib});
    EXPECT_EQ(r.out.find("Acronym"), std::string::npos) << r.out;

    EXPECT_EQ(dossierRun({u"entity"_s, u"CFB"_s, u"--split"_s, u"--library"_s, lib}).exitCode, 1);  // nothing merged
    r = dossierRun({u"entity"_s, u"CFB"_s, u"--merge-into"_s, u"Atlantis"_s, u"--library"_s, lib});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no entity called 'Atlantis'"), std::string::npos) << r.err;
    EXPECT_EQ(dossierRun({u"entity"_s, u"CFB"_s, u"--split"_s, u"--merge-into"_s, u"X"_s, u"--library"_s, lib}).exitCode, 2);
}

TEST(CommandLine, MalformedSearchIsAClearErrorNotACrash) {
    QTemporaryDir dir;
    const CliResult r = dossierRun({u"search"_s, u"\"unclosed"_s, u"--library"_s, dir.filePath(u"lib.dossier"_s)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("is not valid"), std::string::npos) << r.err;
}

TEST(CommandLine, RefusedFileNamesTheFileAndTheReason) {
    QTemporaryDir dir;
    const auto bad = test::writeFile(dir.path().toStdString(), "bad.txt", "caf\xe9");
    const CliResult r = dossierRun({u"import"_s, QString::fromStdString(bad), u"--library"_s, dir.filePath(u"l.dossier"_s)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("bad.txt"), std::string::npos);
    EXPECT_NE(r.err.find("not valid UTF-8"), std::string::npos);
}

TEST(CommandLine, BenchCountsTheWordsAndSaysHowMuchOfTheCoreItHad) {
    // The rates depend on the machine and are not tested; what they are computed from is.
    QTemporaryDir dir;
    const auto text = test::writeFile(dir.path().toStdString(), "a.txt", "Ms Okafor flew to Lagos on Monday.\n");
    const CliResult r = dossierRun({u"bench"_s, QString::fromStdString(text)});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("files       1 (0 refused)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("words       7 per pass"), std::string::npos) << r.out;
    // A wall-clock rate on a shared core understates the analysis; the report says how
    // much of the core the thread had.
    EXPECT_NE(r.out.find("cpu         "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" % of the time"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("words/s     "), std::string::npos) << r.out;
}

TEST(CommandLine, LibraryThatIsNotALibraryIsRefused) {
    QTemporaryDir dir;
    const auto notLib = test::writeFile(dir.path().toStdString(), "x.dossier", std::string(2048, 'z'));
    const CliResult r = dossierRun({u"list"_s, u"--library"_s, QString::fromStdString(notLib)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("not a Dossier library"), std::string::npos) << r.err;
    EXPECT_EQ(readFile(QString::fromStdString(notLib)), std::string(2048, 'z'));
}

TEST(CommandLine, HelpDocumentsEveryCommand) {
    const CliResult r = dossierRun({u"--help"_s});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* cmd : {"import", "list", "search", "analyze", "eval ner", "train ner", "--library", "--published", "--json"})
        EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
}

// Our own two-document corpus in CoNLL-2003's format: enough to train a model end to end.
TEST(CommandLine, TrainNerWritesAModelThatEvalTaggerScores) {
    QTemporaryDir dir;
    const QString corpus = dir.filePath(u"tiny.conll"_s);
    {
        QFile f(corpus);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        std::string text = "-DOCSTART- -X- -X- O\n\n";
        for (int k = 0; k < 20; ++k)
            text += "Maria NNP B-NP B-PER\nValdez NNP I-NP I-PER\nvisited VBD B-VP O\nLisbon NNP B-NP B-LOC\n. . O O\n\n";
        f.write(text.data(), static_cast<qint64>(text.size()));
    }
    const QString model = dir.filePath(u"tiny.model"_s);
    const CliResult train =
        dossierRun({u"train"_s, u"ner"_s, u"--conll"_s, corpus, u"--epochs"_s, u"3"_s, u"--out"_s, model});
    ASSERT_EQ(train.exitCode, 0) << train.err;
    EXPECT_NE(train.out.find("epoch 3"), std::string::npos) << train.out;
    ASSERT_TRUE(QFile::exists(model));

    const CliResult eval = dossierRun({u"eval"_s, u"ner"_s, corpus, u"--tagger-alone"_s, u"--out"_s, model});
    ASSERT_EQ(eval.exitCode, 0) << eval.err;
    // The model has learnt its own training corpus: every name found, exactly.
    EXPECT_NE(eval.out.find("all        40      40      40       0       0   100.0   100.0   100.0"), std::string::npos)
        << eval.out;

    const CliResult broken = dossierRun({u"eval"_s, u"ner"_s, corpus, u"--tagger-alone"_s, u"--out"_s, corpus});
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_NE(broken.err.find("not a Dossier tagger model"), std::string::npos) << broken.err;
}

TEST(CommandLine, UnknownOptionIsAUsageError) {
    std::string error;
    EXPECT_FALSE(app::CommandLine::parse({"dossier", "list", "--frobnicate"}, error));
    EXPECT_NE(error.find("--frobnicate"), std::string::npos);
    const CliResult r = dossierRun({u"analyze"_s, u"--published"_s, u"2026-13-45"_s, u"x.txt"_s});
    EXPECT_NE(r.exitCode, 0);
}
