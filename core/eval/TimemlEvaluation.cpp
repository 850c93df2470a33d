#include "core/eval/TimemlEvaluation.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QXmlStreamReader>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <ostream>
#include <stdexcept>

#include "core/eval/ErrorContext.h"
#include "core/analysis/Analyzer.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

namespace {

double ratio(std::size_t num, std::size_t den) {
    return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}
double harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }
Offset overlap(Span a, Span b) {
    return std::max<Offset>(0, std::min(a.end, b.end) - std::max(a.start, b.start));
}

std::string attribute(const QXmlStreamReader& reader, const char* name) {
    return reader.attributes().value(QLatin1String(name)).toString().toStdString();
}

std::string context(std::string_view text, Span span) { return markedContext(text, span, 60); }

// Text taken from the document, so predictions built without it still print.
std::string describe(std::string_view text, const TimemlTimex& t) {
    return "\"" + sliceCodePoints(text, t.span.start, t.span.end) + "\" " + t.type + " " +
           (t.value.empty() ? std::string("(no value)") : t.value);
}

void printLine(std::ostream& out, std::string_view name, double p, double r, double f, std::size_t pNum,
               std::size_t pDen, std::size_t rNum, std::size_t rDen) {
    out << std::left << std::setw(9) << name << std::right << std::fixed << std::setprecision(1) << "P "
        << std::setw(5) << 100 * p << "  R " << std::setw(5) << 100 * r << "  F1 " << std::setw(5) << 100 * f
        << "   (" << pNum << "/" << pDen << " predictions, " << rNum << "/" << rDen << " gold)\n";
}

}  // namespace

double TimemlScore::relaxedPrecision() const { return ratio(relaxedPredicted, predicted); }
double TimemlScore::relaxedRecall() const { return ratio(relaxedGold, gold); }
double TimemlScore::relaxedF1() const { return harmonic(relaxedPrecision(), relaxedRecall()); }
double TimemlScore::strictPrecision() const { return ratio(strictPredicted, predicted); }
double TimemlScore::strictRecall() const { return ratio(strictGold, gold); }
double TimemlScore::strictF1() const { return harmonic(strictPrecision(), strictRecall()); }
double TimemlScore::typeAccuracy() const { return ratio(typeCorrect, relaxedGold); }
double TimemlScore::valueAccuracy() const { return ratio(valueCorrect, relaxedGold); }

TimemlScore& TimemlScore::operator+=(const TimemlScore& o) {
    gold += o.gold;
    predicted += o.predicted;
    relaxedGold += o.relaxedGold;
    relaxedPredicted += o.relaxedPredicted;
    strictGold += o.strictGold;
    strictPredicted += o.strictPredicted;
    typeCorrect += o.typeCorrect;
    valueCorrect += o.valueCorrect;
    return *this;
}

TimemlDocument TimemlEvaluation::parse(std::string_view xml, const std::string& name) {
    TimemlDocument doc;
    doc.name = name;
    QXmlStreamReader reader(QByteArray::fromRawData(xml.data(), static_cast<qsizetype>(xml.size())));
    struct Open {
        Offset start;
        std::string type;
        std::string value;
    };
    std::vector<Open> open;  // TIMEX3 elements entered inside <TEXT>
    int textDepth = 0;       // > 0 inside <TEXT>
    bool sawText = false;
    bool inDct = false;
    Offset cp = 0;  // code points of doc.text so far
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
            case QXmlStreamReader::StartElement:
                if (textDepth > 0) {
                    ++textDepth;
                    if (reader.name() == u"TIMEX3")
                        open.push_back({cp, attribute(reader, "type"), attribute(reader, "value")});
                } else if (reader.name() == u"TEXT") {
                    textDepth = 1;
                    sawText = true;
                } else if (reader.name() == u"DCT") {
                    inDct = true;
                } else if (inDct && reader.name() == u"TIMEX3") {
                    doc.dct = attribute(reader, "value");
                }
                break;
            case QXmlStreamReader::EndElement:
                if (textDepth > 0) {
                    if (reader.name() == u"TIMEX3" && !open.empty()) {
                        Open o = std::move(open.back());
                        open.pop_back();
                        doc.gold.push_back({{o.start, cp}, {}, std::move(o.type), std::move(o.value)});
                    }
                    --textDepth;
                } else if (reader.name() == u"DCT") {
                    inDct = false;
                }
                break;
            case QXmlStreamReader::Characters:
                // Entities (&amp;) arrive resolved here, so offsets count "&", not "&amp;".
                if (textDepth > 0) {
                    const QByteArray utf8 = reader.text().toUtf8();
                    const std::string_view chunk(utf8.constData(), static_cast<std::size_t>(utf8.size()));
                    doc.text += chunk;
                    cp += static_cast<Offset>(codePointCount(chunk));
                }
                break;
            default:
                break;
        }
    }
    if (reader.hasError())
        throw std::runtime_error(name + ": line " + std::to_string(reader.lineNumber()) + ": " +
                                 reader.errorString().toStdString());
    if (!sawText) throw std::runtime_error(name + ": no <TEXT> element");
    // Nested TIMEX3 close inner first; keep gold in text order.
    std::stable_sort(doc.gold.begin(), doc.gold.end(),
                     [](const TimemlTimex& a, const TimemlTimex& b) { return a.span.start < b.span.start; });
    for (TimemlTimex& t : doc.gold) t.text = sliceCodePoints(doc.text, t.span.start, t.span.end);
    doc.published = Date::parseIso(doc.dct);
    return doc;
}

