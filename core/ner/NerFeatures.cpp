#include "core/ner/NerFeatures.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <QFile>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerHash.h"

namespace dossier::core {

namespace {

using nerhash::feature;

// One id per kind of feature; a trained model depends on them, so never renumber.
enum Template : std::uint32_t {
    kBias = 1,
    kWord,
    kWordAsWritten,
    kWordBefore,
    kWordAfter,
    kWordBefore2,
    kWordAfter2,
    kShape,
    kShapeBefore,
    kShapeAfter,
    kShapesBefore,
    kShapesAfter,
    kPrefix,  // + length
    kSuffix = kPrefix + 8,
    kBigramBefore = kSuffix + 8,
    kBigramAfter,
    kSentenceStart,
    kGazetteer,
    kGazetteerBefore,
    kGazetteerAfter,
    kPersonNames,
    kCommonWord,
    kHeadlineWord,
    kElsewhere,
    kWordBeforeShape,
    kLabel,
    kLabels,
    kLabelWord,
    kLabelShape,
    kWordAsWrittenAfter,
    kWordAsWrittenBefore,
    kLabelledBefore,
    kUsualCase,
    kGlue,
    kClass,
    kCoarseClass,
    kClassBefore,
    kClassAfter,
    kClasses,
};

// "McDonald" -> "XxXx", "U.S." -> "X.X.", "1996" -> "d", "F-16" -> "X-d": runs of one
// class collapse, so the shape says how a word is written, not how long it is.
std::string shapeOf(std::string_view word, bool capitalized) {
    std::string shape;
    char last = 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
        const auto c = static_cast<unsigned char>(word[k]);
        char cls;
        if (c >= 'A' && c <= 'Z')
            cls = 'X';
        else if (c >= 'a' && c <= 'z')
            cls = 'x';
        else if (c >= '0' && c <= '9')
            cls = 'd';
        else if (c >= 0x80 && c < 0xC0)
            continue;  // UTF-8 continuation byte
        else if (c >= 0x80)
            cls = (k == 0 && capitalized) ? 'X' : 'x';  // a letter, most likely
        else
            cls = static_cast<char>(c);
        if (cls != last) shape += cls;
        last = cls;
    }
    if (word.size() <= 3 && shape.size() < word.size()) shape += std::to_string(word.size());  // "US" vs "USA"
    return shape;
}

// Which knowledge-base phrases cover a token: a bit per (kind, part of the phrase).
std::uint32_t gazetteerBit(PhraseKind kind, std::size_t at, std::size_t length) {
    const unsigned part = length == 1 ? 3 : at == 0 ? 0 : at + 1 == length ? 2 : 1;  // B I L U
    return 1u << (4 * static_cast<unsigned>(kind) + part);
}

// A sentence written in capitals: a headline ("SOCCER - JAPAN GET LUCKY WIN"), where
// capitals say nothing about names.
std::vector<bool> headlineSentences(const TextDocument& doc) {
    std::vector<bool> out(doc.sentences.size(), false);
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        std::size_t words = 0, caps = 0;
        for (std::size_t i = doc.sentences[s].first; i < doc.sentences[s].last; ++i) {
            if (doc.tokens[i].kind != TokenKind::Word) continue;
            ++words;
            const std::string_view w = doc.word(i);
            caps += doc.tokens[i].allCaps || (w.size() == 1 && doc.tokens[i].capitalized);
        }
        out[s] = words >= 2 && caps * 10 >= words * 9;
    }
    return out;
}

