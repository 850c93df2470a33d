#include "tests/support/Worker.h"

#include <QDeadlineTimer>

#include <random>

namespace dossier::test {

Worker::Worker(const QStringList& arguments) {
    process_.setProgram(workerPath());
    process_.setArguments(arguments);
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.start();
    process_.waitForStarted(10000);
}

Worker::~Worker() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(10000);
    }
}

void Worker::readAvailable() {
    partial_ += process_.readAllStandardOutput().toStdString();
    for (std::size_t nl = partial_.find('\n'); nl != std::string::npos; nl = partial_.find('\n')) {
        lines_.push_back(partial_.substr(0, nl));
        partial_.erase(0, nl + 1);
    }
}

bool Worker::waitForLine(const std::string& prefix, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    std::size_t seen = 0;
    for (;;) {
        readAvailable();
        for (; seen < lines_.size(); ++seen)
            if (lines_[seen].starts_with(prefix)) return true;
        if (process_.state() == QProcess::NotRunning || deadline.hasExpired()) return false;
        process_.waitForReadyRead(static_cast<int>(std::min<qint64>(deadline.remainingTime(), 100)));
    }
}

bool Worker::kill() {
    if (process_.state() == QProcess::NotRunning) return false;
    process_.kill();  // SIGKILL on Unix
    process_.waitForFinished(10000);
    readAvailable();
    return process_.exitStatus() == QProcess::CrashExit;
}

bool Worker::finish(int timeoutMs) {
    const bool ended = process_.waitForFinished(timeoutMs);
    readAvailable();
    return ended && process_.exitStatus() == QProcess::NormalExit && process_.exitCode() == 0;
}

const std::vector<std::string>& Worker::lines() {
    readAvailable();
    return lines_;
}

std::string Worker::errorOutput() { return process_.readAllStandardError().toStdString(); }

QString workerPath() { return QStringLiteral(DOSSIER_CRASH_WORKER); }

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', from)) {
        out.push_back(line.substr(from, tab - from));
        from = tab + 1;
    }
    out.push_back(line.substr(from));
    return out;
}

std::uint32_t seedFrom(const char* variable) {
    const QByteArray value = qgetenv(variable);
    if (!value.isEmpty()) return value.toUInt();
    return std::random_device{}();
}

int countFrom(const char* variable, int fallback) {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(variable, &ok);
    return ok && n > 0 ? n : fallback;
}

}  // namespace dossier::test
