#include "core/export/JsonWriter.h"

namespace dossier::core {

JsonWriter& JsonWriter::key(std::string_view name) {
    beforeValue();
    quoted(name);
    out_ += ": ";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    beforeValue();
    quoted(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    beforeValue();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    out_ += "null";
    return *this;
}

std::string JsonWriter::take() {
    out_ += '\n';
    return std::move(out_);
}

JsonWriter& JsonWriter::open(char bracket) {
    beforeValue();
    out_ += bracket;
    empty_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool wasEmpty = empty_.back();
    empty_.pop_back();
    if (!wasEmpty) newline();
    out_ += bracket;
    return *this;
}

void JsonWriter::beforeValue() {
    if (afterKey_) {  // the value of a key: on the key's line
        afterKey_ = false;
        return;
    }
    if (empty_.empty()) return;  // the top-level value
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(4 * empty_.size(), ' ');
}

void JsonWriter::quoted(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (const char c : text) {
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out_ += "\\u00";
                    out_ += kHex[static_cast<unsigned char>(c) >> 4];
                    out_ += kHex[static_cast<unsigned char>(c) & 0xf];
                } else {
                    out_ += c;
                }
        }
    }
    out_ += '"';
}

}  // namespace dossier::core
