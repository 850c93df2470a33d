// Every test binary gets a Qt application (QStandardPaths, resources, widgets for
// the UI tests) in test mode, so no test touches the user's own library.
#include <QStandardPaths>
#include <QtGlobal>

#include <gtest/gtest.h>

#ifdef DOSSIER_TEST_WIDGETS
#include <QApplication>
using TestApp = QApplication;
#else
#include <QCoreApplication>
using TestApp = QCoreApplication;
#endif

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    TestApp app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
