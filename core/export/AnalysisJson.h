#pragma once

#include <string>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::core {

// The JSON text of an analysis, indented, as `dossier analyze --json` prints it (the
// contract is in docs/cli.md). Offsets are code points into the article text.
std::string analysisToJson(const ArticleMeta& meta, const Analysis& analysis);

}  // namespace dossier::core
