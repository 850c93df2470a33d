#include "core/analysis/EntityLinker.h"

#include <QString>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/analysis/TextDocument.h"

namespace dossier::core {

namespace {

using Kind = RawMention::Kind;

std::string slug(std::string_view name) {
    if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out;  // most names: ASCII, without the round trip through QString
        for (const char c : name) {
            const bool letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (letterOrDigit) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            else if (!out.empty() && out.back() != '-') out += '-';
        }
        while (!out.empty() && out.back() == '-') out.pop_back();
        return out;
    }
    QString s = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())).toLower();
    QString out;
    for (const QChar c : s) {
        if (c.isLetterOrNumber()) out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-')) out += u'-';
    }
    while (out.endsWith(u'-')) out.chop(1);
    return out.toStdString();
}

EntityType typeOf(Kind k) {
    switch (k) {
        case Kind::Person:
        case Kind::MaybePerson: return EntityType::Person;
        case Kind::Country: return EntityType::Country;
        case Kind::Place: return EntityType::Place;
        case Kind::Organization: return EntityType::Organization;
        case Kind::Policy: return EntityType::Policy;
    }
    return EntityType::Other;
}

// How much a role says: a current office that heads a state beats a generic "leader".
int roleRank(const RawMention& m) {
    if (m.role.empty()) return 0;
    if (m.appositionRole) return 2;
    if (m.formerRole) return 3;
    if (m.headOf != HeadOf::None) return 5;
    return 4;
}

// Words a place is followed by when it acts as a government ("Beijing has", "Washington supports").
bool actsAsGovernment(const TextDocument& d, const LinkedMention& m) {
    const std::size_t before = m.first;
    if (before > 0 && d.sentenceOf[before - 1] == d.sentenceOf[m.first]) {
        static const std::set<std::string_view> kLocative{"in", "to", "at", "from", "into", "near", "via",
                                                          "outside", "inside", "around", "across", "toward",
                                                          "towards", "through", "of"};
        if (kLocative.count(d.lower[before - 1])) return false;
    }
    if (m.last >= d.tokens.size()) return false;
    const std::string& next = d.lower[m.last];
    if (next == "’s" || next == "'s") return true;  // "Beijing’s claims"
    static const std::set<std::string_view> kVerbs{
        "has", "have", "had", "is", "was", "will", "would", "could", "should", "can", "may", "might", "must",
        "says", "said", "wants", "wanted", "supports", "supported", "continues", "continued", "insists",
        "insisted", "accused", "accuses", "rejected", "rejects", "denied", "denies", "warned", "warns",
        "announced", "urged", "urges", "demanded", "demands", "responded", "imposed", "hopes", "hoped",
        "believes", "sees", "views", "considers", "plans", "seeks", "sought", "backs", "backed", "opposes",
        "opposed", "condemned", "criticised", "criticized", "protested", "respects", "recognizes",
        "recognises", "remains", "also", "does", "did", "agreed", "refused", "signalled", "signaled"};
    if (kVerbs.count(next)) return true;
    // "acknowledging Beijing as the sole government"
    return next == "as" && m.last + 2 < d.tokens.size() && (d.lower[m.last + 2] == "government" ||
                                                             d.lower[m.last + 3 < d.tokens.size() ? m.last + 3 : m.last] == "government");
}

class Linker {
public:
    Linker(const KnowledgeBase& kb, const TextDocument& d) : kb_(kb), d_(d) {}

