#pragma once

#include <stdexcept>
#include <string>

namespace dossier::core {

// A file was refused. what() names the file and the reason, for the user.
class ImportError : public std::runtime_error {
public:
    enum class Reason { Unreadable, Empty, TooLarge, Binary, InvalidUtf8, BadHeader, Unsupported };
    ImportError(Reason reason, const std::string& file, const std::string& why)
        : std::runtime_error(file + ": " + why), reason_(reason), file_(file) {}
    Reason reason() const { return reason_; }
    const std::string& file() const { return file_; }

private:
    Reason reason_;
    std::string file_;
};

}  // namespace dossier::core
