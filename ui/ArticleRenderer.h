#pragma once

#include <QString>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::ui {

// Turns an article and its analysis into the HTML the article view shows: title and
// metadata above, paragraphs, each entity mention marked by type (colour and
// underline style, with a tooltip naming the entity) and time expressions dotted.
class ArticleRenderer {
public:
    static QString toHtml(const core::Article& article, const core::Analysis& analysis);
};

}  // namespace dossier::ui
