#include "core/ner/NerModel.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace dossier::core {

namespace {

// File: magic, bits, label count, number of rows, then each non-zero row as its
// index (uint32) and kNerLabelCount int16 weights, all little-endian.
constexpr std::string_view kMagic = "DOSSIER-NER\x01";

template <typename T>
void put(std::string& out, T v) {
    for (std::size_t k = 0; k < sizeof(T); ++k) out += static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * k)) & 0xff);
}

template <typename T>
T take(std::string_view bytes, std::size_t& pos) {
    if (bytes.size() - pos < sizeof(T)) throw std::runtime_error("tagger model: truncated");
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < sizeof(T); ++k) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[pos + k])) << (8 * k);
    pos += sizeof(T);
    return static_cast<T>(v);
}

}  // namespace

NerModel::NerModel(unsigned bits)
    : bits_(bits), shift_(64 - bits), weights_((std::size_t{1} << bits) * kNerLabelCount, 0) {
    if (bits < 8 || bits > 26) throw std::runtime_error("tagger model: unsupported size");
}

NerModel NerModel::quantize(const std::vector<float>& weights, unsigned bits) {
    NerModel model(bits);
    if (weights.size() != model.weights_.size()) throw std::runtime_error("tagger model: wrong number of weights");
    float largest = 0;
    for (const float w : weights) largest = std::max(largest, std::fabs(w));
    const float scale = largest > 0 ? 32767.0f / largest : 1.0f;
    for (std::size_t k = 0; k < weights.size(); ++k)
        model.weights_[k] = static_cast<std::int16_t>(std::lround(weights[k] * scale));
    return model;
}

NerModel NerModel::fromBytes(std::string_view bytes) {
    if (!bytes.starts_with(kMagic)) throw std::runtime_error("tagger model: not a Dossier tagger model");
    std::size_t pos = kMagic.size();
    const auto bits = take<std::uint32_t>(bytes, pos);
    const auto labels = take<std::uint32_t>(bytes, pos);
    const auto rows = take<std::uint32_t>(bytes, pos);
    if (labels != kNerLabelCount) throw std::runtime_error("tagger model: made for other labels");
    if (bits < 8 || bits > 26) throw std::runtime_error("tagger model: unsupported size");
    NerModel model(bits);
    const std::size_t rowCount = std::size_t{1} << bits;
    for (std::uint32_t r = 0; r < rows; ++r) {
        const auto row = take<std::uint32_t>(bytes, pos);
        if (row >= rowCount) throw std::runtime_error("tagger model: row out of range");
        for (std::size_t k = 0; k < kNerLabelCount; ++k)
            model.weights_[row * kNerLabelCount + k] = take<std::int16_t>(bytes, pos);
    }
    if (pos != bytes.size()) throw std::runtime_error("tagger model: trailing bytes");
    return model;
}

std::string NerModel::toBytes() const {
    std::string out(kMagic);
    put<std::uint32_t>(out, bits_);
    put<std::uint32_t>(out, kNerLabelCount);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(nonZeroRows()));
    const std::size_t rowCount = std::size_t{1} << bits_;
    for (std::size_t r = 0; r < rowCount; ++r) {
        const std::int16_t* row = weights_.data() + r * kNerLabelCount;
        if (std::all_of(row, row + kNerLabelCount, [](std::int16_t w) { return w == 0; })) continue;
        put<std::uint32_t>(out, static_cast<std::uint32_t>(r));
        for (std::size_t k = 0; k < kNerLabelCount; ++k) put<std::uint16_t>(out, static_cast<std::uint16_t>(row[k]));
    }
    return out;
}

std::size_t NerModel::nonZeroRows() const {
    std::size_t n = 0;
    for (std::size_t r = 0; r < weights_.size(); r += kNerLabelCount)
        n += !std::all_of(weights_.begin() + static_cast<std::ptrdiff_t>(r),
                          weights_.begin() + static_cast<std::ptrdiff_t>(r + kNerLabelCount),
                          [](std::int16_t w) { return w == 0; });
    return n;
}

const NerModel& NerModel::bundled() {
    static const NerModel model = [] {
        QFile file(QStringLiteral(":/dossier/ner/tagger.model"));
        if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("tagger model: not bundled");
        const QByteArray bytes = file.readAll();
        return fromBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }();
    return model;
}

}  // namespace dossier::core
