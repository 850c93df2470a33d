#include "core/storage/AnnotationRepository.h"

#include <QDateTime>

#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

namespace {
constexpr Offset kContext = 32;

std::string now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(); }

constexpr const char* kColumns = "id, article_id, start, \"end\", quote, prefix, suffix, color, note, created, modified";

Annotation read(const Statement& st) {
    Annotation a;
    a.id = st.int64(0);
    a.article = st.int64(1);
    a.span = {st.int64(2), st.int64(3)};
    a.quote = st.text(4);
    a.prefix = st.text(5);
    a.suffix = st.text(6);
    a.color = st.text(7);
    a.note = st.text(8);
    a.created = st.text(9);
    a.modified = st.text(10);
    return a;
}

// Fills quote and context from the article text when the caller did not.
void fillContext(Database& db, Annotation& a) {
    if (!a.quote.empty()) return;
    auto st = db.prepare("SELECT text FROM articles WHERE id = ?1");
    st.bind(1, a.article);
    if (!st.step()) return;
    const std::string text = st.text(0);
    const auto length = static_cast<Offset>(codePointCount(text));
    if (a.span.start < 0 || a.span.end > length || a.span.start >= a.span.end) return;
    a.quote = sliceCodePoints(text, a.span.start, a.span.end);
    a.prefix = sliceCodePoints(text, std::max<Offset>(0, a.span.start - kContext), a.span.start);
    a.suffix = sliceCodePoints(text, a.span.end, std::min(length, a.span.end + kContext));
}
}  // namespace

Annotation AnnotationRepository::add(Annotation a) {
    fillContext(db_, a);
    a.created = a.modified = now();
    Transaction tx(db_);
    auto st = db_.prepare(
        "INSERT INTO annotations (article_id, start, \"end\", quote, prefix, suffix, color, note, created, modified) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st.bind(1, a.article).bind(2, a.span.start).bind(3, a.span.end).bind(4, a.quote).bind(5, a.prefix);
    st.bind(6, a.suffix).bind(7, a.color).bind(8, a.note).bind(9, a.created).bind(10, a.modified).run();
    a.id = db_.lastInsertRowId();
    saveTags(a.id, a.tags);
    tx.commit();
    return a;
}

void AnnotationRepository::restore(const Annotation& a) {
    Transaction tx(db_);
    auto st = db_.prepare(
        "INSERT INTO annotations (id, article_id, start, \"end\", quote, prefix, suffix, color, note, created, modified) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st.bind(1, a.id).bind(2, a.article).bind(3, a.span.start).bind(4, a.span.end).bind(5, a.quote).bind(6, a.prefix);
    st.bind(7, a.suffix).bind(8, a.color).bind(9, a.note).bind(10, a.created).bind(11, a.modified).run();
    saveTags(a.id, a.tags);
    tx.commit();
}

void AnnotationRepository::update(const Annotation& a) {
    Transaction tx(db_);
    auto st = db_.prepare("UPDATE annotations SET color = ?1, note = ?2, modified = ?3 WHERE id = ?4");
    st.bind(1, a.color).bind(2, a.note).bind(3, now()).bind(4, a.id).run();
    saveTags(a.id, a.tags);
    tx.commit();
}

bool AnnotationRepository::remove(AnnotationId id) {
    auto st = db_.prepare("DELETE FROM annotations WHERE id = ?1");
    st.bind(1, id).run();
    return db_.changes() > 0;
}

std::optional<Annotation> AnnotationRepository::get(AnnotationId id) {
    auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM annotations WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Annotation a = read(st);
    a.tags = tagsOf(a.id);
    return a;
}

std::vector<Annotation> AnnotationRepository::forArticle(ArticleId article) {
    auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM annotations WHERE article_id = ?1 ORDER BY start, id");
    st.bind(1, article);
    std::vector<Annotation> out;
    while (st.step()) out.push_back(read(st));
    for (Annotation& a : out) a.tags = tagsOf(a.id);
    return out;
}

void AnnotationRepository::saveTags(AnnotationId id, const std::vector<std::string>& tags) {
    auto clear = db_.prepare("DELETE FROM annotation_tags WHERE annotation_id = ?1");
    clear.bind(1, id).run();
    auto tag = db_.prepare("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
    auto link = db_.prepare("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?1, ?2)");
    for (const std::string& name : tags) {
        if (name.empty()) continue;
        tag.reset();
        tag.bind(1, name);
        tag.step();
        const std::int64_t tagId = tag.int64(0);
        tag.reset();
        link.reset();
        link.bind(1, id).bind(2, tagId).run();
    }
}

std::vector<std::string> AnnotationRepository::tagsOf(AnnotationId id) {
    auto st = db_.prepare(
        "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = ?1 ORDER BY t.name");
    st.bind(1, id);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::optional<Span> AnnotationRepository::locate(const Annotation& a, std::string_view text) {
    const auto length = static_cast<Offset>(codePointCount(text));
    if (a.span.end <= length && a.span.start < a.span.end && sliceCodePoints(text, a.span.start, a.span.end) == a.quote)
        return a.span;
    if (a.quote.empty()) return std::nullopt;
    // The text changed: take the occurrence of the quote whose surroundings match the stored context best.
    const CodePointIndex index(text);
    std::optional<Span> best;
    std::size_t bestScore = 0;
    for (std::size_t pos = text.find(a.quote); pos != std::string_view::npos; pos = text.find(a.quote, pos + 1)) {
        std::size_t score = 1;
        const std::string_view before = text.substr(0, pos), after = text.substr(pos + a.quote.size());
        for (std::size_t k = 1; k <= std::min(a.prefix.size(), before.size()) && a.prefix[a.prefix.size() - k] == before[before.size() - k]; ++k) ++score;
        for (std::size_t k = 0; k < std::min(a.suffix.size(), after.size()) && a.suffix[k] == after[k]; ++k) ++score;
        if (score > bestScore) {
            bestScore = score;
            const Offset start = index.codePointOf(pos);
            best = Span{start, index.codePointOf(pos + a.quote.size())};
        }
    }
    return best;
}

}  // namespace dossier::core
