#include "core/eval/Benchmark.h"

#include <QDirIterator>
#include <QFileInfo>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerTagger.h"
#include "core/import/ImportError.h"
#include "core/import/TextImporter.h"

namespace dossier::core {

namespace {
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

double BenchmarkReport::wordsPerSecond() const {
    return seconds > 0 ? static_cast<double>(words) * static_cast<double>(passes) / seconds : 0.0;
}

double BenchmarkReport::megabytesPerSecond() const {
    return seconds > 0 ? static_cast<double>(bytes) * static_cast<double>(passes) / seconds / 1e6 : 0.0;
}

std::vector<std::string> Benchmark::collectFiles(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        const QFileInfo info(QString::fromStdString(path));
        if (!info.exists()) throw std::runtime_error(path + ": no such file or folder");
        if (!info.isDir()) {
            files.push_back(path);
            continue;
        }
        QStringList found;
        QDirIterator it(info.filePath(), {QStringLiteral("*.txt")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) found << it.next();
        found.sort();
        for (const QString& f : found) files.push_back(f.toStdString());
    }
    return files;
}

BenchmarkReport Benchmark::run(const std::vector<std::string>& paths, double minSeconds, BenchmarkStage stage) {
    BenchmarkReport report;
    std::vector<std::string> texts;
    for (const std::string& path : collectFiles(paths)) {
        try {
            texts.push_back(TextImporter::readFile(path).text);
        } catch (const ImportError& e) {
            report.refused.push_back(e.what());
            continue;
        }
        report.words += countWords(texts.back());
        report.bytes += texts.back().size();
    }
    report.files = texts.size();

    report.stage = stage;
    // Repeats passes over all texts until minSeconds; returns the per-pass mean of what
    // `one` counts, a visible result so that no pass can be optimised away.
    const auto timePasses = [&](const auto& one) {
        std::size_t total = 0;
        const std::optional<double> cpuStart = threadCpuSeconds();
        const auto start = Clock::now();
        do {
            for (const std::string& text : texts) total += one(text);
            ++report.passes;
            report.seconds = secondsSince(start);
        } while (report.seconds < minSeconds && !texts.empty());
        if (const std::optional<double> cpuEnd = threadCpuSeconds(); cpuStart && cpuEnd)
            report.cpuSeconds = *cpuEnd - *cpuStart;
        report.peakRssKb = peakRssKb();
        return report.passes > 0 ? total / report.passes : 0;
    };

    const auto loadStart = Clock::now();
    if (stage == BenchmarkStage::Tagger) {
        const NerTagger& tagger = NerTagger::bundled();  // model, knowledge base, word data and table
        report.loadSeconds = secondsSince(loadStart);
        report.names = timePasses([&](const std::string& text) { return tagger.tag(TextDocument(text)).size(); });
    } else {
        const Analyzer analyzer(stage == BenchmarkStage::PipelineWithTagger ? Analyzer::Names::RulesAndTagger
                                                                            : Analyzer::Names::Rules);
        report.loadSeconds = secondsSince(loadStart);
        report.sentences = timePasses(
            [&](const std::string& text) { return analyzer.analyze(text, std::nullopt).sentences.size(); });
    }
    return report;
}

std::size_t Benchmark::countWords(std::string_view text) {
    std::size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

std::optional<long> Benchmark::peakRssKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (!line.starts_with("VmHWM:")) continue;
        try {
            return std::stol(line.substr(6));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<double> Benchmark::threadCpuSeconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec t{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return std::nullopt;
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
#else
    return std::nullopt;
#endif
}

void Benchmark::print(std::ostream& out, const BenchmarkReport& r) {
    const bool tagger = r.stage == BenchmarkStage::Tagger;
    const char* stage = tagger                                          ? "entity tagger alone"
                        : r.stage == BenchmarkStage::PipelineWithTagger ? "whole analysis pipeline, with the tagger"
                                                                        : "whole analysis pipeline, rules only";
    out << std::fixed << "stage       " << stage << "\n"
        << "files       " << r.files << " (" << r.refused.size() << " refused)\n"
        << "words       " << r.words << " per pass\n"
        << "bytes       " << r.bytes << " per pass\n";
    if (tagger)
        out << "names       " << r.names << " per pass, found by the tagger\n";
    else
        out << "sentences   " << r.sentences << " per pass, found by the analyzer\n";
    out << "passes      " << r.passes << "\n"
        << "seconds     " << std::setprecision(3) << r.seconds << " (one thread)\n";
    if (r.cpuSeconds && r.seconds > 0) {
        // A busy machine slows the wall clock's figures without saying so; this says so.
        const double share = *r.cpuSeconds / r.seconds;
        out << "cpu         " << std::setprecision(3) << *r.cpuSeconds << " s on the thread, "
            << std::setprecision(0) << share * 100 << " % of the time"
            << (share < 0.9 ? ": other work took the core, the rates below understate the analysis\n" : "\n");
    }
    out
        << "words/s     " << std::setprecision(0) << r.wordsPerSecond() << "\n"
        << "MB/s        " << std::setprecision(2) << r.megabytesPerSecond() << "\n"
        << "load        " << std::setprecision(3) << r.loadSeconds
        << (tagger ? " s (loading the knowledge base, model and word data)\n" : " s (constructing the Analyzer)\n")
        << "peak RSS    "
        << (r.peakRssKb ? std::to_string(*r.peakRssKb / 1024) + " MiB" : std::string("unknown")) << "\n";
    for (const std::string& why : r.refused) out << "refused     " << why << "\n";
}

}  // namespace dossier::core