std::vector<TimemlDocument> TimemlEvaluation::readFolder(const std::string& dir) {
    const QDir root(QString::fromStdString(dir));
    if (!root.exists()) throw std::runtime_error(dir + ": no such folder");
    QStringList paths;
    QDirIterator it(root.path(), {QStringLiteral("*.tml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) paths << it.next();
    paths.sort();
    std::vector<TimemlDocument> docs;
    for (const QString& path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error(path.toStdString() + ": cannot be read");
        const QByteArray bytes = file.readAll();
        docs.push_back(parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                             root.relativeFilePath(path).toStdString()));
    }
    return docs;
}

std::vector<TimemlTimex> TimemlEvaluation::predictions(const Analysis& analysis) {
    std::vector<TimemlTimex> out;
    for (const Timex& t : analysis.timex)
        out.push_back({t.span, t.text, std::string(toString(t.type)), t.value});
    return out;
}

TimemlScore TimemlEvaluation::score(const TimemlDocument& doc, const std::vector<TimemlTimex>& predicted,
                                    std::vector<TimemlError>* errors, std::size_t documentIndex) {
    TimemlScore s;
    s.gold = doc.gold.size();
    s.predicted = predicted.size();
    for (const TimemlTimex& p : predicted) {
        const bool relaxed = std::any_of(doc.gold.begin(), doc.gold.end(),
                                         [&](const TimemlTimex& g) { return overlaps(g.span, p.span); });
        const bool strict = std::any_of(doc.gold.begin(), doc.gold.end(),
                                        [&](const TimemlTimex& g) { return g.span == p.span; });
        s.relaxedPredicted += relaxed;
        s.strictPredicted += strict;
        if (!relaxed && errors)
            errors->push_back({TimemlError::Kind::Spurious, documentIndex, std::nullopt, p});
    }
    for (const TimemlTimex& g : doc.gold) {
        // The prediction the attributes are judged on: same extent, else the largest overlap.
        const TimemlTimex* best = nullptr;
        for (const TimemlTimex& p : predicted) {
            if (!overlaps(g.span, p.span)) continue;
            if (p.span == g.span) {
                best = &p;
                break;
            }
            if (!best || overlap(g.span, p.span) > overlap(g.span, best->span)) best = &p;
        }
        if (!best) {
            if (errors) errors->push_back({TimemlError::Kind::Missed, documentIndex, g, std::nullopt});
            continue;
        }
        ++s.relaxedGold;
        s.strictGold += best->span == g.span;
        s.typeCorrect += best->type == g.type;
        const bool valueOk = best->value == g.value;
        s.valueCorrect += valueOk;
        if (!valueOk && errors) errors->push_back({TimemlError::Kind::WrongValue, documentIndex, g, *best});
    }
    return s;
}

TimemlReport TimemlEvaluation::evaluate(const std::vector<TimemlDocument>& documents,
                                        const Analyzer& analyzer) {
    TimemlReport report;
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const TimemlDocument& doc = documents[i];
        report.score += score(doc, predictions(analyzer.analyze(doc.text, doc.published)), &report.errors, i);
    }
    report.documents = documents.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

void TimemlEvaluation::print(std::ostream& out, const TimemlReport& report,
                             const std::vector<TimemlDocument>& documents, std::size_t errorSamples) {
    const TimemlScore& s = report.score;
    out << "TimeML: " << report.documents << " documents, " << s.gold << " gold time expressions, "
        << s.predicted << " predicted\n";
    printLine(out, "relaxed", s.relaxedPrecision(), s.relaxedRecall(), s.relaxedF1(), s.relaxedPredicted,
              s.predicted, s.relaxedGold, s.gold);
    printLine(out, "strict", s.strictPrecision(), s.strictRecall(), s.strictF1(), s.strictPredicted,
              s.predicted, s.strictGold, s.gold);
    out << std::fixed << std::setprecision(1) << "type accuracy   " << 100 * s.typeAccuracy() << "  ("
        << s.typeCorrect << "/" << s.relaxedGold << " relaxed matches)\n"
        << "value accuracy  " << 100 * s.valueAccuracy() << "  (" << s.valueCorrect << "/" << s.relaxedGold
        << " relaxed matches)\n"
        << "value F1        " << 100 * s.valueF1() << "  (value accuracy × relaxed F1)\n"
        << "analysis: " << std::setprecision(2) << report.seconds << " s\n";
    if (errorSamples == 0) return;

    for (const auto kind :
         {TimemlError::Kind::Missed, TimemlError::Kind::Spurious, TimemlError::Kind::WrongValue}) {
        std::vector<const TimemlError*> all;
        for (const TimemlError& e : report.errors)
            if (e.kind == kind) all.push_back(&e);
        const std::size_t n = std::min(errorSamples, all.size());
        out << "\n"
            << (kind == TimemlError::Kind::Missed     ? "missed (gold with no overlapping prediction)"
                : kind == TimemlError::Kind::Spurious ? "spurious (prediction overlapping no gold)"
                                                      : "wrong value (relaxed match)")
            << " (" << n << " of " << all.size() << "):\n";
        for (std::size_t i = 0; i < n; ++i) {  // spread over the corpus, not the first documents only
            const TimemlError& e = *all[i * all.size() / n];
            const TimemlDocument& doc = documents[e.document];
            out << "  " << doc.name << " (DCT " << doc.dct << ")";
            if (e.gold) out << "  gold " << describe(doc.text, *e.gold);
            if (e.predicted) out << "  predicted " << describe(doc.text, *e.predicted);
            out << "\n      " << context(doc.text, e.gold ? e.gold->span : e.predicted->span) << "\n";
        }
    }
}

}  // namespace dossier::core
