#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace dossier::core {

class Analyzer;
class Library;

struct BatchResult {
    int imported = 0;
    int duplicates = 0;
    std::vector<std::pair<std::string, std::string>> refused;  // file, reason
    bool cancelled = false;
};

// Imports many files, one transaction each, so a cancelled or failed batch keeps
// what it already imported and leaves the library consistent.
class BatchImport {
public:
    // Files as given, and the articles (.txt, .md, .html) inside folders (recursively), sorted.
    static std::vector<std::string> expand(const std::vector<std::string>& paths);

    // progress(done, total, current file) is called before each file; returning false cancels.
    using Progress = std::function<bool(int done, int total, const std::string& current)>;
    static BatchResult run(Library& library, const Analyzer& analyzer, const std::vector<std::string>& files,
                           const Progress& progress = {});
};

}  // namespace dossier::core
