#include "net/HttpFetcher.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <memory>

#include "core/import/ImportError.h"

namespace dossier::net {

using core::ImportError;

namespace {

using R = ImportError::Reason;

constexpr int kMaxRedirects = 5;

bool httpScheme(const QUrl& url) {
    return url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https");
}

}  // namespace

QByteArray HttpFetcher::fetch(const std::string& url, int timeoutMs) {
    const QUrl qurl(QString::fromStdString(url), QUrl::StrictMode);
    if (!qurl.isValid() || !httpScheme(qurl) || qurl.host().isEmpty())
        throw ImportError(R::Unsupported, url, "only http:// and https:// addresses can be fetched");

    QNetworkAccessManager manager;
    QNetworkRequest request(qurl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Dossier/" DOSSIER_VERSION));
    const std::unique_ptr<QNetworkReply> reply(manager.get(request));

    QByteArray body;
    std::string failure;  // set when we abort the transfer ourselves
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        failure = "no complete answer within " + std::to_string(timeoutMs / 1000) + " s";
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::redirected, &loop, [&](const QUrl& to) {
        if (!httpScheme(to)) {
            failure = "redirected to a non-http address";
            reply->abort();
        }
    });
    // Checked as the bytes arrive, so a huge or endless response costs at most kMaxBytes.
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        body += reply->readAll();
        if (static_cast<std::size_t>(body.size()) > kMaxBytes) {
            failure = "the response is larger than 16 MiB";
            reply->abort();
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished()) loop.exec();
    timer.stop();

    if (!failure.empty()) throw ImportError(R::Unreadable, url, failure);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
        std::string why = status != 0 ? "the server answered HTTP " + std::to_string(status) + " " +
                                            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().toStdString()
                                      : reply->errorString().toStdString();
        while (!why.empty() && why.back() == ' ') why.pop_back();
        throw ImportError(R::Unreadable, url, why);
    }
    body += reply->readAll();
    if (static_cast<std::size_t>(body.size()) > kMaxBytes)
        throw ImportError(R::TooLarge, url, "the response is larger than 16 MiB");
    return body;
}

}  // namespace dossier::net
