#include "core/analysis/KnowledgeBase.h"

#include <QFile>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/analysis/TextDocument.h"
#include "core/analysis/Tokenizer.h"

namespace dossier::core {

namespace {

// Cities below this size are left out: smaller towns share their names with too
// many people and words ("Lee", "Park") to be worth the false alarms.
constexpr std::int64_t kMinCityPopulation = 100000;

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const auto p = line.find(sep, start);
        out.push_back(line.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) break;
        start = p + 1;
    }
    return out;
}

// The first value given for a key stays, as std::unordered_map::emplace would keep it.
template <class Value>
void addFirst(StringKeyMap<Value>& map, std::string_view key, Value value) {
    if (!map.contains(key)) map[key] = std::move(value);
}

// Calls f(columns) for every data row of a .tsv file.
template <typename F>
void forEachRow(const std::string& folder, const char* file, std::size_t minColumns, F&& f) {
    QFile in(QString::fromStdString(folder + "/" + file));
    if (!in.open(QIODevice::ReadOnly)) {
        spdlog::error("knowledge base: cannot read {}/{}", folder, file);
        return;
    }
    const QByteArray data = in.readAll();
    std::string_view rest(data.constData(), static_cast<std::size_t>(data.size()));
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() >= minColumns) f(cols);
    }
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

OrgKind orgKindOf(std::string_view s) {
    if (s == "intl") return OrgKind::International;
    if (s == "news") return OrgKind::News;
    if (s == "party") return OrgKind::Party;
    if (s == "military") return OrgKind::Military;
    if (s == "company") return OrgKind::Company;
    return OrgKind::Other;
}

}  // namespace

const KnowledgeBase& KnowledgeBase::bundled() {
    static const KnowledgeBase kb(":/dossier/kb");
    return kb;
}

