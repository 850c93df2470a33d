#include "ui/commands/RemoveAnnotationCommand.h"

#include <QObject>

#include "core/storage/AnnotationRepository.h"
#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

RemoveAnnotationCommand::RemoveAnnotationCommand(ArticleDocument* document, core::Annotation annotation)
    : document_(document), annotation_(std::move(annotation)) {
    setText(QObject::tr("Delete annotation"));
}

void RemoveAnnotationCommand::redo() {
    document_->library().annotations().remove(annotation_.id);
    document_->reloadAnnotations();
}

void RemoveAnnotationCommand::undo() {
    document_->library().annotations().restore(annotation_);
    document_->reloadAnnotations();
}

}  // namespace dossier::ui
