#include "core/analysis/MentionFinder.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/analysis/TextDocument.h"
#include "core/analysis/TimexLexicon.h"
#include "core/text/StringKeyMap.h"

namespace dossier::core {

namespace {

using Kind = RawMention::Kind;

// Membership in one of the word lists below, asked for almost every token: a hash
// set built once per list instead of walking up to a hundred words.
template <const auto& List>
const StringKeyMap<bool>& setOf() {
    static const StringKeyMap<bool> set = [] {
        StringKeyMap<bool> s;
        for (const std::string_view word : List) s[word] = true;
        return s;
    }();
    return set;
}
template <const auto& List>
bool in(std::string_view w) {
    return setOf<List>().contains(w);
}
// Token k's lower-case form, with the hash the document has for it.
template <const auto& List>
bool in(const TextDocument& d, std::size_t k) {
    return setOf<List>().contains(d.lower[k], d.lowerHash[k]);
}

// Words that end the name of an organisation ("Yongin University", "Self-Defense Forces").
constexpr std::string_view kOrgHeads[] = {
    "University", "College", "Institute", "Institution", "Academy", "School", "Ministry", "Department",
    "Agency", "Bureau", "Office", "Commission", "Committee", "Council", "Parliament", "Assembly", "Congress",
    "Senate", "Court", "Party", "Union", "League", "Association", "Federation", "Organization", "Organisation",
    "Foundation", "Fund", "Bank", "Corporation", "Company", "Group", "Forces", "Army", "Navy", "Guard",
    "Command", "Service", "Authority", "Secretariat", "Centre", "Center", "Forum", "Network", "Times", "Post",
    "Broadcasting", "Television", "Radio", "Inc", "Ltd", "Corp", "Facility", "Board", "Cabinet", "Police",
    "Brigade", "Movement", "Front", "Coalition", "Alliance", "Tribunal", "Inquiry", "Partnership",
    "Partnerships", "Trust", "Society", "Club", "Review", "Institutes", "Universities", "Schools"};

// Words that end the name of a landmark or geographic feature.
constexpr std::string_view kPlaceHeads[] = {
    "Hall", "Square", "Palace", "House", "Tower", "Gate", "Bridge", "Airport", "Station", "Stadium", "Temple",
    "Cathedral", "Church", "Mosque", "Street", "Avenue", "Road", "Island", "Islands", "River", "Sea", "Ocean",
    "Strait", "Bay", "Gulf", "Lake", "Mountains", "Mount", "Valley", "Desert", "Peninsula", "Canal", "Province",
    "Region", "County", "District", "Plaza", "Base", "Coast", "Basin", "Delta", "Corridor", "Harbour", "Harbor"};

// Words that end the name of a policy, treaty or programme.
constexpr std::string_view kPolicyHeads[] = {
    "Policy", "Doctrine", "Act", "Agreement", "Accord", "Accords", "Treaty", "Initiative", "Plan", "Deal",
    "Protocol", "Convention", "Strategy", "Pact"};

// Measures a government takes on something: "restrictions on Korean pop culture".
constexpr std::string_view kMeasures[] = {
    "restrictions", "sanctions", "tariffs", "tariff", "ban", "bans", "embargo", "curbs", "controls", "levies",
    "duties", "quotas", "cap", "moratorium", "boycott", "blockade"};

// Words that open sentences and are never names, though some are listed surnames ("In", "No").
constexpr std::string_view kFunctionWords[] = {
    "a", "an", "the", "in", "on", "at", "by", "for", "to", "of", "from", "with", "no", "not", "most", "more",
    "some", "any", "all", "each", "every", "many", "few", "both", "either", "neither", "but", "and", "or",
    "so", "yet", "if", "when", "while", "as", "after", "before", "since", "until", "under", "over", "this",
    "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "there", "here", "then", "now",
    "also", "even", "only", "just", "still", "however", "meanwhile", "like", "unlike", "despite", "although",
    "though", "because", "once", "why", "what", "how", "who", "which", "where", "do", "does", "did", "will",
    "can", "may", "might", "must", "should", "would", "could", "have", "has", "had", "is", "are", "was", "were"};

// Titles that, in lower case, are usually ordinary words ("a major city", "general election").
constexpr std::string_view kAdjectiveTitles[] = {"major", "general", "private", "count", "justice", "father",
                                                 "dean", "marshal", "chair", "founder", "master", "doctor"};

// Capitalised abbreviations that name no organisation.
constexpr std::string_view kNotOrgAcronyms[] = {"PM", "MP", "MPs", "TV", "HQ", "AM", "PM", "GMT", "BST", "PR", "ID",
                                                "OK", "GDP", "VAT", "CEO", "CFO", "DNA", "HIV", "AIDS", "UFO", "FAQ",
                                                "PC", "IT", "AI", "CD", "DVD", "SMS", "USB", "VIP", "LGBT", "COVID"};

// Nouns that say an appositive describes an organisation, not a person.
constexpr std::string_view kOrgNouns[] = {
    "company", "firm", "group", "bank", "agency", "depository", "organisation", "organization", "body",
    "institution", "broadcaster", "newspaper", "network", "party", "alliance", "bloc", "union", "fund",
    "regulator", "watchdog", "operator", "carrier", "manufacturer", "maker", "producer", "exchange",
    "university", "institute", "ministry", "department", "charity", "movement", "militia", "insurer",
    "lender", "airline", "conglomerate", "startup", "subsidiary", "consortium", "think-tank", "tank"};

// Verbs of saying that follow or precede a speaker's name.
constexpr std::string_view kReporting[] = {
    "said", "says", "told", "tells", "added", "adds", "noted", "notes", "wrote", "writes", "argued", "argues",
    "stressed", "warned", "warns", "explained", "asked", "replied", "insisted", "announced", "declared",
    "urged", "acknowledged", "admitted"};

// Lower-case words that can modify an office title: "parliament chairman", "top diplomat".
constexpr std::string_view kNotModifiers[] = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "could", "that", "this",
    "its", "his", "her", "their", "who", "which", "than", "then", "also", "not", "after", "before", "during",
    "under", "over", "about", "into", "through", "between", "among", "against", "without", "within", "since",
    "until", "when", "while", "where", "said", "says", "told", "tells", "met", "meet", "meets", "says", "’s",
    "'s", "if", "so", "because", "other", "such", "many"};

constexpr std::string_view kNameParticles[] = {"de", "da", "do", "dos", "das", "von", "van", "der", "den", "la", "bin", "al", "le", "di", "du"};

// Words that tie an office to where it is held: "President of AMBO", "MP for Witney".
constexpr std::string_view kOfficeLinks[] = {"of", "for", "at", "to", "in"};

// Words after which a policy phrase ends: "tariffs on Indian shrimp that ...".
constexpr std::string_view kPhraseEnd[] = {
    "that", "which", "who", "from", "by", "in", "after", "amid", "as", "while", "since", "until", "for", "to",
    "with", "was", "were", "is", "are", "will", "would", "has", "have", "had", "and", "or", "but", "over",
    "against", "during"};

bool isWord(const TextDocument& d, std::size_t i) { return i < d.tokens.size() && d.tokens[i].kind == TokenKind::Word; }
bool isCap(const TextDocument& d, std::size_t i) {
    return isWord(d, i) && (d.tokens[i].capitalized || d.tokens[i].allCaps);
}

class SentenceScanner {
public:
    SentenceScanner(const KnowledgeBase& kb, const TextDocument& doc, std::vector<RawMention>& out)
        : kb_(kb), d_(doc), out_(out), consumed_(doc.tokens.size(), false), mayStart_(doc.tokens.size()) {
        // Which tokens a listed phrase may start at, in a loop of its own: most are turned
        // away by the maps' first-byte screens, and the look-ups that remain overlap.
        for (std::size_t i = 0; i < mayStart_.size(); ++i) mayStart_[i] = kb_.mayStartPhraseAt(d_, i);
    }

