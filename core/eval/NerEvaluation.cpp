#include "core/eval/NerEvaluation.h"

#include <QFile>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <ostream>
#include <stdexcept>
#include <tuple>

#include "core/eval/ErrorContext.h"
#include "core/analysis/Analyzer.h"
#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerTagger.h"
#include "core/ner/NerTrainer.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

namespace {

struct Row {
    std::string token;
    std::string tag;
    std::size_t line = 0;
};
using Sentence = std::vector<Row>;
using RawDocument = std::vector<Sentence>;

std::runtime_error malformed(std::size_t line, const std::string& why) {
    return std::runtime_error("line " + std::to_string(line) + ": " + why);
}

double ratio(std::size_t num, std::size_t den) {
    return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

std::optional<NerType> goldType(NerFormat format, std::string_view name) {
    switch (format) {
        case NerFormat::Conll:  // MISC has no Dossier counterpart
            if (name == "PER") return NerType::Per;
            if (name == "LOC") return NerType::Loc;
            if (name == "ORG") return NerType::Org;
            break;
        case NerFormat::Gmb:  // geo: regions, cities; gpe: countries (tim, art, eve, nat ignored)
            if (name == "per") return NerType::Per;
            if (name == "geo" || name == "gpe") return NerType::Loc;
            if (name == "org") return NerType::Org;
            break;
        case NerFormat::Re3d:
            if (name == "Person") return NerType::Per;
            if (name == "Location") return NerType::Loc;
            if (name == "Organisation") return NerType::Org;
            break;
    }
    return std::nullopt;
}

// A corpus type that is a name but none of Dossier's types: the tagger's Misc.
bool otherNameType(NerFormat format, std::string_view name) {
    switch (format) {
        case NerFormat::Conll:
            return name == "MISC";
        case NerFormat::Gmb:
            return name == "art" || name == "eve" || name == "nat";
        case NerFormat::Re3d:
            return name == "Nationality";
    }
    return false;
}

// Tokens joined by spaces, sentences by "\n"; IOB tags decoded leniently (an I- tag
// after O or after another type opens a mention, as in IOB1).
NerDocument buildDocument(const RawDocument& sentences, NerFormat format) {
    NerDocument doc;
    Offset cp = 0;
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        if (si > 0) {
            doc.text += '\n';
            ++cp;
        }
        bool open = false;  // a mention is open, from openFirst, of corpus type openType
        std::size_t openFirst = 0;
        std::string openType;
        auto close = [&](std::size_t end) {
            if (!open) return;
            if (const auto type = goldType(format, openType))
                doc.gold.push_back({openFirst, end, *type});
            else if (otherNameType(format, openType))
                doc.otherNames.emplace_back(openFirst, end);
            open = false;
        };
        const Sentence& sentence = sentences[si];
        for (std::size_t ti = 0; ti < sentence.size(); ++ti) {
            const Row& row = sentence[ti];
            if (ti > 0) {
                doc.text += ' ';
                ++cp;
            }
            const std::size_t index = doc.tokens.size();
            const auto length = static_cast<Offset>(codePointCount(row.token));
            doc.tokens.push_back({cp, cp + length});
            doc.text += row.token;
            cp += length;

            if (row.tag == "O") {
                close(index);
            } else if (row.tag.size() > 2 && (row.tag[0] == 'B' || row.tag[0] == 'I') && row.tag[1] == '-') {
                const std::string_view type = std::string_view(row.tag).substr(2);
                if (row.tag[0] == 'B' || !open || openType != type) {
                    close(index);
                    open = true;
                    openFirst = index;
                    openType = type;
                }
            } else {
                throw malformed(row.line, "unexpected tag '" + row.tag + "' (expected O, B-X or I-X)");
            }
        }
        close(doc.tokens.size());
    }
    return doc;
}

// Collects sentences into documents, stopping once `limit` documents are complete.
class Collector {
public:
    Collector(NerFormat format, std::size_t limit) : format_(format), limit_(limit) {}

