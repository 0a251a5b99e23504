// drf/commands/command.hpp — management commands (django.core.management): a Command with help,
// add_arguments(parser) and handle(), a registry, `manage`-style dispatch from main, and call_command
// for tests. Arguments are parsed by CLI11; options are the members add_arguments binds.
#pragma once

#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::commands {

// Django's CommandError: printed as "CommandError: <message>" on stderr, exiting with exit_code.
class CommandError : public std::runtime_error {
public:
    explicit CommandError(const std::string& message, int exit_code = 1)
        : std::runtime_error(message), exit_code_(exit_code) {}
    int exit_code() const noexcept { return exit_code_; }

private:
    int exit_code_;
};

// Django's BaseCommand. Bind options to members in add_arguments, read them in handle(), write with
// out() and err() (Django's self.stdout / self.stderr) so tests can capture the output.
//     struct CleanupInactive : drf::commands::Command {
//         bool dry_run = false;
//         std::string help() const override { return "Deactivate users who haven't logged in for 90 days"; }
//         void add_arguments(CLI::App& parser) override { parser.add_flag("--dry-run", dry_run); }
//         void handle() override { out() << "Deactivated " << n << " users\n"; }
//     };
class Command {
public:
    virtual ~Command() = default;
    virtual std::string help() const = 0;
    virtual void add_arguments(CLI::App& /*parser*/) {}
    virtual void handle() = 0;

    std::ostream& out() const { return *out_; }
    std::ostream& err() const { return *err_; }
    void set_streams(std::ostream& out, std::ostream& err) {
        out_ = &out;
        err_ = &err;
    }

private:
    std::ostream* out_ = &std::cout;
    std::ostream* err_ = &std::cerr;
};

// The commands a program offers, by name, each made fresh for every run.
class Registry {
public:
    using Factory = std::function<std::unique_ptr<Command>()>;

    explicit Registry(std::string program = "manage") : program_(std::move(program)) {}

    void add(std::string name, Factory factory) { commands_[std::move(name)] = std::move(factory); }
    // add<MigrateCommand>("migrate", std::ref(databases), migrations): the arguments are stored in the
    // factory (wrap what must be shared, such as the Databases, in std::ref) and passed to each new C.
    template <class C, class... Args>
    void add(std::string name, Args&&... args) {
        add(std::move(name), [... captured = std::forward<Args>(args)]() -> std::unique_ptr<Command> {
            return std::make_unique<C>(captured...);
        });
    }

    const std::string& program() const noexcept { return program_; }
    bool contains(std::string_view name) const { return commands_.find(std::string(name)) != commands_.end(); }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& [name, f] : commands_) out.push_back(name);
        return out;
    }
    std::unique_ptr<Command> make(std::string_view name) const {
        const auto it = commands_.find(std::string(name));
        return it == commands_.end() ? nullptr : it->second();
    }

private:
    std::string program_;
    std::map<std::string, Factory> commands_;
};

namespace detail {
inline void print_usage(const Registry& registry, std::ostream& out) {
    out << "Type '" << registry.program() << " help <subcommand>' for help on a specific subcommand.\n\n"
        << "Available subcommands:\n";
    for (const auto& name : registry.names()) {
        const auto command = registry.make(name);
        out << "    " << name;
        for (std::size_t pad = name.size(); pad < 20; ++pad) out << ' ';
        out << command->help() << '\n';
    }
}
}  // namespace detail

// Runs `name` with `args` (the words after the command name), as Django's call_command. Returns the exit
// status: 0, the CommandError's code, 2 for bad arguments, 1 for an unknown command or for anything else
// thrown while making, configuring or running the command: a std::exception is printed as
// "Error: <what()>" on `err`, any other type as "Error: an exception of unknown type (not a std::exception)".
inline int call_command(const Registry& registry, std::string_view name, std::vector<std::string> args,
                        std::ostream& out = std::cout, std::ostream& err = std::cerr) {
    // Anything a command throws (a DatabaseError, a std::bad_alloc, a CLI11 ConstructionError from a
    // duplicated option, an int) would otherwise end main with std::terminate. Django prints the
    // traceback and exits 1; here the message is all there is (the exception's dynamic type is not
    // known without RTTI), so say it plainly.
    try {
        auto command = registry.make(name);
        if (!command) {
            err << "Unknown command: '" << name << "'\nType '" << registry.program() << " help' for usage.\n";
            return 1;
        }
        command->set_streams(out, err);
        CLI::App parser(command->help(), registry.program() + " " + std::string(name));
        command->add_arguments(parser);
        try {
            // CLI11 takes the arguments last-first.
            std::vector<std::string> reversed(args.rbegin(), args.rend());
            parser.parse(reversed);
        } catch (const CLI::CallForHelp&) {
            out << parser.help();
            return 0;
        } catch (const CLI::ParseError& e) {
            err << registry.program() << " " << name << ": error: " << e.what() << '\n'
                << "Type '" << registry.program() << " help " << name << "' for usage.\n";
            return 2;
        }
        command->handle();
    } catch (const CommandError& e) {
        err << "CommandError: " << e.what() << '\n';
        return e.exit_code();
    } catch (const std::exception& e) {
        err << "Error: " << e.what() << '\n';
        return 1;
    } catch (...) {
        err << "Error: an exception of unknown type (not a std::exception)\n";
        return 1;
    }
    return 0;
}

// The body of main for a manage.py-style program: `prog <command> [options]`, `prog help`,
// `prog help <command>`.
inline int manage(const Registry& registry, int argc, const char* const* argv, std::ostream& out = std::cout,
                  std::ostream& err = std::cerr) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
        if (words.size() >= 2 && words[0] == "help") return call_command(registry, words[1], {"--help"}, out, err);
        detail::print_usage(registry, out);
        return 0;
    }
    const std::string name = words[0];
    words.erase(words.begin());
    return call_command(registry, name, std::move(words), out, err);
}

}  // namespace drf::commands