    void scan(const SentenceRange& s) {
        end_ = s.last;
        title_.reset();
        pendingCountry_ = -1;
        pendingCountryEnd_ = SIZE_MAX;
        appositionPerson_ = SIZE_MAX;
        findNamedPolicies(s);
        for (std::size_t i = s.first; i < s.last;) i = step(i);
    }

private:
    struct Title {
        std::string role;
        HeadOf headOf = HeadOf::None;
        bool former = false;
        bool honorific = false;
        std::int32_t country = -1;
        std::size_t organization = SIZE_MAX;  // first token of the organisation the office is in
        std::size_t end = 0;                  // token after the title
    };

    // "One China policy", "Paris Agreement": capitalised words ending in a policy head.
    void findNamedPolicies(const SentenceRange& s) {
        for (std::size_t i = s.first; i < s.last; ++i) {
            // "Federal Reserve policy-makers": a head glued to the next word is no head.
            const bool lowerHead = (d_.is(i, "policy") || d_.is(i, "doctrine")) &&
                                   !(i + 2 < d_.tokens.size() && d_.hyphenGlued(i + 2));
            const bool capHead = isCap(d_, i) && in<kPolicyHeads>(d_.word(i));
            if (!lowerHead && !capHead) continue;
            std::size_t first = i;
            while (first > s.first && isCap(d_, first - 1) && !consumed_[first - 1]) --first;
            if (first == i) continue;  // "the policy": no name
            if (d_.sentenceStart(first) && first + 1 == i && kb_.isCommonWord(d_.lower[first])) continue;
            emit(Kind::Policy, first, i + 1, std::string(d_.span(first, i + 1)));
            for (std::size_t k = first; k <= i; ++k) consumed_[k] = true;
        }
    }

