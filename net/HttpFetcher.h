#pragma once

#include <QByteArray>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/import/Fetcher.h"

namespace dossier::net {

// Fetches feeds and item pages over HTTP(S) with Qt Network, only when the user asks for an import
// from a URL. Blocking: it runs a local QEventLoop, so call it off the GUI thread
// (import worker, command line). Failures throw ImportError naming the URL.
class HttpFetcher : public core::Fetcher {
public:
    static constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;
    static constexpr int kTimeoutMs = 20'000;
    // The body of a 2xx response (redirects followed, to http(s) only).
    static QByteArray fetch(const std::string& url, int timeoutMs);
    QByteArray fetch(const std::string& url) const override { return fetch(url, kTimeoutMs); }
};

}  // namespace dossier::net
