#include "core/ner/NerModel.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace dossier::core {

namespace {

// File: magic, bits, weights per row, number of rows, then each non-zero row as its
// index (uint32) and kRowWidth int16 weights, all little-endian.
constexpr std::string_view kMagic = "DOSSIER-NER\x02";

bool isZero(const std::int16_t* w) {
    return std::all_of(w, w + NerModel::kRowWidth, [](std::int16_t v) { return v == 0; });
}

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

// Sums rows of 16 int16 weights into 16 int32 scores. Written with vector types so
// that each row is two loads, two widenings and two adds; built twice, for AVX2 and for
// the x86-64 baseline, and the loader picks the one the CPU runs.
using Int16x8 = std::int16_t __attribute__((vector_size(16)));
using Int32x8 = std::int32_t __attribute__((vector_size(32)));
static_assert(NerModel::kRowWidth == 16);

#if defined(__x86_64__) && defined(__linux__)
__attribute__((target_clones("avx2", "default")))
#endif
void sumRows(const std::int16_t* rows, unsigned shift, const std::uint64_t* features, std::size_t n,
             std::int32_t* scores) {
    Int32x8 low = {}, high = {};
    for (std::size_t j = 0; j < n; ++j) {
        const std::int16_t* row = rows + (features[j] >> shift) * NerModel::kRowWidth;
        Int16x8 a, b;
        std::memcpy(&a, row, sizeof a);
        std::memcpy(&b, row + 8, sizeof b);
        low += __builtin_convertvector(a, Int32x8);
        high += __builtin_convertvector(b, Int32x8);
    }
    for (std::size_t k = 0; k < 8; ++k) {
        scores[k + 1] += low[k];
        scores[k + 9] += high[k];
    }
}

}  // namespace

void NerModel::addTo(std::span<const std::uint64_t> features, std::int32_t* scores) const {
    sumRows(rows_.front().w, shift_, features.data(), features.size(), scores);
}

NerModel::NerModel(unsigned bits)
    : bits_(bits), shift_(64 - bits) {
    if (bits < 8 || bits > 26) throw std::runtime_error("tagger model: unsupported size");
    rows_.resize(std::size_t{1} << bits, Row{});
}

NerModel NerModel::quantize(const std::vector<float>& weights, unsigned bits) {
    NerModel model(bits);
    const std::size_t rows = model.rows_.size();
    if (weights.size() != rows * kNerLabelCount) throw std::runtime_error("tagger model: wrong number of weights");
    std::vector<float> folded(rows * kRowWidth);
    float largest = 0;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t k = 0; k < kRowWidth; ++k) {
            const float w = weights[r * kNerLabelCount + k + 1] - weights[r * kNerLabelCount];
            folded[r * kRowWidth + k] = w;
            largest = std::max(largest, std::fabs(w));
        }
    const float scale = largest > 0 ? 32767.0f / largest : 1.0f;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t k = 0; k < kRowWidth; ++k)
            model.rows_[r].w[k] = static_cast<std::int16_t>(std::lround(folded[r * kRowWidth + k] * scale));
    return model;
}

NerModel NerModel::fromBytes(std::string_view bytes) {
    if (!bytes.starts_with(kMagic)) throw std::runtime_error("tagger model: not a Dossier tagger model");
    std::size_t pos = kMagic.size();
    const auto bits = take<std::uint32_t>(bytes, pos);
    const auto width = take<std::uint32_t>(bytes, pos);
    const auto rows = take<std::uint32_t>(bytes, pos);
    if (width != kRowWidth) throw std::runtime_error("tagger model: made for other labels");
    if (bits < 8 || bits > 26) throw std::runtime_error("tagger model: unsupported size");
    NerModel model(bits);
    const std::size_t rowCount = std::size_t{1} << bits;
    for (std::uint32_t r = 0; r < rows; ++r) {
        const auto row = take<std::uint32_t>(bytes, pos);
        if (row >= rowCount) throw std::runtime_error("tagger model: row out of range");
        for (std::size_t k = 0; k < kRowWidth; ++k) model.rows_[row].w[k] = take<std::int16_t>(bytes, pos);
    }
    if (pos != bytes.size()) throw std::runtime_error("tagger model: trailing bytes");
    return model;
}

std::string NerModel::toBytes() const {
    std::string out(kMagic);
    put<std::uint32_t>(out, bits_);
    put<std::uint32_t>(out, kRowWidth);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(nonZeroRows()));
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (isZero(rows_[r].w)) continue;
        put<std::uint32_t>(out, static_cast<std::uint32_t>(r));
        for (const std::int16_t w : rows_[r].w) put<std::uint16_t>(out, static_cast<std::uint16_t>(w));
    }
    return out;
}

std::size_t NerModel::nonZeroRows() const {
    return static_cast<std::size_t>(std::count_if(rows_.begin(), rows_.end(), [](const Row& r) { return !isZero(r.w); }));
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
