#include "serve/serve_app.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "serve/static_files.h"

namespace bf::serve {
namespace {

// Where the page may load anything from: itself only. No inline script, no inline style
// attribute is needed by the page (it sets styles through the CSSOM, which CSP allows).
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void send(httplib::Response& res, const Answer& answer) {
  res.status = answer.status;
  res.set_content(answer.body, answer.content_type.c_str());
  if (!answer.download_name.empty()) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
  }
}

// The reason phrase of the statuses this server sends without a handler's body.
std::string status_message(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "no such page or API";
    case 405:
      return "method not allowed here";
    case 413:
      return "request body too large";
    case 415:
      return "a POST must have Content-Type: application/json";
    default:
      return "HTTP status " + std::to_string(status);
  }
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

}  // namespace

struct ServeApp::Impl {
  explicit Impl(WhatIfService& s) : service(s) {}
  WhatIfService& service;
  httplib::Server server;
  std::string host;
  int port = 0;

  // Requests to a loopback server must name it: a page of another site that got its name to
  // resolve to 127.0.0.1 (DNS rebinding) sends its own name.
  bool host_header_allowed(const httplib::Request& req) const {
    if (!is_loopback(host)) return true;
    const std::string header = req.get_header_value("Host");
    // Compared as host and port apart: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
    const std::size_t colon = header.rfind(':');
    if (colon == std::string::npos || header.substr(colon + 1) != std::to_string(port)) {
      return false;
    }
    const std::string name = header.substr(0, colon);
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
  }

  void routes() {
    server.set_payload_max_length(service.limits().max_body_bytes);
    server.set_read_timeout(std::chrono::seconds(10));
    server.set_write_timeout(std::chrono::seconds(10));
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Content-Security-Policy", kContentSecurityPolicy},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!host_header_allowed(req)) {
        send(res, error_answer(403, "this server answers requests for " + host + ":" +
                                        std::to_string(port) + " only"));
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.method == "POST" &&
          req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        send(res, error_answer(415, status_message(415)));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Statuses httplib sets itself (404, 413, ...) get a JSON body too.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          send(res, error_answer(res.status, status_message(res.status)));
          return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
          send(res, error_answer(500, "internal error; the server keeps serving"));
        });

    for (const StaticFile& file : kStaticFiles) {
      const std::string path(file.path);
      server.Get(path == "/index.html" ? "/" : path,
                 [&file](const httplib::Request&, httplib::Response& res) {
                   res.set_content(std::string(file.body), std::string(file.content_type));
                 });
    }
    server.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& res) {
      send(res, service.scenarios());
    });
    server.Post("/api/run", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, service.run(req.body));
    });
    server.Post("/api/scenario.yaml", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, service.yaml(req.body));
    });
  }
};

ServeApp::ServeApp(WhatIfService& service) : impl_(std::make_unique<Impl>(service)) {
  impl_->routes();
}

ServeApp::~ServeApp() = default;

std::optional<int> ServeApp::bind(const std::string& host, int port) {
  impl_->host = host;
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host)
                              : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return std::nullopt;
  impl_->port = bound;
  return bound;
}

bool ServeApp::listen() { return impl_->server.listen_after_bind(); }

void ServeApp::stop() { impl_->server.stop(); }

void ServeApp::wait_until_ready() const {
  while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace bf::serve
