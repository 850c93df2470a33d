#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "net/HttpFetcher.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace dossier::core;
namespace net = dossier::net;
using dossier::test::TempLibrary;

namespace {

// A tiny HTTP/1.0 server on 127.0.0.1 serving fixed routes and recording every
// request path. It runs on the test's thread: HttpFetcher's local event loop
// serves it while the fetch waits.
class LocalServer {
public:
    struct Route {
        int status = 200;
        std::string body;
        std::string location;  // for redirects
        bool silent = false;   // never answers
    };

    LocalServer() {
        QObject::connect(&server_, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                socket->setParent(&server_);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
            }
        });
        server_.listen(QHostAddress::LocalHost, 0);
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(server_.serverPort()) + path;
    }
    std::map<std::string, Route> routes;
    std::vector<std::string> requests;

private:
    void serve(QTcpSocket* socket) {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n")) return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const std::string path = requestLine.size() > 1 ? requestLine[1].toStdString() : "/";
        requests.push_back(path);
        const auto it = routes.find(path);
        Route route = it == routes.end() ? Route{404, "<html><body>Not found</body></html>", {}, false} : it->second;
        if (route.silent) return;
        std::string reply = "HTTP/1.0 " + std::to_string(route.status) +
                            (route.status == 200 ? " OK" : route.status == 302 ? " Found" : " Not Found") + "\r\n";
        if (!route.location.empty()) reply += "Location: " + route.location + "\r\n";
        reply += "Content-Length: " + std::to_string(route.body.size()) + "\r\nConnection: close\r\n\r\n" + route.body;
        socket->write(reply.data(), static_cast<qint64>(reply.size()));
        socket->disconnectFromHost();
    }

    QTcpServer server_;
    std::map<QTcpSocket*, QByteArray> buffers_;
};

std::string page(const std::string& title, const std::string& sentence) {
    std::string paragraphs;
    for (int i = 1; i <= 6; ++i)
        paragraphs += "<p>" + sentence + " Paragraph " + std::to_string(i) +
                      " adds the detail a summary leaves out, with quotes, figures and context.</p>\n";
    return "<!doctype html><html><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a></nav>"
           "<article><h1>" + title + "</h1>\n" + paragraphs + "</article></body></html>";
}

std::string rssItem(const std::string& title, const std::string& link, const std::string& date,
                    const std::string& description) {
    return "<item><title>" + title + "</title><link>" + link + "</link><pubDate>" + date +
           "</pubDate><description>" + description + "</description></item>\n";
}

}  // namespace

