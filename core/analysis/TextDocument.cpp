#include "core/analysis/TextDocument.h"

#include <QString>

#include "core/analysis/Tokenizer.h"
#include "core/text/ByteHash.h"

namespace dossier::core {

std::string TextDocument::lowerOf(std::string_view s) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())).toLower().toStdString();
}

TextDocument::TextDocument(std::string_view source)
    : text(source), tokens(Tokenizer::tokenize(source)), sentences(SentenceSplitter::split(source, tokens)) {
    sentenceOf.resize(tokens.size());
    for (std::size_t s = 0; s < sentences.size(); ++s)
        for (std::size_t i = sentences[s].first; i < sentences[s].last; ++i) sentenceOf[i] = s;
    lower.reserve(tokens.size());
    wordHash.resize(tokens.size());
    lowerHash.resize(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const std::string_view written = t.text(text);
        wordHash[i] = bytehash::bytes(written);
        if (t.plain) {
            lower.emplace_back(written);  // already lower case: most tokens
            lowerHash[i] = wordHash[i];
        } else {
            lower.push_back(lowerOf(written));
            lowerHash[i] = bytehash::bytes(lower.back());
        }
    }
}

bool TextDocument::sentenceStart(std::size_t i) const {
    for (std::size_t k = sentences[sentenceOf[i]].first; k < i; ++k)
        if (tokens[k].kind == TokenKind::Word || tokens[k].kind == TokenKind::Number) return false;
    return true;
}

bool TextDocument::hyphenGlued(std::size_t i) const {
    return i >= 2 && !tokens[i].spaceBefore && word(i - 1) == "-" && !tokens[i - 1].spaceBefore;
}

std::string_view TextDocument::span(std::size_t first, std::size_t last) const {
    if (first >= last) return {};
    return text.substr(tokens[first].byteStart, tokens[last - 1].byteEnd - tokens[first].byteStart);
}

}  // namespace dossier::core