// The text with the words of headlines in capitals written as titles ("CANADA BEAT
// PANAMA" -> "Canada Beat Panama"), so that the knowledge base's names match there too.
// ASCII only, so every byte offset stays where it was.
std::string foldHeadlines(const TextDocument& doc, const std::vector<bool>& headline) {
    std::string out(doc.text);
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        if (!headline[doc.sentenceOf[i]] || !doc.tokens[i].allCaps) continue;
        for (std::uint32_t b = doc.tokens[i].byteStart + 1; b < doc.tokens[i].byteEnd; ++b) {
            const char c = out[b];
            const char before = out[b - 1];
            const bool wordStart = !((before >= 'A' && before <= 'Z') || (before >= 'a' && before <= 'z'));
            if (c >= 'A' && c <= 'Z' && !wordStart) out[b] = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace

const NerFeatures::Lexicon& NerFeatures::bundledLexicon() {
    static const Lexicon table = [] {
        Lexicon out;
        const auto lines = [](const char* name) {
            QFile file(QString::fromLatin1(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll().split('\n') : QList<QByteArray>();
        };
        for (const QByteArray& line : lines(":/dossier/ner/casing.tsv")) {
            const auto cells = line.split('\t');
            if (line.startsWith('#') || cells.size() != 2) continue;
            const QByteArray& cls = cells[1];
            out[nerhash::bytes(std::string_view(cells[0].constData(), cells[0].size()))].usualCase = cls == "lower"   ? UsualCase::Lower
                                                    : cls == "title" ? UsualCase::Title
                                                    : cls == "upper" ? UsualCase::Upper
                                                                     : UsualCase::Mixed;
        }
        for (const QByteArray& line : lines(":/dossier/ner/clusters.tsv")) {
            const auto cells = line.split('\t');
            if (line.startsWith('#') || cells.size() != 3) continue;
            WordFacts& facts = out[nerhash::bytes(std::string_view(cells[0].constData(), cells[0].size()))];
            facts.coarseClass = static_cast<std::uint16_t>(cells[1].toUInt());
            facts.fineClass = static_cast<std::uint16_t>(cells[2].toUInt());
        }
        return out;
    }();
    return table;
}

NerFeatureTable NerFeatures::extract(const TextDocument& doc) const {
    const std::size_t n = doc.tokens.size();
    NerFeatureTable t;
    t.word.resize(n);
    t.shape.resize(n);
    t.capitalized.resize(n);
    t.begin.reserve(n + 1);
    // Written through a pointer, not push_back: room is checked once per token, for more
    // features than a token can have (about 30, and up to 60 knowledge-base bits).
    constexpr std::size_t kMaxPerToken = 128;
    t.ids.resize(n * 48 + kMaxPerToken);
    std::uint64_t* next = t.ids.data();

    std::vector<std::uint64_t> written(n);
    std::vector<std::uint32_t> gazetteer(n, 0);
    std::vector<const WordFacts*> facts(n, nullptr);
    std::vector<std::uint8_t> names(n, 0);  // 1 given name, 2 surname
    // How a word is written elsewhere in the article: lower case (an ordinary word) or
    // capitalised away from a sentence start (a name).
    std::unordered_map<std::uint64_t, std::uint8_t> elsewhere;  // by the word's hash
    elsewhere.reserve(n);
    const std::vector<bool> headline = headlineSentences(doc);
    std::vector<bool> start(n), inHeadline(n);
    std::string foldedText;
    std::unique_ptr<TextDocument> folded;
    if (std::find(headline.begin(), headline.end(), true) != headline.end()) {
        foldedText = foldHeadlines(doc, headline);
        folded = std::make_unique<TextDocument>(foldedText);
        if (folded->tokens.size() != n) folded.reset();  // tokenised differently: no folding
    }

    for (std::size_t i = 0; i < n; ++i) {
        const Token& tok = doc.tokens[i];
        const bool fold = folded && headline[doc.sentenceOf[i]];
        const TextDocument& source = fold ? *folded : doc;
        const std::string_view w = source.word(i);
        t.word[i] = nerhash::bytes(doc.lower[i]);
        written[i] = nerhash::bytes(w);
        t.shape[i] = nerhash::bytes(shapeOf(w, tok.capitalized));
        start[i] = doc.sentenceStart(i);
        if (const auto it = lexicon_.find(t.word[i]); it != lexicon_.end()) facts[i] = &it->second;
        t.capitalized[i] = tok.kind == TokenKind::Word && tok.capitalized;
        inHeadline[i] = headline[doc.sentenceOf[i]];
        if (tok.kind == TokenKind::Word && !inHeadline[i]) {
            std::uint8_t& seen = elsewhere[t.word[i]];
            if (!tok.capitalized) seen |= 1;
            else if (!start[i]) seen |= 2;
        }
        if (tok.kind != TokenKind::Word) continue;
        if (tok.capitalized) names[i] = (kb_.isGivenName(w) ? 1 : 0) | (kb_.isSurname(w) ? 2 : 0);
        for (const PhraseMatch& m : kb_.matchesAt(source, i))
            for (std::size_t k = 0; k < m.length; ++k) gazetteer[i + k] |= gazetteerBit(m.kind, k, m.length);
    }

    constexpr std::uint64_t kNone = 0x5bd1e995;  // "no token here", beyond the sentence
    for (std::size_t i = 0; i < n; ++i) {
        const auto used = static_cast<std::size_t>(next - t.ids.data());
        if (t.ids.size() - used < kMaxPerToken) {
            t.ids.resize(2 * t.ids.size());
            next = t.ids.data() + used;
        }
        t.begin.push_back(static_cast<std::uint32_t>(used));
        const std::size_t s = doc.sentenceOf[i];
        const auto inSentence = [&](std::ptrdiff_t d) {
            const auto j = static_cast<std::ptrdiff_t>(i) + d;
            return j >= 0 && j < static_cast<std::ptrdiff_t>(n) && doc.sentenceOf[static_cast<std::size_t>(j)] == s;
        };
        const auto at = [&](const std::vector<std::uint64_t>& v, std::ptrdiff_t d) {
            return inSentence(d) ? v[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + d)] : kNone;
        };
        const auto add = [&](std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0) __attribute__((always_inline)) {
            *next++ = feature(templ, a, b);
        };
        const std::string_view lower = doc.lower[i];
        const std::uint64_t w = t.word[i], sh = t.shape[i];

        add(kBias, 0);
        add(kWord, w);
        add(kWordAsWritten, written[i]);
        add(kWordBefore, at(t.word, -1));
        add(kWordAfter, at(t.word, 1));
        add(kWordBefore2, at(t.word, -2));
        add(kWordAfter2, at(t.word, 2));
        add(kWordAsWrittenBefore, at(written, -1));
        add(kWordAsWrittenAfter, at(written, 1));
        add(kShape, sh);
        add(kShapeBefore, at(t.shape, -1));
        add(kShapeAfter, at(t.shape, 1));
        add(kShapesBefore, at(t.shape, -1), sh);
        add(kShapesAfter, sh, at(t.shape, 1));
        add(kBigramBefore, at(t.word, -1), w);
        add(kBigramAfter, w, at(t.word, 1));
        add(kWordBeforeShape, at(t.word, -1), sh);
        add(kGlue, (doc.tokens[i].spaceBefore ? 1 : 0) | (i + 1 < n && doc.tokens[i + 1].spaceBefore ? 2 : 0),
            doc.tokens[i].kind == TokenKind::Word ? sh : 0);
        for (std::size_t len = 1; len <= 4 && len < lower.size(); ++len) {
            add(kPrefix + static_cast<std::uint32_t>(len), nerhash::bytes(lower.substr(0, len)));
            add(kSuffix + static_cast<std::uint32_t>(len), nerhash::bytes(lower.substr(lower.size() - len)));
        }
        add(kSentenceStart, start[i] ? 1 : 0, sh);
        if (inHeadline[i]) add(kHeadlineWord, w);

        for (std::uint32_t bits = gazetteer[i]; bits != 0; bits &= bits - 1)
            add(kGazetteer, static_cast<std::uint64_t>(__builtin_ctz(bits)));
        if (inSentence(-1))
            for (std::uint32_t bits = gazetteer[i - 1]; bits != 0; bits &= bits - 1)
                add(kGazetteerBefore, static_cast<std::uint64_t>(__builtin_ctz(bits)) / 4);
        if (inSentence(1))
            for (std::uint32_t bits = gazetteer[i + 1]; bits != 0; bits &= bits - 1)
                add(kGazetteerAfter, static_cast<std::uint64_t>(__builtin_ctz(bits)) / 4);
        const unsigned people = names[i] | (inSentence(-1) ? names[i - 1] << 2 : 0u) |
                                (inSentence(1) ? names[i + 1] << 4 : 0u);
        if (people != 0) add(kPersonNames, people);

        const Token& tok = doc.tokens[i];
        const auto fine = [&](std::ptrdiff_t d) -> std::uint64_t {
            if (!inSentence(d)) return kNone;
            const WordFacts* f = facts[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + d)];
            return f ? f->fineClass : 0xfffe;
        };
        const auto coarse = [&](std::ptrdiff_t d) -> std::uint64_t {
            if (!inSentence(d)) return kNone;
            const WordFacts* f = facts[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + d)];
            return f ? f->coarseClass : 0xfffe;
        };
        add(kClass, fine(0));
        add(kCoarseClass, coarse(0));
        add(kClassBefore, coarse(-1));
        add(kClassAfter, coarse(1));
        add(kClasses, fine(-1), fine(0));
        if (tok.kind == TokenKind::Word) {
            const auto usual = facts[i] ? facts[i]->usualCase : UsualCase::Unknown;
            add(kUsualCase, static_cast<std::uint64_t>(usual),
                (start[i] ? 1 : 0) | (inHeadline[i] ? 2 : 0) | (tok.capitalized ? 4 : 0));
        }
        if (tok.kind == TokenKind::Word && tok.capitalized) {
            add(kCommonWord, kb_.isCommonWord(lower) ? 1 : 0, start[i] ? 1 : 0);
            const auto it = elsewhere.find(w);
            const unsigned seen = it == elsewhere.end() ? 0 : it->second;
            add(kElsewhere, seen, (start[i] ? 1 : 0) | (inHeadline[i] ? 2 : 0));
        }
    }
    t.ids.resize(static_cast<std::size_t>(next - t.ids.data()));
    t.begin.push_back(static_cast<std::uint32_t>(t.ids.size()));
    return t;
}

void NerFeatures::history(const NerFeatureTable& table, std::size_t i, NerLabel prev, NerLabel prev2,
                          const NerDocumentMemory& memory, std::vector<std::uint64_t>& out) {
    out.push_back(feature(kLabel, prev));
    out.push_back(feature(kLabels, prev, prev2));
    out.push_back(feature(kLabelWord, prev, table.word[i]));
    out.push_back(feature(kLabelShape, prev, table.shape[i]));
    memory.features(table, i, out);
}

NerPosition nerPosition(const TextDocument& doc, std::size_t i, const std::vector<NerLabel>& labels) {
    const SentenceRange& sentence = doc.sentences[doc.sentenceOf[i]];
    NerPosition p;
    p.endsSentence = i + 1 == sentence.last;
    if (i == sentence.first) return p;
    p.prev = p.histPrev = labels[i - 1];
    if (i - 1 != sentence.first) p.histPrev2 = labels[i - 2];
    return p;
}

void NerDocumentMemory::remember(const NerFeatureTable& table, std::size_t i, NerLabel label) {
    if (!table.capitalized[i]) return;
    auto& counts = seen_[table.word[i]];
    ++counts[label == kNerOutside ? kNerClassCount : static_cast<std::size_t>(nerClassOf(label))];
}

void NerDocumentMemory::features(const NerFeatureTable& table, std::size_t i, std::vector<std::uint64_t>& out) const {
    if (!table.capitalized[i]) return;
    const auto add = [&](const std::unordered_map<std::uint64_t, Counts>& map, std::uint32_t templ) {
        const auto it = map.find(table.word[i]);
        if (it == map.end()) return;
        unsigned total = 0;
        for (const auto c : it->second) total += c;
        for (std::size_t k = 0; k < it->second.size(); ++k)
            if (it->second[k] > 0) out.push_back(feature(templ, k, 2 * it->second[k] > total ? 1 : 0));
    };
    add(seen_, kLabelledBefore);
}

}  // namespace dossier::core
