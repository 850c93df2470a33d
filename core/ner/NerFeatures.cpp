#include "core/ner/NerFeatures.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <QFile>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/text/HashedKeyMap.h"
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

constexpr std::uint64_t kNone = 0x5bd1e995;  // "no token here", beyond the sentence
constexpr std::uint64_t kNoFacts = 0xfffe;     // a word without word data

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
std::vector<std::uint8_t> headlineSentences(const TextDocument& doc) {
    std::vector<std::uint8_t> out(doc.sentences.size(), 0);
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
std::string foldHeadlines(const TextDocument& doc, const std::vector<std::uint8_t>& headline) {
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
        const auto factsOf = [&](const QByteArray& word) -> WordFacts& {
            const std::string_view w(word.constData(), static_cast<std::size_t>(word.size()));
            const auto [it, added] = out.facts.try_emplace(nerhash::bytes(w));
            if (added) out.words.emplace_back(w);
            return it->second;
        };
        for (const QByteArray& line : lines(":/dossier/ner/casing.tsv")) {
            const auto cells = line.split('\t');
            if (line.startsWith('#') || cells.size() != 2) continue;
            const QByteArray& cls = cells[1];
            factsOf(cells[0]).usualCase = cls == "lower"   ? UsualCase::Lower
                                          : cls == "title" ? UsualCase::Title
                                          : cls == "upper" ? UsualCase::Upper
                                                           : UsualCase::Mixed;
        }
        for (const QByteArray& line : lines(":/dossier/ner/clusters.tsv")) {
            const auto cells = line.split('\t');
            if (line.startsWith('#') || cells.size() != 3) continue;
            WordFacts& facts = factsOf(cells[0]);
            facts.coarseClass = static_cast<std::uint16_t>(cells[1].toUInt());
            facts.fineClass = static_cast<std::uint16_t>(cells[2].toUInt());
        }
        return out;
    }();
    return table;
}

NerFeatures::WordInfo NerFeatures::wordInfo(std::string_view written, std::string_view lower, const Token& token) const {
    WordInfo info;
    info.word = nerhash::bytes(lower);
    info.written = nerhash::bytes(written);
    info.shape = nerhash::bytes(shapeOf(written, token.capitalized));
    info.isWord = token.kind == TokenKind::Word;
    info.capitalized = info.isWord && token.capitalized;
    const auto it = lexicon_.facts.find(info.word);
    info.fine = it == lexicon_.facts.end() ? kNoFacts : it->second.fineClass;
    info.coarse = it == lexicon_.facts.end() ? kNoFacts : it->second.coarseClass;
    info.usualCase = it == lexicon_.facts.end() ? UsualCase::Unknown : it->second.usualCase;
    if (info.capitalized) {
        info.names = static_cast<std::uint8_t>((kb_.isGivenName(written) ? 1 : 0) | (kb_.isSurname(written) ? 2 : 0));
        info.common = kb_.isCommonWord(lower);
    }
    info.mayStartPhrase = info.isWord && kb_.mayStartPhrase(written, lower);
    return info;
}

void NerFeatures::wordFeatures(const WordInfo* info, std::string_view lower, int offset, std::vector<std::uint64_t>& out) {
    const auto add = [&](std::uint32_t templ, std::uint64_t a) { out.push_back(feature(templ, a)); };
    const auto or_ = [&](std::uint64_t WordInfo::*field) { return info ? info->*field : kNone; };
    switch (offset) {
        case 0:
            add(kBias, 0);
            add(kWord, info->word);
            add(kWordAsWritten, info->written);
            add(kShape, info->shape);
            for (std::size_t len = 1; len <= 4 && len < lower.size(); ++len) {
                add(kPrefix + static_cast<std::uint32_t>(len), nerhash::bytes(lower.substr(0, len)));
                add(kSuffix + static_cast<std::uint32_t>(len), nerhash::bytes(lower.substr(lower.size() - len)));
            }
            add(kClass, info->fine);
            add(kCoarseClass, info->coarse);
            break;
        case -1:
            add(kWordBefore, or_(&WordInfo::word));
            add(kWordAsWrittenBefore, or_(&WordInfo::written));
            add(kShapeBefore, or_(&WordInfo::shape));
            add(kClassBefore, or_(&WordInfo::coarse));
            break;
        case 1:
            add(kWordAfter, or_(&WordInfo::word));
            add(kWordAsWrittenAfter, or_(&WordInfo::written));
            add(kShapeAfter, or_(&WordInfo::shape));
            add(kClassAfter, or_(&WordInfo::coarse));
            break;
        case -2:
            add(kWordBefore2, or_(&WordInfo::word));
            break;
        case 2:
            add(kWordAfter2, or_(&WordInfo::word));
            break;
        default:
            break;
    }
}

