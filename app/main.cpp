// Dossier's entry point: the command line runs without a display; anything else
// opens the reader window.
#include <QCoreApplication>

#include <iostream>

#include "app/CommandLine.h"

#ifdef DOSSIER_HAS_GUI
#include "ui/GuiApplication.h"
#endif

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    std::string error;
    const auto inv = dossier::app::CommandLine::parse(args, error);
    if (!inv) {
        std::cerr << "dossier: " << error << "\n";
        return 2;
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Dossier"));
    QCoreApplication::setApplicationName(QStringLiteral("Dossier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOSSIER_VERSION));
    if (!inv->command.empty()) {
        QCoreApplication app(argc, argv);
        return dossier::app::CommandLine::run(*inv, std::cout, std::cerr);
    }
#ifdef DOSSIER_HAS_GUI
    return dossier::ui::runGui(argc, argv, {inv->library, inv->args, inv->screenshot, inv->measureOpen});
#else
    std::cerr << "dossier: this build has no GUI (built with DOSSIER_GUI=OFF); see dossier --help\n";
    return 2;
#endif
}