    std::size_t step(std::size_t i) {
        if (consumed_[i]) return i + 1;
        if (!isWord(d_, i)) {
            if (d_.word(i) != "-" && !d_.isPossessive(i)) title_.reset();
            return i + 1;
        }
        if (!isCap(d_, i)) return lowerCaseWord(i);

        const auto matches = matchesAt(i);
        const PhraseMatch* best = matches.empty() ? nullptr : &matches.front();
        const std::size_t run = runEnd(i);
        // An institution's name longer than any listed phrase wins: "Bank of Korea" over "Korea".
        if (best && (best->length >= run - i || best->kind == PhraseKind::Title || !hasInstitutionHead(i, run)))
            return listed(i, *best);
        return nameRun(i, run);
    }

    // A phrase from the knowledge base at i.
    std::size_t listed(std::size_t i, const PhraseMatch& m) {
        const std::size_t end = i + m.length;
        switch (m.kind) {
            case PhraseKind::Title: return title(i, m);
            case PhraseKind::Country:
            case PhraseKind::Demonym: {
                // "Atlanta, Georgia": after a city of another country, the name is a region there.
                if (m.kind == PhraseKind::Country && i >= 2 && d_.is(i - 1, ",") && !out_.empty() &&
                    out_.back().kind == Kind::Place && out_.back().last == i - 1 &&
                    out_.back().country != static_cast<std::int32_t>(m.index)) {
                    const std::int32_t where = out_.back().country;
                    auto& r = emit(Kind::Place, i, end, std::string(d_.span(i, end)));
                    r.country = where;
                    return end;
                }
                auto& r = emit(Kind::Country, i, end, kb_.country(m.index).name);
                r.country = static_cast<std::int32_t>(m.index);
                r.demonym = m.kind == PhraseKind::Demonym;
                pendingCountry_ = r.country;
                pendingCountryEnd_ = d_.isPossessive(end) ? end + 1 : end;
                return end;
            }
            case PhraseKind::City: {
                if (title_ && title_->end == i) return nameRun(i, runEnd(i));  // "President Jackson"
                if (d_.sentenceStart(i) && m.length == 1 && kb_.isCommonWord(d_.lower[i])) return end;  // "Male MPs said"
                const CityRecord& c = kb_.city(m.index);
                auto& r = emit(Kind::Place, i, end, c.name);
                r.country = c.country;
                r.capital = c.capital;
                return end;
            }
            case PhraseKind::Organization: {
                const OrgRecord& o = kb_.organization(m.index);
                // Named as the article names it ("BBC"); the listing ties "BBC" and
                // "British Broadcasting Corporation" together.
                auto& r = emit(Kind::Organization, i, end, std::string(d_.span(i, end)));
                r.country = o.country;
                r.org = static_cast<std::int32_t>(m.index);
                orgDescriptor(r);
                return end;
            }
        }
        return end;
    }

