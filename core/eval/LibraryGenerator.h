#pragma once

#include <string>
#include <vector>

#include "core/import/TextImporter.h"

namespace dossier::core {

// Makes as many distinct articles as a benchmark needs from a folder of real ones
// (the BBC corpus): article i is source article i mod n with its paragraphs rotated
// and a paragraph of another article added, so every text is new to the library
// (no duplicate), still reads like news, and names the same people and places as
// real articles do. Dates spread over ten years, sources over the corpus' folders.
class LibraryGenerator {
public:
    // Reads the .txt articles under the paths; throws std::runtime_error when none.
    explicit LibraryGenerator(const std::vector<std::string>& paths);

    std::size_t sourceCount() const { return sources_.size(); }
    ImportedDocument make(std::size_t i) const;

private:
    struct Source {
        ImportedDocument doc;
        std::vector<std::string> paragraphs;
    };
    std::vector<Source> sources_;
};

}  // namespace dossier::core