    void add(Row row) { sentence_.push_back(std::move(row)); }
    void endSentence() {
        if (sentence_.empty()) return;
        docs_.back().push_back(std::move(sentence_));
        sentence_.clear();
        if (format_ != NerFormat::Conll && docs_.back().size() == NerEvaluation::kSentencesPerDocument)
            endDocument();
    }
    void endDocument() {
        endSentence();
        if (!docs_.back().empty()) docs_.emplace_back();
    }
    bool full() const { return limit_ > 0 && docs_.size() > limit_; }

    std::vector<NerDocument> finish() {
        endSentence();
        if (docs_.back().empty()) docs_.pop_back();
        if (limit_ > 0 && docs_.size() > limit_) docs_.resize(limit_);
        std::vector<NerDocument> out;
        out.reserve(docs_.size());
        for (const RawDocument& d : docs_) out.push_back(buildDocument(d, format_));
        return out;
    }

private:
    NerFormat format_;
    std::size_t limit_;
    std::vector<RawDocument> docs_{1};
    Sentence sentence_;
};

// Calls f(line, number) for each line without its line end.
template <typename F>
void forEachLine(std::string_view bytes, F&& f) {
    std::size_t number = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view line = bytes.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!f(line, ++number)) return;
        pos = end + 1;
    }
}

std::vector<std::string_view> whitespaceFields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (true) {
        pos = line.find_first_not_of(" \t", pos);
        if (pos == std::string_view::npos) break;
        auto end = line.find_first_of(" \t", pos);
        if (end == std::string_view::npos) end = line.size();
        fields.push_back(line.substr(pos, end - pos));
        pos = end;
    }
    return fields;
}

// CoNLL-2003 (token POS chunk NER) and re3d (token TAG): first column the token, last the tag.
std::vector<NerDocument> readColumns(std::string_view bytes, NerFormat format, std::size_t limit) {
    std::size_t bad = 0;
    if (!isValidUtf8(bytes, &bad))
        throw std::runtime_error("not UTF-8 (byte " + std::to_string(bad) + "); is --format right?");
    Collector collector(format, limit);
    forEachLine(bytes, [&](std::string_view line, std::size_t number) {
        const auto fields = whitespaceFields(line);
        if (fields.empty()) {
            collector.endSentence();
        } else if (fields.front() == "-DOCSTART-") {
            collector.endDocument();
        } else if (fields.size() < 2) {
            throw malformed(number, "expected a token and a tag");
        } else {
            collector.add({std::string(fields.front()), std::string(fields.back()), number});
        }
        return !collector.full();
    });
    return collector.finish();
}

// The GMB file says latin-1 but its 0x80–0x9F bytes are Windows-1252 punctuation (’ —);
// read as latin-1 they would be C1 controls, and U+0085 is a line break to a splitter.
std::string windows1252ToUtf8(std::string_view bytes) {
    static constexpr char16_t kHigh[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                           0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 16);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            out += c;
        else
            appendUtf8(out, b < 0xA0 ? static_cast<char32_t>(kHigh[b - 0x80]) : static_cast<char32_t>(b));
    }
    return out;
}

std::vector<std::string> csvFields(std::string_view line, std::size_t number) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c != '"')
                fields.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += line[++i];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (quoted) throw malformed(number, "unterminated quoted field");
    return fields;
}

// GMB: "Sentence #,Word,POS,Tag"; the first column is set only on a sentence's first row.
std::vector<NerDocument> readGmb(std::string_view bytes, std::size_t limit) {
    const std::string text = windows1252ToUtf8(bytes);
    Collector collector(NerFormat::Gmb, limit);
    forEachLine(text, [&](std::string_view line, std::size_t number) {
        if (line.empty()) return true;
        if (number == 1 && line.starts_with("Sentence #")) return true;
        auto fields = csvFields(line, number);
        if (fields.size() != 4) throw malformed(number, "expected 4 columns: Sentence #,Word,POS,Tag");
        if (!fields[0].empty()) collector.endSentence();
        collector.add({std::move(fields[1]), std::move(fields[3]), number});
        return !collector.full();
    });
    return collector.finish();
}