KnowledgeBase::KnowledgeBase(const std::string& folder) {
    loadCountries(folder);
    loadCities(folder);
    loadOrganizations(folder);
    loadTitles(folder);
    loadNames(folder);
    // Longest phrases first, so the matcher can stop at the first that fits.
    for (auto* map : {&names_, &titlesByLower_})
        map->forEachValue([](std::vector<Phrase>& phrases) {
            std::stable_sort(phrases.begin(), phrases.end(),
                             [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
        });
}

void KnowledgeBase::addPhrase(std::string_view phrase, PhraseKind kind, std::uint32_t index, bool caseInsensitive) {
    if (phrase.empty()) return;
    const std::string source = caseInsensitive ? lowerAscii(phrase) : std::string(phrase);
    const auto tokens = Tokenizer::tokenize(source);
    if (tokens.empty()) return;
    Phrase p{{}, kind, index};
    for (std::size_t i = 1; i < tokens.size(); ++i) p.rest.emplace_back(tokens[i].text(source));
    auto& map = caseInsensitive ? titlesByLower_ : names_;
    map[tokens[0].text(source)].push_back(std::move(p));
}

void KnowledgeBase::loadCountries(const std::string& folder) {
    forEachRow(folder, "countries.tsv", 6, [&](const std::vector<std::string_view>& c) {
        const auto index = static_cast<std::uint32_t>(countries_.size());
        countries_.push_back({std::string(c[0]), std::string(c[1]), std::string(split(c[5], '|').front())});
        addFirst(countryIndex_, c[0], static_cast<std::int32_t>(index));
        addFirst(iso2Index_, c[1], static_cast<std::int32_t>(index));
        addPhrase(c[0], PhraseKind::Country, index, false);
        for (auto alias : split(c[3], '|')) {
            addFirst(countryIndex_, alias, static_cast<std::int32_t>(index));
            addPhrase(alias, PhraseKind::Country, index, false);
        }
        for (auto demonym : split(c[4], '|')) addPhrase(demonym, PhraseKind::Demonym, index, false);
    });
}

void KnowledgeBase::loadCities(const std::string& folder) {
    std::unordered_map<std::string, std::size_t> byName;  // the most populous city of a name wins
    forEachRow(folder, "cities.tsv", 6, [&](const std::vector<std::string_view>& c) {
        const bool capital = c[5] == "1";
        std::int64_t population = 0;
        for (char ch : c[4]) population = population * 10 + (ch >= '0' && ch <= '9' ? ch - '0' : 0);
        const std::int32_t country = countryByIso2(c[3]);
        if (country >= 0) countries_[static_cast<std::size_t>(country)].urbanPopulation += population;
        if (population < kMinCityPopulation && !capital) return;
        CityRecord city{std::string(c[0]), country, population, capital};
        std::vector<std::string_view> names{c[0]};
        for (auto alt : split(c[2], '|')) names.push_back(alt);
        for (auto name : names) {
            if (name.empty() || countryIndex_.contains(name)) continue;  // "Singapore" is the country
            auto [it, inserted] = byName.emplace(std::string(name), cities_.size());
            if (!inserted) {
                const CityRecord& other = cities_[it->second];
                // A capital beats a larger namesake only when the other is not a capital too.
                const bool better = (capital && !other.capital) || (capital == other.capital && population > other.population);
                if (!better) continue;
                it->second = cities_.size();
            }
        }
        cities_.push_back(std::move(city));
    });
    for (const auto& [name, index] : byName) addPhrase(name, PhraseKind::City, static_cast<std::uint32_t>(index), false);
}

void KnowledgeBase::loadOrganizations(const std::string& folder) {
    forEachRow(folder, "organizations.tsv", 4, [&](const std::vector<std::string_view>& c) {
        const auto index = static_cast<std::uint32_t>(orgs_.size());
        orgs_.push_back({std::string(c[0]), orgKindOf(c[1]), countryByIso2(c[3])});
        addPhrase(c[0], PhraseKind::Organization, index, false);
        for (auto alias : split(c[2], '|')) addPhrase(alias, PhraseKind::Organization, index, false);
    });
}

void KnowledgeBase::loadTitles(const std::string& folder) {
    forEachRow(folder, "titles.tsv", 3, [&](const std::vector<std::string_view>& c) {
        const auto index = static_cast<std::uint32_t>(titles_.size());
        TitleRecord t{std::string(c[0]), TitleKind::Office, HeadOf::None};
        if (c[1] == "honorific") t.kind = TitleKind::Honorific;
        if (c[1] == "occupation") t.kind = TitleKind::Occupation;
        if (c[2] == "state") t.headOf = HeadOf::State;
        if (c[2] == "government") t.headOf = HeadOf::Government;
        titles_.push_back(std::move(t));
        addPhrase(c[0], PhraseKind::Title, index, true);
        if (c[0].size() > 1 && c[0].back() == '.') addPhrase(c[0].substr(0, c[0].size() - 1), PhraseKind::Title, index, true);
    });
}

void KnowledgeBase::loadNames(const std::string& folder) {
    forEachRow(folder, "given_names.tsv", 2, [&](const std::vector<std::string_view>& c) {
        std::uint32_t rank = 0;  // hand-chosen names have none
        std::from_chars(c[1].data(), c[1].data() + c[1].size(), rank);
        givenNames_[c[0]] = rank;
    });
    forEachRow(folder, "surnames.tsv", 4, [&](const std::vector<std::string_view>& c) {
        addFirst(surnames_, c[0], SurnameInfo{c[3] == "1", std::string(c[2])});
    });
    QFile words(QString::fromStdString(folder + "/common_words.txt"));
    if (words.open(QIODevice::ReadOnly))
        for (const QByteArray& w : words.readAll().split('\n'))
            if (!w.isEmpty() && w[0] != '#')
                commonWords_[std::string_view(w.constData(), static_cast<std::size_t>(w.size()))] = true;
}

bool KnowledgeBase::mayStartPhraseAt(const TextDocument& doc, std::size_t i) const {
    return names_.contains(doc.word(i), doc.wordHash[i]) ||
           titlesByLower_.contains(doc.lower[i], doc.lowerHash[i]);
}

std::vector<PhraseMatch> KnowledgeBase::matchesAt(const TextDocument& doc, std::size_t i) const {
    std::vector<PhraseMatch> out;
    auto scan = [&](const StringKeyMap<std::vector<Phrase>>& map, bool lower) {
        const std::vector<Phrase>* phrases =
            lower ? map.find(doc.lower[i], doc.lowerHash[i]) : map.find(doc.word(i), doc.wordHash[i]);
        if (!phrases) return;
        for (const Phrase& p : *phrases) {
            if (i + 1 + p.rest.size() > doc.tokens.size()) continue;
            bool ok = true;
            for (std::size_t k = 0; k < p.rest.size() && ok; ++k) {
                const std::size_t t = i + 1 + k;
                ok = (lower ? doc.lower[t] == p.rest[k] : doc.word(t) == p.rest[k]) &&
                     doc.sentenceOf[t] == doc.sentenceOf[i];
            }
            if (ok) out.push_back({p.kind, p.index, 1 + p.rest.size()});
        }
    };
    scan(names_, false);
    scan(titlesByLower_, true);
    // Longest first; among names that several countries share ("American", "Indian"), the larger country.
    auto weight = [&](const PhraseMatch& m) -> std::int64_t {
        return m.kind == PhraseKind::Country || m.kind == PhraseKind::Demonym ? countries_[m.index].urbanPopulation : 0;
    };
    // stable_sort takes a buffer from the heap even for one element: most calls have none or one.
    if (out.size() > 1)
        std::stable_sort(out.begin(), out.end(), [&](const PhraseMatch& a, const PhraseMatch& b) {
            return a.length != b.length ? a.length > b.length : weight(a) > weight(b);
        });
    return out;
}

std::int32_t KnowledgeBase::countryByName(std::string_view name) const {
    const std::int32_t* index = countryIndex_.find(name);
    return index ? *index : -1;
}

std::int32_t KnowledgeBase::countryByIso2(std::string_view iso2) const {
    const std::int32_t* index = iso2Index_.find(iso2);
    return index ? *index : -1;
}

bool KnowledgeBase::isFamilyFirstSurname(std::string_view word) const {
    const SurnameInfo* info = surnames_.find(word);
    return info && info->familyFirst;
}

std::vector<std::string> KnowledgeBase::surnameCountries(std::string_view word) const {
    static const std::vector<std::pair<std::string_view, std::string_view>> kOrigins{
        {"ko", "KR"}, {"zh", "CN"}, {"ja", "JP"}, {"vi", "VN"}};
    std::vector<std::string> out;
    const SurnameInfo* info = surnames_.find(word);
    if (!info) return out;
    for (auto origin : split(info->origins, '|'))
        for (const auto& [code, iso] : kOrigins)
            if (origin == code) out.emplace_back(iso);
    return out;
}

}  // namespace dossier::core
