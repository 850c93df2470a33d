#include "core/analysis/MentionMerger.h"

#include <algorithm>
#include <map>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"

namespace dossier::core {

namespace {

using Kind = RawMention::Kind;

bool overlaps(const RawMention& m, const NerName& n) { return m.first < n.last && n.first < m.last; }

bool fits(Kind kind, NerClass cls) {
    switch (cls) {
        case NerClass::Per: return kind == Kind::Person || kind == Kind::MaybePerson;
        case NerClass::Loc: return kind == Kind::Country || kind == Kind::Place;
        case NerClass::Org: return kind == Kind::Organization;
        default: return false;
    }
}

// Head words that make a name an organisation whatever the tagger thinks of the
// words before them ("Yongin University", "Jeans Mate Corp").
bool companyOrInstitution(std::string_view head) {
    static constexpr std::string_view kHeads[] = {
        "University", "College", "Institute", "Ministry", "Corp", "Corporation", "Inc", "Ltd", "Plc", "PLC",
        "Company", "Co", "Party", "Agency", "Commission", "Committee", "Association", "Foundation"};
    return std::find(std::begin(kHeads), std::end(kHeads), head) != std::end(kHeads);
}

// What the tagger makes of the pronoun I, capitalised as it always is ("I'm OK", "I'll
// go" in quotes): no name at all, and no evidence for one. "World War I" ends with it.
bool startsWithPronounI(const TextDocument& doc, const NerName& n) {
    const std::string_view first = doc.lower[n.first];
    const bool initial = n.first + 1 < doc.tokens.size() && doc.word(n.first + 1) == "." &&
                         !doc.tokens[n.first + 1].spaceBefore;  // "I. Botham"
    return (first == "i" && !initial) || first.starts_with("i'") || first.starts_with("i’");
}

// A name across a comma, a bracket or a possessive is the tagger's slip ("CCTV,
// President Xi", "Jordan's King Abdullah"): where it slips, the rules are the better guide.
bool brokenName(const TextDocument& doc, const NerName& n) {
    for (std::size_t k = n.first; k < n.last; ++k) {
        const std::string_view w = doc.word(k);
        if (doc.isPossessive(k) && k + 1 < n.last) return true;  // "Jordan's King Abdullah"
        if (w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "\"" || w == "“" || w == "”")
            return true;
    }
    return false;
}

}  // namespace

RawMention MentionMerger::fromName(const TextDocument& doc, const NerName& name) const {
    RawMention r;
    r.first = name.first;
    r.last = name.last;
    r.name = std::string(doc.span(name.first, name.last));
    switch (name.cls) {
        case NerClass::Per: r.kind = Kind::Person; break;
        case NerClass::Org: r.kind = Kind::Organization; break;
        default: r.kind = Kind::Place; break;
    }
    for (const PhraseMatch& m : kb_.matchesAt(doc, name.first)) {
        if (m.length != name.last - name.first) continue;
        if (name.cls == NerClass::Loc && m.kind == PhraseKind::Country) {
            r.kind = Kind::Country;
            r.name = kb_.country(m.index).name;
            r.country = static_cast<std::int32_t>(m.index);
            break;
        }
        if (name.cls == NerClass::Loc && m.kind == PhraseKind::City) {
            const CityRecord& c = kb_.city(m.index);
            r.name = c.name;
            r.country = c.country;
            r.capital = c.capital;
            break;
        }
        if (name.cls == NerClass::Org && m.kind == PhraseKind::Organization) {
            r.org = static_cast<std::int32_t>(m.index);
            r.country = kb_.organization(m.index).country;
            break;
        }
    }
    return r;
}

bool MentionMerger::listedNonPerson(const TextDocument& doc, std::size_t i) const {
    // An acronym ("IMF", "UBS") or an organisation the knowledge base lists is no
    // surname, whatever name it ended before. (Headlines in capitals write surnames so
    // too: "GERRARD" is no acronym. Cities stay possible: on CoNLL-2003 dev, guarding
    // them too cost ten people.)
    if (doc.tokens[i].allCaps && doc.word(i).size() <= 4) return true;
    for (const PhraseMatch& m : kb_.matchesAt(doc, i))
        if (m.length == 1 && m.kind == PhraseKind::Organization)
            return true;
    return false;
}

NerName MentionMerger::withoutHonorific(const TextDocument& doc, NerName name) const {
    // Honorifics only people have: a name they open is a person's, whatever class the
    // tagger gave it ("Ms Kite" as an organisation, "Lord Kinnock" as a place). Others
    // open names of places and firms too ("Duke University", "Father Christmas").
    static constexpr std::string_view kPersonal[] = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof",
                                                     "Sir", "Dame", "Lord", "Lady", "Baron", "Baroness"};
    const bool personal = std::find(std::begin(kPersonal), std::end(kPersonal), doc.word(name.first)) != std::end(kPersonal);
    if (name.cls != NerClass::Per && !personal) return name;
    for (const PhraseMatch& m : kb_.matchesAt(doc, name.first))
        if (m.kind == PhraseKind::Title && kb_.title(m.index).kind == TitleKind::Honorific &&
            m.length < name.last - name.first && !companyOrInstitution(doc.word(name.last - 1))) {
            name.first += m.length;
            name.cls = NerClass::Per;
            break;
        }
    return name;
}

