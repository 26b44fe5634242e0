// The HTTP API of `borderflow serve` (serve/serve_app.h), served in-process on an ephemeral
// port of 127.0.0.1 and hit with cpp-httplib's client: the scenario list, a what-if run, bad
// and oversized requests (a JSON error, and the server keeps serving), and the YAML download,
// which `borderflow run` must reproduce byte for byte.
//
// The library is a scratch folder holding copies of december-2023.yaml (data/ linked beside
// it so its relative paths resolve) and of the 14-day examples/tiny.yaml, on which the tests
// run what-ifs in milliseconds.

#include <gtest/gtest.h>
#include <httplib.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_process.h"
#include "serve/scenario_library.h"
#include "serve/serve_app.h"
#include "serve/what_if_service.h"

namespace bf::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kJson = "application/json";

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ =
        new fs::path(fs::path(::testing::TempDir()) / ("bf-serve-" + std::to_string(::getpid())));
    fs::remove_all(*root_);
    fs::create_directories(*root_ / "scenarios");
    fs::copy_file(fs::path(BF_SOURCE_DIR) / "scenarios/december-2023.yaml",
                  *root_ / "scenarios/december-2023.yaml");
    for (const char* file : {"tiny.yaml", "tiny-arrivals.csv"}) {
      fs::copy_file(fs::path(BF_SOURCE_DIR) / "scenarios/examples" / file,
                    *root_ / "scenarios" / file);
    }
    fs::create_directory_symlink(fs::path(BF_SOURCE_DIR) / "data", *root_ / "data");
    library_ = new ScenarioLibrary(*root_ / "scenarios", 2);
    ASSERT_EQ(library_->scenarios().size(), 2u);
    service_ = new WhatIfService(*library_, ServeLimits{}, 2);
    service_->set_run_started_hook([] {
      std::unique_lock<std::mutex> lock(hold_mutex_);
      run_is_held_ = hold_runs_;
      hold_changed_.notify_all();
      hold_changed_.wait(lock, [] { return !hold_runs_; });
      run_is_held_ = false;
    });
    app_ = new ServeApp(*service_);
    const std::optional<int> port = app_->bind("127.0.0.1", 0);
    ASSERT_TRUE(port);
    port_ = *port;
    thread_ = new std::thread([] { app_->listen(); });
    app_->wait_until_ready();
  }

  static void TearDownTestSuite() {
    app_->stop();
    thread_->join();
    delete thread_;
    delete app_;
    delete service_;
    delete library_;
    fs::remove_all(*root_);
    delete root_;
  }

  static httplib::Client client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(std::chrono::seconds(60));
    return c;
  }

  static json post_json(const std::string& path, const json& body, int expected_status) {
    auto c = client();
    const httplib::Result r = c.Post(path.c_str(), body.dump(), kJson);
    EXPECT_TRUE(r) << "no answer to " << path;
    if (!r) return json();
    EXPECT_EQ(r->status, expected_status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), kJson);
    return json::parse(r->body);
  }

  static const json& metric(const json& answer, const std::string& key) {
    for (const json& m : answer["metrics"]) {
      if (m["key"] == key) return m;
    }
    ADD_FAILURE() << "no metric " << key;
    static const json none;
    return none;
  }

  // While hold_runs_, a run waits after taking the run lock (OneRunAtATimeOthersGet503).
  static inline std::mutex hold_mutex_;
  static inline std::condition_variable hold_changed_;
  static inline bool hold_runs_ = false;
  static inline bool run_is_held_ = false;  // a run waits in the hook

  static fs::path* root_;
  static ScenarioLibrary* library_;
  static WhatIfService* service_;
  static ServeApp* app_;
  static std::thread* thread_;
  static int port_;
};

fs::path* ServeApiTest::root_ = nullptr;
ScenarioLibrary* ServeApiTest::library_ = nullptr;
WhatIfService* ServeApiTest::service_ = nullptr;
ServeApp* ServeApiTest::app_ = nullptr;
std::thread* ServeApiTest::thread_ = nullptr;
int ServeApiTest::port_ = 0;

TEST_F(ServeApiTest, ServesThePageWithItsOwnFilesOnly) {
  auto c = client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>borderflow"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  for (const char* file : {"/app.js", "/charts.js", "/style.css"}) {
    const auto r = c.Get(file);
    ASSERT_TRUE(r) << file;
    EXPECT_EQ(r->status, 200) << file;
    EXPECT_FALSE(r->body.empty()) << file;
  }
  // Nothing on the page names another host: scripts and styles are the server's own.
  EXPECT_EQ(page->body.find("http:"), std::string::npos);
  EXPECT_EQ(page->body.find("https:"), std::string::npos);
  EXPECT_EQ(c.Get("/app.js")->body.find("innerHTML"), std::string::npos);
}

