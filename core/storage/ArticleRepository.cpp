#include "core/storage/ArticleRepository.h"

#include <QDateTime>

#include <openssl/sha.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>

#include "core/storage/ArticleRows.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"

namespace dossier::core {

namespace {
struct Ranked {
    ArticleId id;
    double rank;
    std::optional<std::int64_t> annotation;  // the annotation whose note matched, if that was the best match
};

StorageError badQuery(const std::string& query, const StorageError& e) {
    return StorageError(StorageError::Kind::BadQuery,
                        "the search query '" + query +
                            "' is not valid: put phrases in double quotes, use AND, OR, NOT in capitals, "
                            "and * only at the end of a word (" + e.detail() + ")");
}

void bindPublished(Statement& st, int index, const std::optional<Date>& published) {
    if (published)
        st.bind(index, published->toIso());
    else
        st.bindNull(index);
}

// The filters of SearchFilter on the article `a`, parameters ?6 to ?11.
constexpr const char* kFilters =
    "(?6 IS NULL OR a.published >= ?6) AND (?7 IS NULL OR a.published <= ?7) AND (?8 IS NULL OR a.source = ?8) "
    // By name: any name of the named entity's group (merged names included); by
    // type alone: the type of the entity a name now belongs to.
    "AND (?9 IS NULL AND ?10 IS NULL OR EXISTS (SELECT 1 FROM article_entities ae "
    "     JOIN entities e ON e.id = ae.entity_id "
    "     JOIN entities c ON c.id = coalesce(e.merged_into, e.id) WHERE ae.article_id = a.id "
    "     AND (?9 IS NULL AND c.type = ?10 OR c.id IN (SELECT coalesce(n.merged_into, n.id) "
    "          FROM entities n WHERE n.name = ?9 AND (?10 IS NULL OR n.type = ?10))))) "
    "AND (?11 IS NULL OR EXISTS (SELECT 1 FROM annotations an2 "
    "     JOIN annotation_tags at ON at.annotation_id = an2.id JOIN tags t ON t.id = at.tag_id "
    "     WHERE an2.article_id = a.id AND t.name = ?11))";

// Matches in the text and in annotation notes, best (lowest bm25) first, one per article.
// Ranking costs a lookup per match, and a common word matches tens of thousands of
// articles in a large library: bm25 ranks the kRankWindow most recently imported
// matching articles (walked newest first through the index, so the rest is never
// touched). Summaries and snippets are made later, only for the hits shown.
std::vector<Ranked> rank(Database& db, const std::string& query, const SearchFilter& filter, bool filtered, int limit) {
    auto where = [&](const char* articleId) {
        return filtered ? std::string(" JOIN articles a ON a.id = ") + articleId + " WHERE " + kFilters + " AND "
                        : std::string(" WHERE ");
    };
    auto text = db.prepare("SELECT id, r FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, 10.0, 1.0) AS r "
                           "FROM articles_fts" + where("articles_fts.rowid") +
                           "articles_fts MATCH ?1 ORDER BY articles_fts.rowid DESC LIMIT ?3) ORDER BY r LIMIT ?2");
    auto notes = db.prepare("SELECT an.article_id, bm25(annotations_fts) AS r, an.id FROM annotations_fts "
                            "JOIN annotations an ON an.id = annotations_fts.rowid" + where("an.article_id") +
                            "annotations_fts MATCH ?1 ORDER BY r LIMIT ?2");
    for (Statement* st : {&text, &notes}) {
        st->bind(1, query).bind(2, limit);
        if (!filtered) continue;
        bindPublished(*st, 6, filter.from);
        bindPublished(*st, 7, filter.to);
        st->bindTextOrNull(8, filter.source).bindTextOrNull(9, filter.entity);
        if (filter.entityType) st->bind(10, toString(*filter.entityType));
        else st->bindNull(10);
        st->bindTextOrNull(11, filter.tag);
    }
    text.bind(3, ArticleRepository::kRankWindow);
    std::vector<Ranked> out;
    while (text.step()) out.push_back({text.int64(0), text.real(1), std::nullopt});
    while (notes.step()) out.push_back({notes.int64(0), notes.real(1), notes.int64(2)});
    // Equal ranks: the later import first.
    std::stable_sort(out.begin(), out.end(), [](const Ranked& x, const Ranked& y) {
        return x.rank != y.rank ? x.rank < y.rank : x.id > y.id;
    });
    std::unordered_set<ArticleId> seen;
    std::erase_if(out, [&](const Ranked& r) { return !seen.insert(r.id).second; });  // an article's best match
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    return out;
}

// An entity filter with at most this many (article, entity) links is read from the entity's side
// and its articles sorted; a broader one walks the date index and checks each article, filling a
// page of n rows after about n × articles / links of them. Either way a page reads at most a few
// thousand index entries, where the wrong choice would read the whole library.
constexpr int kSelectiveEntity = 2000;

// A listing query being put together: its SQL and its parameters, numbered as they are added.
class Query {
public:
    template <typename T>
    std::string param(T value) {
        params_.emplace_back(std::move(value));
        return "?" + std::to_string(params_.size());
    }
    void bindTo(Statement& st) const {
        for (std::size_t i = 0; i < params_.size(); ++i)
            std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, params_[i]);
    }
    std::string sql;  // empty: no article can pass

private:
    std::vector<std::variant<std::int64_t, std::string>> params_;
};

// The filter's conditions on article a, each as " AND …"; those on entities only when the query
// does not already read the articles from the entity's side.
// The rows of the named entity's group: its canonical entity and every name merged into
// it (schema v3), each found through an index.
std::string entityGroup(Query& q, const SearchFilter& f) {
    std::string named = "SELECT coalesce(n.merged_into, n.id) FROM entities n WHERE n.name = " + q.param(f.entity);
    if (f.entityType) named += " AND n.type = " + q.param(std::string(toString(*f.entityType)));
    std::string again = "SELECT coalesce(n.merged_into, n.id) FROM entities n WHERE n.name = " + q.param(f.entity);
    if (f.entityType) again += " AND n.type = " + q.param(std::string(toString(*f.entityType)));
    return "(" + named + " UNION ALL SELECT m.id FROM entities m WHERE m.merged_into IN (" + again + "))";
}

std::string filterConditions(Query& q, const SearchFilter& f, bool entity) {
    std::string c;
    if (f.from) c += " AND a.published >= " + q.param(f.from->toIso());
    if (f.to) c += " AND a.published <= " + q.param(f.to->toIso());
    if (!f.source.empty()) c += " AND a.source = " + q.param(f.source);
    if (entity && !f.entity.empty()) {
        c += " AND EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_id IN " +
             entityGroup(q, f) + ")";
    } else if (entity && f.entityType) {  // by type alone: the type of the entity a name now belongs to
        c += " AND EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
             "JOIN entities t ON t.id = coalesce(e.merged_into, e.id) WHERE ae.article_id = a.id AND t.type = " +
             q.param(std::string(toString(*f.entityType))) + ")";
    }
    if (!f.tag.empty())
        c += " AND EXISTS (SELECT 1 FROM annotations an JOIN annotation_tags at ON at.annotation_id = an.id "
             "JOIN tags t ON t.id = at.tag_id WHERE an.article_id = a.id AND t.name = " + q.param(f.tag) + ")";
    return c;
}

bool entityIsSelective(Database& db, const SearchFilter& f) {
    Query q;
    q.sql = "SELECT count(*) FROM (SELECT 1 FROM article_entities ae WHERE ae.entity_id IN " + entityGroup(q, f) +
            " LIMIT " + q.param(std::int64_t{kSelectiveEntity + 1}) + ")";
    auto st = db.prepare(q.sql);
    q.bindTo(st);
    st.step();
    return st.int64(0) <= kSelectiveEntity;
}

// SQLite sorts NULL below every value, so "published DESC, id DESC" already puts undated articles
// last, and it is exactly the order of the index articles_by_published.
constexpr const char* kListOrder = " ORDER BY a.published DESC, a.id DESC";

Query pageQuery(Database& db, const SearchFilter& f, int limit, const std::optional<ListPosition>& after) {
    const std::string select = std::string("SELECT ") + rows::kArticleSummary;
    Query q;
    if (!f.entity.empty() && entityIsSelective(db, f)) {
        // Few articles mention it: take them from the entity's index and sort those.
        std::string sql = select + " FROM (SELECT DISTINCT ae.article_id AS id FROM article_entities ae "
                                   "WHERE ae.entity_id IN " + entityGroup(q, f);
        // CROSS JOIN keeps that order of reading, whatever SQLite would guess without statistics.
        sql += ") m CROSS JOIN articles a ON a.id = m.id WHERE 1" + filterConditions(q, f, false);
        if (after && after->published)
            sql += " AND ((a.published, a.id) < (" + q.param(after->published->toIso()) + ", " + q.param(after->id) +
                   ") OR a.published IS NULL)";
        else if (after)
            sql += " AND a.published IS NULL AND a.id < " + q.param(after->id);
        q.sql = sql + kListOrder + " LIMIT " + q.param(std::int64_t{limit});
        return q;
    }
    // Otherwise walk the index from the position: the dated rows, then the undated ones. Each part
    // is one range of the index, in order, so SQLite merges them without sorting anything, and
    // stops as soon as the page is full.
    std::vector<std::string> parts;
    if (!after || after->published) {
        std::string sql = select + " FROM articles a WHERE a.published IS NOT NULL";
        if (after)
            sql += " AND (a.published, a.id) < (" + q.param(after->published->toIso()) + ", " + q.param(after->id) + ")";
        parts.push_back(sql + filterConditions(q, f, true));
    }
    if (!f.from && !f.to) {  // a date range leaves out every undated article
        std::string sql = select + " FROM articles a WHERE a.published IS NULL";
        if (after && !after->published) sql += " AND a.id < " + q.param(after->id);
        parts.push_back(sql + filterConditions(q, f, true));
    }
    if (parts.size() == 1) q.sql = parts[0] + kListOrder;
    else if (parts.size() == 2) q.sql = parts[0] + " UNION ALL " + parts[1] + " ORDER BY 6 DESC, 1 DESC";  // published, id
    if (!q.sql.empty()) q.sql += " LIMIT " + q.param(std::int64_t{limit});
    return q;
}
}  // namespace

