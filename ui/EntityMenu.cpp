#include "ui/EntityMenu.h"

#include <QMenu>

#include "ui/ArticleDocument.h"

namespace dossier::ui {

void EntityMenu::addLibraryActions(QMenu* menu, ArticleDocument* document, const QString& entityId,
                                   const std::function<void(const QString&)>& merge,
                                   const std::function<void(qint64)>& split) {
    const core::Entity* e = document->entity(entityId.toStdString());
    if (!e) return;
    const QString name = QString::fromStdString(e->name);
    QAction* mergeAction = menu->addAction(QObject::tr("Merge “%1” into… (whole library)").arg(name));
    mergeAction->setObjectName(QStringLiteral("mergeInLibrary"));
    QObject::connect(mergeAction, &QAction::triggered, menu, [merge, entityId] { merge(entityId); });
    for (const core::EntityRef& alias : document->aliasesOf(e->id)) {
        QAction* a = menu->addAction(
            QObject::tr("Split “%1” off “%2” (whole library)").arg(QString::fromStdString(alias.name), name));
        a->setObjectName(QStringLiteral("splitInLibrary"));
        QObject::connect(a, &QAction::triggered, menu, [split, id = alias.id] { split(id); });
    }
}

}  // namespace dossier::ui