TEST(HttpFetcher, SummaryItemsGetTheirPagesTextDatesAndLinksAndA404IsOnlyReported) {
    LocalServer server;
    std::string longText;
    for (int i = 0; i < 12; ++i) longText += "The full story is already in the feed, sentence " + std::to_string(i) + ". ";
    server.routes["/feed.rss"].body =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local Wire</title>\n" +
        rssItem("Harbour reopens", server.url("/a1"), "Mon, 02 Jun 2025 06:00:00 GMT", "The harbour reopened.") +
        rssItem("Council votes", server.url("/moved"), "Tue, 03 Jun 2025 07:00:00 +0100", "The council voted.") +
        rssItem("Gone story", server.url("/missing"), "Wed, 04 Jun 2025 08:00:00 GMT", "A summary whose page is gone.") +
        rssItem("Full story", server.url("/long"), "Thu, 05 Jun 2025 09:00:00 GMT", longText) +
        "</channel></rss>";
    server.routes["/a1"].body = page("Harbour reopens", "The harbour of Eastport reopened to ships on Monday morning.");
    server.routes["/moved"] = {302, "", server.url("/a2"), false};
    server.routes["/a2"].body = page("Council votes", "The city council voted for the new budget on Tuesday evening.");

    TempLibrary t;
    Analyzer analyzer;
    const net::HttpFetcher fetcher;
    const BatchResult r = BatchImport::importFeed(t.library(), analyzer, server.url("/feed.rss"), &fetcher);
    EXPECT_EQ(r.imported, 4);
    EXPECT_TRUE(r.refused.empty());
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].first, server.url("/missing"));
    EXPECT_NE(r.warnings[0].second.find("404"), std::string::npos) << r.warnings[0].second;

    // The feed, each summary's page (the redirect followed), never the page of an item with its full text.
    const std::vector<std::string> expected{"/feed.rss", "/a1", "/moved", "/a2", "/missing"};
    EXPECT_EQ(server.requests, expected);

    std::map<std::string, Article> byUrl;
    for (const auto& s : t.library().articles().list()) byUrl[s.meta.url] = *t.library().articles().get(s.id);
    ASSERT_EQ(byUrl.size(), 4u);
    const Article& a1 = byUrl.at(server.url("/a1"));
    EXPECT_EQ(a1.meta.title, "Harbour reopens");
    EXPECT_EQ(a1.meta.source, "Local Wire");
    ASSERT_TRUE(a1.meta.published);
    EXPECT_EQ(a1.meta.published->toIso(), "2025-06-02");
    EXPECT_NE(a1.text.find("Eastport reopened"), std::string::npos);
    EXPECT_NE(a1.text.find("Paragraph 6"), std::string::npos);
    EXPECT_EQ(a1.text.find("Home"), std::string::npos);

    const Article& a2 = byUrl.at(server.url("/moved"));  // the feed's link stays the article's link
    EXPECT_NE(a2.text.find("new budget"), std::string::npos);
    ASSERT_TRUE(a2.meta.published);
    EXPECT_EQ(a2.meta.published->toIso(), "2025-06-03");

    EXPECT_EQ(byUrl.at(server.url("/missing")).text, "A summary whose page is gone.");
    EXPECT_NE(byUrl.at(server.url("/long")).text.find("sentence 11"), std::string::npos);
}

TEST(HttpFetcher, RefusesOtherSchemesErrorsTimeoutsAndOversizedAnswers) {
    LocalServer server;
    server.routes["/slow"].silent = true;
    server.routes["/huge"].body = std::string(net::HttpFetcher::kMaxBytes + 1024, 'x');
    server.routes["/ok"].body = "hello";
    server.routes["/to-file"] = {302, "", "file:///etc/passwd", false};

    EXPECT_EQ(net::HttpFetcher::fetch(server.url("/ok"), net::HttpFetcher::kTimeoutMs), QByteArray("hello"));
    for (const std::string bad : {"file:///etc/passwd", "ftp://127.0.0.1/x", "not a url", "http://"}) {
        EXPECT_THROW(net::HttpFetcher::fetch(bad, net::HttpFetcher::kTimeoutMs), ImportError) << bad;
    }
    const auto reason = [](const std::string& url, int timeoutMs) -> std::string {
        try {
            net::HttpFetcher::fetch(url, timeoutMs);
        } catch (const ImportError& e) {
            EXPECT_EQ(e.file(), url);
            return e.what();
        }
        return "no error";
    };
    EXPECT_NE(reason(server.url("/nothing-here"), 5000).find("404"), std::string::npos);
    EXPECT_NE(reason(server.url("/slow"), 300).find("no complete answer"), std::string::npos);
    EXPECT_NE(reason(server.url("/huge"), 20000).find("16 MiB"), std::string::npos);
    const std::string toFile = reason(server.url("/to-file"), 5000);
    EXPECT_NE(toFile, "no error");
    EXPECT_EQ(toFile.find("root:"), std::string::npos);
    // A refused feed URL is an ImportError for the whole import, and the library is untouched.
    TempLibrary t;
    Analyzer analyzer;
    const net::HttpFetcher fetcher;
    EXPECT_THROW(BatchImport::importFeed(t.library(), analyzer, server.url("/nothing-here"), &fetcher), ImportError);
    EXPECT_EQ(t.library().articles().count(), 0);
}
