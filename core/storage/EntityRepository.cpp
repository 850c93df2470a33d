#include "core/storage/EntityRepository.h"

#include <algorithm>

#include "core/analysis/TimexTagger.h"
#include "core/storage/ArticleRows.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

namespace dossier::core {

namespace {
EntityRef readRef(const Statement& st, int first) {
    return {st.int64(first), st.text(first + 1), entityTypeFromString(st.text(first + 2)).value_or(EntityType::Other)};
}

// Chronological order of TimeML values of any granularity: by the middle of the period.
long long midpoint(const std::string& when) {
    const auto r = dayRangeOf(when);
    if (!r) return 0;
    return r->first.sysDays().time_since_epoch().count() + r->last.sysDays().time_since_epoch().count();
}
}  // namespace

std::optional<EntityRef> EntityRepository::find(const std::string& name, std::optional<EntityType> type) {
    auto st = db_.prepare(
        "SELECT id, name, type FROM entities WHERE name = ?1 AND (?2 IS NULL OR type = ?2) "
        "ORDER BY CASE type WHEN 'person' THEN 0 WHEN 'country' THEN 1 WHEN 'organization' THEN 2 "
        "WHEN 'place' THEN 3 ELSE 4 END LIMIT 1");
    st.bind(1, name);
    if (type) st.bind(2, toString(*type));
    else st.bindNull(2);
    if (!st.step()) return std::nullopt;
    return readRef(st, 0);
}

EntityProfile EntityRepository::profile(const EntityRef& entity, int limit) {
    EntityProfile p;
    p.entity = entity;

    auto articles = db_.prepare(std::string("SELECT ") + rows::kArticleSummary +
                                ", count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                                "WHERE m.entity_id = ?1 AND m.status = 'active' GROUP BY a.id "
                                "ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?2");
    articles.bind(1, entity.id).bind(2, limit);
    while (articles.step()) p.articles.push_back({rows::readArticleSummary(articles), articles.int64(8)});

    // article_entities is keyed (article, entity) with an index on (entity, article): both sides are index lookups.
    auto co = db_.prepare(
        "SELECT e.id, e.name, e.type, count(*) AS shared FROM article_entities mine "
        "JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != mine.entity_id "
        "JOIN entities e ON e.id = other.entity_id WHERE mine.entity_id = ?1 "
        "GROUP BY e.id ORDER BY shared DESC, e.name LIMIT ?2");
    co.bind(1, entity.id).bind(2, limit);
    while (co.step()) p.cooccurring.push_back({readRef(co, 0), co.int64(3)});

    auto rel = db_.prepare(
        "SELECT s.id, s.name, s.type, r.type, t.id, t.name, t.type, count(DISTINCT r.article_id), "
        "min(r.when_value), max(r.when_value) FROM relations r "
        "JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id "
        "WHERE r.source_id = ?1 OR r.target_id = ?1 GROUP BY r.source_id, r.type, r.target_id "
        "ORDER BY count(DISTINCT r.article_id) DESC LIMIT ?2");
    rel.bind(1, entity.id).bind(2, limit);
    while (rel.step())
        p.relations.push_back({readRef(rel, 0), rel.text(3), readRef(rel, 4), rel.int64(7), rel.text(8), rel.text(9)});

    auto ev = db_.prepare(std::string("SELECT ") + rows::kArticleSummary +
                          ", ev.when_value, ev.text, ev.timex_text FROM event_entities ee "
                          "JOIN events ev ON ev.id = ee.event_id JOIN articles a ON a.id = ev.article_id "
                          "WHERE ee.entity_id = ?1 AND ev.when_value IS NOT NULL");
    ev.bind(1, entity.id);
    while (ev.step()) p.chronology.push_back({rows::readArticleSummary(ev), ev.text(8), ev.text(9), ev.text(10)});
    std::stable_sort(p.chronology.begin(), p.chronology.end(),
                     [](const EntityEvent& a, const EntityEvent& b) { return midpoint(a.when) < midpoint(b.when); });
    return p;
}

}  // namespace dossier::core
