#pragma once

#include <iosfwd>

#include "app/CommandLine.h"

namespace dossier::app {

// dossier eval ner|timeml: scores the analysis against a corpus.
int cmdEval(const Invocation& inv, std::ostream& out, std::ostream& err);
// dossier train ner: trains the entity tagger's model from corpora.
int cmdTrain(const Invocation& inv, std::ostream& out, std::ostream& err);

}  // namespace dossier::app
