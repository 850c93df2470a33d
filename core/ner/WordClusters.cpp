#include "core/ner/WordClusters.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace dossier::core {

namespace {

double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

struct Neighbour {
    std::uint32_t word;
    double count;
};

}  // namespace

std::unordered_map<std::string, std::uint16_t> WordClusters::learn(
    const std::vector<std::vector<std::string>>& sentences, unsigned classes, unsigned iterations, unsigned minCount) {
    // Vocabulary by frequency (ties by spelling, for determinism); rare words and the
    // sentence boundary share one context word that keeps a class of its own.
    std::unordered_map<std::string, std::uint32_t> counts;
    for (const auto& s : sentences)
        for (const auto& w : s) ++counts[w];
    std::vector<std::pair<std::string, std::uint32_t>> vocab;
    for (const auto& [w, c] : counts)
        if (c >= minCount) vocab.emplace_back(w, c);
    std::sort(vocab.begin(), vocab.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    const auto V = static_cast<std::uint32_t>(vocab.size());
    const std::uint32_t other = V;  // rare words and sentence edges
    std::unordered_map<std::string, std::uint32_t> id;
    for (std::uint32_t k = 0; k < V; ++k) id.emplace(vocab[k].first, k);

    std::vector<std::map<std::uint32_t, double>> right(V + 1), left(V + 1);
    std::vector<double> unigram(V + 1, 0);
    for (const auto& s : sentences) {
        std::uint32_t prev = other;
        for (std::size_t k = 0; k <= s.size(); ++k) {
            std::uint32_t cur = other;
            if (k < s.size()) {
                const auto it = id.find(s[k]);
                if (it != id.end()) cur = it->second;
            }
            right[prev][cur] += 1;
            if (prev != cur) left[cur][prev] += 1;  // a word's bigram with itself is kept once, in right
            unigram[cur] += 1;
            prev = cur;
        }
    }
    std::vector<std::vector<Neighbour>> rightList(V + 1), leftList(V + 1);
    for (std::uint32_t w = 0; w <= V; ++w) {
        for (const auto& [v, c] : right[w]) rightList[w].push_back({v, c});
        for (const auto& [u, c] : left[w]) leftList[w].push_back({u, c});
    }

    const unsigned K = classes + 1;  // the last class holds only `other`
    std::vector<std::uint32_t> cls(V + 1);
    for (std::uint32_t w = 0; w < V; ++w) cls[w] = w % classes;
    cls[other] = classes;
    std::vector<double> N(static_cast<std::size_t>(K) * K, 0), Nc(K, 0);
    const auto cell = [&](unsigned a, unsigned b) -> double& { return N[static_cast<std::size_t>(a) * K + b]; };
    for (std::uint32_t w = 0; w <= V; ++w) {
        Nc[cls[w]] += unigram[w];
        for (const Neighbour& n : rightList[w]) cell(cls[w], cls[n.word]) += n.count;
    }

    std::vector<double> r(K), l(K);
    std::vector<unsigned> touchedR, touchedL;
    for (unsigned it = 0; it < iterations; ++it) {
        std::size_t moved = 0;
        for (std::uint32_t w = 0; w < V; ++w) {
            const unsigned from = cls[w];
            // Class counts of w's neighbours, and the count of w next to itself.
            double self = 0;
            touchedR.clear();
            touchedL.clear();
            for (const Neighbour& n : rightList[w]) {
                if (n.word == w) {
                    self += n.count;
                    continue;
                }
                const unsigned c = cls[n.word];
                if (r[c] == 0) touchedR.push_back(c);
                r[c] += n.count;
            }
            for (const Neighbour& n : leftList[w]) {
                const unsigned c = cls[n.word];
                if (l[c] == 0) touchedL.push_back(c);
                l[c] += n.count;
            }
            // Take w out of its class.
            for (const unsigned c : touchedR) cell(from, c) -= r[c];
            for (const unsigned c : touchedL) cell(c, from) -= l[c];
            cell(from, from) -= self;
            Nc[from] -= unigram[w];

            unsigned best = from;
            double bestGain = -1e300;
            for (unsigned k = 0; k < classes; ++k) {
                double gain = 0;
                for (const unsigned c : touchedR)
                    if (c != k) gain += xlogx(cell(k, c) + r[c]) - xlogx(cell(k, c));
                for (const unsigned c : touchedL)
                    if (c != k) gain += xlogx(cell(c, k) + l[c]) - xlogx(cell(c, k));
                gain += xlogx(cell(k, k) + r[k] + l[k] + self) - xlogx(cell(k, k));
                gain -= 2 * (xlogx(Nc[k] + unigram[w]) - xlogx(Nc[k]));
                if (gain > bestGain + 1e-9 || (k == from && gain >= bestGain - 1e-9)) {
                    bestGain = gain;
                    best = k;
                }
            }
            // Put w into its best class.
            for (const unsigned c : touchedR) cell(best, c) += r[c];
            for (const unsigned c : touchedL) cell(c, best) += l[c];
            cell(best, best) += self;
            Nc[best] += unigram[w];
            cls[w] = best;
            moved += best != from;
            for (const unsigned c : touchedR) r[c] = 0;
            for (const unsigned c : touchedL) l[c] = 0;
        }
        if (moved == 0) break;
    }

    std::unordered_map<std::string, std::uint16_t> out;
    for (std::uint32_t w = 0; w < V; ++w) out.emplace(vocab[w].first, static_cast<std::uint16_t>(cls[w]));
    return out;
}

}  // namespace dossier::core
