#include "core/storage/ArticleRepository.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>
#include <unordered_set>

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
    std::stable_sort(out.begin(), out.end(), [](const Ranked& x, const Ranked& y) { return x.rank < y.rank; });
    std::unordered_set<ArticleId> seen;
    std::erase_if(out, [&](const Ranked& r) { return !seen.insert(r.id).second; });  // an article's best match
    if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) out.resize(static_cast<std::size_t>(std::max(limit, 0)));
    return out;
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
    // Undated articles sort last; among the same date, the later import first.
    auto st = db_.prepare(std::string("SELECT ") + rows::kArticleSummary +
                          " FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id DESC "
                          "LIMIT ?1 OFFSET ?2");
    st.bind(1, limit).bind(2, offset);
    std::vector<ArticleSummary> out;
    while (st.step()) out.push_back(rows::readArticleSummary(st));
    return out;
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
    for (const Ranked& r : ranked) {
        auto summary = db_.prepare(std::string("SELECT ") + rows::kArticleSummary + " FROM articles a WHERE a.id = ?1");
        summary.bind(1, r.id);
        if (!summary.step()) continue;
        auto snip = db_.prepare(r.annotation ? "SELECT snippet(annotations_fts, 0, ?2, ?3, ?4, 16) FROM annotations_fts "
                                               "WHERE annotations_fts MATCH ?1 AND rowid = ?5"
                                             : "SELECT snippet(articles_fts, 1, ?2, ?3, ?4, 16) FROM articles_fts "
                                               "WHERE articles_fts MATCH ?1 AND rowid = ?5");
        snip.bind(1, query).bind(2, marks.open).bind(3, marks.close).bind(4, marks.ellipsis);
        snip.bind(5, r.annotation.value_or(r.id));
        out.push_back({rows::readArticleSummary(summary), snip.step() ? snip.text(0) : std::string(), r.rank});
    }
    return out;
}

}  // namespace dossier::core
