#pragma once

#include <string>
#include <vector>

namespace dossier::ui {

struct GuiOptions {
    std::string library;           // empty: the default library
    std::vector<std::string> files;  // imported before the window opens
    std::string screenshot;        // render the window to this PNG and exit
    bool measureOpen = false;      // time opening every article with its panels, print, exit
};

// Runs the reader window; returns the exit code.
int runGui(int& argc, char** argv, const GuiOptions& options);

}  // namespace dossier::ui
