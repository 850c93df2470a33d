#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core {

// Writes JSON text as it goes, indented, keys in the order written. QJsonObject keeps
// every object as a sorted CBOR container and copies on each insert: for an analysis
// with thousands of mentions that was as slow as the analysis itself.
class JsonWriter {
public:
    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }

    // The key of the next value in the object being written.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);  // text must be UTF-8; it is written as it is, escaped
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(bool b);
    JsonWriter& null();
    // A string, or null when it is empty.
    JsonWriter& valueOrNull(std::string_view text) { return text.empty() ? null() : value(text); }

    // The text written so far, ended by a line break.
    std::string take();

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void beforeValue();
    void newline();
    void quoted(std::string_view text);

    std::string out_;
    std::vector<bool> empty_;  // per open object or array: nothing in it yet
    bool afterKey_ = false;
};

}  // namespace dossier::core
