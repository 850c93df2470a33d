#include "core/analysis/RelationExtractor.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/analysis/TextDocument.h"
#include "core/text/StringKeyMap.h"

namespace dossier::core {

namespace {

enum class Role : std::uint8_t { Person, Actor, Any };  // Actor: a country or a government

struct Trigger {
    std::string_view word;
    std::string_view type;
    bool needsPersonSubject;  // meets, visits: people do them
};

// The trigger words of each relation type (lower case).
constexpr Trigger kTriggers[] = {
    {"meet", "meets", true},        {"meets", "meets", true},         {"meeting", "meets", true},
    {"met", "meets", true},         {"welcome", "meets", true},       {"welcomes", "meets", true},
    {"welcomed", "meets", true},    {"hosted", "meets", true},        {"hosts", "meets", true},
    {"visit", "visits", true},      {"visits", "visits", true},       {"visited", "visits", true},
    {"visiting", "visits", true},   {"trip", "visits", true},         {"traveled", "visits", true},
    {"travelled", "visits", true},  {"travels", "visits", true},      {"arrived", "visits", true},
    {"arrives", "visits", true},    {"toured", "visits", true},       {"ally", "ally", false},
    {"allies", "ally", false},      {"allied", "ally", false},        {"tension", "tension", false},
    {"tensions", "tension", false}, {"dispute", "tension", false},    {"rift", "tension", false},
    {"feud", "tension", false},     {"standoff", "tension", false},   {"rivalry", "tension", false},
    {"strained", "tension", false}, {"supports", "supports", false},  {"support", "supports", false},
    {"supported", "supports", false}, {"backs", "supports", false},   {"backed", "supports", false},
    {"respect", "supports", false}, {"respects", "supports", false},  {"endorsed", "supports", false},
    {"criticism", "criticizes", false}, {"criticize", "criticizes", false}, {"criticized", "criticizes", false},
    {"criticise", "criticizes", false}, {"criticised", "criticizes", false}, {"criticizes", "criticizes", false},
    {"criticises", "criticizes", false}, {"critical", "criticizes", false}, {"condemned", "criticizes", false},
    {"condemns", "criticizes", false}, {"denounced", "criticizes", false}, {"rebuked", "criticizes", false},
    {"claims", "claims", false},    {"claim", "claims", false},       {"claimed", "claims", false},
    {"trading", "trade", false},    {"trade", "trade", false},        {"exports", "trade", false},
    {"imports", "trade", false},    {"predecessor", "predecessor", true}, {"successor", "successor", true},
};

// The triggers by word, the first listed for a word winning: asked for every word of
// every sentence with two names.
const StringKeyMap<const Trigger*>& triggers() {
    static const StringKeyMap<const Trigger*> index = [] {
        StringKeyMap<const Trigger*> m;
        for (const Trigger& t : kTriggers)
            if (!m.contains(t.word)) m[t.word] = &t;
        return m;
    }();
    return index;
}

bool symmetric(std::string_view type) { return type == "meets" || type == "tension" || type == "ally" || type == "trade"; }

// Words that end the clause a trigger governs.
bool clauseBreak(const TextDocument& d, std::size_t i) {
    static const std::set<std::string_view> kBreaks{".", ";", ":", "before", "after", "while", "but", "when",
                                                    "where", "although", "because", "though", "whereas"};
    return kBreaks.count(d.lower[i]) > 0;
}

class Extractor {
public:
    Extractor(const TextDocument& d, const LinkResult& l, const std::vector<std::string>& when)
        : d_(d), l_(l), when_(when) {
        for (std::size_t e = 0; e < l.entities.size(); ++e)
            if (l.entities[e].type == EntityType::Country && l.entityCountry[e] >= 0) countryEntity_[l.entityCountry[e]] = e;
    }

    std::vector<Relation> run() {
        for (std::size_t s = 0; s < d_.sentences.size(); ++s) sentence(s);
        leadership();
        for (const auto& m : l_.memberships) add("member_of", m.person, m.organization, m.sentence);
        return std::move(out_);
    }

private:
    struct Slot {
        std::size_t entity;
        std::size_t first, last;
    };

