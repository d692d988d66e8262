// The lifecycle ratios the issue asks for, from the run that just happened: exemplar's ns/event
// over each implementation's, at every size, printed to standard error after the benchmarks (so a
// JSON report on standard output stays valid). Ratios from two different runs would mix two
// machines' loads; these come from one process, minutes apart at most.
//
// The runs pass through a reporter that forwards everything to the one --benchmark_format chose
// (so the report is unchanged) and notes each BM_Lifecycle run's ns_per_event counter: the median
// aggregate when there are repetitions, else the single run's value.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

namespace exemplar::bench {
namespace {

constexpr const char* kPrefix = "BM_Lifecycle/";
constexpr const char* kReference = "exemplar";

/// One implementation at one size: its ns/event, and how many repetitions its median spans
/// (1: a single run).
struct Measured {
  double ns_per_event = 0.0;
  std::int64_t repetitions = 1;
  bool median = false;
};

class RatioReporter : public benchmark::BenchmarkReporter {
 public:
  explicit RatioReporter(benchmark::BenchmarkReporter* display) : display_(display) {}

  bool ReportContext(const Context& context) override { return display_->ReportContext(context); }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) note(run);
    display_->ReportRuns(runs);
  }
  void Finalize() override { display_->Finalize(); }

  /// The table, to `out`; nothing when exemplar's lifecycle did not run.
  void print(std::FILE* out) const {
    std::vector<std::uint32_t> sizes;
    for (const auto& [size, by_name] : measured_) {
      if (by_name.count(kReference) != 0) sizes.push_back(size);
    }
    if (sizes.empty()) return;

    const Measured& any = measured_.at(sizes.front()).at(kReference);
    std::fprintf(out, "\nBM_Lifecycle: exemplar's ns/event over each implementation's, %s, this run\n",
                 any.median ? ("medians of " + std::to_string(any.repetitions) + " repetitions").c_str() : "single runs");
    std::fprintf(out, "%-12s", "impl");
    for (std::uint32_t size : sizes) {
      const std::string head = std::to_string(size);
      std::fprintf(out, "  %12s  %10s", ("ns/ev " + head).c_str(), ("ratio " + head).c_str());
    }
    std::fprintf(out, "\n");
    for (const std::string& name : names_) {
      std::fprintf(out, "%-12s", name.c_str());
      for (std::uint32_t size : sizes) {
        const auto& by_name = measured_.at(size);
        const auto found = by_name.find(name);
        if (found == by_name.end() || found->second.ns_per_event <= 0.0) {
          std::fprintf(out, "  %12s  %10s", "-", "-");
          continue;
        }
        const double ratio = by_name.at(kReference).ns_per_event / found->second.ns_per_event;
        std::fprintf(out, "  %12.2f  %9.2fx", found->second.ns_per_event, ratio);
      }
      std::fprintf(out, "\n");
    }
  }

 private:
  void note(const Run& run) {
    if (run.error_occurred) return;
    const bool aggregate = run.run_type == Run::RT_Aggregate;
    if (aggregate && run.aggregate_name != "median") return;
    // Registered as BM_Lifecycle/<impl>/<candidates>; Google Benchmark adds /manual_time apart.
    const std::string& name = run.run_name.function_name;
    if (name.rfind(kPrefix, 0) != 0) return;
    const std::size_t slash = name.find('/', std::char_traits<char>::length(kPrefix));
    if (slash == std::string::npos) return;
    const std::string impl = name.substr(std::char_traits<char>::length(kPrefix), slash - std::char_traits<char>::length(kPrefix));
    const auto size = static_cast<std::uint32_t>(std::strtoul(name.c_str() + slash + 1, nullptr, 10));
    const auto counter = run.counters.find("ns_per_event");
    if (counter == run.counters.end()) return;

    Measured& cell = measured_[size][impl];
    if (cell.median && !aggregate) return;  // a repetition never overrides its family's median
    cell = Measured{counter->second.value, aggregate ? run.repetitions : 1, aggregate};
    bool known = false;
    for (const std::string& seen : names_) known = known || seen == impl;
    if (!known) names_.push_back(impl);
  }

  benchmark::BenchmarkReporter* display_;  ///< not owned: Google Benchmark keeps the default one
  std::map<std::uint32_t, std::map<std::string, Measured>> measured_;  ///< [candidates][impl]
  std::vector<std::string> names_;  ///< implementations in the order they ran
};

}  // namespace

std::size_t run_with_ratios() {
  RatioReporter reporter(benchmark::CreateDefaultDisplayReporter());
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print(stderr);
  return ran;
}

}  // namespace exemplar::bench
