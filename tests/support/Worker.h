#pragma once

#include <QProcess>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace dossier::test {

// A tests/tools/crash_worker process: started with its arguments, read a line at a
// time, and killed with SIGKILL or waited for. Lines printed before a kill are kept
// (the worker flushes each one), so the test knows what it reported saved.
class Worker {
public:
    explicit Worker(const QStringList& arguments);
    ~Worker();  // kills it if it still runs
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Reads until a line starting with prefix arrives; false when the worker ended or
    // the time ran out first.
    bool waitForLine(const std::string& prefix, int timeoutMs);
    // SIGKILL. True when it was still running and died of the signal.
    bool kill();
    // Waits for it to end by itself; true when it exited with status 0.
    bool finish(int timeoutMs);
    // Every complete line read so far (reads what is waiting first).
    const std::vector<std::string>& lines();
    std::string errorOutput();

private:
    void readAvailable();
    QProcess process_;
    std::string partial_;
    std::vector<std::string> lines_;
};

// The crash_worker executable built beside the tests.
QString workerPath();

// Fields of a tab-separated worker line.
std::vector<std::string> splitTabs(const std::string& line);

// A seed from the environment variable when set (to repeat a run), else a fresh one.
std::uint32_t seedFrom(const char* variable);
// A count from the environment variable when set, else the fallback.
int countFrom(const char* variable, int fallback);

}  // namespace dossier::test
