#include "core/analysis/ChronologyBuilder.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/analysis/TextDocument.h"
#include "core/analysis/TimexTagger.h"

namespace dossier::core {

namespace {

std::size_t sentenceAt(const TextDocument& doc, Offset start) {
    const auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), start,
                                     [&](Offset s, const SentenceRange& r) { return s < doc.tokens[r.first].start; });
    return it == doc.sentences.begin() ? 0 : static_cast<std::size_t>(it - doc.sentences.begin()) - 1;
}

bool calendar(const Timex& t) {
    return (t.type == TimexType::Date || t.type == TimexType::Time) && !t.value.empty() && dayRangeOf(t.value);
}

Span sentenceSpan(const TextDocument& doc, std::size_t s) {
    return {doc.tokens[doc.sentences[s].first].start, doc.tokens[doc.sentences[s].last - 1].end};
}

std::vector<std::string> entitiesIn(const TextDocument& doc, const LinkResult& linked, std::size_t s) {
    std::vector<std::string> ids;
    for (const LinkedMention& m : linked.mentionsIn(doc, s)) {
        const std::string& id = linked.entities[m.entity].id;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
}

}  // namespace

std::vector<std::string> ChronologyBuilder::sentenceDates(const TextDocument& doc, const std::vector<Timex>& timex) {
    std::vector<std::string> when(doc.sentences.size());
    for (const Timex& t : timex) {
        if (!calendar(t) || doc.sentences.empty()) continue;
        std::string& w = when[sentenceAt(doc, t.span.start)];
        if (w.empty()) w = t.value;
    }
    return when;
}

void ChronologyBuilder::build(const TextDocument& doc, const LinkResult& linked, const std::vector<Timex>& timex,
                              const std::vector<Relation>& relations, std::vector<ChronologyEvent>& dated,
                              std::vector<ChronologyEvent>& background) {
    if (doc.sentences.empty()) return;
    std::vector<bool> hasDate(doc.sentences.size(), false);
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const Timex& t : timex) {
        if (!calendar(t)) continue;
        const std::size_t s = sentenceAt(doc, t.span.start);
        hasDate[s] = true;
        if (!seen.insert({s, t.value}).second) continue;
        const Span span = sentenceSpan(doc, s);
        dated.push_back({t.value, std::string(doc.span(doc.sentences[s].first, doc.sentences[s].last)),
                         entitiesIn(doc, linked, s), span, t.text});
    }
    // By the middle of the period, then its start, then text order.
    auto key = [](const ChronologyEvent& e) {
        const auto r = dayRangeOf(e.when);
        const auto first = r->first.sysDays().time_since_epoch().count();
        const auto last = r->last.sysDays().time_since_epoch().count();
        return std::make_tuple(first + last, first, e.evidence.start);
    };
    std::stable_sort(dated.begin(), dated.end(), [&](const ChronologyEvent& a, const ChronologyEvent& b) {
        return key(a) < key(b);
    });

    std::set<Offset> relationSentences;
    for (const Relation& r : relations) relationSentences.insert(r.evidence.start);
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        if (hasDate[s]) continue;
        auto ids = entitiesIn(doc, linked, s);
        const Span span = sentenceSpan(doc, s);
        if (ids.size() < 2 && !relationSentences.count(span.start)) continue;
        background.push_back({"", std::string(doc.span(doc.sentences[s].first, doc.sentences[s].last)), std::move(ids),
                              span, ""});
    }
}

}  // namespace dossier::core
