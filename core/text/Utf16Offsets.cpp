#include "core/text/Utf16Offsets.h"

#include <algorithm>
#include <stdexcept>

namespace dossier::core {

Utf16Offsets::Utf16Offsets(const QString& text) {
    cpToUtf16_.reserve(static_cast<std::size_t>(text.size()) + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        cpToUtf16_.push_back(i);
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ++i;
    }
    cpToUtf16_.push_back(text.size());
}

qsizetype Utf16Offsets::toUtf16(Offset codePoint) const {
    if (codePoint < 0 || static_cast<std::size_t>(codePoint) >= cpToUtf16_.size())
        throw std::out_of_range("code-point offset outside the text");
    return cpToUtf16_[static_cast<std::size_t>(codePoint)];
}

Offset Utf16Offsets::toCodePoint(qsizetype utf16) const {
    const auto it = std::upper_bound(cpToUtf16_.begin(), cpToUtf16_.end(), utf16);
    return static_cast<Offset>(it - cpToUtf16_.begin()) - 1;
}

}  // namespace dossier::core