    // The entity a mention acts as: a capital that stands for its government acts as the country.
    std::optional<std::size_t> actorOf(const LinkedMention& m) const {
        const Entity& e = l_.entities[m.entity];
        if (e.type == EntityType::Country) return m.entity;
        if (e.type == EntityType::Place && m.standsForGovernment) {
            const auto it = countryEntity_.find(l_.entityCountry[m.entity]);
            // The capital itself acts when the article never names its country.
            return it != countryEntity_.end() ? it->second : m.entity;
        }
        if (e.type == EntityType::Person || e.type == EntityType::Organization) return m.entity;
        return std::nullopt;
    }

    void sentence(std::size_t s) {
        const SentenceRange& r = d_.sentences[s];
        std::vector<const LinkedMention*> ms;
        for (const LinkedMention& m : l_.mentionsIn(d_, s)) ms.push_back(&m);
        if (ms.size() < 2) return;
        for (std::size_t i = r.first; i < r.last; ++i)
            if (const Trigger* const* t = triggers().find(d_.lower[i])) apply(**t, i, s, ms);
    }

    const LinkedMention* before(const std::vector<const LinkedMention*>& ms, std::size_t i, bool person,
                                bool actorOnly) const {
        const LinkedMention* best = nullptr;
        for (const LinkedMention* m : ms) {
            if (m->last > i) break;
            const EntityType type = l_.entities[m->entity].type;
            if (person ? type == EntityType::Person : (actorOnly ? actorOf(*m) && type != EntityType::Organization && type != EntityType::Person : true))
                best = m;
        }
        return best;
    }

    std::vector<const LinkedMention*> after(const std::vector<const LinkedMention*>& ms, std::size_t i,
                                            std::size_t window, bool persons) const {
        std::vector<const LinkedMention*> out;
        for (const LinkedMention* m : ms) {
            if (m->first <= i) continue;
            bool broken = false;
            for (std::size_t k = i + 1; k < m->first && !broken; ++k) broken = clauseBreak(d_, k);
            if (broken || m->first - i > window) break;
            const EntityType type = l_.entities[m->entity].type;
            if (persons && type != EntityType::Person) continue;
            out.push_back(m);
            if (!persons) break;
        }
        return out;
    }

    void apply(const Trigger& t, std::size_t i, std::size_t s, const std::vector<const LinkedMention*>& ms) {
        const std::string type(t.type);
        if (type == "meets") {
            const LinkedMention* subject = before(ms, i, true, false);
            if (!subject) return;
            for (const LinkedMention* o : after(ms, i, 20, true)) add(type, subject->entity, o->entity, s);
        } else if (type == "visits") {
            const LinkedMention* subject = before(ms, i, true, false);
            if (!subject) return;
            for (const LinkedMention* o : after(ms, i, 4, false)) {
                const EntityType ot = l_.entities[o->entity].type;
                if (ot == EntityType::Place || ot == EntityType::Country) add(type, subject->entity, o->entity, s);
            }
        } else if (type == "predecessor" || type == "successor") {
            // "Lee’s predecessor, former president Yoon Suk Yeol"
            if (i < 2 || !d_.isPossessive(i - 1)) return;
            const LinkedMention* owner = before(ms, i, true, false);
            const auto next = after(ms, i, 6, true);
            if (!owner || next.empty()) return;
            if (type == "predecessor") add("predecessor", next.front()->entity, owner->entity, s);
            else add("predecessor", owner->entity, next.front()->entity, s);
        } else if (type == "ally") {
            allies(i, s, ms);
        } else if (type == "tension" || type == "trade") {
            pairRelation(type, i, s, ms);
        } else {
            // supports, criticizes, claims: actor before, target after.
            const LinkedMention* subject = before(ms, i, false, false);
            if (!subject) return;
            const auto objects = after(ms, i, 6, false);
            const auto actor = actorOf(*subject);
            if (!actor || objects.empty()) return;
            std::size_t target = objects.front()->entity;
            if (const auto a = actorOf(*objects.front())) target = *a;
            // A claim is on territory; "X claims Labour lied" is a way of saying.
            const EntityType tt = l_.entities[objects.front()->entity].type;
            if (type == "claims" && tt != EntityType::Country && tt != EntityType::Place) return;
            add(type, *actor, target, s);
        }
    }