// OpenSSL's SHA-256 uses the CPU's SHA extensions where there are some: hashing every
// imported text with Qt's portable code was 4% of a batch import.
std::string ArticleRepository::hashOf(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * SHA256_DIGEST_LENGTH);
    for (const unsigned char b : digest) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0xF]);
    }
    return out;
}

ArticleRepository::AddResult ArticleRepository::add(const ArticleMeta& meta, const std::string& text) {
    return add(meta, text, hashOf(text));
}

ArticleRepository::AddResult ArticleRepository::add(const ArticleMeta& meta, const std::string& text,
                                                     const std::string& hash) {
    if (auto existing = findByHash(hash)) return {*existing, false};
    auto st = db_.prepare(
        "INSERT INTO articles (title, source, url, author, published, imported, text, content_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(1, meta.title).bindTextOrNull(2, meta.source).bindTextOrNull(3, meta.url).bindTextOrNull(4, meta.author);
    bindPublished(st, 5, meta.published);
    st.bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString());
    st.bind(7, text).bind(8, hash);
    st.run();
    const ArticleId id = db_.lastInsertRowId();
    if (!deferredAfter_) index(id, meta.title, text);
    return {id, true};
}

void ArticleRepository::index(ArticleId id, const std::string& title, const std::string& text) {
    auto st = db_.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
    st.bind(1, id).bind(2, title).bind(3, text).run();
}

