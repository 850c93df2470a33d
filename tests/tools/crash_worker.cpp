// A small program the reliability tests start, kill and run side by side: it does
// what Dossier does to a library (a batch import, annotation edits, a long write)
// and prints, one flushed line each, what it has durably saved, so the test can
// hold the library to it after a SIGKILL. Built only for tests.
//
//   crash_worker import LIBRARY FOLDER...          batch import, "committed\tFILE" per file made durable
//   crash_worker annotate LIBRARY ARTICLE SEED N   N annotation adds/edits/removes on one article
//   crash_worker hold LIBRARY MILLISECONDS         writes inside a transaction and keeps the lock
//
// Every mode prints "ready" once the library is open, "done ..." when it ends, and
// "error\tKIND\tMESSAGE" (exit 2) on a StorageError.
#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "core/text/TextOffsets.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace dossier::core;

namespace {

// One line, flushed at once: a SIGKILL right after must not lose it.
void say(const std::string& line) {
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

int runImport(const std::string& libraryPath, const std::vector<std::string>& folders) {
    Library library(libraryPath);
    const Analyzer analyzer;
    const std::vector<std::string> files = BatchImport::expand(folders);
    say("ready");
    const BatchResult result =
        BatchImport::run(library, analyzer, files, {}, [](const std::vector<std::string>& done) {
            for (const std::string& f : done) say("committed\t" + f);
        });
    say("done\t" + std::to_string(result.imported) + "\t" + std::to_string(result.duplicates) + "\t" +
        std::to_string(result.refused.size()));
    for (const auto& [file, why] : result.refused) say("refused\t" + file + "\t" + why);
    return 0;
}

// Adds, edits and removes annotations at random. Before each call it says what it is
// about to do ("begin ..."), after the call returned (its transaction committed) that
// it is saved, so the test knows the one change that may or may not have landed.
int runAnnotate(const std::string& libraryPath, ArticleId article, unsigned seed, int count) {
    Library library(libraryPath);
    AnnotationRepository& notes = library.annotations();
    const auto text = library.articles().get(article);
    if (!text) throw StorageError("no article " + std::to_string(article));
    const auto length = static_cast<Offset>(codePointCount(text->text));
    std::vector<AnnotationId> ids;
    for (const Annotation& a : notes.forArticle(article)) ids.push_back(a.id);
    std::mt19937 rng(seed);
    const std::vector<std::string> colors{"#ffd54f", "#a5d6a7", "#90caf9", "#ef9a9a"};
    const std::vector<std::string> tagPool{"trade", "quotes", "check", "δέλτα", "follow-up"};
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto someTags = [&] {
        std::vector<std::string> tags;
        for (const std::string& t : tagPool)
            if (pick(3) == 0) tags.push_back(t);
        return tags;
    };
    say("ready");
    for (int n = 0; n < count; ++n) {
        // Adds, edits, removes; fewer adds once there are many, so the library stays small
        // however fast the disk lets this go.
        const int what = ids.empty() ? 0 : pick(20);
        const int adds = ids.size() < 100 ? 10 : 5;
        const std::string note = "note " + std::to_string(seed) + "-" + std::to_string(n) + " café";
        if (what < adds) {
            Annotation a;
            a.article = article;
            a.span.start = pick(static_cast<int>(length - 1));
            a.span.end = std::min<Offset>(length, a.span.start + 1 + pick(40));
            a.color = colors[static_cast<std::size_t>(pick(4))];
            a.note = note;
            a.tags = someTags();
            say("begin add\t" + a.note + "\t" + a.color + "\t" + join(a.tags) + "\t" +
                std::to_string(a.span.start) + "\t" + std::to_string(a.span.end));
            const Annotation saved = notes.add(a);
            ids.push_back(saved.id);
            say("saved add\t" + std::to_string(saved.id));
        } else if (what < adds + 7) {
            auto a = notes.get(ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))]);
            if (!a) continue;
            a->note = note + " (edited)";
            a->color = colors[static_cast<std::size_t>(pick(4))];
            a->tags = someTags();
            say("begin update\t" + std::to_string(a->id) + "\t" + a->note + "\t" + a->color + "\t" +
                join(a->tags));
            notes.update(*a);
            say("saved update\t" + std::to_string(a->id));
        } else {
            const std::size_t i = static_cast<std::size_t>(pick(static_cast<int>(ids.size())));
            const AnnotationId id = ids[i];
            ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(i));
            say("begin remove\t" + std::to_string(id));
            notes.remove(id);
            say("saved remove\t" + std::to_string(id));
        }
    }
    say("done");
    return 0;
}

// Another program in the middle of a long write: it holds the write lock and never commits.
int runHold(const std::string& libraryPath, int milliseconds) {
    Library library(libraryPath);
    Transaction tx = library.transaction();
    ArticleMeta meta;
    meta.title = "Written by the holder";
    library.articles().add(meta, "An article the holder never commits.");
    say("ready");
    QThread::msleep(static_cast<unsigned long>(milliseconds));
    say("done");
    return 0;  // the transaction rolls back
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);  // resources (the analyser's word lists) and Qt's file functions
    const QStringList args = QCoreApplication::arguments();
    auto arg = [&](int i) { return args.value(i).toStdString(); };
    try {
        if (args.size() >= 4 && args[1] == u"import") {
            std::vector<std::string> folders;
            for (int i = 3; i < args.size(); ++i) folders.push_back(arg(i));
            return runImport(arg(2), folders);
        }
        if (args.size() == 6 && args[1] == u"annotate")
            return runAnnotate(arg(2), args[3].toLongLong(), args[4].toUInt(), args[5].toInt());
        if (args.size() == 4 && args[1] == u"hold") return runHold(arg(2), args[3].toInt());
    } catch (const StorageError& e) {
        say("error\t" + std::to_string(static_cast<int>(e.kind())) + "\t" + e.what());
        return 2;
    }
    std::fputs(
        "usage: crash_worker import LIBRARY FOLDER... | annotate LIBRARY ARTICLE SEED N | hold LIBRARY MS\n",
        stderr);
    return 1;
}
