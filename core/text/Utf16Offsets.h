#pragma once

// Converts Dossier's code-point offsets (see TextOffsets.h) to the UTF-16 positions
// that QString and QTextDocument use, and back. Text outside the Basic Multilingual
// Plane (emoji, some CJK) takes two UTF-16 units per code point.

#include <QString>

#include <vector>

#include "core/text/TextOffsets.h"

namespace dossier::core {

class Utf16Offsets {
public:
    explicit Utf16Offsets(const QString& text);

    qsizetype toUtf16(Offset codePoint) const;
    Offset toCodePoint(qsizetype utf16) const;  // a position inside a surrogate pair maps to its code point

private:
    std::vector<qsizetype> cpToUtf16_;
};

}  // namespace dossier::core