    // An office title: remembered for the name that follows.
    std::size_t title(std::size_t i, const PhraseMatch& m) {
        const TitleRecord& t = kb_.title(m.index);
        Title next;
        next.end = i + m.length;
        next.headOf = t.headOf;
        next.honorific = t.kind == TitleKind::Honorific;
        std::size_t first = i;
        // Lower-case modifiers: "parliament chairman", "former president", "top diplomat".
        while (first > 0 && i - first < 2 && modifies(first - 1, i) && !consumed_[first - 1]) --first;
        // "former president", and "Former South Korean president" where the demonym comes between.
        for (std::size_t k = first; k > 0 && first - k < 4 && d_.sentenceOf[k - 1] == d_.sentenceOf[i]; --k)
            next.former = next.former || d_.lower[k - 1] == "former" || d_.lower[k - 1] == "ex";
        next.former = next.former || (first < i && d_.lower[first] == "former");
        next.role = std::string(d_.span(first, next.end));
        if (pendingCountry_ >= 0 && (pendingCountryEnd_ == first || pendingCountryEnd_ == i)) next.country = pendingCountry_;
        // "European Commission President": the office is in that organisation.
        if (!out_.empty() && out_.back().kind == Kind::Organization && out_.back().last == first) {
            next.organization = out_.back().first;
            next.role = std::string(d_.span(out_.back().first, next.end));
        }
        // A title keeps a country of the title before it: "Chinese Premier Li Qiang and parliament chairman Zhao Leji".
        title_ = next;
        return next.end;
    }

    // Where a run of capitalised words starting at i ends; "of"/"the"/"and" join the
    // parts of an institution's name, hyphens join "Seung-chan".
    std::size_t runEnd(std::size_t i) const {
        std::size_t j = i + 1;
        while (j < end_) {
            if (d_.word(j) == "-" && !d_.tokens[j].spaceBefore && j + 1 < end_ && isWord(d_, j + 1) &&
                !d_.tokens[j + 1].spaceBefore && !adjectivalSuffix(j + 1)) {
                j += 2;
            } else if (isCap(d_, j) && !consumed_[j] && !d_.tokens[j].newlineBefore && !startsTitle(j)) {
                ++j;
            } else if (isWord(d_, j) && in<kNameParticles>(d_, j)) {
                std::size_t k = j;  // "von der Leyen", "da Silva"
                while (k < end_ && isWord(d_, k) && in<kNameParticles>(d_, k)) ++k;
                if (!isCap(d_, k) || k - j > 2) break;
                j = k;
            } else if (joinsName(i, j)) {
                j += d_.is(j + 1, "the") ? 2 : 1;
            } else {
                break;
            }
        }
        return j;
    }

    // "European Commission President Ursula von der Leyen": the title ends the organisation's name.
    bool startsTitle(std::size_t j) const {
        const auto m = matchesAt(j);
        return !m.empty() && m.front().kind == PhraseKind::Title;
    }

    // "Oscar-nominated", "Paris-based": a lower-case participle after a hyphen makes an adjective, not a name.
    bool adjectivalSuffix(std::size_t k) const {
        const std::string& w = d_.lower[k];
        if (d_.tokens[k].capitalized) return false;
        return w.ends_with("ed") || w.ends_with("ing") || w == "born" || w == "run" || w == "led" || w == "style" ||
               w == "made" || w == "era" || w == "owned";
    }

    // Whether the small word at j joins two parts of one institution's name: "Great Hall of the People",
    // "Institute for Peace", "Ministry of Commerce and Industry", but not "Palace of Nations for the
    // Ministry" or "Scottish National Party and the Tories".
    bool joinsName(std::size_t first, std::size_t j) const {
        const bool of = d_.is(j, "of"), forOn = d_.is(j, "for") || d_.is(j, "on"), andWord = d_.is(j, "and");
        if (!of && !forOn && !andWord) return false;
        if (!(isCap(d_, j + 1) || (of && d_.is(j + 1, "the") && isCap(d_, j + 2)))) return false;
        // "Grace Road on Saturday", "Institute for May": a date after the small word is no part of a name.
        if (const TimexWord* t = lookupTimexWord(d_.lower[j + 1]); t && (t->weekday || (t->month && !t->monthAbbreviation)))
            return false;
        const std::string_view prev = d_.word(j - 1);
        const bool afterHead = in<kOrgHeads>(prev) || in<kPlaceHeads>(prev) || in<kPolicyHeads>(prev) ||
                               d_.lower[j - 1] == "people";
        if (of) return afterHead || hasInstitutionHead(first, j);
        if (forOn) return afterHead;
        for (std::size_t k = first; k < j; ++k)  // "and" only inside an "of"/"for" chain
            if (d_.is(k, "of") || d_.is(k, "for")) return true;
        return false;
    }

