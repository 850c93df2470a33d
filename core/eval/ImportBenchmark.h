#pragma once

// How fast a library takes in articles: import, analysis and indexing together,
// through BatchImport as the GUI and the command line do it.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/Analyzer.h"

namespace dossier::core {

struct ImportBenchmarkReport {
    std::size_t files = 0;
    int imported = 0;
    int duplicates = 0;
    std::size_t refused = 0;
    double seconds = 0;
    std::int64_t libraryBytes = 0;  // the library file with its WAL, after a checkpoint
    std::optional<long> peakRssKb;

    double articlesPerSecond() const { return seconds > 0 ? imported / seconds : 0; }
};

class ImportBenchmark {
public:
    // Imports the files and folders into a new library at libraryPath (which must not exist).
    static ImportBenchmarkReport run(const std::vector<std::string>& paths, const std::string& libraryPath,
                                     Analyzer::Names names = Analyzer::Names::Rules);
    static void print(std::ostream& out, const ImportBenchmarkReport& report);
};

}  // namespace dossier::core
