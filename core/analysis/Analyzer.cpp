#include "core/analysis/Analyzer.h"

#include "core/analysis/ChronologyBuilder.h"
#include "core/analysis/EntityLinker.h"
#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/MentionFinder.h"
#include "core/analysis/MentionMerger.h"
#include "core/analysis/RelationExtractor.h"
#include "core/analysis/TextDocument.h"
#include "core/analysis/TimexTagger.h"
#include "core/ner/NerModel.h"
#include "core/ner/NerTagger.h"

#include <algorithm>

namespace dossier::core {

Analyzer::Analyzer(Names names) : kb_(KnowledgeBase::bundled()) {
    if (names == Names::RulesAndTagger) tagger_ = std::make_unique<NerTagger>(NerModel::bundled(), kb_);
}
Analyzer::~Analyzer() = default;

namespace {
// A name the finder was unsure of that is really a date ("in May") is no mention.
void dropMentionsInsideTimex(std::vector<RawMention>& raw, const TextDocument& doc, const std::vector<Timex>& timex) {
    std::erase_if(raw, [&](const RawMention& m) {
        if (m.kind != RawMention::Kind::MaybePerson && m.kind != RawMention::Kind::Person) return false;
        const Offset start = doc.tokens[m.first].start, end = doc.tokens[m.last - 1].end;
        return std::any_of(timex.begin(), timex.end(),
                           [&](const Timex& t) { return t.span.start < end && start < t.span.end; });
    });
}
}  // namespace

Analysis Analyzer::analyze(std::string_view text, const std::optional<Date>& published) const {
    Analysis analysis;
    const TextDocument doc(text);
    for (const SentenceRange& s : doc.sentences)
        analysis.sentences.push_back({doc.tokens[s.first].start, doc.tokens[s.last - 1].end});

    analysis.timex = TimexTagger::tag(doc.text, doc.tokens, doc.sentences, published);
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
