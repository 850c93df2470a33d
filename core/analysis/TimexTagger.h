#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/analysis/SentenceSplitter.h"  // SentenceRange {first,last} token ranges
#include "core/analysis/Token.h"
#include "core/model/Analysis.h"  // Timex
#include "core/model/Date.h"

namespace dossier::core {

struct TextDocument;

// Rule-based TIMEX3 tagger for news English: explicit and relative dates, weekdays and
// months read with the tense of their sentence, decades and centuries, durations,
// sets and the PRESENT/PAST/FUTURE references. Hand-written token matching over small
// static tables, so it costs little next to the rest of the pipeline.
class TimexTagger {
public:
    // Finds TIMEX3 expressions in the text and normalises them as TimeML does, relative to the publication date.
    // Without a date, relative expressions get an empty value and `relative` describes them (e.g. "weekday:1:past").
    static std::vector<Timex> tag(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<SentenceRange>& sentences, const std::optional<Date>& published);
    // The same for an analysed document, whose token hashes spare hashing its words again.
    static std::vector<Timex> tag(const TextDocument& doc, const std::optional<Date>& published);

private:
    static std::vector<Timex> tag(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<SentenceRange>& sentences, const std::optional<Date>& published,
                                  const std::vector<std::uint64_t>* lowerHash);
};

// Day range a TimeML value covers ("2026-01" -> 2026-01-01..2026-01-31, "19" -> 1900-01-01..1999-12-31,
// "2025-W52", "2026-SU", "2026-Q1", "199" decade); nullopt for durations and *_REF. Used to order the chronology.
struct DayRange {
    Date first;
    Date last;
};
std::optional<DayRange> dayRangeOf(std::string_view timemlValue);

}  // namespace dossier::core
