#pragma once

#include <QByteArray>

#include <string>
#include <string_view>

namespace dossier::core {

// Fetches a URL for an import the user asked for. Core only knows this interface:
// the network lives in dossier_net, so core itself never reaches out.
class Fetcher {
public:
    virtual ~Fetcher() = default;
    // The body of a successful answer; throws ImportError naming the URL otherwise.
    virtual QByteArray fetch(const std::string& url) const = 0;

    static bool isUrl(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }
};

}  // namespace dossier::core
