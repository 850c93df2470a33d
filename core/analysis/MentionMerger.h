#pragma once

#include <vector>

#include "core/analysis/MentionFinder.h"
#include "core/ner/NerLabel.h"

namespace dossier::core {

class KnowledgeBase;
struct TextDocument;

// Joins the trained tagger's names with the rule finder's mentions. The tagger is the
// better judge of where a name starts and ends and whether it is a person, a place or
// an organisation; the rules know what the knowledge base knows (which country, which
// listed organisation), read roles and appositions, and find what the tagger does not
// look for: policies, demonyms standing for their country.
class MentionMerger {
public:
    explicit MentionMerger(const KnowledgeBase& kb) : kb_(kb) {}

    // `rules` as MentionFinder returns them, `names` in text order as the tagger gives
    // them; returns the mentions sorted as MentionFinder sorts them.
    std::vector<RawMention> merge(const TextDocument& doc, std::vector<RawMention> rules,
                                  const std::vector<NerName>& names) const;

private:
    RawMention fromName(const TextDocument& doc, const NerName& name) const;
    // A person's name without the honorific the tagger may take in ("Mr Ebbers"): the
    // rules read it as a title and the linker joins the bare name to the full one.
    NerName withoutHonorific(const TextDocument& doc, NerName name) const;
    bool listedNonPerson(const TextDocument& doc, std::size_t i) const;

    const KnowledgeBase& kb_;
};

}  // namespace dossier::core
