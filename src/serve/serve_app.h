#pragma once
// The HTTP side of `borderflow serve` (cpp-httplib from Debian): the page and its script and
// style, embedded in the binary (static/, compiled in by embed_static.cmake), and the JSON API
// of WhatIfService:
//
//   GET  /                    the page          GET /app.js, /charts.js, /style.css
//   GET  /api/scenarios       the library       POST /api/run, /api/scenario.yaml
//
// Safe by default (docs/serve.md): bodies over ServeLimits::max_body_bytes get 413; a POST must
// say Content-Type: application/json (so another web site cannot post to it without a CORS
// preflight, which this server never grants); on a loopback address, a Host header that does
// not name it is refused (DNS rebinding); every error is {"error": ...} with its 4xx/5xx status
// and the server keeps serving; a Content-Security-Policy lets the page load nothing but its
// own files.

#include <memory>
#include <optional>
#include <string>

#include "serve/what_if_service.h"

namespace bf::serve {

class ServeApp {
 public:
  // `service` must outlive the app.
  explicit ServeApp(WhatIfService& service);
  ~ServeApp();
  ServeApp(const ServeApp&) = delete;
  ServeApp& operator=(const ServeApp&) = delete;

  // Binds `host`:`port` (port 0: any free port). Returns the port, or nullopt if the address
  // cannot be bound.
  std::optional<int> bind(const std::string& host, int port);
  // Serves until stop(). Precondition: bind() succeeded. Returns false on a listening error.
  bool listen();
  // Stops listen() (from any thread); waits for nothing.
  void stop();
  // Blocks until listen() is accepting connections (for tests that listen on a thread).
  void wait_until_ready() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bf::serve