    LinkResult run(const std::vector<RawMention>& raw) {
        for (const RawMention& m : raw)
            if (m.kind != Kind::Person && m.kind != Kind::MaybePerson) linkNamed(m);
        linkPeople(raw);
        assignRoles(raw);
        markGovernments();
        std::sort(result_.mentions.begin(), result_.mentions.end(),
                  [](const LinkedMention& a, const LinkedMention& b) { return a.first < b.first; });
        for (Entity& e : result_.entities)
            std::sort(e.mentions.begin(), e.mentions.end(),
                      [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
        return std::move(result_);
    }

private:
    std::size_t entityFor(EntityType type, const std::string& name, std::int32_t country) {
        const auto key = std::make_pair(type, name);
        if (auto it = byName_.find(key); it != byName_.end()) return it->second;
        Entity e;
        e.type = type;
        e.name = name;
        e.id = std::string(toString(type)) + "/" + slug(name);
        if (country >= 0 && type != EntityType::Country) e.country = kb_.country(static_cast<std::size_t>(country)).name;
        result_.entities.push_back(std::move(e));
        result_.entityCountry.push_back(country);
        result_.headOf.push_back(HeadOf::None);
        byName_[key] = result_.entities.size() - 1;
        return result_.entities.size() - 1;
    }

    void addMention(std::size_t entity, const RawMention& m) {
        Mention mention;
        mention.span = {d_.tokens[m.first].start, d_.tokens[m.last - 1].end};
        mention.text = std::string(d_.span(m.first, m.last));
        result_.entities[entity].mentions.push_back(std::move(mention));
        result_.mentions.push_back({entity, m.first, m.last, false});
    }

    void linkNamed(const RawMention& m) {
        std::string name = m.name;
        if (m.kind == Kind::Organization || m.kind == Kind::Place || m.kind == Kind::Policy) {
            if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name = name.substr(4);
        }
        // A listed organisation is one entity whatever the article calls it; it is named by its longest form.
        std::size_t e;
        if (m.org >= 0) {
            const auto it = orgEntity_.find(m.org);
            if (it == orgEntity_.end()) {
                e = entityFor(EntityType::Organization, name, m.country);
                orgEntity_[m.org] = e;
            } else {
                e = it->second;
                if (name.size() > result_.entities[e].name.size()) {
                    result_.entities[e].name = name;
                    byName_[{EntityType::Organization, name}] = e;
                }
            }
        } else {
            e = entityFor(typeOf(m.kind), name, m.country);
        }
        if (m.kind == Kind::Country) countriesInText_.insert(m.country);
        if (m.kind == Kind::Place && m.capital) capitals_.insert(e);
        if (m.kind == Kind::Organization && !m.role.empty() && result_.entities[e].role.empty())
            result_.entities[e].role = m.role;
        addMention(e, m);
    }

    // The words of a full name by which the text may later call the person.
    std::vector<std::string> shortKeys(const RawMention& m) const {
        std::vector<std::string> parts;
        for (std::size_t k = m.first; k < m.last; ++k) {
            if (d_.word(k) == "-" || d_.hyphenGlued(k)) continue;
            parts.emplace_back(d_.word(k));
        }
        if (parts.size() < 2) return {};
        const bool familyFirst = kb_.isFamilyFirstSurname(parts.front()) &&
                                 (m.last - m.first != parts.size() ||  // a hyphenated given name
                                  !kb_.isSurname(parts.back()) || kb_.isFamilyFirstSurname(parts.back()) ||
                                  parts.size() == 3);
        if (familyFirst) return {parts.front()};
        return {parts.back()};
    }

    void linkPeople(const std::vector<RawMention>& raw) {
        // Full names first, so short forms can look both ways.
        struct Full {
            std::size_t entity;
            std::size_t token;
            std::vector<std::string> keys;
        };
        std::vector<Full> full;
        std::vector<Full> inner;  // other words of a name: "Lula" of "Luiz Inácio Lula da Silva"
        // Indexes, so that a long article with thousands of names stays linear: the
        // lower-case last words of each full name ("der leyen", "leyen"), to its entity as
        // of its latest full mention; and each key word to its names, in text order.
        std::unordered_map<std::string, std::size_t> bySuffix;
        std::unordered_map<std::string, std::vector<std::size_t>> fullByKey, innerByKey;
        const auto index = [](std::vector<Full>& list, std::unordered_map<std::string, std::vector<std::size_t>>& byKey,
                              Full f) {
            std::sort(f.keys.begin(), f.keys.end());
            f.keys.erase(std::unique(f.keys.begin(), f.keys.end()), f.keys.end());
            for (const std::string& key : f.keys) byKey[key].push_back(list.size());
            list.push_back(std::move(f));
        };
        for (const RawMention& m : raw) {
            if (m.kind != Kind::Person) continue;
            const auto keys = shortKeys(m);
            if (keys.empty()) continue;
            // "Von der Leyen" after "Ursula von der Leyen", "De Wever" after "Bart De Wever".
            const auto found = bySuffix.find(TextDocument::lowerOf(m.name));
            const std::size_t e =
                found != bySuffix.end() ? found->second : entityFor(EntityType::Person, m.name, -1);
            const std::string name = TextDocument::lowerOf(result_.entities[e].name);
            for (std::size_t p = 0; p < name.size(); ++p)
                if (name[p] == ' ') bySuffix[name.substr(p + 1)] = e;
            index(full, fullByKey, {e, m.first, keys});
            std::vector<std::string> others;
            for (std::size_t k = m.first + 1; k + 1 < m.last; ++k)
                if (isCapitalisedWord(k) && !d_.hyphenGlued(k)) others.emplace_back(d_.word(k));
            if (!others.empty()) index(inner, innerByKey, {e, m.first, others});
            addMention(e, m);
            personMentions_[e].push_back(&m);
        }
        for (const RawMention& m : raw) {
            if ((m.kind != Kind::Person && m.kind != Kind::MaybePerson) || !shortKeys(m).empty()) continue;
            const std::string word(d_.word(m.first));
            const Full* best = nearest(full, fullByKey, word, m.first);
            if (!best) best = nearest(inner, innerByKey, word, m.first);
            std::size_t e;
            if (best) e = best->entity;
            else if (m.kind == Kind::Person) e = entityFor(EntityType::Person, m.name, -1);
            else continue;  // a capitalised word that is nobody we know
            addMention(e, m);
            personMentions_[e].push_back(&m);
        }
    }

    bool isCapitalisedWord(std::size_t k) const {
        return d_.tokens[k].kind == TokenKind::Word && d_.tokens[k].capitalized;
    }

    // The name with this key word nearest before the token, else the first after it.
    template <typename Full>
    static const Full* nearest(const std::vector<Full>& list,
                               const std::unordered_map<std::string, std::vector<std::size_t>>& byKey,
                               const std::string& word, std::size_t token) {
        const auto it = byKey.find(word);
        if (it == byKey.end()) return nullptr;
        const std::vector<std::size_t>& at = it->second;  // in text order
        const auto after = std::partition_point(at.begin(), at.end(), [&](std::size_t k) { return list[k].token < token; });
        return &list[after != at.begin() ? *(after - 1) : at.front()];
    }

    void assignRoles(const std::vector<RawMention>& raw) {
        for (auto& [e, mentions] : personMentions_) {
            Entity& entity = result_.entities[e];
            const RawMention* best = nullptr;
            std::int32_t country = -1;
            for (const RawMention* m : mentions) {
                if (roleRank(*m) > (best ? roleRank(*best) : 0)) best = m;
                if (country < 0 && m->roleCountry >= 0) country = m->roleCountry;
            }
            if (best) {
                entity.role = best->role;
                if (best->roleCountry >= 0) country = best->roleCountry;
            }
            for (const RawMention* m : mentions)
                if (m->affiliation != SIZE_MAX)
                    if (const auto org = entityAt(m->affiliation))
                        result_.memberships.push_back({e, *org, d_.sentenceOf[m->first]});
            if (country < 0) country = affiliationCountry(raw, mentions);
            if (country < 0) country = predecessorCountry(mentions);
            if (country < 0) country = sentenceCountry(mentions);
            if (country < 0) country = nameOriginCountry(mentions);
            if (country >= 0) {
                entity.country = kb_.country(static_cast<std::size_t>(country)).name;
                result_.entityCountry[e] = country;
            }
            result_.headOf[e] = best && !best->formerRole ? best->headOf : HeadOf::None;
        }
    }

    // `raw` is in text order: the organisation at a token is found by binary search, so
    // that an article with thousands of people stays linear.
    std::int32_t affiliationCountry(const std::vector<RawMention>& raw, const std::vector<const RawMention*>& ms) const {
        for (const RawMention* m : ms) {
            if (m->affiliation == SIZE_MAX) continue;
            auto r = std::lower_bound(raw.begin(), raw.end(), m->affiliation,
                                      [](const RawMention& x, std::size_t token) { return x.first < token; });
            for (; r != raw.end() && r->first == m->affiliation; ++r)
                if (r->kind == Kind::Organization && r->country >= 0) return r->country;
        }
        return -1;
    }

    // "Lee’s predecessor, former president Yoon Suk Yeol": the predecessor served the same country.
    std::int32_t predecessorCountry(const std::vector<const RawMention*>& ms) const {
        for (const RawMention* m : ms) {
            for (std::size_t k = m->first; k-- > 0 && m->first - k <= 4;) {
                if (d_.sentenceOf[k] != d_.sentenceOf[m->first]) break;
                if (d_.lower[k] != "predecessor" && d_.lower[k] != "successor") continue;
                if (k < 2 || !d_.isPossessive(k - 1)) break;
                const auto other = entityAt(k - 2);
                if (other && result_.entities[*other].type == EntityType::Person) return countryOfPerson(*other);
                break;
            }
        }
        return -1;
    }

    std::int32_t countryOfPerson(std::size_t e) const {
        if (result_.entityCountry[e] >= 0) return result_.entityCountry[e];
        const auto it = personMentions_.find(e);
        if (it == personMentions_.end()) return -1;
        for (const RawMention* m : it->second)
            if (m->roleCountry >= 0) return m->roleCountry;
        return -1;
    }

    std::optional<std::size_t> entityAt(std::size_t token) const {
        for (const LinkedMention& lm : result_.mentions)
            if (lm.first <= token && token < lm.last) return lm.entity;
        return std::nullopt;
    }

    // An office holder without a stated country serves the one named last before them in the sentence.
    std::int32_t sentenceCountry(const std::vector<const RawMention*>& ms) const {
        for (const RawMention* m : ms) {
            if (m->role.empty() || m->appositionRole) continue;
            std::int32_t found = -1;
            for (const LinkedMention& lm : result_.mentions) {
                if (lm.first >= m->first) break;
                if (d_.sentenceOf[lm.first] != d_.sentenceOf[m->first]) continue;
                const Entity& e = result_.entities[lm.entity];
                if (e.type == EntityType::Country) found = result_.entityCountry[lm.entity];
            }
            if (found >= 0) return found;
        }
        return -1;
    }

    // Last resort: a family name typical of one country that the article is about.
    std::int32_t nameOriginCountry(const std::vector<const RawMention*>& ms) const {
        for (const RawMention* m : ms) {
            const auto keys = shortKeys(*m);
            if (keys.empty()) continue;
            std::int32_t found = -1;
            int count = 0;
            for (const std::string& iso : kb_.surnameCountries(keys.front())) {
                const std::int32_t c = kb_.countryByIso2(iso);
                if (c >= 0 && countriesInText_.count(c)) {
                    found = c;
                    ++count;
                }
            }
            return count == 1 ? found : -1;
        }
        return -1;
    }

    void markGovernments() {
        for (LinkedMention& lm : result_.mentions) {
            Entity& e = result_.entities[lm.entity];
            if (e.type != EntityType::Place || result_.entityCountry[lm.entity] < 0) continue;
            if (!capitals_.count(lm.entity)) continue;
            if (actsAsGovernment(d_, lm)) {
                lm.standsForGovernment = true;
                e.standsFor = e.country;
            }
        }
    }


    const KnowledgeBase& kb_;
    const TextDocument& d_;
    LinkResult result_;
    std::map<std::pair<EntityType, std::string>, std::size_t> byName_;
    std::map<std::size_t, std::vector<const RawMention*>> personMentions_;
    std::set<std::int32_t> countriesInText_;
    std::map<std::int32_t, std::size_t> orgEntity_;
    std::set<std::size_t> capitals_;  // entities that are national capitals
};

}  // namespace

std::span<const LinkedMention> LinkResult::mentionsIn(const TextDocument& doc, std::size_t sentence) const {
    const auto before = [&](const LinkedMention& m, std::size_t s) { return doc.sentenceOf[m.first] < s; };
    const auto first = std::lower_bound(mentions.begin(), mentions.end(), sentence, before);
    const auto last = std::lower_bound(first, mentions.end(), sentence + 1, before);
    return {first, last};
}

LinkResult EntityLinker::link(const TextDocument& doc, const std::vector<RawMention>& raw) const {
    Linker linker(kb_, doc);
    return linker.run(raw);
}

}  // namespace dossier::core