Span charSpan(const NerDocument& doc, const NerSpan& s) {
    return {doc.tokens[s.first].start, doc.tokens[s.last - 1].end};
}

std::string context(std::string_view text, Span span) { return markedContext(text, span, 70); }

// Up to n items spread evenly over the list, so samples are not all from the first documents.
template <typename T>
std::vector<const T*> spread(const std::vector<const T*>& all, std::size_t n) {
    if (all.size() <= n) return all;
    std::vector<const T*> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(all[i * all.size() / n]);
    return out;
}

void printRow(std::ostream& out, std::string_view name, const NerCounts& c) {
    out << std::left << std::setw(5) << name << std::right << std::setw(8) << c.tp + c.fn << std::setw(8)
        << c.tp + c.fp << std::setw(8) << c.tp << std::setw(8) << c.fp << std::setw(8) << c.fn << std::fixed
        << std::setprecision(1) << std::setw(8) << 100 * c.precision() << std::setw(8) << 100 * c.recall()
        << std::setw(8) << 100 * c.f1() << "\n";
}

}  // namespace

std::string_view toString(NerType type) {
    switch (type) {
        case NerType::Per:
            return "PER";
        case NerType::Loc:
            return "LOC";
        case NerType::Org:
            return "ORG";
    }
    return {};
}

std::optional<NerType> nerTypeOf(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return NerType::Per;
        case EntityType::Country:
        case EntityType::Place:
            return NerType::Loc;
        case EntityType::Organization:
            return NerType::Org;
        case EntityType::Policy:
        case EntityType::Other:
            break;
    }
    return std::nullopt;
}

std::optional<NerFormat> nerFormatFromString(std::string_view name) {
    if (name == "conll") return NerFormat::Conll;
    if (name == "gmb") return NerFormat::Gmb;
    if (name == "re3d") return NerFormat::Re3d;
    return std::nullopt;
}

double NerCounts::precision() const { return ratio(tp, tp + fp); }
double NerCounts::recall() const { return ratio(tp, tp + fn); }
double NerCounts::f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
NerCounts& NerCounts::operator+=(const NerCounts& other) {
    tp += other.tp;
    fp += other.fp;
    fn += other.fn;
    return *this;
}

NerCounts NerScore::overall() const {
    NerCounts all;
    for (const NerCounts& c : byType) all += c;
    return all;
}
NerScore& NerScore::operator+=(const NerScore& other) {
    for (std::size_t i = 0; i < kNerTypeCount; ++i) byType[i] += other.byType[i];
    return *this;
}

std::vector<NerDocument> NerEvaluation::read(std::string_view bytes, NerFormat format, std::size_t limit) {
    return format == NerFormat::Gmb ? readGmb(bytes, limit) : readColumns(bytes, format, limit);
}

std::vector<NerDocument> NerEvaluation::readFile(const std::string& path, NerFormat format,
                                                 std::size_t limit) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error(path + ": cannot be read");
    const QByteArray bytes = file.readAll();
    try {
        return read(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), format,
                    limit);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

