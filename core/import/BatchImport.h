#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace dossier::core {

class Analyzer;
class Fetcher;
class Library;
struct ImportedDocument;

struct BatchResult {
    int imported = 0;
    int duplicates = 0;
    std::vector<std::pair<std::string, std::string>> refused;  // file, reason
    bool cancelled = false;
    std::vector<std::pair<std::string, std::string>> warnings;  // item, problem (imported anyway)
};

// Imports many files, each all-or-nothing (committed in groups), so a cancelled or failed batch keeps
// what it already imported and leaves the library consistent.
class BatchImport {
public:
    // Files as given, and the articles (.txt, .md, .html) inside folders (recursively), sorted.
    static std::vector<std::string> expand(const std::vector<std::string>& paths);

    // progress(done, total, current file) is called before each file; returning false cancels.
    using Progress = std::function<bool(int done, int total, const std::string& current)>;
    // committed(files) is called after each group commits, with the files it made durable
    // (imported, or found already there): what a crash can no longer take away. Progress
    // counts files read; only this says what is saved.
    using Committed = std::function<void(const std::vector<std::string>& files)>;
    static BatchResult run(Library& library, const Analyzer& analyzer, const std::vector<std::string>& files,
                           const Progress& progress = {}, const Committed& committed = {});

    // Imports count documents made on demand (a generator, a benchmark), committed
    // in groups as files are.
    using Maker = std::function<ImportedDocument(int index)>;
    static BatchResult importDocuments(Library& library, const Analyzer& analyzer, int count, const Maker& make,
                                       const Progress& progress = {});

    // Imports the items of an RSS or Atom feed (a file, or an http(s) URL fetched only
    // now), one transaction each; duplicates by content. Items carrying only a summary
    // get their page's text when it can be fetched; a page that cannot is a warning
    // and the summary is imported. A feed that cannot be read throws ImportError.
    // fetcher reaches the network (dossier_net's HttpFetcher); without one, only files.
    static BatchResult importFeed(Library& library, const Analyzer& analyzer, const std::string& fileOrUrl,
                                  const Fetcher* fetcher = nullptr, const Progress& progress = {});
};

}  // namespace dossier::core