TEST_F(ServeApiTest, ListsTheLibrary) {
  auto c = client();
  const auto r = c.Get("/api/scenarios");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json list = json::parse(r->body);
  EXPECT_EQ(list["default"], "december-2023");
  ASSERT_EQ(list["scenarios"].size(), 2u);
  const json& s = list["scenarios"][0];
  EXPECT_EQ(list["scenarios"][1]["id"], "tiny");
  EXPECT_EQ(s["id"], "december-2023");
  EXPECT_EQ(s["start"], "2023-12-01");
  EXPECT_EQ(s["end"], "2024-03-31");
  EXPECT_EQ(s["days"], 122);
  // The sectors' agents as written, where the page's per-sector lever starts.
  EXPECT_EQ(s["sectors"][6]["key"], "del_rio");
  EXPECT_EQ(s["sectors"][6]["agents_on_patrol"], 162.0);
  EXPECT_EQ(s["sectors"][6]["processing_agents"], 125);
  EXPECT_EQ(list["max_replications"], 10);
}

TEST_F(ServeApiTest, NoChangeGivesZeroDifferenceUnderCommonRandomNumbers) {
  // tiny.yaml's own number of beds, written over it: loaded and simulated apart from the
  // baseline, and equal to it replication by replication.
  const json answer = post_json(
      "/api/run", {{"scenario", "tiny"}, {"replications", 2}, {"set", {{"detention.beds", 2000}}}},
      200);
  EXPECT_EQ(answer["replications"], 2);
  EXPECT_EQ(answer["timing"]["changed_replications_run"], 2);
  ASSERT_FALSE(answer["metrics"].empty());
  for (const json& m : answer["metrics"]) {
    EXPECT_EQ(m["baseline"], m["changed"]) << m["key"];
    EXPECT_EQ(m["difference"], 0.0) << m["key"];
  }
  EXPECT_EQ(answer["dates"].size(), 14u);
  EXPECT_EQ(answer["dates"][0], "2024-01-01");
  EXPECT_EQ(answer["sectors"].size(), 9u);
  EXPECT_EQ(answer["sectors"][6]["key"], "del_rio");
  EXPECT_EQ(answer["sectors"][6]["series"]["in_custody"]["changed"].size(), 14u);
  EXPECT_EQ(answer["border"]["in_custody"]["difference"].size(), 14u);
  EXPECT_EQ(answer["command"], "borderflow run scenarios/tiny.yaml --set detention.beds=2000");
}

TEST_F(ServeApiTest, ALeverChangesTheChangedSideOnly) {
  const json plain = post_json("/api/run", {{"scenario", "tiny"}, {"replications", 3}}, 200);
  const json request = {{"scenario", "tiny"},
                        {"replications", 3},
                        {"set",
                         {{"policies.what_if_agents.kind", "agents"},
                          {"policies.what_if_agents.start", "2024-01-01"},
                          {"policies.what_if_agents.patrol", 400}}}};
  const json agents = post_json("/api/run", request, 200);
  EXPECT_EQ(agents["timing"]["baseline_replications_run"], 0) << "the baseline is kept";
  EXPECT_EQ(agents["timing"]["changed_replications_run"], 3);
  // Same seed, same arrivals: the baseline is the plain run; twice the agents on patrol let
  // fewer evaders get away.
  EXPECT_EQ(metric(agents, "gotaways")["baseline"], metric(plain, "gotaways")["changed"]);
  EXPECT_LT(metric(agents, "gotaways")["difference"].get<double>(), 0.0);
  EXPECT_NE(agents["command"].get<std::string>().find("--set policies.what_if_agents.patrol=400"),
            std::string::npos);
  // The same settings again: nothing is simulated.
  const json again = post_json("/api/run", request, 200);
  EXPECT_EQ(again["timing"]["changed_replications_run"], 0);
  EXPECT_EQ(again["metrics"], agents["metrics"]);
}

TEST_F(ServeApiTest, WarmUpRunsTheBaselineBeforeTheFirstRequest) {
  service_->warm_up("tiny");
  service_->warm_up("not-in-the-library");  // nothing
  const json answer = post_json("/api/run", {{"scenario", "tiny"}}, 200);
  EXPECT_EQ(answer["replications"], ServeLimits{}.default_replications);
  EXPECT_EQ(answer["timing"]["baseline_replications_run"], 0);
}

