#include "core/storage/ArticleRepository.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <variant>

#include "core/storage/ArticleRows.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"

namespace dossier::core {

namespace {
void bindPublished(Statement& st, int index, const std::optional<Date>& published) {
    if (published)
        st.bind(index, published->toIso());
    else
        st.bindNull(index);
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
std::string filterConditions(Query& q, const SearchFilter& f, bool entity) {
    std::string c;
    if (f.from) c += " AND a.published >= " + q.param(f.from->toIso());
    if (f.to) c += " AND a.published <= " + q.param(f.to->toIso());
    if (!f.source.empty()) c += " AND a.source = " + q.param(f.source);
    if (entity && (!f.entity.empty() || f.entityType)) {
        c += " AND EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
             "WHERE ae.article_id = a.id";
        if (!f.entity.empty()) c += " AND e.name = " + q.param(f.entity);
        if (f.entityType) c += " AND e.type = " + q.param(std::string(toString(*f.entityType)));
        c += ")";
    }
    if (!f.tag.empty())
        c += " AND EXISTS (SELECT 1 FROM annotations an JOIN annotation_tags at ON at.annotation_id = an.id "
             "JOIN tags t ON t.id = at.tag_id WHERE an.article_id = a.id AND t.name = " + q.param(f.tag) + ")";
    return c;
}

bool entityIsSelective(Database& db, const SearchFilter& f) {
    auto st = db.prepare(
        "SELECT count(*) FROM (SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
        "WHERE e.name = ?1 AND (?2 IS NULL OR e.type = ?2) LIMIT ?3)");
    st.bind(1, f.entity);
    if (f.entityType) st.bind(2, toString(*f.entityType));
    else st.bindNull(2);
    st.bind(3, kSelectiveEntity + 1).step();
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
                                   "JOIN entities e ON e.id = ae.entity_id WHERE e.name = " + q.param(f.entity);
        if (f.entityType) sql += " AND e.type = " + q.param(std::string(toString(*f.entityType)));
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

std::string ArticleRepository::hashOf(const std::string& text) {
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())),
                                                       QCryptographicHash::Sha256);
    return digest.toHex().toStdString();
}

ArticleRepository::AddResult ArticleRepository::add(const ArticleMeta& meta, const std::string& text) {
    const std::string hash = hashOf(text);
    if (auto existing = findByHash(hash)) return {*existing, false};
    auto st = db_.prepare(
        "INSERT INTO articles (title, source, url, author, published, imported, text, content_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(1, meta.title).bindTextOrNull(2, meta.source).bindTextOrNull(3, meta.url).bindTextOrNull(4, meta.author);
    bindPublished(st, 5, meta.published);
    st.bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString());
    st.bind(7, text).bind(8, hash);
    st.run();
    return {db_.lastInsertRowId(), true};
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
    // Matches in the article and in its annotation notes; an article keeps its best-ranked match
    // (SQLite takes the other columns from the row that gives min()). Snippets are cut only for
    // the hits kept, in one more pass over the matches: a common word matches thousands of
    // articles, and cutting a snippet reads the article's text ("election" in a library of
    // 100,000: 415-460 ms with a snippet for every match, 40-80 ms so).
    auto st = db_.prepare(std::string("WITH hits (id, rank, note) AS ("
                          "  SELECT rowid, bm25(articles_fts, 10.0, 1.0), NULL FROM articles_fts WHERE articles_fts MATCH ?1 "
                          "  UNION ALL "
                          "  SELECT an.article_id, bm25(annotations_fts), an.id "
                          "  FROM annotations_fts JOIN annotations an ON an.id = annotations_fts.rowid "
                          "  WHERE annotations_fts MATCH ?1), "
                          "best (id, note, rank) AS MATERIALIZED ("
                          "  SELECT a.id, hits.note, min(hits.rank) FROM hits JOIN articles a ON a.id = hits.id "
                          "  WHERE (?6 IS NULL OR a.published >= ?6) AND (?7 IS NULL OR a.published <= ?7) "
                          "  AND (?8 IS NULL OR a.source = ?8) "
                          "  AND (?9 IS NULL AND ?10 IS NULL OR EXISTS (SELECT 1 FROM article_entities ae "
                          "       JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = a.id "
                          "       AND (?9 IS NULL OR e.name = ?9) AND (?10 IS NULL OR e.type = ?10))) "
                          "  AND (?11 IS NULL OR EXISTS (SELECT 1 FROM annotations an2 "
                          "       JOIN annotation_tags at ON at.annotation_id = an2.id JOIN tags t ON t.id = at.tag_id "
                          "       WHERE an2.article_id = a.id AND t.name = ?11)) "
                          "  GROUP BY a.id ORDER BY 3, 1 DESC LIMIT ?5), "
                          // CROSS JOIN: through the matches, looking each up among the kept hits,
                          // so only those get a snippet.
                          "snips (id, snip) AS ("
                          "  SELECT best.id, snippet(articles_fts, 1, ?2, ?3, ?4, 16) FROM articles_fts "
                          "  CROSS JOIN best ON best.id = articles_fts.rowid AND best.note IS NULL "
                          "  WHERE articles_fts MATCH ?1 "
                          "  UNION ALL "
                          "  SELECT best.id, snippet(annotations_fts, 0, ?2, ?3, ?4, 16) FROM annotations_fts "
                          "  CROSS JOIN best ON best.note = annotations_fts.rowid WHERE annotations_fts MATCH ?1) "
                          "SELECT ") + rows::kArticleSummary + ", snips.snip, best.rank "
                          "FROM best JOIN snips ON snips.id = best.id JOIN articles a ON a.id = best.id "
                          "ORDER BY best.rank, a.id DESC");
    st.bind(1, query).bind(2, marks.open).bind(3, marks.close).bind(4, marks.ellipsis).bind(5, limit);
    bindPublished(st, 6, filter.from);
    bindPublished(st, 7, filter.to);
    st.bindTextOrNull(8, filter.source).bindTextOrNull(9, filter.entity);
    if (filter.entityType) st.bind(10, toString(*filter.entityType));
    else st.bindNull(10);
    st.bindTextOrNull(11, filter.tag);
    try {
        while (st.step()) out.push_back({rows::readArticleSummary(st), st.text(8), st.real(9)});
    } catch (const StorageError& e) {
        if (e.kind() != StorageError::Kind::Generic) throw;
        throw StorageError(StorageError::Kind::BadQuery,
                           "the search query '" + query +
                               "' is not valid: put phrases in double quotes, use AND, OR, NOT in capitals, "
                               "and * only at the end of a word (" + e.detail() + ")");
    }
    return out;
}

}  // namespace dossier::core
