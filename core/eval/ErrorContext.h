#pragma once

// Shared by the evaluations' error listings.

#include <algorithm>
#include <string>
#include <string_view>

#include "core/model/Analysis.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

// The text around a span on its line, the span marked [[like this]], at most
// `width` code points each side.
inline std::string markedContext(std::string_view text, Span span, Offset width) {
    const CodePointIndex index(text);
    const std::size_t b0 = index.byteOf(span.start);
    const std::size_t b1 = index.byteOf(span.end);
    const std::size_t lineStart = b0 == 0 ? 0 : text.rfind('\n', b0 - 1) + 1;  // npos + 1 == 0
    std::size_t lineEnd = text.find('\n', b1);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    const Offset from = std::max(index.codePointOf(lineStart), span.start - width);
    const Offset to = std::min(index.codePointOf(lineEnd), span.end + width);
    return (from > index.codePointOf(lineStart) ? "…" : "") + sliceCodePoints(text, from, span.start) + "[[" +
           sliceCodePoints(text, span.start, span.end) + "]]" + sliceCodePoints(text, span.end, to) +
           (to < index.codePointOf(lineEnd) ? "…" : "");
}

}  // namespace dossier::core
