#include "app/EvalCommands.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <chrono>
#include <iomanip>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/eval/NerEvaluation.h"
#include "core/eval/TimemlEvaluation.h"
#include "core/ner/NerModel.h"
#include "core/ner/NerTagger.h"
#include "core/ner/NerTrainer.h"
#include "core/ner/WordClusters.h"

namespace dossier::app {

namespace {

using namespace dossier::core;

// A count option: empty means fallback; anything but digits is a usage error.
std::optional<std::size_t> count(const std::string& option, const std::string& value, std::size_t fallback,
                                 std::ostream& err) {
    if (value.empty()) return fallback;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec == std::errc() && end == value.data() + value.size()) return n;
    err << "dossier: " << option << " '" << value << "' is not a number\n";
    return std::nullopt;
}

NerModel readModel(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error(path + ": cannot be read");
    const QByteArray bytes = file.readAll();
    return NerModel::fromBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

}  // namespace

int cmdEval(const Invocation& inv, std::ostream& out, std::ostream& err) {
    const std::string kind = inv.args.empty() ? std::string() : inv.args.front();
    if (inv.args.size() != 2 || (kind != "ner" && kind != "timeml")) {
        err << "dossier eval: use 'dossier eval ner FILE [--format conll|gmb|re3d] [--held-out] [--tagger]"
               " [--tagger-alone [--out MODEL]] [--limit N] [--errors N]' or 'dossier eval timeml DIR [--errors N]'\n";
        return 2;
    }
    const auto errors = count("--errors", inv.errors, 0, err);
    const auto limit = count("--limit", inv.limit, 0, err);
    if (!errors || !limit) return 2;
    try {
        if (kind == "timeml") {
            const auto docs = TimemlEvaluation::readFolder(inv.args[1]);
            TimemlEvaluation::print(out, TimemlEvaluation::evaluate(docs, Analyzer()), docs, *errors);
            return 0;
        }
        const auto format = nerFormatFromString(inv.format.empty() ? "conll" : inv.format);
        if (!format) {
            err << "dossier eval ner: --format is conll, gmb or re3d\n";
            return 2;
        }
        auto docs = NerEvaluation::readFile(inv.args[1], *format, *limit);
        if (inv.heldOut) docs = NerEvaluation::split(std::move(docs), true);
        if (inv.taggerAlone) {
            const NerModel model = inv.out.empty() ? NerModel::bundled() : readModel(inv.out);
            const NerTagger tagger(model, KnowledgeBase::bundled());
            NerEvaluation::print(out, NerEvaluation::evaluate(docs, tagger), docs, *errors);
        } else {
            const Analyzer analyzer(inv.tagger ? Analyzer::Names::RulesAndTagger : Analyzer::Names::Rules);
            NerEvaluation::print(out, NerEvaluation::evaluate(docs, analyzer), docs, *errors);
        }
        return 0;
    } catch (const std::runtime_error& e) {
        err << "dossier eval: " << e.what() << "\n";
        return 1;
    }
}

namespace {

// The training documents of the corpora named on the command line.
std::vector<NerDocument> trainingDocuments(const Invocation& inv, std::ostream& out) {
    std::vector<NerDocument> all;
    for (const auto& [name, path] : inv.corpora) {
        const auto format = nerFormatFromString(name);
        auto docs = NerEvaluation::readFile(path, *format);
        // GMB and re3d have no test split of their own: keep a slice out for eval --held-out.
        if (*format != NerFormat::Conll) docs = NerEvaluation::split(std::move(docs), false);
        out << name << ": " << docs.size() << " documents from " << path << "\n";
        std::move(docs.begin(), docs.end(), std::back_inserter(all));
    }
    return all;
}

void writeFile(const std::string& path, const std::string& bytes) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.commit())
        throw std::runtime_error(path + ": cannot be written");
}

// dossier train clusters: word classes from the corpora's text, ignoring their labels.
int trainClusters(const Invocation& inv, std::ostream& out) {
    std::vector<std::vector<std::string>> sentences;
    for (const NerDocument& d : trainingDocuments(inv, out)) {
        const TextDocument doc(d.text);
        for (const SentenceRange& s : doc.sentences) {
            auto& words = sentences.emplace_back();
            for (std::size_t i = s.first; i < s.last; ++i) words.push_back(doc.lower[i]);
        }
    }
    std::string tsv = "# word\tclass of 64\tclass of 512 (dossier train clusters)\n";
    const auto coarse = WordClusters::learn(sentences, 64, 20);
    const auto fine = WordClusters::learn(sentences, 512, 20);
    std::vector<std::string> words;
    for (const auto& [w, c] : coarse) words.push_back(w);
    std::sort(words.begin(), words.end());
    for (const std::string& w : words)
        if (w.find('\t') == std::string::npos)
            tsv += w + "\t" + std::to_string(coarse.at(w)) + "\t" + std::to_string(fine.at(w)) + "\n";
    writeFile(inv.out, tsv);
    out << words.size() << " words clustered from " << sentences.size() << " sentences, written to " << inv.out << "\n";
    return 0;
}

}  // namespace

int cmdTrain(const Invocation& inv, std::ostream& out, std::ostream& err) {
    const std::string what = inv.args.size() == 1 ? inv.args.front() : std::string();
    if ((what != "ner" && what != "clusters") || inv.corpora.empty() || inv.out.empty()) {
        err << "dossier train: use 'dossier train ner|clusters --conll FILE [--gmb FILE] [--re3d FILE]"
               " [--epochs N] --out FILE'\n";
        return 2;
    }
    if (what == "clusters") {
        try {
            return trainClusters(inv, out);
        } catch (const std::runtime_error& e) {
            err << "dossier train: " << e.what() << "\n";
            return 1;
        }
    }
    const auto epochs = count("--epochs", inv.epochs, 10, err);
    if (!epochs) return 2;
    try {
        const auto started = std::chrono::steady_clock::now();
        NerTrainer trainer(KnowledgeBase::bundled());
        for (const NerDocument& d : trainingDocuments(inv, out)) trainer.add(NerEvaluation::trainingText(d));
        out << trainer.documents() << " documents, " << trainer.tokens() << " tokens, " << trainer.misaligned()
            << " names not on token boundaries\n";
        const NerModel model = trainer.train(static_cast<unsigned>(*epochs), 1, [&](const NerTrainer::Epoch& e) {
            out << "epoch " << e.number << ": " << std::fixed << std::setprecision(2)
                << 100.0 * static_cast<double>(e.mistakes) / static_cast<double>(e.tokens) << "% of tokens wrong\n"
                << std::flush;
        });
        const std::string bytes = model.toBytes();
        writeFile(inv.out, bytes);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        out << "model: " << model.nonZeroRows() << " rows in use, " << bytes.size() << " bytes, written to " << inv.out
            << " in " << std::setprecision(1) << seconds << " s\n";
        return 0;
    } catch (const std::runtime_error& e) {
        err << "dossier train: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace dossier::app
