// The whole analysis pipeline on arbitrary bytes: any input the text importer's byte
// rules accept (at most 4 MiB, no NUL, valid UTF-8 after an optional BOM) is
// analysed as it is and exported as JSON. The first byte's lowest bit says whether the
// article has a publication date, the next bit whether the trained tagger joins the
// rules (one analysis per input instead of all four: more executions, and mutations
// flip the bits). The analyser must never throw, and every offset must lie inside the text.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/analysis/Analyzer.h"
#include "core/export/AnalysisJson.h"
#include "core/import/TextImporter.h"
#include "core/model/Date.h"
#include "fuzz/FuzzCheck.h"

using namespace dossier;

namespace {

void requireSpan(const core::Span& s, core::Offset size, const char* what) {
    fuzz::require(0 <= s.start && s.start <= s.end && s.end <= size, what);
}

void check(const core::Analysis& a, core::Offset size) {
    for (const core::Span& s : a.sentences) requireSpan(s, size, "Analyzer: sentence outside the text");
    for (const core::Entity& e : a.entities)
        for (const core::Mention& m : e.mentions) requireSpan(m.span, size, "Analyzer: mention outside the text");
    for (const core::Timex& t : a.timex) requireSpan(t.span, size, "Analyzer: timex outside the text");
    for (const core::Relation& r : a.relations) requireSpan(r.evidence, size, "Analyzer: relation outside the text");
    for (const auto* events : {&a.chronology, &a.background})
        for (const core::ChronologyEvent& ev : *events)
            requireSpan(ev.evidence, size, "Analyzer: event outside the text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Loaded once: the rules alone, and with the trained tagger (--tagger).
    static const core::Analyzer rules(core::Analyzer::Names::Rules);
    static const core::Analyzer tagger(core::Analyzer::Names::RulesAndTagger);
    std::string_view text = fuzz::bytesOf(data, size);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (size > core::TextImporter::kMaxBytes || text.find('\0') != std::string_view::npos || !core::isValidUtf8(text))
        return -1;  // the importers never hand such text to the analyser

    const auto length = static_cast<core::Offset>(core::codePointCount(text));
    core::ArticleMeta meta;
    meta.title = "Fuzz";
    if (size > 0 && (data[0] & 1) != 0) meta.published = core::Date(2025, 6, 10);
    const core::Analyzer& analyzer = size > 0 && (data[0] & 2) != 0 ? tagger : rules;
    const core::Analysis analysis = analyzer.analyze(text, meta.published);
    check(analysis, length);
    (void)core::analysisToJson(meta, analysis);
    return 0;
}