    bool hasInstitutionHead(std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k < last; ++k)
            if (in<kOrgHeads>(d_.word(k)) || in<kPlaceHeads>(d_.word(k)) || in<kPolicyHeads>(d_.word(k))) return true;
        return false;
    }

    // A run of capitalised words that no list names: an institution, a landmark, a
    // person, or nothing we can tell.
    std::size_t nameRun(std::size_t i, std::size_t end) {
        // Trim a run that swallowed a listed country or city after a non-name ("Given China").
        for (std::size_t k = i + 1; k < end; ++k) {
            if (d_.hyphenGlued(k) || d_.word(k) == "-" || !isCap(d_, k)) continue;
            const auto m = matchesAt(k);
            if (m.empty() || m.front().kind == PhraseKind::Title || hasInstitutionHead(i, end)) continue;
            if (!kb_.isGivenName(d_.word(k - 1)) || (d_.sentenceStart(i) && k == i + 1 && kb_.isCommonWord(d_.lower[i]))) {
                end = k;
                break;
            }
        }
        const std::string text(d_.span(i, end));
        const bool initialCommon = d_.sentenceStart(i) && kb_.isCommonWord(d_.lower[i]);
        if (initialCommon && end - i == 1 && !d_.tokens[i].allCaps) {
            emit(Kind::MaybePerson, i, end, text);  // only a name if it is someone met before ("Lee arrived")
            return end;
        }
        // "But Edward Leigh", "The African Union": an ordinary word that opens the sentence is not part of
        // the name, unless it is a name itself ("Park Seung-chan"); the rest is read afresh.
        const bool nameWord =
            (kb_.isSurname(d_.word(i)) || kb_.isGivenName(d_.word(i))) && !in<kFunctionWords>(d_, i);
        if (initialCommon && !nameWord && !hasInstitutionHead(i, i + 1)) return i + 1;

        if (hasInstitutionHead(i, end) && end - i >= 2) {
            const bool place = in<kPlaceHeads>(headOf(i, end));
            auto& r = emit(place ? Kind::Place : Kind::Organization, i, end, text);
            if (place) r.country = countryAfterLandmark(end);
            else orgDescriptor(r);
            return end;
        }
        if (end - i == 1 && d_.tokens[i].allCaps && d_.word(i).size() <= 6 &&
            d_.word(i).find('.') == std::string_view::npos && !in<kNotOrgAcronyms>(d_.word(i))) {
            auto& r = emit(Kind::Organization, i, end, text);  // an unlisted acronym: "CCTV", "KOTRA"
            orgDescriptor(r);
            return end;
        }
        const std::size_t first = i;
        if (end - first == 1 && apposition(end) && describesOrganization(end)) {
            auto& r = emit(Kind::Organization, first, end, std::string(d_.span(first, end)));
            r.role = std::string(d_.span(end + 2, appositionEnd(end)));
            return end;
        }
        const bool titled = title_ && title_->end == first &&
                            (end - first > 1 || !kb_.isCommonWord(d_.lower[first]) || kb_.isSurname(d_.word(first)));
        if (personEvidence(first, end) || titled) {
            person(first, end);
        } else if (end - first == 1) {
            emit(Kind::MaybePerson, first, end, std::string(d_.span(first, end)));
        }
        return end;
    }

