#pragma once

#include <QDialog>

#include <optional>
#include <vector>

#include "core/storage/EntityRepository.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace dossier::core {
class Library;
}

namespace dossier::ui {

// Chooses the entity another one is the same as, from the whole library: a filter
// over names (merged names too) and the matching entities with their type and the
// number of articles. Use ask() for a modal question, or construct it, open() it
// and read chosen() on accepted (what the tests do, without a nested event loop).
class MergeEntityDialog : public QDialog {
    Q_OBJECT
public:
    MergeEntityDialog(core::Library& library, const core::EntityRef& from, QWidget* parent = nullptr);

    // Modal; nothing when the reader cancels.
    static std::optional<core::EntityRef> ask(QWidget* parent, core::Library& library, const core::EntityRef& from);

    void setFilter(const QString& text);
    // The entities listed, in order, and the one chosen (the current row).
    const std::vector<core::EntityMatch>& candidates() const { return candidates_; }
    std::optional<core::EntityRef> chosen() const;
    void choose(int row);

private:
    void refresh();
    core::Library& library_;
    core::EntityRef from_;  // canonical
    QLineEdit* filter_;
    QListWidget* list_;
    QLabel* hint_;
    QPushButton* ok_ = nullptr;
    std::vector<core::EntityMatch> candidates_;
};

}  // namespace dossier::ui