    // "Like Japan, South Korea is a close US ally": the country before "ally" is the partner.
    void allies(std::size_t i, std::size_t s, const std::vector<const LinkedMention*>& ms) {
        const LinkedMention* partner = nullptr;
        for (const LinkedMention* m : ms)
            if (m->last <= i && i - m->last <= 1 && actorOf(*m)) partner = m;
        if (!partner) {
            const auto next = after(ms, i, 3, false);
            if (!next.empty()) partner = next.front();
        }
        if (!partner) return;
        const auto p = actorOf(*partner);
        if (!p) return;
        for (const LinkedMention* m : ms) {
            if (m->first >= i || m == partner) continue;
            const auto a = actorOf(*m);
            if (a && *a != *p && l_.entities[*a].type == EntityType::Country) add("ally", *a, *p, s);
        }
    }

    // "tensions between China and Japan", "strained relations with China", "trading partner".
    void pairRelation(const std::string& type, std::size_t i, std::size_t s, const std::vector<const LinkedMention*>& ms) {
        std::vector<std::size_t> actors;
        for (const LinkedMention* m : ms) {
            const auto a = actorOf(*m);
            if (!a || l_.entities[*a].type != EntityType::Country) continue;
            if (std::find(actors.begin(), actors.end(), *a) == actors.end()) actors.push_back(*a);
        }
        if (d_.is(i + 1, "between") || d_.is(i + 1, "with") || (d_.is(i + 1, "relations") && d_.is(i + 2, "with"))) {
            const auto next = after(ms, i, 4, false);
            if (next.empty()) return;
            const auto first = actorOf(*next.front());
            if (!first) return;
            if (d_.is(i + 1, "between")) {
                const auto more = after(ms, next.front()->last - 1, 3, false);
                if (!more.empty())
                    if (const auto second = actorOf(*more.front())) add(type, *first, *second, s);
                return;
            }
            const LinkedMention* subject = before(ms, i, false, true);
            if (subject)
                if (const auto a = actorOf(*subject)) add(type, *a, *first, s);
            return;
        }
        // "the country’s largest trading partner", "trade talks": two countries in the sentence trade.
        static const std::set<std::string_view> kTradeNouns{"partner", "partners", "deal", "talks", "agreement",
                                                            "ties", "pact", "war", "surplus", "deficit"};
        if (type == "trade" && actors.size() == 2 && i + 1 < d_.tokens.size() && kTradeNouns.count(d_.lower[i + 1]))
            add(type, actors[0], actors[1], s);
    }

    void leadership() {
        for (std::size_t e = 0; e < l_.entities.size(); ++e) {
            if (l_.entities[e].type != EntityType::Person || l_.headOf[e] == HeadOf::None) continue;
            const auto c = countryEntity_.find(l_.entityCountry[e]);
            if (c == countryEntity_.end()) continue;
            for (const LinkedMention& m : l_.mentions)
                if (m.entity == e) {
                    add("leads", e, c->second, d_.sentenceOf[m.first]);
                    break;
                }
        }
    }

    void add(const std::string& type, std::size_t source, std::size_t target, std::size_t s) {
        if (source == target) return;
        auto key = std::make_tuple(type, source, target);
        if (symmetric(type) && source > target) key = std::make_tuple(type, target, source);
        if (!seen_.insert(key).second) return;
        const SentenceRange& r = d_.sentences[s];
        out_.push_back({l_.entities[source].id, l_.entities[target].id, type, when_[s],
                        {d_.tokens[r.first].start, d_.tokens[r.last - 1].end}});
    }

    const TextDocument& d_;
    const LinkResult& l_;
    const std::vector<std::string>& when_;
    std::map<std::int32_t, std::size_t> countryEntity_;
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen_;
    std::vector<Relation> out_;
};

}  // namespace

std::vector<Relation> RelationExtractor::extract(const TextDocument& doc, const LinkResult& linked,
                                                 const std::vector<std::string>& sentenceWhen) {
    return Extractor(doc, linked, sentenceWhen).run();
}

}  // namespace dossier::core