    std::string_view headOf(std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k < last; ++k)
            if (in<kOrgHeads>(d_.word(k)) || in<kPlaceHeads>(d_.word(k))) return d_.word(k);
        return {};
    }

    // "the Great Hall of the People in Beijing": the landmark's country from what follows.
    std::int32_t countryAfterLandmark(std::size_t end) const {
        if (!d_.is(end, "in") || end + 1 >= end_) return -1;
        const auto m = matchesAt(end + 1);
        if (m.empty()) return -1;
        if (m.front().kind == PhraseKind::City) return kb_.city(m.front().index).country;
        if (m.front().kind == PhraseKind::Country) return static_cast<std::int32_t>(m.front().index);
        return -1;
    }

    bool personEvidence(std::size_t first, std::size_t last) const {
        const std::size_t n = last - first;
        if (n >= 2 && n <= 5) {
            // A frequent given name that is also a word ("John", "Maria", "Mark") names someone
            // inside a sentence when the rest of the name is no word nor acronym: "with Mark
            // Hartono", not "Will Young" or "the Harry Potter DVD".
            if (kb_.isGivenName(d_.word(first)) &&
                (!kb_.isCommonWord(d_.lower[first]) ||
                 (kb_.isFrequentGivenName(d_.word(first)) && !d_.sentenceStart(first) &&
                  !kb_.isCommonWord(d_.lower[last - 1]) && !d_.tokens[last - 1].allCaps)))
                return true;
            if (kb_.isFamilyFirstSurname(d_.word(first))) return true;
            if (kb_.isSurname(d_.word(last - 1)) && !kb_.isCommonWord(d_.lower[last - 1])) return true;
        }
        if (descriptionStart(last) && (n >= 2 || kb_.isSurname(d_.word(first)) || kb_.isGivenName(d_.word(first))))
            return true;
        if (isWord(d_, last) && in<kReporting>(d_, last)) return true;  // "Park noted"
        return first > 0 && in<kReporting>(d_, first - 1) && !isWord(d_, last) && n >= 2;  // "said Beatriz Moura."
    }

    // The apposition's noun phrase: up to the next comma or the sentence end.
    std::size_t appositionEnd(std::size_t last) const {
        std::size_t e = last + 2;
        while (!endsDescription(e)) ++e;
        return e;
    }
    bool endsDescription(std::size_t k) const {
        return k >= end_ || d_.is(k, ",") || d_.is(k, ".") || d_.is(k, ";");
    }

    // "Euroclear, the depository holding ...": the apposition names a kind of organisation.
    bool describesOrganization(std::size_t last) const {
        for (std::size_t k = last + 2; k < end_ && k < last + 6 && isWord(d_, k); ++k)
            if (in<kOrgNouns>(d_, k)) return true;
        return false;
    }

    // ", a professor of China studies at Yongin University," after a name.
    bool apposition(std::size_t last) const {
        return d_.is(last, ",") && (d_.is(last + 1, "a") || d_.is(last + 1, "an") || d_.is(last + 1, "the")) &&
               last + 2 < end_ && isWord(d_, last + 2) && !d_.tokens[last + 2].capitalized;
    }

    // Where the description after a name starts: after the article of an apposition, or at
    // a capitalised office as British papers write it (", State Minister for Planning,",
    // ", the Chief Executive of Ofcom", ", Manchester Central MP,"); 0 when neither follows.
    // A lone one-word office is more often the next item of a list (", King, Lewsey",
    // ", Queen, Coldplay"), and an office before a name is that person's title (", Minister
    // Budi Santoso and"): neither describes the name before.
    std::size_t descriptionStart(std::size_t last) const {
        if (apposition(last)) return last + 2;
        if (!d_.is(last, ",")) return 0;
        const std::size_t s = last + 1 + (d_.is(last + 1, "the") ? 1 : 0);
        for (std::size_t k = s; k < end_ && k < s + 3 && isCap(d_, k) && !consumed_[k]; ++k) {
            const auto m = matchesAt(k);
            if (m.empty() || m.front().kind != PhraseKind::Title) continue;
            if (kb_.title(m.front().index).kind == TitleKind::Honorific) return 0;
            const std::size_t after = k + m.front().length;
            if (endsDescription(after)) return k > s || m.front().length > 1 ? s : 0;
            return in<kOfficeLinks>(d_, after) ? s : 0;  // "President of AMBO", "MP for Witney"
        }
        return 0;
    }

    void person(std::size_t first, std::size_t last) {
        auto& r = emit(Kind::Person, first, last, std::string(d_.span(first, last)));
        if (title_ && title_->end == first && !title_->honorific) {
            r.role = title_->role;
            r.headOf = title_->headOf;
            r.formerRole = title_->former;
            r.roleCountry = title_->country;
            r.affiliation = title_->organization;
        }
        title_.reset();
        const std::size_t described = descriptionStart(last);
        if (!described) return;
        const std::size_t e = appositionEnd(last);
        if (r.role.empty()) {
            r.role = std::string(d_.span(described, e));
            r.appositionRole = true;
        }
        appositionEnd_ = e;
        appositionPerson_ = out_.size() - 1;
    }

    // "state broadcaster CCTV": the words before an organisation describe it.
    void orgDescriptor(RawMention& r) {
        if (appositionPerson_ != SIZE_MAX && r.first < appositionEnd_ && out_[appositionPerson_].affiliation == SIZE_MAX)
            out_[appositionPerson_].affiliation = r.first;
        std::size_t first = r.first;
        while (first > 0 && r.first - first < 3 && modifies(first - 1, r.first)) --first;
        if (first < r.first) r.role = std::string(d_.span(first, r.first));
    }

    // A lower-case word before token `at`, in its sentence, that can describe what `at`
    // names ("state broadcaster CCTV", "former president"): not a function word nor a
    // verb form ("selling IMF gold", "elected president").
    bool modifies(std::size_t k, std::size_t at) const {
        return isWord(d_, k) && !d_.tokens[k].capitalized && !in<kNotModifiers>(d_, k) &&
               !d_.lower[k].ends_with("ed") && !d_.lower[k].ends_with("ing") && d_.sentenceOf[k] == d_.sentenceOf[at];
    }

    std::size_t lowerCaseWord(std::size_t i) {
        const auto matches = matchesAt(i);
        if (!matches.empty() && matches.front().kind == PhraseKind::Title && !in<kAdjectiveTitles>(d_, i))
            return title(i, matches.front());
        if (in<kMeasures>(d_, i) && (d_.is(i + 1, "on") || d_.is(i + 1, "against")) && i + 2 < end_) {
            std::size_t e = i + 2;
            while (e < end_ && isWord(d_, e) && e - i < 8 && !in<kPhraseEnd>(d_, e)) ++e;
            while (e > i + 2 && e < end_ && d_.hyphenGlued(e)) ++e;  // e == end_ may be past the last token
            if (e > i + 2) emit(Kind::Policy, i, e, std::string(d_.span(i, e)));
        }
        if (!in<kNotModifiers>(d_, i)) return i + 1;  // modifiers may still precede a title
        title_.reset();
        return i + 1;
    }

    RawMention& emit(Kind kind, std::size_t first, std::size_t last, std::string name) {
        RawMention r;
        r.kind = kind;
        r.first = first;
        r.last = last;
        r.name = std::move(name);
        out_.push_back(std::move(r));
        return out_.back();
    }

    std::vector<PhraseMatch> matchesAt(std::size_t i) const {
        return i < mayStart_.size() && mayStart_[i] ? kb_.matchesAt(d_, i) : std::vector<PhraseMatch>();
    }

    const KnowledgeBase& kb_;
    const TextDocument& d_;
    std::vector<RawMention>& out_;
    std::vector<bool> consumed_;
    std::vector<std::uint8_t> mayStart_;  // KnowledgeBase::mayStartPhraseAt of each token
    std::size_t end_ = 0;
    std::optional<Title> title_;
    std::int32_t pendingCountry_ = -1;
    std::size_t pendingCountryEnd_ = SIZE_MAX;
    std::size_t appositionEnd_ = 0;
    std::size_t appositionPerson_ = SIZE_MAX;
};

}  // namespace

std::vector<RawMention> MentionFinder::find(const TextDocument& doc) const {
    std::vector<RawMention> out;
    SentenceScanner scanner(kb_, doc, out);
    for (const SentenceRange& s : doc.sentences) scanner.scan(s);
    std::sort(out.begin(), out.end(), [](const RawMention& a, const RawMention& b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    return out;
}

}  // namespace dossier::core
