#include "core/ner/NerModel.h"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

using namespace dossier::core;

namespace {

std::array<std::int32_t, kNerLabelCount> scoresOf(const NerModel& m, std::uint64_t feature) {
    std::array<std::int32_t, kNerLabelCount> s{};
    m.addTo(feature, s.data());
    return s;
}

NerModel smallModel() {
    std::vector<float> w((std::size_t{1} << 10) * kNerLabelCount, 0.0f);
    w[3 * kNerLabelCount + 1] = 2.0f;     // row 3, B-PER
    w[3 * kNerLabelCount + 0] = -1.0f;    // row 3, O
    w[1000 * kNerLabelCount + 16] = 0.5f;  // row 1000, U-MISC
    return NerModel::quantize(w, 10);
}

constexpr std::uint64_t kRow3 = std::uint64_t{3} << 54;  // the top 10 bits pick the row

}  // namespace

TEST(NerModel, BytesRoundTripKeepEveryWeight) {
    const NerModel m = smallModel();
    EXPECT_EQ(m.nonZeroRows(), 2u);
    const NerModel back = NerModel::fromBytes(m.toBytes());
    EXPECT_EQ(back.bits(), 10u);
    EXPECT_EQ(scoresOf(back, kRow3), scoresOf(m, kRow3));
    EXPECT_EQ(scoresOf(back, kRow3)[0], 0);  // O is folded into the others
    EXPECT_GT(scoresOf(back, kRow3)[1], scoresOf(back, kRow3)[2]);
    EXPECT_GT(scoresOf(back, kRow3)[2], 0);
    EXPECT_EQ(back.toBytes(), m.toBytes());
}

// Row 3 says B-PER 2, O -1: folded, B-PER is 3 above O and every other label 1 above.
TEST(NerModel, QuantizingFoldsOAndKeepsTheOrderOfScores) {
    const auto s = scoresOf(smallModel(), kRow3);
    EXPECT_EQ(s[0], 0);
    EXPECT_EQ(s[1], 32767);  // the largest weight takes the full range
    for (std::size_t k = 2; k < kNerLabelCount; ++k) EXPECT_EQ(s[k], 10922) << k;
}

TEST(NerModel, BrokenFilesAreRefusedWithAReason) {
    const std::string good = smallModel().toBytes();
    const auto refused = [](std::string_view bytes, const std::string& reason) {
        try {
            (void)NerModel::fromBytes(bytes);
            ADD_FAILURE() << "accepted: " << reason;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
        }
    };
    refused("", "not a Dossier tagger model");
    refused("PNG\x89 not a model at all", "not a Dossier tagger model");
    refused(good.substr(0, good.size() - 3), "truncated");
    refused(good + "x", "trailing bytes");
    std::string wrongRow = good;
    wrongRow[good.size() - 2 * NerModel::kRowWidth - 4 + 1] = '\x7f';  // last row's index, far beyond 2^10
    refused(wrongRow, "row out of range");
}

TEST(NerModel, TheBundledModelLoads) {
    const NerModel& m = NerModel::bundled();
    EXPECT_GE(m.bits(), 16u);
    EXPECT_GT(m.nonZeroRows(), 10000u);
}

TEST(NerModel, SummingAListEqualsAddingEachFeature) {
    // The list sum is the tagger's vectorised inner loop; it must agree with the plain
    // one to the last unit, for any rows, repeated or not, and for an empty list.
    const NerModel& m = NerModel::bundled();
    std::vector<std::uint64_t> features;
    std::uint64_t x = 0x9e3779b97f4a7c15ULL;
    for (int k = 0; k < 70; ++k) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        features.push_back(x);
    }
    features.push_back(features.front());
    std::array<std::int32_t, kNerLabelCount> one{}, list{};
    one[0] = list[0] = 5;
    for (const std::uint64_t f : features) m.addTo(f, one.data());
    m.addTo(std::span<const std::uint64_t>(features), list.data());
    EXPECT_EQ(list, one);
    EXPECT_EQ(list[0], 5);  // O's score is left alone
    std::array<std::int32_t, kNerLabelCount> none{};
    m.addTo(std::span<const std::uint64_t>(), none.data());
    EXPECT_EQ(none, (std::array<std::int32_t, kNerLabelCount>{}));
}
