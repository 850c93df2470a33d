#include "tests/support/GeneratedArticles.h"

#include <QDir>
#include <QFile>

#include <array>

namespace dossier::test {

namespace {
// Two lowercase letters for each character of the id: a word that makes the text unique
// and that the analyser takes for no name and no date.
std::string referenceOf(const std::string& id) {
    std::string out;
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        out += static_cast<char>('a' + u / 26 % 26);
        out += static_cast<char>('a' + u % 26);
    }
    return out;
}
}  // namespace

std::string withoutReference(const std::string& text) {
    const std::size_t at = text.rfind(kReference);
    return at == std::string::npos ? text : text.substr(0, at);
}

std::vector<std::string> writeArticles(const std::string& folder, const std::string& tag, int count) {
    static constexpr std::array<const char*, 6> kPeople{"Mark Carney",      "Claudia Sheinbaum",
                                                        "Ulf Kristersson",  "Maria Okafor",
                                                        "Jonas Gahr Støre", "William Ruto"};
    static constexpr std::array<const char*, 6> kCities{"Oslo",   "Ottawa",  "Stockholm",
                                                        "Geneva", "Nairobi", "Lisbon"};
    static constexpr std::array<const char*, 6> kCountries{"Norway", "Canada", "Sweden",
                                                           "Kenya",  "Mexico", "Portugal"};
    static constexpr std::array<const char*, 5> kDays{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    QDir().mkpath(QString::fromStdString(folder));
    std::vector<std::string> files;
    for (int i = 0; i < count; ++i) {
        // Two different names of a list for each article, varying with i.
        auto first = [i](const auto& list) { return list[static_cast<std::size_t>(i) % list.size()]; };
        auto second = [i](const auto& list) {
            return list[static_cast<std::size_t>(i + 1 + (i / 6) % 5) % list.size()];
        };
        const std::string id = tag + "-" + std::to_string(i);
        const std::string text = "title: Dispatch " + id + "\npublished: 2025-0" + std::to_string(1 + i % 9) +
                                 "-1" + std::to_string(i % 10) + "\nsource: Test Wire\n\n" + first(kPeople) +
                                 " met " + second(kPeople) + " in " + first(kCities) + " on " + first(kDays) +
                                 " to discuss fishing quotas, officials said. " + first(kCountries) +
                                 " and " + second(kCountries) +
                                 " will resume talks in March 2026.\n\nThe dispatch was filed from " +
                                 second(kCities) + kReference + referenceOf(id) + ".";
        const QString path =
            QDir(QString::fromStdString(folder)).filePath(QString::fromStdString("d" + id + ".txt"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) f.write(text.data(), static_cast<qint64>(text.size()));
        files.push_back(path.toStdString());
    }
    return files;
}

}  // namespace dossier::test
