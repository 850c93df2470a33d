#pragma once

#include <QJsonObject>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::core {

// The JSON form of an analysis, as `dossier analyze --json` prints it (the contract
// is in docs/cli.md). Offsets are code points into the article text.
QJsonObject analysisToJson(const ArticleMeta& meta, const Analysis& analysis);

}  // namespace dossier::core
