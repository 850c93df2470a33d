#pragma once

#include <string>
#include <vector>

namespace dossier::test {

// Writes count small articles (people, places, a weekday, a date) to folder as .txt
// files, each with the title "Dispatch TAG-i"; returns their paths in order. The file of
// "Dispatch TAG-i" is named "dTAG-i.txt". Each text ends with ", ref " and a lowercase
// word made from TAG-i, which makes it unique and is neither a name nor a date; without
// it, the texts repeat every 90 articles, so tests can analyse one of each to know what
// every article's analysis must be.
std::vector<std::string> writeArticles(const std::string& folder, const std::string& tag, int count);

inline constexpr const char* kReference = ", ref ";
// The article text without its reference word: the same for articles analysed alike.
std::string withoutReference(const std::string& text);

}  // namespace dossier::test
