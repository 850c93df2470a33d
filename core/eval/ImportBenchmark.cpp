#include "core/eval/ImportBenchmark.h"

#include <QFileInfo>

#include <chrono>
#include <iomanip>
#include <ostream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/eval/Benchmark.h"
#include "core/import/BatchImport.h"
#include "core/storage/Library.h"

namespace dossier::core {

ImportBenchmarkReport ImportBenchmark::run(const std::vector<std::string>& paths, const std::string& libraryPath,
                                           Analyzer::Names names) {
    if (QFileInfo::exists(QString::fromStdString(libraryPath)))
        throw std::runtime_error(libraryPath + " exists; the benchmark imports into a new library");
    ImportBenchmarkReport report;
    const auto files = BatchImport::expand(paths);
    report.files = files.size();
    {
        Library library(libraryPath);
        const Analyzer analyzer(names);  // loaded before the clock starts, as in a running program
        const auto start = std::chrono::steady_clock::now();
        const BatchResult result = BatchImport::run(library, analyzer, files);
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        report.imported = result.imported;
        report.duplicates = result.duplicates;
        report.refused = result.refused.size();
    }  // closing the library checkpoints the WAL into the file
    for (const char* suffix : {"", "-wal", "-shm"})
        report.libraryBytes += QFileInfo(QString::fromStdString(libraryPath + suffix)).size();
    report.peakRssKb = Benchmark::peakRssKb();
    return report;
}

void ImportBenchmark::print(std::ostream& out, const ImportBenchmarkReport& r) {
    out << "files       " << r.files << "\n"
        << "imported    " << r.imported << " (" << r.duplicates << " duplicates, " << r.refused << " refused)\n"
        << "seconds     " << std::fixed << std::setprecision(2) << r.seconds << " (import, analysis, indexing; one thread)\n"
        << "articles/s  " << std::setprecision(0) << r.articlesPerSecond() << "\n"
        << "library     " << std::setprecision(1) << static_cast<double>(r.libraryBytes) / (1024.0 * 1024.0) << " MiB\n";
    if (r.peakRssKb) out << "peak RSS    " << *r.peakRssKb / 1024 << " MiB\n";
}

}  // namespace dossier::core
