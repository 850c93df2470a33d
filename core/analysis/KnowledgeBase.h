#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/StringKeyMap.h"

namespace dossier::core {

struct TextDocument;

enum class PhraseKind : std::uint8_t { Country, Demonym, City, Organization, Title };

struct PhraseMatch {
    PhraseKind kind;
    std::uint32_t index;  // into the records of its kind
    std::size_t length;   // in tokens
};

struct CountryRecord {
    std::string name;
    std::string iso2;
    std::string capital;
    std::int64_t urbanPopulation = 0;  // of its listed cities: decides which country a shared name means
};

struct CityRecord {
    std::string name;
    std::int32_t country = -1;  // index into countries, -1 when unknown
    std::int64_t population = 0;
    bool capital = false;
};

enum class OrgKind : std::uint8_t { International, News, Party, Military, Company, Other };

struct OrgRecord {
    std::string name;
    OrgKind kind = OrgKind::Other;
    std::int32_t country = -1;
};

enum class TitleKind : std::uint8_t { Office, Honorific, Occupation };
enum class HeadOf : std::uint8_t { None, State, Government };

struct TitleRecord {
    std::string title;
    TitleKind kind = TitleKind::Office;
    HeadOf headOf = HeadOf::None;
};

// What Dossier knows before it reads an article: countries with their names,
// short forms and demonyms, cities, organisations, office titles and person names,
// loaded from resources/kb (see its README for sources and licences). Read-only
// once built, so one instance serves every analysis and thread.
class KnowledgeBase {
public:
    // The bundled knowledge base, loaded on first use.
    static const KnowledgeBase& bundled();

    // Loads the .tsv files of a folder (a Qt resource path or a directory).
    explicit KnowledgeBase(const std::string& folder);

    // Every phrase that starts at token i, longest first. Names match as written,
    // titles in any case.
    std::vector<PhraseMatch> matchesAt(const TextDocument& doc, std::size_t i) const;
    // Whether any phrase starts with this word (as written, or in lower case for titles):
    // when not, matchesAt finds nothing there.
    bool mayStartPhrase(std::string_view word, std::string_view lower) const {
        return names_.contains(word) || titlesByLower_.contains(lower);
    }
    // The same for token i of a document, with the hashes it has for its tokens.
    bool mayStartPhraseAt(const TextDocument& doc, std::size_t i) const;

    const CountryRecord& country(std::size_t i) const { return countries_[i]; }
    const CityRecord& city(std::size_t i) const { return cities_[i]; }
    const OrgRecord& organization(std::size_t i) const { return orgs_[i]; }
    const TitleRecord& title(std::size_t i) const { return titles_[i]; }
    std::int32_t countryByName(std::string_view name) const;  // canonical name or alias; -1 when unknown
    std::int32_t countryByIso2(std::string_view iso2) const;

    bool isGivenName(std::string_view word) const { return givenNames_.contains(word); }
    // Among the 1,500 most frequent given names (US Social Security records) or chosen by hand:
    // enough to name someone even where the word has another sense ("John", "Mark"),
    // which rare ones do not ("West", "Royal", "La").
    bool isFrequentGivenName(std::string_view word) const {
        const std::uint32_t* rank = givenNames_.find(word);
        return rank && *rank <= kFrequentGivenNames;
    }
    static constexpr std::uint32_t kFrequentGivenNames = 1500;
    bool isSurname(std::string_view word) const { return surnames_.contains(word); }
    // A surname that East Asian usage puts first (Lee Jae Myung, Xi Jinping).
    bool isFamilyFirstSurname(std::string_view word) const;
    // ISO2 codes of the countries a surname is typical of (from its origins), e.g. "KR".
    std::vector<std::string> surnameCountries(std::string_view word) const;

    // An ordinary English word in lower case ("given", "park"): a capitalised sentence
    // start that is one needs other evidence to be a name.
    bool isCommonWord(std::string_view lowerWord) const { return commonWords_.contains(lowerWord); }

    std::size_t countryCount() const { return countries_.size(); }

private:
    struct Phrase {
        std::vector<std::string> rest;  // tokens after the first
        PhraseKind kind;
        std::uint32_t index;
    };
    void addPhrase(std::string_view phrase, PhraseKind kind, std::uint32_t index, bool caseInsensitive);
    void loadCountries(const std::string& folder);
    void loadCities(const std::string& folder);
    void loadOrganizations(const std::string& folder);
    void loadTitles(const std::string& folder);
    void loadNames(const std::string& folder);

    std::vector<CountryRecord> countries_;
    std::vector<CityRecord> cities_;
    std::vector<OrgRecord> orgs_;
    std::vector<TitleRecord> titles_;
    // Phrases by their first token: names as written, titles in lower case. Asked at
    // nearly every token of every article, most of which start no phrase.
    StringKeyMap<std::vector<Phrase>> names_;
    StringKeyMap<std::vector<Phrase>> titlesByLower_;
    // The name lists too are asked for most capitalised words: StringKeyMap, not
    // std::unordered_map, whose hash call, division and node chase cost more.
    StringKeyMap<std::int32_t> countryIndex_;
    StringKeyMap<std::int32_t> iso2Index_;
    StringKeyMap<bool> commonWords_;
    StringKeyMap<std::uint32_t> givenNames_;  // rank by frequency; 0 when chosen by hand
    struct SurnameInfo {
        bool familyFirst = false;
        std::string origins;  // "us|ko|zh"
    };
    StringKeyMap<SurnameInfo> surnames_;
};

}  // namespace dossier::core
