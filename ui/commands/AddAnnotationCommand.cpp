#include "ui/commands/AddAnnotationCommand.h"

#include <QObject>

#include "core/storage/AnnotationRepository.h"
#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

AddAnnotationCommand::AddAnnotationCommand(ArticleDocument* document, core::Annotation annotation)
    : document_(document), annotation_(std::move(annotation)) {
    setText(QObject::tr("Annotate passage"));
}

void AddAnnotationCommand::redo() {
    auto& repo = document_->library().annotations();
    if (annotation_.id == 0) annotation_ = repo.add(annotation_);
    else repo.restore(annotation_);
    document_->reloadAnnotations();
}

void AddAnnotationCommand::undo() {
    document_->library().annotations().remove(annotation_.id);
    document_->reloadAnnotations();
}

}  // namespace dossier::ui
