#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dossier::app {

// The parsed command line. Commands are for scripting and tests; no command (or
// only files) starts the GUI.
struct Invocation {
    std::string command;  // empty: GUI
    std::vector<std::string> args;
    std::string library;  // --library PATH; empty: the default library
    std::string published;
    std::string screenshot;
    std::string format;  // eval ner: --format conll|gmb|re3d
    std::string limit;   // eval ner: --limit N documents
    std::string errors;  // eval: --errors N sample mistakes
    bool tagger = false;       // analyze, import, eval, bench: --tagger adds the trained tagger to the rules
    bool taggerAlone = false;  // eval ner, bench: --tagger-alone scores or times the tagger by itself
    bool heldOut = false;  // eval ner: --held-out scores only the slice kept out of training
    std::vector<std::pair<std::string, std::string>> corpora;  // train: --conll/--gmb/--re3d FILE
    std::string epochs;  // train: --epochs N
    std::string out;     // train: --out MODEL
    std::string type;    // entity, search: --type person|country|place|organization|policy
    std::string entity;  // search: --entity NAME
    std::string from;    // search: --from YYYY-MM-DD
    std::string to;      // search: --to YYYY-MM-DD
    std::string source;  // search: --source NAME
    std::string tag;     // search: --tag NAME
    std::string articles;  // bench-library: --articles N to generate
    bool explain = false;  // bench-library: print the query plans
    std::string mergeInto;  // entity: --merge-into OTHER
    bool split = false;     // entity: --split
    bool json = false;
    bool measureOpen = false;  // GUI: time opening each article with all panels, then exit
    bool verbose = false;
};

class CommandLine {
public:
    // Returns the invocation, or an error message for the user.
    static std::optional<Invocation> parse(const std::vector<std::string>& argv, std::string& error);

    // Runs a non-GUI command; returns the process exit code.
    static int run(const Invocation& inv, std::ostream& out, std::ostream& err);

    static void printHelp(std::ostream& out);
};

}  // namespace dossier::app
