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
// related to others, and one chronology of its events from every article.
struct EntityProfile {
    EntityRef entity;
    std::vector<EntityArticle> articles;        // newest first
    std::vector<CoOccurrence> cooccurring;      // most shared articles first
    std::vector<AggregatedRelation> relations;  // most articles first
    std::vector<EntityEvent> chronology;        // in date order
};

class EntityRepository {
public:
    explicit EntityRepository(Database& db) : db_(db) {}

    // Exact name, any type when none is given (people first, then countries, …).
    std::optional<EntityRef> find(const std::string& name, std::optional<EntityType> type = std::nullopt);
    EntityProfile profile(const EntityRef& entity, int limit = 50);

private:
    Database& db_;
};

}  // namespace dossier::core