namespace {

// Code-point spans as corpus token spans; the ones off token boundaries go to unaligned.
std::vector<NerSpan> alignToTokens(const NerDocument& doc, const std::vector<std::pair<Span, NerType>>& spans,
                                   std::vector<std::pair<Span, NerType>>* unaligned) {
    std::vector<NerSpan> out;
    // Tokens are in text order, so both their starts and their ends are sorted.
    const auto byStart = [](const Span& s, Offset v) { return s.start < v; };
    const auto byEnd = [](const Span& s, Offset v) { return s.end < v; };
    for (const auto& [span, type] : spans) {
        const auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start, byStart);
        const auto last = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.end, byEnd);
        if (first != doc.tokens.end() && last != doc.tokens.end() && first->start == span.start &&
            last->end == span.end && first <= last) {
            out.push_back({static_cast<std::size_t>(first - doc.tokens.begin()),
                           static_cast<std::size_t>(last - doc.tokens.begin()) + 1, type});
        } else if (unaligned) {
            unaligned->emplace_back(span, type);
        }
    }
    return out;
}

std::optional<NerType> nerTypeOf(NerClass cls) {
    switch (cls) {
        case NerClass::Per:
            return NerType::Per;
        case NerClass::Loc:
            return NerType::Loc;
        case NerClass::Org:
            return NerType::Org;
        case NerClass::Misc:
            break;
    }
    return std::nullopt;
}

template <typename Predict>
NerReport evaluateWith(const std::vector<NerDocument>& documents, Predict&& predict) {
    NerReport report;
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const NerDocument& doc = documents[i];
        std::vector<std::pair<Span, NerType>> unaligned;
        report.score += NerEvaluation::score(doc, alignToTokens(doc, predict(doc), &unaligned), &report.errors, i);
        std::sort(unaligned.begin(), unaligned.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.start, a.first.end, a.second) <
                   std::tie(b.first.start, b.first.end, b.second);
        });
        unaligned.erase(std::unique(unaligned.begin(), unaligned.end()), unaligned.end());
        for (const auto& [span, type] : unaligned) {
            ++report.score.of(type).fp;
            report.errors.push_back({NerError::Kind::FalsePositive, i, span, type, std::nullopt, true});
        }
        report.unaligned += unaligned.size();
        report.tokens += doc.tokens.size();
    }
    report.documents = documents.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

// Dossier counts "Chinese" and "Briton" as mentions of their country; CoNLL, GMB and
// re3d call such words MISC (or nothing), so a country's mention that is not one of
// its names is left out of the score, as the tagger's MISC names are.
bool demonymMention(const Entity& entity, const Mention& m) {
    return entity.type == EntityType::Country && !m.text.empty() && KnowledgeBase::bundled().countryByName(m.text) < 0;
}

std::vector<std::pair<Span, NerType>> mentionSpans(const Analysis& analysis) {
    std::vector<std::pair<Span, NerType>> out;
    for (const Entity& entity : analysis.entities)
        if (const auto type = nerTypeOf(entity.type))
            for (const Mention& m : entity.mentions)
                if (!demonymMention(entity, m)) out.emplace_back(m.span, *type);
    return out;
}

}  // namespace

std::vector<NerSpan> NerEvaluation::predictions(const NerDocument& doc, const Analysis& analysis,
                                                std::vector<std::pair<Span, NerType>>* unaligned) {
    return alignToTokens(doc, mentionSpans(analysis), unaligned);
}

