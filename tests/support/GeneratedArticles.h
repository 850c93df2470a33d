#pragma once

#include <string>
#include <vector>

namespace dossier::test {

// Writes count small articles (people, places, a weekday, a date) to folder as .txt
// files, each with its own text and the title "Dispatch TAG-i"; returns their paths in
// order. The file of "Dispatch TAG-i" is named "dTAG-i.txt".
std::vector<std::string> writeArticles(const std::string& folder, const std::string& tag, int count);

}  // namespace dossier::test