NerFeatureTable NerFeatures::extract(const TextDocument& doc) const {
    std::vector<WordInfo> infos(doc.tokens.size());
    return build(
        doc,
        [&](std::size_t i, std::string_view written, std::string_view lower) {
            infos[i] = wordInfo(written, lower, doc.tokens[i]);
            return &infos[i];
        },
        true, nullptr);
}

NerFeatureTable NerFeatures::extractContext(const TextDocument& doc, const InfoSource& infoOf,
                                            const std::vector<std::uint8_t>* scored) const {
    return build(doc, infoOf, false, scored);
}

NerFeatureTable NerFeatures::build(const TextDocument& doc, const InfoSource& infoOf, bool wordAlone,
                                   const std::vector<std::uint8_t>* scored) const {
    const std::size_t n = doc.tokens.size();
    NerFeatureTable t;
    t.word.resize(n);
    t.shape.resize(n);
    t.capitalized.resize(n);
    t.begin.reserve(n + 1);
    // Written through a pointer, not push_back: room is checked once per token, for more
    // features than a token can have (about 30, and up to 60 knowledge-base bits).
    constexpr std::size_t kMaxPerToken = 128;
    const auto featured =
        scored ? static_cast<std::size_t>(std::count_if(scored->begin(), scored->end(), [](std::uint8_t s) { return s & kScored; }))
               : n;
    t.ids.resize(featured * (wordAlone ? 48 : 16) + kMaxPerToken);
    std::uint64_t* next = t.ids.data();

    std::vector<const WordInfo*> info(n);
    std::vector<std::uint32_t> gazetteer(n, 0);
    // How a word is written elsewhere in the article: lower case (an ordinary word) or
    // capitalised away from a sentence start (a name).
    HashedKeyMap<std::uint8_t> elsewhere(n);  // by the word's hash
    const std::vector<std::uint8_t> headline = headlineSentences(doc);
    std::vector<std::uint8_t> start(n), inHeadline(n);
    std::string foldedText;
    std::unique_ptr<TextDocument> folded;
    if (std::find(headline.begin(), headline.end(), 1) != headline.end()) {
        foldedText = foldHeadlines(doc, headline);
        folded = std::make_unique<TextDocument>(foldedText);
        if (folded->tokens.size() != n) folded.reset();  // tokenised differently: no folding
    }

    bool wordSeen = false;  // a word or number earlier in the sentence
    for (std::size_t i = 0; i < n; ++i) {
        const Token& tok = doc.tokens[i];
        if (i == 0 || doc.sentenceOf[i] != doc.sentenceOf[i - 1]) wordSeen = false;
        start[i] = !wordSeen;  // as TextDocument::sentenceStart, without scanning back
        wordSeen = wordSeen || tok.kind == TokenKind::Word || tok.kind == TokenKind::Number;
        const bool fold = folded && headline[doc.sentenceOf[i]];
        const TextDocument& source = fold ? *folded : doc;
        const WordInfo& w = *(info[i] = infoOf(i, source.word(i), doc.lower[i]));
        t.word[i] = w.word;
        t.shape[i] = w.shape;
        t.capitalized[i] = w.capitalized;
        inHeadline[i] = headline[doc.sentenceOf[i]];
        if (w.isWord && !inHeadline[i]) {
            std::uint8_t& seen = elsewhere.findOrAdd(w.word, [] { return std::uint8_t{0}; });
            if (!tok.capitalized) seen |= 1;
            else if (!start[i]) seen |= 2;
        }
        if (!w.mayStartPhrase) continue;
        for (const PhraseMatch& m : kb_.matchesAt(source, i))
            for (std::size_t k = 0; k < m.length; ++k) gazetteer[i + k] |= gazetteerBit(m.kind, k, m.length);
    }

    std::vector<std::uint64_t> alone;
    for (std::size_t i = 0; i < n; ++i) {
        const auto used = static_cast<std::size_t>(next - t.ids.data());
        if (t.ids.size() - used < kMaxPerToken) {
            t.ids.resize(2 * t.ids.size());
            next = t.ids.data() + used;
        }
        t.begin.push_back(static_cast<std::uint32_t>(used));
        if (scored && !((*scored)[i] & kScored)) continue;
        const std::size_t s = doc.sentenceOf[i];
        const auto inSentence = [&](std::ptrdiff_t d) {
            const auto j = static_cast<std::ptrdiff_t>(i) + d;
            return j >= 0 && j < static_cast<std::ptrdiff_t>(n) && doc.sentenceOf[static_cast<std::size_t>(j)] == s;
        };
        const auto near = [&](std::ptrdiff_t d) -> const WordInfo* {
            return inSentence(d) ? info[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + d)] : nullptr;
        };
        const auto add = [&](std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0) __attribute__((always_inline)) {
            *next++ = feature(templ, a, b);
        };
        if (wordAlone) {
            alone.clear();
            wordFeatures(info[i], doc.lower[i], 0, alone);
            for (const int d : {-2, -1, 1, 2}) wordFeatures(near(d), {}, d, alone);
            for (const std::uint64_t f : alone) *next++ = f;
        }

        const WordInfo& me = *info[i];
        const WordInfo* before = near(-1);
        const WordInfo* after = near(1);
        const std::uint64_t w = me.word, sh = me.shape;
        const std::uint64_t wordBefore = before ? before->word : kNone, wordAfter = after ? after->word : kNone;
        const std::uint64_t shapeBefore = before ? before->shape : kNone, shapeAfter = after ? after->shape : kNone;
        add(kShapesBefore, shapeBefore, sh);
        add(kShapesAfter, sh, shapeAfter);
        add(kBigramBefore, wordBefore, w);
        add(kBigramAfter, w, wordAfter);
        add(kWordBeforeShape, wordBefore, sh);
        add(kGlue, (doc.tokens[i].spaceBefore ? 1 : 0) | (i + 1 < n && doc.tokens[i + 1].spaceBefore ? 2 : 0),
            me.isWord ? sh : 0);
        add(kSentenceStart, start[i] ? 1 : 0, sh);
        if (inHeadline[i]) add(kHeadlineWord, w);

        for (std::uint32_t bits = gazetteer[i]; bits != 0; bits &= bits - 1)
            add(kGazetteer, static_cast<std::uint64_t>(__builtin_ctz(bits)));
        if (before)
            for (std::uint32_t bits = gazetteer[i - 1]; bits != 0; bits &= bits - 1)
                add(kGazetteerBefore, static_cast<std::uint64_t>(__builtin_ctz(bits)) / 4);
        if (after)
            for (std::uint32_t bits = gazetteer[i + 1]; bits != 0; bits &= bits - 1)
                add(kGazetteerAfter, static_cast<std::uint64_t>(__builtin_ctz(bits)) / 4);
        const unsigned people = me.names | (before ? before->names << 2 : 0u) | (after ? after->names << 4 : 0u);
        if (people != 0) add(kPersonNames, people);

        add(kClasses, before ? before->fine : kNone, me.fine);
        if (me.isWord)
            add(kUsualCase, static_cast<std::uint64_t>(me.usualCase),
                (start[i] ? 1 : 0) | (inHeadline[i] ? 2 : 0) | (doc.tokens[i].capitalized ? 4 : 0));
        if (me.capitalized) {
            add(kCommonWord, me.common ? 1 : 0, start[i] ? 1 : 0);
            const std::uint8_t* found = elsewhere.find(w);
            const unsigned seen = found ? *found : 0;
            add(kElsewhere, seen, (start[i] ? 1 : 0) | (inHeadline[i] ? 2 : 0));
        }
    }
    t.ids.resize(static_cast<std::size_t>(next - t.ids.data()));
    t.begin.push_back(static_cast<std::uint32_t>(t.ids.size()));
    return t;
}

