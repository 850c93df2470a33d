#include "ui/commands/EditAnnotationCommand.h"

#include <QObject>

#include "core/storage/AnnotationRepository.h"
#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

EditAnnotationCommand::EditAnnotationCommand(ArticleDocument* document, core::Annotation before, core::Annotation after)
    : document_(document), before_(std::move(before)), after_(std::move(after)) {
    setText(QObject::tr("Edit annotation"));
}

void EditAnnotationCommand::redo() {
    document_->library().annotations().update(after_);
    document_->reloadAnnotations();
}

void EditAnnotationCommand::undo() {
    document_->library().annotations().update(before_);
    document_->reloadAnnotations();
}

}  // namespace dossier::ui
