#pragma once

#include <QString>

#include <functional>

class QMenu;

namespace dossier::ui {

class ArticleDocument;

// The library-wide identity actions of an entity of the open article, the same in
// the text's context menu and in the People and Places panels: merge it into another
// entity, and split off each name merged into it.
class EntityMenu {
public:
    static void addLibraryActions(QMenu* menu, ArticleDocument* document, const QString& entityId,
                                  const std::function<void(const QString& entityId)>& merge,
                                  const std::function<void(qint64 aliasId)>& split);
};

}  // namespace dossier::ui
