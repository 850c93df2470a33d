#pragma once

#include <string>
#include <vector>

#include "core/import/TextImporter.h"
#include "core/model/Article.h"

namespace dossier::core {

class Analyzer;
class Library;

struct ImportOutcome {
    ArticleId id = 0;
    bool added = false;  // false: the same text was already in the library
    std::string title;
};

// Brings articles into a library: reads the file, analyses the text and stores the
// article with its analysis in one transaction, so an article is either fully
// imported or absent.
class ArticleImporter {
public:
    ArticleImporter(Library& library, const Analyzer& analyzer) : library_(library), analyzer_(analyzer) {}

    // Throws ImportError (file refused) or StorageError (library problem); the
    // library is unchanged in both cases.
    ImportOutcome importFile(const std::string& path);
    ImportOutcome importDocument(const ImportedDocument& doc);

    // Analyses a stored article again (new pipeline, changed date), keeping the
    // user's corrections.
    void reanalyze(ArticleId id);

    // The sample articles bundled with Dossier; returns how many were added.
    int importBundledSamples();
    static std::vector<std::string> bundledSampleNames();

private:
    Library& library_;
    const Analyzer& analyzer_;
};

}  // namespace dossier::core
