#include "core/import/HtmlCharset.h"

#include "core/text/TextOffsets.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <array>

namespace dossier::core {

namespace {

// The HTML standard looks at the first 1024 bytes; saved pages often put a long
// comment or many <link>s first, so look further.
constexpr std::size_t kPrescanBytes = 8192;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isLabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

// The label after "charset" / "encoding" (optional spaces, '=', optional quote).
std::string labelAfter(std::string_view s, std::size_t pos) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
    if (pos >= s.size() || s[pos] != '=') return {};
    ++pos;
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '"' || s[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < s.size() && isLabelChar(s[end])) ++end;
    return std::string(s.substr(pos, end - pos));
}

// WHATWG Encoding: these labels all mean windows-1252 (the C1 range holds “ ” ‘ ’ – — …).
bool isWindows1252(const std::string& label) {
    static const std::array<std::string_view, 16> labels{
        "windows-1252", "cp1252",     "x-cp1252",        "iso-8859-1",
        "iso8859-1",    "iso_8859-1", "iso-ir-100",      "latin1",
        "l1",           "us-ascii",   "ascii",           "ansi_x3.4-1968",
        "cp819",        "ibm819",     "iso_8859-1:1987", "csisolatin1"};
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

bool isUtf8Label(const std::string& label) {
    // A page cannot really be UTF-16 when the declaration was readable as ASCII.
    return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label == "utf-16" ||
           label == "utf-16le" || label == "utf-16be";
}

std::string decode(QStringDecoder& decoder, std::string_view bytes) {
    const QString text = decoder.decode(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
    return text.toUtf8().toStdString();
}

std::string decodeWindows1252(std::string_view bytes) {
    QStringDecoder decoder("windows-1252");
    if (decoder.isValid()) return decode(decoder, bytes);
    QStringDecoder latin1(QStringDecoder::Latin1);  // Qt without ICU: C1 stays C1, still valid
    return decode(latin1, bytes);
}

}  // namespace

std::string HtmlCharset::declared(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, std::min(bytes.size(), kPrescanBytes)));
    if (head.starts_with("<?xml")) {
        const std::size_t end = head.find("?>");
        const std::size_t enc = head.find("encoding");
        if (enc != std::string::npos && enc < end) {
            std::string label = labelAfter(head, enc + 8);
            if (!label.empty()) return label;
        }
    }
    for (std::size_t m = head.find("<meta"); m != std::string::npos; m = head.find("<meta", m + 5)) {
        const std::size_t end = std::min(head.find('>', m), head.size());
        const std::string_view tag = std::string_view(head).substr(m, end - m);
        for (std::size_t c = tag.find("charset"); c != std::string_view::npos;
             c = tag.find("charset", c + 7)) {
            std::string label = labelAfter(tag, c + 7);
            if (!label.empty()) return label;
        }
    }
    return {};
}

namespace {
// A page saved by a tool that added its own byte-order mark in front of the page's one
// (HtmlImporterFuzzer found two): the text starts after all of them.
std::string withoutLeadingBoms(std::string text) {
    std::size_t n = 0;
    while (text.compare(n, 3, "\xEF\xBB\xBF") == 0) n += 3;
    text.erase(0, n);
    return text;
}
}  // namespace

std::string HtmlCharset::toUtf8(std::string_view bytes, std::string* used) {
    return withoutLeadingBoms(decodeToUtf8(bytes, used));
}

std::string HtmlCharset::decodeToUtf8(std::string_view bytes, std::string* used) {
    auto report = [&](const char* name) {
        if (used) *used = name;
    };
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        report("utf-8");
        if (isValidUtf8(bytes)) return std::string(bytes);
        QStringDecoder utf8(QStringDecoder::Utf8);
        return decode(utf8, bytes);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        bytes.remove_prefix(2);
        report(le ? "utf-16le" : "utf-16be");
        QStringDecoder utf16(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        return decode(utf16, bytes);
    }
    const std::string label = declared(bytes);
    if (!label.empty() && !isUtf8Label(label)) {
        if (isWindows1252(label)) {
            report("windows-1252");
            return decodeWindows1252(bytes);
        }
        QStringDecoder decoder(label.c_str());
        if (decoder.isValid()) {
            report(label.c_str());
            return decode(decoder, bytes);
        }
        // An unknown label: read it as UTF-8 below rather than refuse the page.
    }
    if (isValidUtf8(bytes)) {
        report("utf-8");
        return std::string(bytes);
    }
    if (label.empty()) {
        report("windows-1252");
        return decodeWindows1252(bytes);
    }
    report("utf-8");  // declared UTF-8 but broken: keep what is readable
    QStringDecoder utf8(QStringDecoder::Utf8);
    return decode(utf8, bytes);
}

}  // namespace dossier::core
