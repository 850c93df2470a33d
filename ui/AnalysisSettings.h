#pragma once

#include <QSettings>
#include <QString>

#include "core/analysis/Analyzer.h"

namespace dossier::ui {

// How the reader asked for names to be found (Analysis menu), kept between runs. The
// rules alone by default: the tagger finds better names at about half the speed.
class AnalysisSettings {
public:
    static core::Analyzer::Names names() {
        return QSettings().value(key(), false).toBool() ? core::Analyzer::Names::RulesAndTagger
                                                        : core::Analyzer::Names::Rules;
    }
    static void setNames(core::Analyzer::Names names) {
        QSettings().setValue(key(), names == core::Analyzer::Names::RulesAndTagger);
    }

private:
    static QString key() { return QStringLiteral("analysis/tagger"); }
};

}  // namespace dossier::ui
