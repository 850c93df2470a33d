#pragma once

// Internal to core/storage: how an article summary is selected and read, shared by
// the repositories that list articles.

#include "core/model/Article.h"
#include "core/storage/Statement.h"

namespace dossier::core::rows {

// Columns 0..7 of a query over `articles a`.
inline constexpr const char* kArticleSummary =
    "a.id, a.title, a.source, a.url, a.author, a.published, a.imported, length(a.text)";

inline ArticleSummary readArticleSummary(const Statement& st) {
    ArticleSummary s;
    s.id = st.int64(0);
    s.meta.title = st.text(1);
    s.meta.source = st.text(2);
    s.meta.url = st.text(3);
    s.meta.author = st.text(4);
    if (auto p = st.optionalText(5)) s.meta.published = Date::parseIso(*p);
    s.imported = st.text(6);
    s.length = st.int64(7);
    return s;
}

}  // namespace dossier::core::rows
