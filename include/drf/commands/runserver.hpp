// drf/commands/runserver.hpp — the built-in runserver command: serves a router over HTTP with the
// Boost.Beast server until SIGINT or SIGTERM, then drains and exits 0; an address it cannot listen on
// is a CommandError naming it and the OS's reason. Needs drf::server.
#pragma once

#include <drf/commands/command.hpp>
#include <drf/server.hpp>

#include <exception>
#include <string>
#include <utility>

namespace drf::commands {

template <class Router>
class RunServerCommand : public Command {
public:
    explicit RunServerCommand(const Router& router) : router_(router) {}

    std::string help() const override { return "Serves the API over HTTP until interrupted (SIGINT/SIGTERM)."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("--host", host_, "The address to listen on.")->capture_default_str();
        parser.add_option("--port", port_, "The port to listen on (0: any free port).")->capture_default_str();
        parser.add_option("--threads", threads_, "Worker threads (0: one per core).")->capture_default_str();
        parser.add_flag("--no-access-log", quiet_, "Do not log a line per request on stderr.");
    }
    void handle() override {
        server::ServerOptions options;
        options.host = host_;
        options.port = port_;
        options.threads = threads_;
        options.access_log = !quiet_;
        options.log = &err();  // the server's notices and access log: stderr under manage
        options.on_ready = [this](unsigned short port) {
            // An IPv6 address in brackets, as a URL writes it: http://[::1]:8000/
            out() << "Starting server at http://" << server::authority(host_, port) << "/\nQuit the server with CONTROL-C."
                  << std::endl;
        };
        try {
            server::Server server(router_, std::move(options));
            server.run();
        } catch (const server::ListenError& e) {
            // One line that says where and why: "CommandError: cannot serve on 127.0.0.1:8000: Address
            // already in use".
            throw CommandError("cannot serve on " + e.address() + ": " + e.reason());
        } catch (const std::exception& e) {
            throw CommandError("cannot serve on " + server::authority(host_, port_) + ": " + e.what());
        }
    }

private:
    const Router& router_;
    std::string host_ = "127.0.0.1";
    unsigned short port_ = 8000;
    unsigned threads_ = 0;
    bool quiet_ = false;
};

}  // namespace drf::commands