std::vector<RawMention> MentionMerger::merge(const TextDocument& doc, std::vector<RawMention> rules,
                                             const std::vector<NerName>& names) const {
    // Both lists run in text order and mentions are short, so the rules a name overlaps
    // are found from a window that moves with it.
    std::size_t longest = 0;
    for (const RawMention& r : rules) longest = std::max(longest, r.last - r.first);
    std::vector<bool> drop(rules.size(), false), confirmed(rules.size(), false);
    std::vector<RawMention> added;
    std::vector<std::size_t> over;
    std::size_t from = 0;
    // The tagger's names as the rest of this reads them: no honorific, no possessive.
    const auto cleaned = [&](const NerName& tagged) {
        NerName n = withoutHonorific(doc, tagged);
        if (doc.isPossessive(n.last - 1) && n.last - n.first > 1) --n.last;  // "Gerrard's"
        return n;
    };
    // Where each surname of a person named in full is first so named: a lone surname
    // after that is the same person, whatever the tagger or the rules made of it
    // ("O'Neil said" after "Jean-Luc O'Neil"; "Gerrard" read as a club after "Steven
    // Gerrard").
    std::map<std::string_view, std::size_t> surnames;
    const auto noteSurname = [&](std::size_t first, std::size_t last) {
        if (last - first < 2) return;
        const auto [at, fresh] = surnames.emplace(doc.word(last - 1), last);
        if (!fresh) at->second = std::min(at->second, last);
    };
    for (const RawMention& r : rules)
        if (r.kind == Kind::Person || r.kind == Kind::MaybePerson) noteSurname(r.first, r.last);
    std::vector<NerName> clean;
    clean.reserve(names.size());
    for (const NerName& tagged : names) {
        clean.push_back(cleaned(tagged));
        const NerName& n = clean.back();
        if (n.cls == NerClass::Per && !brokenName(doc, n)) noteSurname(n.first, n.last);
    }
    const auto namedBefore = [&](std::size_t first, std::size_t last) {
        if (last - first != 1) return false;
        const auto it = surnames.find(doc.word(first));
        return it != surnames.end() && it->second <= first;
    };

    for (std::size_t t = 0; t < names.size(); ++t) {
        if (startsWithPronounI(doc, names[t])) continue;
        NerName n = clean[t];
        if (n.cls != NerClass::Per && namedBefore(n.first, n.last) && !listedNonPerson(doc, n.first)) n.cls = NerClass::Per;
        while (from < rules.size() && rules[from].first + longest <= n.first) ++from;
        over.clear();
        for (std::size_t k = from; k < rules.size() && rules[k].first < n.last; ++k)
            if (overlaps(rules[k], n)) over.push_back(k);
        // The tagger saw a name here, even where it slipped over its edges.
        for (std::size_t k : over) confirmed[k] = true;
        if (brokenName(doc, n)) continue;

        // Other names (events, nationalities, titles of works) are not tagged, and a rule's
        // name inside one is a slip: "Chicago PMI", "Wimbledon final". Demonyms stay, and so
        // does a person the text describes after the name ("Sri ..., the finance minister"):
        // a given name the model met in "Sri Lanka" or "Sri Lankan" does not outweigh that.
        // A title before the name does not count: "Major League", "Prince Naseem Retains".
        if (n.cls == NerClass::Misc) {
            for (std::size_t k : over) {
                const RawMention& r = rules[k];
                const bool described = r.kind == Kind::Person && r.appositionRole;
                if (r.kind != Kind::Policy && !r.demonym && !described) drop[k] = true;
            }
            continue;
        }
        // Where the rules read more than the tagger, they keep the mention:
        // - "the One China policy": a name inside a policy is part of it (but a name that
        //   reaches past a policy head is no policy: "North Atlantic Treaty Organisation");
        // - "Lee Hsien Loong", "Uppsala Institute for Peace": the whole name, of the same kind.
        const bool insideRule = std::any_of(over.begin(), over.end(), [&](std::size_t k) {
            const RawMention& r = rules[k];
            const bool contains = r.first <= n.first && n.last <= r.last;
            return contains && (r.kind == Kind::Policy || (over.size() == 1 && fits(r.kind, n.cls)));
        });
        if (insideRule) {
            for (std::size_t k : over)
                if (rules[k].kind == Kind::MaybePerson) rules[k].kind = Kind::Person;
            continue;
        }
        const auto same = std::find_if(over.begin(), over.end(), [&](std::size_t k) {
            return rules[k].first == n.first && rules[k].last == n.last;
        });
        if (same != over.end()) {
            RawMention& r = rules[*same];
            if (fits(r.kind, n.cls)) {
                if (r.kind == Kind::MaybePerson) r.kind = Kind::Person;
                continue;
            }
            // "Jeans Mate Corp" is a company, whatever the words before the head suggest.
            if (r.kind == Kind::Organization && companyOrInstitution(doc.word(r.last - 1))) continue;
            // "India's economy": a listed country before a possessive is the country, not
            // the team the tagger may take it for.
            if (r.kind == Kind::Country && n.cls == NerClass::Org && doc.isPossessive(r.last)) continue;
            drop[*same] = true;
            added.push_back(fromName(doc, n));
            continue;
        }
        // The tagger's span wins; a person keeps the role the rules read around the name.
        RawMention fresh = fromName(doc, n);
        for (std::size_t k : over) {
            drop[k] = true;
            const RawMention& r = rules[k];
            if (r.kind == Kind::Person && fresh.kind == Kind::Person && fresh.role.empty()) {
                fresh.role = r.role;
                fresh.headOf = r.headOf;
                fresh.formerRole = r.formerRole;
                fresh.appositionRole = r.appositionRole;
                fresh.roleCountry = r.roleCountry;
                fresh.affiliation = r.affiliation;
            }
        }
        added.push_back(std::move(fresh));
    }

    std::vector<RawMention> out;
    out.reserve(rules.size() + added.size());
    for (std::size_t k = 0; k < rules.size(); ++k) {
        if (drop[k]) continue;
        const RawMention& r = rules[k];
        // A rule's name the tagger passed over stays when the rules had more than
        // capitalisation to go on: a listed country or city, a title or description that
        // comes with it ("state broadcaster CCTV"), a policy, a demonym; and a lone word
        // that only becomes a person if the article named them before.
        const bool evidence = !r.role.empty() || r.kind == Kind::Policy || r.kind == Kind::MaybePerson ||
                              r.kind == Kind::Country || r.demonym || (r.kind == Kind::Place && r.country >= 0) ||
                              (r.kind == Kind::Person && namedBefore(r.first, r.last));
        if (confirmed[k] || evidence) out.push_back(std::move(rules[k]));
    }
    for (RawMention& r : added) out.push_back(std::move(r));
    std::sort(out.begin(), out.end(), [](const RawMention& a, const RawMention& b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    return out;
}

}  // namespace dossier::core