void NerFeatures::history(const NerFeatureTable& table, std::size_t i, NerLabel prev, NerLabel prev2,
                          const NerDocumentMemory& memory, std::vector<std::uint64_t>& out) {
    labelsBefore(prev, prev2, out);
    wordHistory(table, i, prev, memory, out);
}

void NerFeatures::labelsBefore(NerLabel prev, NerLabel prev2, std::vector<std::uint64_t>& out) {
    out.push_back(feature(kLabel, prev));
    out.push_back(feature(kLabels, prev, prev2));
}

void NerFeatures::wordHistory(const NerFeatureTable& table, std::size_t i, NerLabel prev,
                              const NerDocumentMemory& memory, std::vector<std::uint64_t>& out) {
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
    auto& counts = seen_.findOrAdd(table.word[i], [] { return Counts{}; });
    ++counts[label == kNerOutside ? kNerClassCount : static_cast<std::size_t>(nerClassOf(label))];
}

void NerDocumentMemory::features(const NerFeatureTable& table, std::size_t i, std::vector<std::uint64_t>& out) const {
    if (!table.capitalized[i]) return;
    const Counts* counts = seen_.find(table.word[i]);
    if (!counts) return;
    unsigned total = 0;
    for (const auto c : *counts) total += c;
    for (std::size_t k = 0; k < counts->size(); ++k)
        if ((*counts)[k] > 0) out.push_back(feature(kLabelledBefore, k, 2 * (*counts)[k] > total ? 1 : 0));
}

}  // namespace dossier::core
