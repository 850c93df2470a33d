#pragma once

#include <string>
#include <vector>

#include "core/analysis/EntityLinker.h"
#include "core/model/Analysis.h"

namespace dossier::core {

struct TextDocument;

// Turns dated sentences into the article's chronology: one event per date a
// sentence names, with the entities it involves, ordered by when it happened
// (a month or a century sorts by its middle, so "later this month" comes after
// the days of this month that the article names). Undated sentences that relate
// entities are kept apart as background.
class ChronologyBuilder {
public:
    // The TimeML date of each sentence: its first expression with a calendar value, or "".
    static std::vector<std::string> sentenceDates(const TextDocument& doc, const std::vector<Timex>& timex);

    static void build(const TextDocument& doc, const LinkResult& linked, const std::vector<Timex>& timex,
                      const std::vector<Relation>& relations, std::vector<ChronologyEvent>& dated,
                      std::vector<ChronologyEvent>& background);
};

}  // namespace dossier::core
