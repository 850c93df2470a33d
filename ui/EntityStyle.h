#pragma once

#include <QPalette>
#include <QString>
#include <QTextCharFormat>

#include "core/model/Analysis.h"

namespace dossier::ui {

// How each kind of entity looks, everywhere: a tint that reads on light and dark
// backgrounds, and an underline style of its own, so type never rests on colour alone.
class EntityStyle {
public:
    static constexpr int kSelectedProperty = QTextFormat::UserProperty + 1;

    static QColor colour(core::EntityType type);
    static QString typeName(core::EntityType type);
    static QTextCharFormat mentionFormat(const core::Entity& entity, const QPalette& palette);
    static QTextCharFormat timexFormat(const core::Timex& timex, const QPalette& palette);
    static QTextCharFormat selectedFormat(const QPalette& palette);
};

}  // namespace dossier::ui
