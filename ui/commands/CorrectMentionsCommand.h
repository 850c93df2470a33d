#pragma once

#include <QString>
#include <QUndoCommand>

#include <vector>

#include "core/model/Analysis.h"

namespace dossier::ui {

class ArticleDocument;

// A correction of the analysis: automatic mentions the user rejects, and mentions
// the user adds to an entity. Marking a passage, removing a mention, changing an
// entity's type and merging two entities are all this; the library keeps them as
// user rows, so analysing the article again does not undo them.
class CorrectMentionsCommand : public QUndoCommand {
public:
    struct Change {
        core::Entity entity;  // name, type and id are used
        core::Mention mention;
    };

    CorrectMentionsCommand(ArticleDocument* document, const QString& text, std::vector<core::Span> rejected,
                           std::vector<Change> added);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    std::vector<core::Span> rejected_;
    std::vector<Change> added_;
};

}  // namespace dossier::ui
