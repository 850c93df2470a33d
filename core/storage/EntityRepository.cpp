#include "core/storage/EntityRepository.h"

#include <algorithm>

#include "core/analysis/TimexTagger.h"
#include "core/storage/ArticleRows.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "core/storage/Transaction.h"

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
// The canonical entity ?1 and every row merged into it (partial index on merged_into).
constexpr const char* kGroup = "WITH grp (id) AS (SELECT ?1 UNION ALL SELECT id FROM entities WHERE merged_into = ?1) ";
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

std::optional<EntityRef> EntityRepository::get(std::int64_t id) {
    auto st = db_.prepare("SELECT id, name, type FROM entities WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readRef(st, 0);
}

std::int64_t EntityRepository::canonicalId(std::int64_t id) {
    auto st = db_.prepare("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) throw StorageError("the library has no entity with id " + std::to_string(id));
    return st.int64(0);
}

EntityRef EntityRepository::canonical(const EntityRef& entity) {
    auto st = db_.prepare(
        "SELECT c.id, c.name, c.type FROM entities e JOIN entities c ON c.id = coalesce(e.merged_into, e.id) "
        "WHERE e.id = ?1");
    st.bind(1, entity.id);
    return st.step() ? readRef(st, 0) : entity;
}

std::vector<EntityRef> EntityRepository::aliasesOf(const EntityRef& entity) {
    auto st = db_.prepare(
        "SELECT a.id, a.name, a.type FROM entities e JOIN entities a ON a.merged_into = coalesce(e.merged_into, e.id) "
        "WHERE e.id = ?1 ORDER BY a.name, a.type");
    st.bind(1, entity.id);
    std::vector<EntityRef> out;
    while (st.step()) out.push_back(readRef(st, 0));
    return out;
}

std::vector<EntityMatch> EntityRepository::search(const std::string& text, int limit) {
    std::string escaped;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') escaped += '\\';
        escaped += c;
    }
    // A LIKE over every name: this serves a dialog as the user types, not a hot path.
    auto st = db_.prepare(
        "WITH hit (id) AS (SELECT DISTINCT coalesce(merged_into, id) FROM entities WHERE name LIKE ?1 ESCAPE '\\') "
        "SELECT c.id, c.name, c.type, (SELECT count(DISTINCT ae.article_id) FROM article_entities ae "
        "  WHERE ae.entity_id = c.id OR ae.entity_id IN (SELECT id FROM entities WHERE merged_into = c.id)) AS n "
        "FROM hit JOIN entities c ON c.id = hit.id "
        "ORDER BY c.name LIKE ?2 ESCAPE '\\' DESC, n DESC, c.name LIMIT ?3");
    st.bind(1, "%" + escaped + "%").bind(2, escaped + "%").bind(3, limit);
    std::vector<EntityMatch> out;
    while (st.step()) out.push_back({readRef(st, 0), st.int64(3)});
    return out;
}

EntityProfile EntityRepository::profile(const EntityRef& entity, int limit, int window) {
    EntityProfile p;
    p.entity = canonical(entity);
    p.aliases = aliasesOf(p.entity);
    const std::int64_t id = p.entity.id;
    window = std::max(window, limit);
    p.window = window;

    auto total = db_.prepare(std::string(kGroup) +
                             "SELECT count(DISTINCT ae.article_id) FROM article_entities ae WHERE ae.entity_id IN grp");
    total.bind(1, id);
    p.articleCount = total.step() ? total.int64(0) : 0;

    // The newest articles, straight from the (entity, published) index; several
    // names (aliases) need their union sorted.
    const std::string recent =
        p.aliases.empty()
            ? "recent (article_id) AS (SELECT article_id FROM article_entities WHERE entity_id = ?1 "
              "ORDER BY published DESC, article_id DESC LIMIT ?3) "
            : "recent (article_id) AS (SELECT article_id FROM article_entities WHERE entity_id IN grp "
              "GROUP BY article_id ORDER BY max(published) DESC, article_id DESC LIMIT ?3) ";
    const std::string with = std::string(kGroup) + ", " + recent;

    auto articles = db_.prepare(with + "SELECT " + rows::kArticleSummary +
                                ", (SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN grp "
                                "AND m.status = 'active') FROM (SELECT article_id FROM recent LIMIT ?2) r "
                                "JOIN articles a ON a.id = r.article_id");
    articles.bind(1, id).bind(2, limit).bind(3, window);
    while (articles.step()) p.articles.push_back({rows::readArticleSummary(articles), articles.int64(8)});

    // The other side counts under its canonical entity, once per article.
    auto co = db_.prepare(
        with +
        "SELECT c.id, c.name, c.type, count(DISTINCT recent.article_id) AS shared FROM recent "
        "JOIN article_entities other ON other.article_id = recent.article_id "
        "JOIN entities e ON e.id = other.entity_id JOIN entities c ON c.id = coalesce(e.merged_into, e.id) "
        "WHERE c.id != ?1 GROUP BY c.id ORDER BY shared DESC, c.name LIMIT ?2");
    co.bind(1, id).bind(2, limit).bind(3, window);
    while (co.step()) p.cooccurring.push_back({readRef(co, 0), co.int64(3)});

    // A relation between two names of one entity says nothing about it: left out.
    auto rel = db_.prepare(
        std::string(kGroup) +
        "SELECT s.id, s.name, s.type, r.type, t.id, t.name, t.type, count(DISTINCT r.article_id), "
        "min(r.when_value), max(r.when_value) FROM relations r "
        "JOIN entities s0 ON s0.id = r.source_id JOIN entities s ON s.id = coalesce(s0.merged_into, s0.id) "
        "JOIN entities t0 ON t0.id = r.target_id JOIN entities t ON t.id = coalesce(t0.merged_into, t0.id) "
        "WHERE (r.source_id IN grp OR r.target_id IN grp) AND s.id != t.id GROUP BY s.id, r.type, t.id "
        "ORDER BY count(DISTINCT r.article_id) DESC LIMIT ?2");
    rel.bind(1, id).bind(2, limit);
    while (rel.step())
        p.relations.push_back({readRef(rel, 0), rel.text(3), readRef(rel, 4), rel.int64(7), rel.text(8), rel.text(9)});

    // The length of each article is left out: it means reading every article's text.
    auto ev = db_.prepare(with +
                          "SELECT DISTINCT a.id, a.title, a.source, a.url, a.author, a.published, a.imported, 0, "
                          "ev.when_value, ev.text, ev.timex_text, ev.id FROM recent "
                          "JOIN events ev ON ev.article_id = recent.article_id "
                          "JOIN event_entities ee ON ee.event_id = ev.id AND ee.entity_id IN grp "
                          "JOIN articles a ON a.id = ev.article_id WHERE ev.when_value IS NOT NULL ORDER BY ev.id");
    ev.bind(1, id).bind(3, window);
    std::vector<std::pair<long long, EntityEvent>> dated;
    while (ev.step()) {
        EntityEvent e{rows::readArticleSummary(ev), ev.text(8), ev.text(9), ev.text(10)};
        const long long key = midpoint(e.when);
        dated.emplace_back(key, std::move(e));
    }
    std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    p.chronology.reserve(dated.size());
    for (auto& [key, e] : dated) p.chronology.push_back(std::move(e));
    return p;
}

AliasChanges EntityRepository::merge(const EntityRef& from, const EntityRef& into) {
    Transaction tx(db_);
    const std::int64_t f = canonicalId(from.id), c = canonicalId(into.id);
    if (f == c) return {};
    // The group moves whole and points straight at the canonical entity: no chains, no cycles.
    AliasChanges changes{{f, std::nullopt, c}};
    auto members = db_.prepare("SELECT id FROM entities WHERE merged_into = ?1 ORDER BY id");
    members.bind(1, f);
    while (members.step()) changes.push_back({members.int64(0), f, c});
    auto move = db_.prepare("UPDATE entities SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1");
    move.bind(1, f).bind(2, c).run();
    tx.commit();
    return changes;
}

AliasChanges EntityRepository::split(const EntityRef& entity) {
    Transaction tx(db_);
    AliasChanges changes;
    auto st = db_.prepare("SELECT merged_into FROM entities WHERE id = ?1");
    st.bind(1, entity.id);
    if (!st.step()) return {};
    if (!st.isNull(0)) {
        changes.push_back({entity.id, st.int64(0), std::nullopt});
    } else {
        auto members = db_.prepare("SELECT id FROM entities WHERE merged_into = ?1 ORDER BY id");
        members.bind(1, entity.id);
        while (members.step()) changes.push_back({members.int64(0), entity.id, std::nullopt});
    }
    auto detach = db_.prepare("UPDATE entities SET merged_into = NULL WHERE id = ?1");
    for (const AliasChange& ch : changes) {
        detach.reset();
        detach.bind(1, ch.entity).run();
    }
    tx.commit();
    return changes;
}

void EntityRepository::revert(const AliasChanges& changes) {
    Transaction tx(db_);
    auto current = db_.prepare("SELECT merged_into FROM entities WHERE id = ?1");
    auto set = db_.prepare("UPDATE entities SET merged_into = ?2 WHERE id = ?1");
    auto follow = db_.prepare("UPDATE entities SET merged_into = ?2 WHERE merged_into = ?1");
    // In recorded order: a merged group's own row first, so its members find it canonical again.
    for (const AliasChange& ch : changes) {
        current.reset();
        current.bind(1, ch.entity);
        if (!current.step()) continue;
        const auto now = current.isNull(0) ? std::nullopt : std::optional<std::int64_t>(current.int64(0));
        if (now != ch.after) continue;  // changed again since (another window, the command line): leave it
        std::int64_t target = 0;  // 0: its own entity (row ids start at 1)
        if (ch.before && get(*ch.before)) target = canonicalId(*ch.before);
        if (target == ch.entity) target = 0;
        set.reset();
        set.bind(1, ch.entity);
        if (target != 0) set.bind(2, target);
        else set.bindNull(2);
        set.run();
        if (target == 0) continue;
        follow.reset();
        follow.bind(1, ch.entity).bind(2, target).run();
    }
    tx.commit();
}

}  // namespace dossier::core
