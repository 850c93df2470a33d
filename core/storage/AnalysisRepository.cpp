#include "core/storage/AnalysisRepository.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/storage/ArticleRows.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

namespace dossier::core {

std::int64_t AnalysisRepository::entityRowId(const Entity& entity) {
    // Most entities of a new article are already in the library: a lookup by the
    // unique index is much cheaper than an upsert, which writes even when nothing changes.
    auto find = db_.prepare("SELECT id, country IS NULL FROM entities WHERE name = ?1 AND type = ?2");
    find.bind(1, entity.name).bind(2, toString(entity.type));
    if (find.step()) {
        const std::int64_t id = find.int64(0);
        if (find.int64(1) != 0 && !entity.country.empty()) {
            auto update = db_.prepare("UPDATE entities SET country = ?1 WHERE id = ?2");
            update.bind(1, entity.country).bind(2, id).run();
        }
        return id;
    }
    auto insert = db_.prepare("INSERT INTO entities (name, type, country) VALUES (?1, ?2, ?3)");
    insert.bind(1, entity.name).bind(2, toString(entity.type)).bindTextOrNull(3, entity.country).run();
    return db_.lastInsertRowId();
}

void AnalysisRepository::store(ArticleId article, const Analysis& analysis, int pipelineVersion, Replace replace) {
    if (replace == Replace::Existing) replaceAutomatic(article);
    storeRows(article, analysis, pipelineVersion);
}

void AnalysisRepository::replaceAutomatic(ArticleId article) {
    for (const char* table : {"relations", "mentions"}) {
        auto del = db_.prepare(std::string("DELETE FROM ") + table + " WHERE article_id = ?1 AND origin = 'automatic'");
        del.bind(1, article).run();
    }
    for (const char* table : {"timex", "events"}) {
        auto del = db_.prepare(std::string("DELETE FROM ") + table + " WHERE article_id = ?1");
        del.bind(1, article).run();
    }
    // Entities that only user mentions still point at keep their row.
    auto delEntities = db_.prepare(
        "DELETE FROM article_entities WHERE article_id = ?1 AND entity_id NOT IN "
        "(SELECT entity_id FROM mentions WHERE article_id = ?1 AND origin = 'user')");
    delEntities.bind(1, article).run();
}

void AnalysisRepository::storeRows(ArticleId article, const Analysis& analysis, int pipelineVersion) {
    std::map<std::string, std::int64_t> rowOf;  // local id -> entities.id
    auto link = db_.prepare(
        "INSERT INTO article_entities (article_id, entity_id, local_id, role, country, stands_for, published) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT published FROM articles WHERE id = ?1)) "
        "ON CONFLICT DO UPDATE SET local_id = excluded.local_id, "
        "role = excluded.role, country = excluded.country, stands_for = excluded.stands_for");
    auto mention = db_.prepare(
        "INSERT INTO mentions (article_id, entity_id, start, \"end\", text, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const Entity& e : analysis.entities) {
        const std::int64_t row = entityRowId(e);
        rowOf[e.id] = row;
        link.reset();
        link.bind(1, article).bind(2, row).bind(3, e.id).bindTextOrNull(4, e.role).bindTextOrNull(5, e.country);
        link.bindTextOrNull(6, e.standsFor).run();
        for (const Mention& m : e.mentions) {
            if (m.origin == Origin::User) continue;  // user mentions are stored by the correction commands
            mention.reset();
            mention.bind(1, article).bind(2, row).bind(3, m.span.start).bind(4, m.span.end).bind(5, m.text);
            mention.bind(6, toString(m.origin)).run();
        }
    }

    auto relation = db_.prepare(
        "INSERT INTO relations (article_id, source_id, target_id, type, when_value, evidence_start, evidence_end) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const Relation& r : analysis.relations) {
        const auto s = rowOf.find(r.source), t = rowOf.find(r.target);
        if (s == rowOf.end() || t == rowOf.end()) continue;
        relation.reset();
        relation.bind(1, article).bind(2, s->second).bind(3, t->second).bind(4, r.type).bindTextOrNull(5, r.when);
        relation.bind(6, r.evidence.start).bind(7, r.evidence.end).run();
    }

    auto timex = db_.prepare(
        "INSERT INTO timex (article_id, start, \"end\", text, type, value, relative) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const Timex& t : analysis.timex) {
        timex.reset();
        timex.bind(1, article).bind(2, t.span.start).bind(3, t.span.end).bind(4, t.text).bind(5, toString(t.type));
        timex.bindTextOrNull(6, t.value).bindTextOrNull(7, t.relative).run();
    }

    auto event = db_.prepare(
        "INSERT INTO events (article_id, when_value, timex_text, text, evidence_start, evidence_end) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto eventEntity = db_.prepare("INSERT OR IGNORE INTO event_entities (event_id, entity_id) VALUES (?1, ?2)");
    auto storeEvents = [&](const std::vector<ChronologyEvent>& events) {
        for (const ChronologyEvent& ev : events) {
            event.reset();
            event.bind(1, article).bindTextOrNull(2, ev.when).bindTextOrNull(3, ev.timexText).bind(4, ev.text);
            event.bind(5, ev.evidence.start).bind(6, ev.evidence.end).run();
            const std::int64_t id = db_.lastInsertRowId();
            for (const std::string& local : ev.entities) {
                const auto it = rowOf.find(local);
                if (it == rowOf.end()) continue;
                eventEntity.reset();
                eventEntity.bind(1, id).bind(2, it->second).run();
            }
        }
    };
    storeEvents(analysis.chronology);
    storeEvents(analysis.background);

    auto version = db_.prepare("UPDATE articles SET analysis_version = ?1 WHERE id = ?2");
    version.bind(1, pipelineVersion).bind(2, article).run();
}

void AnalysisRepository::addUserMention(ArticleId article, const Entity& entity, const Mention& mention) {
    const std::int64_t row = entityRowId(entity);
    auto link = db_.prepare(
        "INSERT INTO article_entities (article_id, entity_id, local_id, role, country, published) "
        "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT published FROM articles WHERE id = ?1)) ON CONFLICT DO NOTHING");
    link.bind(1, article).bind(2, row).bind(3, entity.id).bindTextOrNull(4, entity.role);
    link.bindTextOrNull(5, entity.country).run();
    auto st = db_.prepare(
        "INSERT INTO mentions (article_id, entity_id, start, \"end\", text, origin) VALUES (?1, ?2, ?3, ?4, ?5, 'user')");
    st.bind(1, article).bind(2, row).bind(3, mention.span.start).bind(4, mention.span.end).bind(5, mention.text).run();
}

void AnalysisRepository::rejectMention(ArticleId article, const Span& span) {
    // The rejection is a user row of its own, so re-analysis, which replaces the
    // automatic rows, cannot bring the mention back.
    auto st = db_.prepare(
        "INSERT INTO mentions (article_id, entity_id, start, \"end\", text, origin, status) "
        "SELECT article_id, entity_id, start, \"end\", text, 'user', 'rejected' FROM mentions "
        "WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3 AND origin = 'automatic' LIMIT 1");
    st.bind(1, article).bind(2, span.start).bind(3, span.end).run();
}

void AnalysisRepository::removeUserMention(ArticleId article, const std::string& entityName, EntityType type,
                                           const Span& span) {
    auto st = db_.prepare(
        "DELETE FROM mentions WHERE id = (SELECT m.id FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.article_id = ?1 AND m.origin = 'user' AND m.status = 'active' AND e.name = ?2 AND e.type = ?3 "
        "AND m.start = ?4 AND m.\"end\" = ?5 LIMIT 1)");
    st.bind(1, article).bind(2, entityName).bind(3, toString(type)).bind(4, span.start).bind(5, span.end).run();
}

void AnalysisRepository::unrejectMention(ArticleId article, const Span& span) {
    auto st = db_.prepare(
        "DELETE FROM mentions WHERE article_id = ?1 AND origin = 'user' AND status = 'rejected' AND start = ?2 "
        "AND \"end\" = ?3");
    st.bind(1, article).bind(2, span.start).bind(3, span.end).run();
}

Analysis AnalysisRepository::load(ArticleId article) {
    Analysis a;
    std::map<std::int64_t, std::size_t> indexOf;  // entities.id -> index in a.entities
    std::map<std::int64_t, std::string> localOf;
    // Rows merged into another entity are shown as that one; names of one entity in one
    // article become one entity, under the canonical row's local id when it has one.
    auto ents = db_.prepare(
        "SELECT e.id, c.id, ae.local_id, c.name, c.type, ae.role, coalesce(ae.country, c.country, e.country), "
        "ae.stands_for FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
        "JOIN entities c ON c.id = coalesce(e.merged_into, e.id) WHERE ae.article_id = ?1 "
        "ORDER BY c.id, e.id != c.id, e.id");
    ents.bind(1, article);
    std::map<std::int64_t, std::size_t> indexOfCanonical;
    while (ents.step()) {
        const auto [it, added] = indexOfCanonical.try_emplace(ents.int64(1), a.entities.size());
        if (added) {
            Entity e;
            e.id = ents.text(2);
            e.name = ents.text(3);
            e.type = entityTypeFromString(ents.text(4)).value_or(EntityType::Other);
            a.entities.push_back(std::move(e));
        }
        Entity& e = a.entities[it->second];
        for (auto [field, column] : {std::pair{&e.role, 5}, std::pair{&e.country, 6}, std::pair{&e.standsFor, 7}})
            if (field->empty()) *field = ents.text(column);
        indexOf[ents.int64(0)] = it->second;
        localOf[ents.int64(0)] = e.id;
    }

    std::set<std::pair<Offset, Offset>> rejected;
    auto rej = db_.prepare(
        "SELECT start, \"end\" FROM mentions WHERE article_id = ?1 AND origin = 'user' AND status = 'rejected'");
    rej.bind(1, article);
    while (rej.step()) rejected.insert({rej.int64(0), rej.int64(1)});

    auto ms = db_.prepare(
        "SELECT entity_id, start, \"end\", text, origin FROM mentions "
        "WHERE article_id = ?1 AND status = 'active' ORDER BY start");
    ms.bind(1, article);
    std::set<std::tuple<std::size_t, Offset, Offset>> seen;  // two merged names on one span are one mention
    while (ms.step()) {
        const auto it = indexOf.find(ms.int64(0));
        if (it == indexOf.end()) continue;
        Mention m{{ms.int64(1), ms.int64(2)}, ms.text(3), ms.text(4) == "user" ? Origin::User : Origin::Automatic};
        if (m.origin == Origin::Automatic && rejected.count({m.span.start, m.span.end})) continue;
        if (!seen.insert({it->second, m.span.start, m.span.end}).second) continue;
        a.entities[it->second].mentions.push_back(std::move(m));
    }
    // An entity every mention of which was rejected is no longer in the article.
    std::erase_if(a.entities, [](const Entity& e) { return e.mentions.empty(); });

    auto rels = db_.prepare(
        "SELECT source_id, target_id, type, when_value, evidence_start, evidence_end FROM relations "
        "WHERE article_id = ?1 ORDER BY evidence_start, id");
    rels.bind(1, article);
    while (rels.step()) {
        const auto s = localOf.find(rels.int64(0)), t = localOf.find(rels.int64(1));
        if (s == localOf.end() || t == localOf.end() || s->second == t->second) continue;  // merged: one entity
        a.relations.push_back({s->second, t->second, rels.text(2), rels.text(3), {rels.int64(4), rels.int64(5)}});
    }

    auto tx = db_.prepare(
        "SELECT start, \"end\", text, type, value, relative FROM timex WHERE article_id = ?1 ORDER BY start");
    tx.bind(1, article);
    while (tx.step()) {
        Timex t{{tx.int64(0), tx.int64(1)}, tx.text(2), timexTypeFromString(tx.text(3)).value_or(TimexType::Date),
                tx.text(4), tx.text(5)};
        a.timex.push_back(std::move(t));
    }

    auto evs = db_.prepare(
        "SELECT id, when_value, timex_text, text, evidence_start, evidence_end FROM events WHERE article_id = ?1 "
        "ORDER BY id");
    evs.bind(1, article);
    auto evEnts = db_.prepare("SELECT entity_id FROM event_entities WHERE event_id = ?1");
    while (evs.step()) {
        ChronologyEvent ev;
        ev.when = evs.text(1);
        ev.timexText = evs.text(2);
        ev.text = evs.text(3);
        ev.evidence = {evs.int64(4), evs.int64(5)};
        evEnts.reset();
        evEnts.bind(1, evs.int64(0));
        while (evEnts.step())
            if (auto it = localOf.find(evEnts.int64(0));
                it != localOf.end() && std::find(ev.entities.begin(), ev.entities.end(), it->second) == ev.entities.end())
                ev.entities.push_back(it->second);
        (ev.when.empty() ? a.background : a.chronology).push_back(std::move(ev));
    }
    return a;
}

std::vector<EntityArticle> AnalysisRepository::articlesMentioning(const std::string& name, EntityType type) {
    // The named entity's canonical entity and every name merged into it.
    auto st = db_.prepare(
        std::string("WITH target (id) AS (SELECT coalesce(merged_into, id) FROM entities WHERE name = ?1 AND type = ?2), "
                    "grp (id) AS (SELECT id FROM target UNION ALL "
                    "  SELECT e.id FROM target JOIN entities e ON e.merged_into = target.id) "
                    "SELECT ") + rows::kArticleSummary + ", count(m.id) "
        "FROM grp JOIN mentions m ON m.entity_id = grp.id AND m.status = 'active' "
        "JOIN articles a ON a.id = m.article_id "
        "GROUP BY a.id ORDER BY a.published IS NULL, a.published DESC, a.id DESC");
    st.bind(1, name).bind(2, toString(type));
    std::vector<EntityArticle> out;
    while (st.step()) {
        out.push_back({rows::readArticleSummary(st), st.int64(8)});
    }
    return out;
}

}  // namespace dossier::core