TEST_F(ServeApiTest, BadRequestsGetAJsonErrorAndTheServerKeepsServing) {
  auto c = client();
  const auto not_json = c.Post("/api/run", "{nope", kJson);
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);
  EXPECT_NE(json::parse(not_json->body)["error"].get<std::string>().find("not JSON"),
            std::string::npos);

  const json unknown = post_json("/api/run", {{"scenario", "../../etc/passwd"}}, 404);
  EXPECT_NE(unknown["error"].get<std::string>().find("no scenario"), std::string::npos);

  const json file_path = post_json(
      "/api/run", {{"scenario", "december-2023"}, {"set", {{"arrivals.table", "x.csv"}}}}, 400);
  EXPECT_NE(file_path["error"].get<std::string>().find("not a path a lever may set"),
            std::string::npos);

  // A value the loader refuses: its diagnostics, as --set would print them.
  const json bad_value = post_json(
      "/api/run", {{"scenario", "december-2023"}, {"set", {{"detention.beds", "-5"}}}}, 422);
  EXPECT_NE(bad_value["diagnostics"].get<std::string>().find("--set:1:"), std::string::npos)
      << bad_value.dump();

  const auto form = c.Post("/api/run", "scenario=december-2023", "text/plain");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  EXPECT_TRUE(json::parse(form->body).contains("error"));

  const auto missing = c.Get("/api/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(json::parse(missing->body).contains("error"));

  httplib::Headers other_host = {{"Host", "attacker.example:80"}};
  const auto rebound = c.Get("/api/scenarios", other_host);
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);

  const auto still = c.Get("/api/scenarios");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
}

TEST_F(ServeApiTest, OversizedBodyIsRefused) {
  const std::string big(ServeLimits{}.max_body_bytes + 1, ' ');
  auto c = client();
  const auto r = c.Post("/api/run", big, kJson);
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(json::parse(r->body).contains("error"));
  const auto still = c.Get("/api/scenarios");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
}

TEST_F(ServeApiTest, OneRunAtATimeOthersGet503) {
  // The first run is held once it has the run lock; a second request meanwhile is refused at
  // once, and the first finishes when released.
  {
    const std::lock_guard<std::mutex> lock(hold_mutex_);
    hold_runs_ = true;
  }
  json held_answer;
  std::thread held([&] {
    held_answer = post_json("/api/run", {{"scenario", "tiny"}, {"replications", 1}}, 200);
  });
  {
    std::unique_lock<std::mutex> lock(hold_mutex_);
    ASSERT_TRUE(
        hold_changed_.wait_for(lock, std::chrono::seconds(30), [] { return run_is_held_; }));
  }
  auto c = client();
  const auto r = c.Post("/api/run", json{{"scenario", "tiny"}}.dump(), kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  const json busy = json::parse(r->body);
  {
    const std::lock_guard<std::mutex> lock(hold_mutex_);
    hold_runs_ = false;
  }
  hold_changed_.notify_all();
  held.join();
  EXPECT_NE(busy["error"].get<std::string>().find("another what-if is running"), std::string::npos);
  EXPECT_EQ(held_answer["replications"], 1);
}

TEST_F(ServeApiTest, YamlDownloadReproducesRunWithSet) {
  const json set = {{"detention.beds", 36000},
                    {"policies.what_if_remain_in_mexico.kind", "remain_in_mexico"},
                    {"policies.what_if_remain_in_mexico.start", "2023-12-01"},
                    {"policies.what_if_remain_in_mexico.acceptance", "600/day"}};
  auto c = client();
  const auto r =
      c.Post("/api/scenario.yaml", json{{"scenario", "december-2023"}, {"set", set}}.dump(), kJson);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->get_header_value("Content-Disposition").find("december-2023-what-if.yaml"),
            std::string::npos);
  const fs::path yaml = *root_ / "scenarios/what-if.yaml";
  apps::testing::write_bytes(yaml, r->body);

  const fs::path scratch = *root_ / "cli";
  fs::create_directories(scratch);
  std::vector<std::string> with_set = {
      "run",     (*root_ / "scenarios/december-2023.yaml").string(),
      "--out",   (scratch / "set").string(),
      "--quiet", "--no-report"};
  for (const auto& [path, value] : set.items()) {
    with_set.push_back("--set");
    with_set.push_back(path + "=" + (value.is_string() ? value.get<std::string>() : value.dump()));
  }
  const auto a = apps::testing::run_cli(with_set, scratch);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto b = apps::testing::run_cli(
      {"run", yaml.string(), "--out", (scratch / "yaml").string(), "--quiet", "--no-report"},
      scratch);
  ASSERT_EQ(b.exit_code, 0) << b.err;
  for (const char* file : {"days.csv", "sector_days.csv", "port_days.csv"}) {
    const std::string bytes_a = apps::testing::read_bytes(scratch / "set" / file);
    EXPECT_FALSE(bytes_a.empty()) << file;
    EXPECT_EQ(bytes_a, apps::testing::read_bytes(scratch / "yaml" / file)) << file;
  }
  // summary.json too, but for its provenance: the files read (the YAML, or the --set source)
  // and their hashes differ by construction.
  json summary_a = json::parse(apps::testing::read_bytes(scratch / "set" / "summary.json"));
  json summary_b = json::parse(apps::testing::read_bytes(scratch / "yaml" / "summary.json"));
  EXPECT_EQ(summary_a["provenance"]["fingerprint"], summary_b["provenance"]["fingerprint"]);
  summary_a.erase("provenance");
  summary_b.erase("provenance");
  EXPECT_EQ(summary_a, summary_b);
  fs::remove(yaml);
}

}  // namespace
}  // namespace bf::serve
