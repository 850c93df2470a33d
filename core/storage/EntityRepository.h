#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/model/Article.h"
#include "core/storage/AnalysisRepository.h"

namespace dossier::core {

class Database;

struct EntityRef {
    std::int64_t id = 0;
    std::string name;
    EntityType type = EntityType::Other;
};

struct CoOccurrence {
    EntityRef entity;
    std::int64_t articles = 0;  // articles that mention both
};

struct AggregatedRelation {
    EntityRef source;
    std::string type;
    EntityRef target;
    std::int64_t articles = 0;
    std::string firstWhen;  // earliest and latest TimeML values stated, if any
    std::string lastWhen;
};

struct EntityEvent {
    ArticleSummary article;
    std::string when;
    std::string text;
    std::string expression;
};

// An entity across the whole library: where it appears, with whom, how it is
// related to others, and one chronology of its events. Co-occurrence and the
// chronology come from its newest `window` articles (all of them, for all but the
// most widespread entities), so the answer stays instant in a very large library.
struct EntityProfile {
    EntityRef entity;                           // the canonical entity when the one asked for was merged
    std::vector<EntityRef> aliases;             // names merged into it, by name
    std::int64_t articleCount = 0;              // every article that mentions it
    std::int64_t window = 0;                    // how many of its newest articles the rest looked at
    std::vector<EntityArticle> articles;        // newest first
    std::vector<CoOccurrence> cooccurring;      // most shared articles first
    std::vector<AggregatedRelation> relations;  // most articles first
    std::vector<EntityEvent> chronology;        // in date order; article.length is not filled
};

// A canonical entity that matched a search, with the number of articles its group is in.
struct EntityMatch {
    EntityRef entity;
    std::int64_t articles = 0;
};

// One entity row's merged_into before and after a merge or split: what undo puts back.
struct AliasChange {
    std::int64_t entity = 0;
    std::optional<std::int64_t> before;
    std::optional<std::int64_t> after;
    friend bool operator==(const AliasChange&, const AliasChange&) = default;
};
using AliasChanges = std::vector<AliasChange>;

class EntityRepository {
public:
    explicit EntityRepository(Database& db) : db_(db) {}

    // Exact name, any type when none is given (people first, then countries, …). The
    // row itself, also when it was merged into another entity: see canonical().
    std::optional<EntityRef> find(const std::string& name, std::optional<EntityType> type = std::nullopt);
    std::optional<EntityRef> get(std::int64_t id);
    // The entity everything about this one is shown under: itself unless merged.
    EntityRef canonical(const EntityRef& entity);
    // The rows merged into the entity's canonical entity (not the canonical itself).
    std::vector<EntityRef> aliasesOf(const EntityRef& entity);
    // Canonical entities whose name, or an alias's, contains the text (any case), for
    // choosing a merge target: names starting with it first, then by articles.
    std::vector<EntityMatch> search(const std::string& text, int limit = 50);

    // The profile of the entity's canonical entity, counting every alias's rows.
    EntityProfile profile(const EntityRef& entity, int limit = 50, int window = 1000);

    // The user says `from` and `into` are one entity, in every article, now and after
    // any re-analysis or import: from's whole group joins into's canonical entity.
    // Empty result when they already are one. Each call is one transaction of its own.
    AliasChanges merge(const EntityRef& from, const EntityRef& into);
    // A merged-in name becomes its own entity again; for a canonical entity, every
    // name merged into it does.
    AliasChanges split(const EntityRef& entity);
    // Undo of merge() or split(): puts back rows not changed since, keeping chains flat.
    void revert(const AliasChanges& changes);

private:
    std::int64_t canonicalId(std::int64_t id);
    Database& db_;
};

}  // namespace dossier::core