NerScore NerEvaluation::score(const NerDocument& doc, std::vector<NerSpan> predicted,
                              std::vector<NerError>* errors, std::size_t documentIndex) {
    std::vector<NerSpan> gold = doc.gold;
    for (auto* list : {&gold, &predicted}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    NerScore score;
    for (const NerSpan& p : predicted) {
        if (std::binary_search(gold.begin(), gold.end(), p)) {
            ++score.of(p.type).tp;
            continue;
        }
        ++score.of(p.type).fp;
        if (!errors) continue;
        NerError e{
            NerError::Kind::FalsePositive, documentIndex, charSpan(doc, p), p.type, std::nullopt, false};
        for (const NerSpan& g : gold)
            if (g.first == p.first && g.last == p.last) e.goldType = g.type;
        errors->push_back(e);
    }
    for (const NerSpan& g : gold) {
        if (std::binary_search(predicted.begin(), predicted.end(), g)) continue;
        ++score.of(g.type).fn;
        if (errors)
            errors->push_back({NerError::Kind::FalseNegative, documentIndex, charSpan(doc, g), g.type,
                               std::nullopt, false});
    }
    return score;
}

NerReport NerEvaluation::evaluate(const std::vector<NerDocument>& documents, const Analyzer& analyzer) {
    return evaluateWith(documents, [&](const NerDocument& doc) {
        return mentionSpans(analyzer.analyze(doc.text, std::nullopt));
    });
}

NerReport NerEvaluation::evaluate(const std::vector<NerDocument>& documents, const NerTagger& tagger) {
    return evaluateWith(documents, [&](const NerDocument& doc) {
        const TextDocument text(doc.text);
        std::vector<std::pair<Span, NerType>> out;
        for (const NerName& name : tagger.tag(text))
            if (const auto type = nerTypeOf(name.cls))
                out.emplace_back(Span{text.tokens[name.first].start, text.tokens[name.last - 1].end}, *type);
        return out;
    });
}

std::vector<NerDocument> NerEvaluation::split(std::vector<NerDocument> documents, bool heldOut) {
    std::vector<NerDocument> out;
    for (std::size_t i = 0; i < documents.size(); ++i)
        if ((i % 10 == 9) == heldOut) out.push_back(std::move(documents[i]));
    return out;
}

NerTrainingText NerEvaluation::trainingText(const NerDocument& doc) {
    NerTrainingText out;
    out.text = doc.text;
    const auto span = [&](std::size_t first, std::size_t last) {
        return Span{doc.tokens[first].start, doc.tokens[last - 1].end};
    };
    for (const NerSpan& g : doc.gold) {
        const NerClass cls = g.type == NerType::Per ? NerClass::Per : g.type == NerType::Loc ? NerClass::Loc : NerClass::Org;
        out.names.emplace_back(span(g.first, g.last), cls);
    }
    for (const auto& [first, last] : doc.otherNames) out.names.emplace_back(span(first, last), NerClass::Misc);
    return out;
}

void NerEvaluation::print(std::ostream& out, const NerReport& report,
                          const std::vector<NerDocument>& documents, std::size_t errorSamples) {
    out << "NER: " << report.documents << " documents, " << report.tokens
        << " tokens; exact span and type, micro-averaged\n"
        << "type     gold   found      TP      FP      FN       P       R      F1\n";
    for (std::size_t i = 0; i < kNerTypeCount; ++i) {
        const auto type = static_cast<NerType>(i);
        printRow(out, toString(type), report.score.of(type));
    }
    printRow(out, "all", report.score.overall());
    out << "predictions off token boundaries (counted as FP): " << report.unaligned << "\n"
        << "analysis: " << std::fixed << std::setprecision(2) << report.seconds << " s\n";
    if (errorSamples == 0) return;

    for (const auto kind : {NerError::Kind::FalsePositive, NerError::Kind::FalseNegative}) {
        std::vector<const NerError*> all;
        for (const NerError& e : report.errors)
            if (e.kind == kind) all.push_back(&e);
        const bool fp = kind == NerError::Kind::FalsePositive;
        const auto samples = spread(all, errorSamples);
        out << "\n"
            << (fp ? "false positives" : "false negatives") << " (" << samples.size() << " of " << all.size()
            << "):\n";
        for (const NerError* e : samples) {
            const std::string& text = documents[e->document].text;
            out << "  " << (fp ? "FP " : "FN ") << toString(e->type) << " \""
                << sliceCodePoints(text, e->span.start, e->span.end) << "\"";
            if (e->goldType) out << " (gold " << toString(*e->goldType) << ")";
            if (e->unaligned) out << " (off token boundaries)";
            out << "  doc " << e->document + 1 << ": " << context(text, e->span) << "\n";
        }
    }
}

}  // namespace dossier::core
