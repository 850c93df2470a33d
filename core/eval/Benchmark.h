#pragma once

// Pipeline throughput on one thread: how many words of news the analyzer gets through
// per second, what loading it costs, and how much memory it takes at peak.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core {

// What is timed: the whole analysis pipeline (rules only, or with the trained entity
// tagger), or the tagger alone (tokenising and sentence splitting included, as it
// needs them).
enum class BenchmarkStage { Pipeline, PipelineWithTagger, Tagger };

struct BenchmarkReport {
    BenchmarkStage stage = BenchmarkStage::Pipeline;
    std::size_t files = 0;
    std::vector<std::string> refused;  // "path: reason", files the importer would refuse
    std::size_t words = 0;             // per pass
    std::size_t bytes = 0;             // per pass, UTF-8 text without header blocks
    std::size_t sentences = 0;         // per pass, as the analyzer found them (pipeline)
    std::size_t names = 0;             // per pass, as the tagger found them (tagger)
    std::size_t passes = 0;
    double seconds = 0;      // analysis, all passes, by the wall clock
    // The thread's CPU time over those passes, where the system tells it. Far less than
    // `seconds` means other work shared the core, and the rates understate it.
    std::optional<double> cpuSeconds;
    double loadSeconds = 0;  // constructing the Analyzer or loading the tagger (knowledge base, model)
    std::optional<long> peakRssKb;

    double wordsPerSecond() const;
    double megabytesPerSecond() const;  // 10^6 bytes
};

class Benchmark {
public:
    // Repeats the whole set until at least this long has passed, so short sets still give stable rates.
    static constexpr double kMinSeconds = 2.0;

    // Files as given; folders searched recursively for *.txt, in path order.
    // Throws std::runtime_error when a path does not exist.
    static std::vector<std::string> collectFiles(const std::vector<std::string>& paths);

    // Reads the files (header blocks removed as on import), then times the analyzer over them.
    static BenchmarkReport run(const std::vector<std::string>& paths, double minSeconds = kMinSeconds,
                               BenchmarkStage stage = BenchmarkStage::Pipeline);

    static std::size_t countWords(std::string_view text);  // whitespace-separated tokens
    static std::optional<long> peakRssKb();                // VmHWM from /proc/self/status
    static std::optional<double> threadCpuSeconds();       // CPU time of the calling thread

    static void print(std::ostream& out, const BenchmarkReport& report);
};

}  // namespace dossier::core
