#include "core/analysis/Analyzer.h"

#include "core/analysis/ChronologyBuilder.h"
#include "core/analysis/EntityLinker.h"
#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/MentionFinder.h"
#include "core/analysis/MentionMerger.h"
#include "core/analysis/RelationExtractor.h"
#include "core/analysis/TextDocument.h"
#include "core/analysis/TimexTagger.h"
#include "core/ner/NerTagger.h"

#include <algorithm>

namespace dossier::core {

Analyzer::Analyzer(Names names) : kb_(KnowledgeBase::bundled()) {
    if (names == Names::RulesAndTagger) tagger_ = &NerTagger::bundled();
}
Analyzer::~Analyzer() = default;

namespace {
// A name the finder was unsure of that is really a date ("in May") is no mention.
// Binary search over the expressions by start, with the furthest end so far, so that
// long articles stay linear.
void dropMentionsInsideTimex(std::vector<RawMention>& raw, const TextDocument& doc, const std::vector<Timex>& timex) {
    std::vector<Span> spans;
    for (const Timex& t : timex) spans.push_back(t.span);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Offset> furthestEnd(spans.size());
    for (std::size_t k = 0; k < spans.size(); ++k)
        furthestEnd[k] = std::max(spans[k].end, k > 0 ? furthestEnd[k - 1] : Offset{0});
    std::erase_if(raw, [&](const RawMention& m) {
        if (m.kind != RawMention::Kind::MaybePerson && m.kind != RawMention::Kind::Person) return false;
        const Offset start = doc.tokens[m.first].start, end = doc.tokens[m.last - 1].end;
        // The expressions that start before the mention ends; one of them must end after it starts.
        const auto startsBefore = std::lower_bound(spans.begin(), spans.end(), end,
                                                   [](const Span& s, Offset e) { return s.start < e; });
        const auto k = static_cast<std::size_t>(startsBefore - spans.begin());
        return k > 0 && furthestEnd[k - 1] > start;
    });
}
}  // namespace

Analysis Analyzer::analyze(std::string_view text, const std::optional<Date>& published) const {
    Analysis analysis;
    const TextDocument doc(text);
    for (const SentenceRange& s : doc.sentences)
        analysis.sentences.push_back({doc.tokens[s.first].start, doc.tokens[s.last - 1].end});

    analysis.timex = TimexTagger::tag(doc, published);
    std::vector<RawMention> raw = MentionFinder(kb_).find(doc);
    if (tagger_) raw = MentionMerger(kb_).merge(doc, std::move(raw), tagger_->tag(doc));
    dropMentionsInsideTimex(raw, doc, analysis.timex);
    LinkResult linked = EntityLinker(kb_).link(doc, raw);
    analysis.relations =
        RelationExtractor::extract(doc, linked, ChronologyBuilder::sentenceDates(doc, analysis.timex));
    ChronologyBuilder::build(doc, linked, analysis.timex, analysis.relations, analysis.chronology, analysis.background);
    analysis.entities = std::move(linked.entities);
    return analysis;
}

}  // namespace dossier::core