void ArticleRepository::deferIndexing() {
    if (deferredAfter_) return;
    auto st = db_.prepare("SELECT coalesce(max(id), 0) FROM articles");
    st.step();
    deferredAfter_ = st.int64(0);
}

void ArticleRepository::indexDeferred() {
    if (!deferredAfter_) return;
    const ArticleId after = *std::exchange(deferredAfter_, std::nullopt);
    auto st = db_.prepare(
        "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?1");
    st.bind(1, after).run();
}

std::optional<Article> ArticleRepository::get(ArticleId id) {
    auto st = db_.prepare(std::string("SELECT ") + rows::kArticleSummary +
                          ", a.text, a.content_hash FROM articles a WHERE a.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    const ArticleSummary s = rows::readArticleSummary(st);
    return Article{s.id, s.meta, s.imported, st.text(8), st.text(9)};
}

std::optional<ArticleId> ArticleRepository::findByHash(const std::string& contentHash) {
    auto st = db_.prepare("SELECT id FROM articles WHERE content_hash = ?1");
    st.bind(1, contentHash);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::vector<ArticleSummary> ArticleRepository::list(int limit, int offset) {
    auto st = db_.prepare(std::string("SELECT ") + rows::kArticleSummary + " FROM articles a" + kListOrder +
                          " LIMIT ?1 OFFSET ?2");
    st.bind(1, limit).bind(2, offset);
    std::vector<ArticleSummary> out;
    while (st.step()) out.push_back(rows::readArticleSummary(st));
    return out;
}

std::vector<ArticleSummary> ArticleRepository::page(const SearchFilter& filter, int limit,
                                                     const std::optional<ListPosition>& after) {
    std::vector<ArticleSummary> out;
    const Query q = pageQuery(db_, filter, limit, after);
    if (q.sql.empty()) return out;
    auto st = db_.prepare(q.sql);
    q.bindTo(st);
    while (st.step()) out.push_back(rows::readArticleSummary(st));
    return out;
}

std::vector<std::string> ArticleRepository::explainPage(const SearchFilter& filter, int limit,
                                                        const std::optional<ListPosition>& after) {
    std::vector<std::string> out;
    const Query q = pageQuery(db_, filter, limit, after);
    if (q.sql.empty()) return out;
    auto st = db_.prepare("EXPLAIN QUERY PLAN " + q.sql);
    q.bindTo(st);
    while (st.step()) out.push_back(st.text(3));  // columns: id, parent, notused, detail
    return out;
}

std::optional<DateRange> ArticleRepository::dateRange() {
    // One subquery each, so that min() and max() are each one step to an end of the index.
    auto st = db_.prepare("SELECT (SELECT min(published) FROM articles), (SELECT max(published) FROM articles)");
    st.step();
    const auto oldest = st.optionalText(0), newest = st.optionalText(1);
    if (!oldest || !newest) return std::nullopt;
    const auto o = Date::parseIso(*oldest), n = Date::parseIso(*newest);
    if (!o || !n) return std::nullopt;
    return DateRange{*o, *n};
}

std::int64_t ArticleRepository::count() {
    auto st = db_.prepare("SELECT count(*) FROM articles");
    st.step();
    return st.int64(0);
}

bool ArticleRepository::remove(ArticleId id) {
    auto st = db_.prepare("DELETE FROM articles WHERE id = ?1");
    st.bind(1, id).run();
    return db_.changes() > 0;
}

void ArticleRepository::setPublished(ArticleId id, const std::optional<Date>& published) {
    auto st = db_.prepare("UPDATE articles SET published = ?1 WHERE id = ?2");
    bindPublished(st, 1, published);
    st.bind(2, id).run();
}

std::vector<SearchHit> ArticleRepository::search(const std::string& query, int limit, const SnippetMarks& marks) {
    return search(query, SearchFilter{}, limit, marks);
}

std::vector<SearchHit> ArticleRepository::search(const std::string& query, const SearchFilter& filter, int limit,
                                                 const SnippetMarks& marks) {
    std::vector<SearchHit> out;
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) return out;
    const bool filtered = filter.from || filter.to || !filter.source.empty() || !filter.entity.empty() ||
                          filter.entityType || !filter.tag.empty();
    std::vector<Ranked> ranked;
    try {
        ranked = rank(db_, query, filter, filtered, limit);
    } catch (const StorageError& e) {
        if (e.kind() != StorageError::Kind::Generic) throw;
        throw badQuery(query, e);
    }
    // Text snippets in one pass over the matches between the smallest and largest hit
    // kept, cut only for those hits: a prefix query ("elect*") expands to every word
    // it starts, which per hit would be repeated fifty times.
    std::unordered_map<ArticleId, std::string> textSnippets;
    std::string ids;
    ArticleId lo = 0, hi = 0;
    for (const Ranked& r : ranked) {
        if (r.annotation) continue;
        ids += (ids.empty() ? "[" : ",") + std::to_string(r.id);
        lo = lo == 0 ? r.id : std::min(lo, r.id);
        hi = std::max(hi, r.id);
    }
    if (!ids.empty()) {
        auto snips = db_.prepare(
            "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?5)) "
            "THEN snippet(articles_fts, 1, ?2, ?3, ?4, 16) END FROM articles_fts "
            "WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?6 AND ?7");
        snips.bind(1, query).bind(2, marks.open).bind(3, marks.close).bind(4, marks.ellipsis);
        snips.bind(5, ids + "]").bind(6, lo).bind(7, hi);
        while (snips.step())
            if (!snips.isNull(1)) textSnippets.emplace(snips.int64(0), snips.text(1));
    }
    for (const Ranked& r : ranked) {
        auto summary = db_.prepare(std::string("SELECT ") + rows::kArticleSummary + " FROM articles a WHERE a.id = ?1");
        summary.bind(1, r.id);
        if (!summary.step()) continue;
        std::string snippet;
        if (r.annotation) {
            auto snip = db_.prepare("SELECT snippet(annotations_fts, 0, ?2, ?3, ?4, 16) FROM annotations_fts "
                                    "WHERE annotations_fts MATCH ?1 AND rowid = ?5");
            snip.bind(1, query).bind(2, marks.open).bind(3, marks.close).bind(4, marks.ellipsis);
            snip.bind(5, *r.annotation);
            if (snip.step()) snippet = snip.text(0);
        } else if (auto it = textSnippets.find(r.id); it != textSnippets.end()) {
            snippet = std::move(it->second);
        }
        out.push_back({rows::readArticleSummary(summary), std::move(snippet), r.rank});
    }
    return out;
}

}  // namespace dossier::core
