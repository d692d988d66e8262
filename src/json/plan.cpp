// Plans to and from JSON, through the strict Reader, with the plan's own checks reported at the
// JSON pointer of the part they name.
#include "exemplar/json/plan.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "detail/text.hpp"
#include "reader.hpp"

namespace exemplar::json {
namespace bg = boost::gregorian;

namespace {

/// The weekdays by name, in Boost's numbering (0 = Sunday): what a calendar's weekend lists.
constexpr std::array<std::string_view, 7> weekday_names{"sunday",   "monday", "tuesday", "wednesday",
                                                        "thursday", "friday", "saturday"};

constexpr std::size_t max_rule_depth = 16;
constexpr std::size_t max_section_bytes = 64;
constexpr std::size_t max_seed_bytes = 16;
constexpr std::size_t max_schema_reference_bytes = 1024;

/// Writes a plan into a document of type J: Json for to_json, ordered_json for the file text, so the
/// files read in the order of the schema (docs/plan-schema.md) rather than alphabetically.
template <class J>
struct Writer {
  static J text(const Text& t) {
    J out = J::object();
    out["en"] = t.en;
    out["vi"] = t.vi;
    return out;
  }

  static J date(bg::date d) {
    if (d.is_special()) return J(nullptr);
    return J(format_date(d, Lang::en));
  }

  template <class E>
  static J name(E value) {
    return J(std::string(identifier(value)));
  }

  template <class E, class Bits>
  static J set(EnumSet<E, Bits> values) {
    J out = J::array();
    for (E value : all_values<E>()) {
      if (values.contains(value)) out.push_back(name(value));
    }
    return out;
  }

  static J years(const CountedYears& w) {
    J out = J::object();
    out["kind"] = name(w.kind);
    if (w.kind == YearsCounted::latest_years) out["length"] = w.length;
    if (w.kind == YearsCounted::fixed_years) {
      out["first"] = w.first;
      out["last"] = w.last;
    }
    return out;
  }

  static J fraction(const Fraction& f) {
    J out = J::object();
    out["numerator"] = f.numerator;
    out["denominator"] = f.denominator;
    out["strict"] = f.strict;
    return out;
  }

  struct Params {
    J& out;

    void operator()(const rules::RatingYears& s) const {
      out["years"] = years(s.years);
      out["at_least"] = name(s.at_least);
      out["required"] = s.required;
      out["every_year"] = s.every_year;
      out["top"] = name(s.top);
      out["top_required"] = s.top_required;
    }
    void operator()(const rules::TitleCount& s) const {
      out["years"] = years(s.years);
      out["at_least"] = name(s.at_least);
      out["or_higher"] = s.or_higher;
      out["consecutive"] = s.consecutive;
      out["required"] = s.required;
      out["every"] = s.every;
    }
    void operator()(const rules::CertificateCount& s) const {
      out["years"] = years(s.years);
      out["awards"] = set(s.awards);
      out["required"] = s.required;
    }
    void operator()(const rules::InitiativeCount& s) const {
      out["years"] = years(s.years);
      out["at_least"] = name(s.at_least);
      out["initiatives"] = s.initiatives;
      out["research_topics"] = s.research_topics;
      out["applied_only"] = s.applied_only;
      out["skip_rewarded"] = s.skip_rewarded;
      out["required"] = s.required;
    }
    void operator()(const rules::NoSanction& s) const {
      out["years"] = years(s.years);
      out["at_least"] = name(s.at_least);
      out["members"] = s.members;
      out["breaches"] = s.breaches;
      out["proceedings"] = s.proceedings;
      out["on_the_day"] = s.on_the_day;
    }
    void operator()(const rules::MemberShare& s) const {
      out["years"] = years(s.years);
      out["basis"] = name(s.basis);
      out["rating"] = name(s.rating);
      out["title"] = name(s.title);
      out["share"] = fraction(s.share);
    }
    void operator()(const rules::MemberCount& s) const {
      out["years"] = years(s.years);
      out["basis"] = name(s.basis);
      out["rating"] = name(s.rating);
      out["title"] = name(s.title);
      out["required"] = s.required;
    }
    void operator()(const rules::IndicatorAtLeast& s) const {
      out["years"] = years(s.years);
      out["indicator"] = s.indicator;
      out["percent"] = s.percent;
      out["strict"] = s.strict;
      out["when_reported"] = s.when_reported;
    }
    void operator()(const rules::Judgement&) const {}
    void operator()(const rules::AllOf&) const {}
    void operator()(const rules::AnyOf&) const {}
    void operator()(const rules::ByPosition& s) const { branches(s.when); }
    void operator()(const rules::ByField& s) const { branches(s.when); }

    template <class Set>
    void branches(const std::vector<Set>& when) const {
      J list = J::array();
      for (const Set& each : when) list.push_back(set(each));
      out["when"] = std::move(list);
    }
  };

  static J rule(const Rule& r) {
    J out = J::object();
    out["id"] = r.id;
    out["section"] = r.section;
    out["title"] = text(r.title);
    out["kind"] = name(r.kind());
    J params = J::object();
    if (!r.spec.valueless_by_exception()) std::visit(Params{params}, r.spec);
    if (!params.empty()) out["params"] = std::move(params);
    if (r.composite()) {
      J children = J::array();
      for (const Rule& child : r.children) children.push_back(rule(child));
      out["children"] = std::move(children);
    }
    return out;
  }

  static J optional_rule(const std::optional<Rule>& r) { return r ? rule(*r) : J(nullptr); }

  static J profile(const Profile& p) {
    J calendar = J::object();
    calendar["month"] = p.calendar.month;
    calendar["day"] = p.calendar.day;
    calendar["next_year"] = p.calendar.next_year;
    J sets = J::array();
    for (const RuleSet& s : p.rule_sets) {
      J each = J::object();
      each["effective_from"] = date(s.effective_from);
      each["basis"] = text(s.basis);
      each["collective"] = optional_rule(s.collective);
      each["individual"] = optional_rule(s.individual);
      sets.push_back(std::move(each));
    }
    J out = J::object();
    out["id"] = p.id;
    out["title"] = text(p.title);
    out["seed"] = p.seed;
    out["calendar"] = std::move(calendar);
    out["rule_sets"] = std::move(sets);
    return out;
  }

  static J milestone(const Milestone& m) {
    J open_period = J::object();
    open_period["opens"] = date(m.open_period.opens);
    open_period["closes"] = date(m.open_period.closes);
    J deadline = J::object();
    deadline["date"] = date(m.deadline.date);
    deadline["bound"] = name(m.deadline.bound);
    deadline["count"] = name(m.deadline.count);
    deadline["due_soon_days"] = m.deadline.due_soon_days;
    deadline["late"] = name(m.deadline.late);
    J sources = J::object();
    sources["opens"] = name(m.sources.opens);
    sources["deadline"] = name(m.sources.deadline);
    sources["closes"] = name(m.sources.closes);
    J out = J::object();
    out["id"] = m.id;
    out["title"] = text(m.title);
    out["kind"] = name(m.kind);
    out["owner"] = name(m.owner);
    out["level"] = name(m.level);
    out["year"] = m.year;
    out["open_period"] = std::move(open_period);
    out["deadline"] = std::move(deadline);
    out["sources"] = std::move(sources);
    out["basis"] = m.basis;
    return out;
  }

  static J calendar(const WorkingCalendar& c) {
    J weekend = J::array();
    for (WorkingCalendar::Weekday day : c.weekend()) {
      const auto index = static_cast<std::size_t>(day);
      weekend.push_back(index < weekday_names.size() ? J(std::string(weekday_names[index])) : J("?"));
    }
    J holidays = J::array();
    for (bg::date d : c.holidays()) holidays.push_back(date(d));
    J make_up = J::array();
    for (bg::date d : c.make_up_days()) make_up.push_back(date(d));
    J out = J::object();
    out["weekend"] = std::move(weekend);
    out["holidays"] = std::move(holidays);
    out["make_up_days"] = std::move(make_up);
    return out;
  }

  static J roadmap(const RoadmapSpec& r) {
    J phases = J::array();
    for (const PhaseStart& p : r.phases) {
      J each = J::object();
      each["phase"] = name(p.phase);
      each["starts"] = date(p.starts);
      each["source"] = name(p.source);
      phases.push_back(std::move(each));
    }
    J milestones = J::array();
    for (const Milestone& m : r.milestones) milestones.push_back(milestone(m));
    J out = J::object();
    out["id"] = r.id;
    out["title"] = text(r.title);
    out["first_year"] = r.first_year;
    out["last_year"] = r.last_year;
    out["phases"] = std::move(phases);
    out["milestones"] = std::move(milestones);
    out["calendar"] = calendar(r.calendar);
    return out;
  }

  static J selector(const MilestoneSelector& m) {
    J out = J::object();
    out["kind"] = name(m.kind);
    out["year"] = name(m.year);
    if (!m.id.empty()) out["id"] = m.id;
    return out;
  }

  static J optional_count(const std::optional<std::uint16_t>& count) { return count ? J(*count) : J(nullptr); }

  static J procedure(const Procedure& p) {
    J arrows = J::array();
    for (const Arrow& a : p.arrows) {
      J each = J::object();
      each["from"] = name(a.from);
      each["command"] = name(a.command);
      each["to"] = name(a.to);
      each["guard"] = a.guard;
      arrows.push_back(std::move(each));
    }
    J grants = J::array();
    for (const Grant& g : p.grants) {
      J each = J::object();
      each["command"] = name(g.command);
      each["role"] = name(g.role);
      each["scope"] = name(g.scope);
      each["stages"] = set(g.stages);
      each["levels"] = set(g.levels);
      grants.push_back(std::move(each));
    }
    J awards = J::array();
    for (const AwardPower& a : p.awards) {
      J each = J::object();
      each["role"] = name(a.role);
      each["grants"] = set(a.grants);
      each["proposes"] = set(a.proposes);
      awards.push_back(std::move(each));
    }
    J council = J::object();
    council["quorum"] = fraction(p.council.quorum);
    council["approval"] = fraction(p.council.approval);
    council["title_approval"] = fraction(p.council.title_approval);
    J timings = J::array();
    for (const Timing& t : p.timings) {
      J each = J::object();
      each["step"] = name(t.step);
      each["rule"] = name(t.rule);
      each["milestones"] = selector(t.milestones);
      timings.push_back(std::move(each));
    }
    J quotas = J::array();
    for (const StepQuota& q : p.quotas) {
      J each = J::object();
      each["step"] = name(q.step);
      each["milestones"] = selector(q.milestones);
      each["scope"] = name(q.scope);
      each["at_least"] = optional_count(q.at_least);
      each["at_most"] = optional_count(q.at_most);
      quotas.push_back(std::move(each));
    }
    J out = J::object();
    out["steps"] = set(p.steps);
    out["arrows"] = std::move(arrows);
    out["grants"] = std::move(grants);
    out["awards"] = std::move(awards);
    out["council"] = std::move(council);
    out["timings"] = std::move(timings);
    out["quotas"] = std::move(quotas);
    out["registration"] = name(p.registration);
    return out;
  }

  /// The plan as its file holds it: the document, after the "$schema" editors validate it against.
  static J file(const Plan& p) {
    J out = J::object();
    out["$schema"] = std::string(plan_schema_file);
    J body = plan(p);
    for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = std::move(it.value());
    return out;
  }

  static J plan(const Plan& p) {
    J out = J::object();
    out["schema"] = std::string(plan_schema);
    out["version"] = plan_format_version;
    out["id"] = p.id;
    out["title"] = text(p.title);
    out["seed"] = p.seed;
    out["roadmap"] = roadmap(p.roadmap);
    out["profile"] = profile(p.profile);
    out["procedure"] = procedure(p.procedure);
    return out;
  }
};

/// A dotted, bracketed subject of the core checks ("rule_sets[1].effective_from") as a pointer
/// suffix ("/rule_sets/1/effective_from").
std::string pointer_suffix(std::string_view subject) {
  std::string out = "/";
  for (char c : subject) {
    if (c == '.' || c == '[') {
      if (out.back() != '/') out += '/';
    } else if (c == ']') {
      continue;
    } else if (c == ' ') {
      out += '_';
    } else {
      out += c;
    }
  }
  return out;
}

/// Reads a plan document. Every read goes through a Reader that shares `failure`: the first problem
/// sticks, and everything after it reads defaults, so the loader checks once at the end of a part.
class Loader {
 public:
  explicit Loader(const Json& document) : document_(document) {}

  tl::expected<Plan, Refusal> load() {
    if (!document_.is_object()) {
      const Reader root{document_, failure_};
      root.fail("a plan document is a JSON object (to read a file's text, use plan_from_text)",
                "tài liệu kế hoạch phải là một đối tượng JSON");
      return tl::make_unexpected(std::move(*failure_));
    }
    const Reader doc{document_, failure_};
    const Reader version = doc["version"];
    const std::uint16_t written_version = version.version(plan_format_version);
    if (!doc.failed() && written_version < plan_format_version) {
      version.fail(fmt::format("this file is in plan format version {}; this library reads version {}, in which the "
                               "lifecycle's procedure (steps, arrows, grants, award powers, council, timings, quotas, "
                               "registration guard) is one object, \"procedure\"",
                               written_version, plan_format_version),
                   fmt::format("tệp này theo định dạng kế hoạch phiên bản {}; thư viện đọc phiên bản {}, trong đó quy "
                               "trình (các bước, bước bổ sung, thẩm quyền, thẩm quyền khen thưởng, Hội đồng, thời hạn, "
                               "chỉ tiêu, kiểm tra khi đăng ký) là một đối tượng «procedure»",
                               written_version, plan_format_version));
    }
    const Reader schema = doc["schema"];
    const std::string written = schema.text(64);
    if (!doc.failed() && written != plan_schema) {
      schema.fail(fmt::format("'{}' is not the schema of a plan, '{}'", written, plan_schema),
                  fmt::format("'{}' không phải lược đồ của kế hoạch, '{}'", written, plan_schema));
    }
    doc.only({"$schema", "schema", "version", "id", "title", "seed", "roadmap", "profile", "procedure"});
    // "$schema" is for editors (plans/plan.schema.json); any text is accepted and nothing is read from it.
    if (doc.has("$schema")) (void)doc["$schema"].text(max_schema_reference_bytes);

    Plan plan;
    plan.id = required_text(doc["id"], 128);
    plan.title = read_text(doc["title"], true);
    plan.seed = doc["seed"].text(max_seed_bytes);
    plan.roadmap = read_roadmap(doc["roadmap"]);
    plan.profile = read_profile(doc["profile"]);
    plan.procedure = read_procedure(doc["procedure"]);
    if (failure_) return tl::make_unexpected(std::move(*failure_));

    if (auto valid = validate(plan); !valid) {
      Refusal bad = std::move(valid.error());
      // Procedure checks name their part as a path ("procedure/arrows/0/from"); the others name
      // the plan's part first ("roadmap", "profile").
      const bool path = bad.subject.rfind("procedure/", 0) == 0;
      const std::string pointer = path ? "/" + bad.subject : "/" + bad.subject.substr(0, bad.subject.find_first_of("./ "));
      relocate(std::move(bad), pointer, !path);
      return tl::make_unexpected(std::move(*failure_));
    }
    return plan;
  }

 private:
  /// Records a refusal of the plan's own checks at `pointer`; when the pointer does not say all
  /// the refusal's subject said, the subject goes in front of the detail.
  void relocate(Refusal refusal, std::string pointer, bool keep_subject = true) {
    if (failure_) return;
    if (keep_subject && !refusal.subject.empty()) {
      refusal.detail = Text{refusal.subject + ": " + refusal.detail.en, refusal.subject + ": " + refusal.detail.vi};
    }
    refusal.subject = std::move(pointer);
    failure_ = std::move(refusal);
  }

  static std::string required_text(const Reader& r, std::size_t max_bytes) {
    std::string value = r.text(max_bytes);
    if (!r.failed() && value.empty()) r.fail("must not be empty", "không được để trống");
    return value;
  }

  static Text read_text(const Reader& r, bool required) {
    r.only({"en", "vi"});
    Text t;
    t.en = required ? required_text(r["en"], detail::max_text_bytes) : r["en"].text(detail::max_text_bytes);
    t.vi = required ? required_text(r["vi"], detail::max_text_bytes) : r["vi"].text(detail::max_text_bytes);
    return t;
  }

  /// A date the library computes with: real, and inside the supported years.
  static bg::date read_date(const Reader& r) {
    const bg::date d = r.date();
    if (r.failed()) return d;
    if (!check_date(d)) {
      r.fail(fmt::format("{} is outside the years {}-{} the library computes with", format_date(d), first_supported_year,
                         last_supported_year),
             fmt::format("ngày {} nằm ngoài các năm {}-{}", format_date(d, Lang::vi), first_supported_year,
                         last_supported_year));
    }
    return d;
  }

  template <class E, class Bits>
  static EnumSet<E, Bits> read_set(const Reader& r) {
    EnumSet<E, Bits> values;
    const std::size_t count = r.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader item = r.at(i);
      const E value = item.one_of<E>();
      if (!item.failed() && values.contains(value)) item.fail("listed twice", "bị lặp lại");
      values |= EnumSet<E, Bits>{value};
    }
    return values;
  }

  static Fraction read_fraction(const Reader& r) {
    r.only({"numerator", "denominator", "strict"});
    Fraction f;
    f.numerator = r["numerator"].integer<std::uint16_t>();
    f.denominator = r["denominator"].integer<std::uint16_t>();
    f.strict = r["strict"].boolean();
    return f;
  }

  static CountedYears read_years(const Reader& r) {
    const YearsCounted kind = r["kind"].one_of<YearsCounted>();
    switch (kind) {
      case YearsCounted::latest_years:
        r.only({"kind", "length"});
        return CountedYears::latest(r["length"].integer<std::uint16_t>());
      case YearsCounted::fixed_years: {
        r.only({"kind", "first", "last"});
        const auto first = r["first"].integer<std::uint16_t>();
        return CountedYears::fixed(first, r["last"].integer<std::uint16_t>());
      }
      case YearsCounted::all_years: r.only({"kind"}); return CountedYears::all();
    }
    return CountedYears::all();
  }

  // Roadmap.

  RoadmapSpec read_roadmap(const Reader& r) {
    r.only({"id", "title", "first_year", "last_year", "phases", "milestones", "calendar"});
    RoadmapSpec spec;
    spec.id = required_text(r["id"], max_milestone_id_bytes);
    spec.title = read_text(r["title"], true);
    spec.first_year = r["first_year"].integer<std::uint16_t>();
    spec.last_year = r["last_year"].integer<std::uint16_t>();
    if (!r.failed() && spec.first_year < first_supported_year) {
      r["first_year"].fail(fmt::format("{} is before {}, the first year a roadmap may cover", spec.first_year, first_supported_year),
                           fmt::format("năm {} trước năm {}, năm đầu tiên lộ trình được phép", spec.first_year, first_supported_year));
    }
    if (!r.failed() && spec.last_year >= last_supported_year) {
      r["last_year"].fail(fmt::format("{} is after {}, the last year a roadmap may cover", spec.last_year, last_supported_year - 1),
                          fmt::format("năm {} sau năm {}, năm cuối cùng lộ trình được phép", spec.last_year, last_supported_year - 1));
    }
    if (!r.failed() && spec.first_year <= spec.last_year && spec.last_year - spec.first_year >= 100) {
      r["last_year"].fail(fmt::format("{}-{} is longer than a century", spec.first_year, spec.last_year),
                          fmt::format("{}-{} dài hơn một thế kỷ", spec.first_year, spec.last_year));
    }
    if (!r.failed() && spec.first_year > spec.last_year) {
      r["last_year"].fail(fmt::format("the roadmap ends in {}, before it starts in {}", spec.last_year, spec.first_year),
                          fmt::format("lộ trình kết thúc năm {}, trước năm bắt đầu {}", spec.last_year, spec.first_year));
    }
    const Reader phases = r["phases"];
    const std::size_t phase_count = phases.size();
    for (std::size_t i = 0; i < phase_count && !r.failed(); ++i) {
      const Reader p = phases.at(i);
      p.only({"phase", "starts", "source"});
      PhaseStart start;
      start.phase = p["phase"].one_of<PeriodPhase>();
      start.starts = read_date(p["starts"]);
      start.source = p["source"].one_of<DateSource>();
      spec.phases.push_back(start);
    }
    spec.calendar = read_calendar(r["calendar"]);
    const Reader milestones = r["milestones"];
    const std::size_t count = milestones.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      spec.milestones.push_back(read_milestone(milestones.at(i), spec));
    }
    if (r.failed()) return spec;

    if (auto made = Roadmap::make(spec); !made) {
      Refusal bad = std::move(made.error());
      const std::string& subject = bad.subject;
      for (std::size_t i = 0; i < spec.milestones.size(); ++i) {
        if (spec.milestones[i].id == subject) {
          relocate(std::move(bad), fmt::format("{}/{}", milestones.path(), i), false);
          return spec;
        }
      }
      if (subject.rfind("phase ", 0) == 0) {
        relocate(std::move(bad), phases.path() + "/" + subject.substr(6), false);
      } else if (subject == "phases") {
        relocate(std::move(bad), phases.path(), false);
      } else if (subject == "roadmap years") {
        relocate(std::move(bad), r.path() + "/first_year", false);
      } else {
        relocate(std::move(bad), r.path());
      }
    }
    return spec;
  }

  Milestone read_milestone(const Reader& m, const RoadmapSpec& spec) {
    m.only({"id", "title", "kind", "owner", "level", "year", "open_period", "deadline", "sources", "basis"});
    Milestone out;
    const Reader id = m["id"];
    out.id = required_text(id, max_milestone_id_bytes);
    if (!m.failed()) {
      for (std::size_t j = 0; j < spec.milestones.size(); ++j) {
        if (spec.milestones[j].id == out.id) {
          id.fail(fmt::format("'{}' is already the id of milestone {}", out.id, j),
                  fmt::format("'{}' đã là mã của mốc {}", out.id, j));
        }
      }
    }
    out.title = read_text(m["title"], true);
    out.kind = m["kind"].one_of<MilestoneKind>();
    out.owner = m["owner"].one_of<Role>();
    out.level = m["level"].one_of<Level>();
    const Reader year = m["year"];
    out.year = year.integer<std::uint16_t>();
    if (!m.failed() && (out.year < spec.first_year || out.year > spec.last_year)) {
      year.fail(fmt::format("{} is outside the roadmap's years {}-{}", out.year, spec.first_year, spec.last_year),
                fmt::format("năm {} nằm ngoài các năm {}-{} của lộ trình", out.year, spec.first_year, spec.last_year));
    }

    const Reader open_period = m["open_period"];
    open_period.only({"opens", "closes"});
    out.open_period.opens = read_date(open_period["opens"]);
    const Reader closes = open_period["closes"];
    out.open_period.closes = read_date(closes);
    if (!m.failed() && out.open_period.closes < out.open_period.opens) {
      closes.fail(fmt::format("the open period closes on {}, before it opens on {}", format_date(out.open_period.closes),
                              format_date(out.open_period.opens)),
                  fmt::format("thời hạn kết thúc ngày {}, trước ngày bắt đầu {}", format_date(out.open_period.closes, Lang::vi),
                              format_date(out.open_period.opens, Lang::vi)));
    }

    const Reader deadline = m["deadline"];
    deadline.only({"date", "bound", "count", "due_soon_days", "late"});
    const Reader date = deadline["date"];
    out.deadline.date = read_date(date);
    out.deadline.bound = deadline["bound"].one_of<DeadlineBound>();
    out.deadline.count = deadline["count"].one_of<DayCount>();
    const Reader due_soon = deadline["due_soon_days"];
    out.deadline.due_soon_days = due_soon.integer<std::uint16_t>();
    if (!m.failed() && out.deadline.due_soon_days > max_due_soon_days) {
      due_soon.fail(fmt::format("{} days is more than {}", out.deadline.due_soon_days, max_due_soon_days),
                    fmt::format("{} ngày nhiều hơn {}", out.deadline.due_soon_days, max_due_soon_days));
    }
    out.deadline.late = deadline["late"].one_of<LatePolicy>();
    if (!m.failed()) {
      if (auto days = resolve(out.deadline, spec.calendar)) {
        if (days->last_on_time < out.open_period.opens) {
          date.fail(fmt::format("the last day on time, {}, is before the open period opens on {}", format_date(days->last_on_time),
                                format_date(out.open_period.opens)),
                    fmt::format("ngày cuối cùng đúng hạn {} trước ngày bắt đầu {}", format_date(days->last_on_time, Lang::vi),
                                format_date(out.open_period.opens, Lang::vi)));
        } else if (days->last_on_time > out.open_period.closes) {
          date.fail(fmt::format("the last day on time, {}, is after the open period closes on {}", format_date(days->last_on_time),
                                format_date(out.open_period.closes)),
                    fmt::format("ngày cuối cùng đúng hạn {} sau ngày kết thúc {}", format_date(days->last_on_time, Lang::vi),
                                format_date(out.open_period.closes, Lang::vi)));
        }
      } else {
        relocate(std::move(days.error()), deadline.path());
      }
    }

    const Reader sources = m["sources"];
    sources.only({"opens", "deadline", "closes"});
    out.sources.opens = sources["opens"].one_of<DateSource>();
    out.sources.deadline = sources["deadline"].one_of<DateSource>();
    out.sources.closes = sources["closes"].one_of<DateSource>();
    out.basis = m["basis"].text(detail::max_text_bytes);
    return out;
  }

  WorkingCalendar read_calendar(const Reader& r) {
    r.only({"weekend", "holidays", "make_up_days"});
    std::vector<WorkingCalendar::Weekday> weekend;
    const Reader days = r["weekend"];
    const std::size_t count = days.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader item = days.at(i);
      const std::string name = item.text(16);
      const auto found = std::find(weekday_names.begin(), weekday_names.end(), name);
      if (r.failed()) break;
      if (found == weekday_names.end()) {
        item.fail("'" + name + "' is not one of sunday, monday, tuesday, wednesday, thursday, friday, saturday",
                  "'" + name + "' không thuộc các giá trị: sunday, monday, tuesday, wednesday, thursday, friday, saturday");
        break;
      }
      const auto day = static_cast<WorkingCalendar::Weekday>(found - weekday_names.begin());
      if (std::find(weekend.begin(), weekend.end(), day) != weekend.end()) item.fail("listed twice", "bị lặp lại");
      weekend.push_back(day);
    }
    const std::vector<bg::date> holidays = read_dates(r["holidays"]);
    const Reader make_up = r["make_up_days"];
    const std::vector<bg::date> make_up_days = read_dates(make_up);
    if (r.failed()) return WorkingCalendar{};
    auto calendar = WorkingCalendar::make(weekend, holidays, make_up_days);
    if (calendar) return *calendar;
    Refusal bad = std::move(calendar.error());
    if (bad.subject == "make-up working day") {
      const auto at = std::find(make_up_days.begin(), make_up_days.end(), bad.date.value_or(bg::date{bg::not_a_date_time}));
      const std::string pointer = at == make_up_days.end()
                                      ? make_up.path()
                                      : fmt::format("{}/{}", make_up.path(), at - make_up_days.begin());
      relocate(std::move(bad), pointer, false);
    } else if (bad.subject.rfind("weekend", 0) == 0) {
      relocate(std::move(bad), days.path(), false);
    } else {
      relocate(std::move(bad), r.path());
    }
    return WorkingCalendar{};
  }

  static std::vector<bg::date> read_dates(const Reader& r) {
    std::vector<bg::date> dates;
    const std::size_t count = r.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) dates.push_back(read_date(r.at(i)));
    return dates;
  }

  static MilestoneSelector read_selector(const Reader& r) {
    r.only({"kind", "year", "id"});
    MilestoneSelector selector;
    selector.kind = r["kind"].one_of<MilestoneKind>();
    selector.year = r["year"].one_of<YearBasis>();
    if (r.has("id")) selector.id = required_text(r["id"], max_milestone_id_bytes);
    return selector;
  }

  static std::optional<std::uint16_t> read_count(const Reader& r) {
    if (r.failed() || r.is_null()) return std::nullopt;
    return r.integer<std::uint16_t>();
  }

  Procedure read_procedure(const Reader& r) {
    r.only({"steps", "arrows", "grants", "awards", "council", "timings", "quotas", "registration"});
    Procedure p;
    p.steps = read_set<CommandKind, std::uint16_t>(r["steps"]);
    const Reader arrows = r["arrows"];
    for (std::size_t i = 0, n = arrows.size(); i < n && !r.failed(); ++i) {
      const Reader a = arrows.at(i);
      a.only({"from", "command", "to", "guard"});
      Arrow arrow;
      arrow.from = a["from"].one_of<Stage>();
      arrow.command = a["command"].one_of<CommandKind>();
      arrow.to = a["to"].one_of<Stage>();
      arrow.guard = a["guard"].text(64);
      p.arrows.push_back(std::move(arrow));
    }
    p.grants = read_grants(r["grants"]);
    const Reader awards = r["awards"];
    for (std::size_t i = 0, n = awards.size(); i < n && !r.failed(); ++i) {
      const Reader a = awards.at(i);
      a.only({"role", "grants", "proposes"});
      AwardPower power;
      power.role = a["role"].one_of<Role>();
      power.grants = read_set<Award, std::uint8_t>(a["grants"]);
      power.proposes = read_set<Award, std::uint8_t>(a["proposes"]);
      p.awards.push_back(power);
    }
    p.council = read_council(r["council"]);
    const Reader timings = r["timings"];
    for (std::size_t i = 0, n = timings.size(); i < n && !r.failed(); ++i) {
      const Reader t = timings.at(i);
      t.only({"step", "rule", "milestones"});
      Timing timing;
      timing.step = t["step"].one_of<CommandKind>();
      timing.rule = t["rule"].one_of<TimingRule>();
      timing.milestones = read_selector(t["milestones"]);
      p.timings.push_back(std::move(timing));
    }
    const Reader quotas = r["quotas"];
    for (std::size_t i = 0, n = quotas.size(); i < n && !r.failed(); ++i) {
      const Reader q = quotas.at(i);
      q.only({"step", "milestones", "scope", "at_least", "at_most"});
      StepQuota quota;
      quota.step = q["step"].one_of<CommandKind>();
      quota.milestones = read_selector(q["milestones"]);
      quota.scope = q["scope"].one_of<QuotaScope>();
      quota.at_least = read_count(q["at_least"]);
      quota.at_most = read_count(q["at_most"]);
      p.quotas.push_back(std::move(quota));
    }
    p.registration = r["registration"].one_of<GuardMode>();
    return p;
  }

  // Profile and rules.

  Profile read_profile(const Reader& r) {
    r.only({"id", "title", "seed", "calendar", "rule_sets"});
    Profile p;
    p.id = required_text(r["id"], max_id_bytes);
    p.title = read_text(r["title"], true);
    p.seed = r["seed"].text(max_seed_bytes);
    const Reader calendar = r["calendar"];
    calendar.only({"month", "day", "next_year"});
    p.calendar.month = calendar["month"].integer<std::uint8_t>();
    p.calendar.day = calendar["day"].integer<std::uint8_t>();
    p.calendar.next_year = calendar["next_year"].boolean();
    const Reader sets = r["rule_sets"];
    const std::size_t count = sets.size();
    if (!r.failed() && count == 0) sets.fail("a profile needs at least one rule set", "cần ít nhất một bộ quy tắc");
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader s = sets.at(i);
      s.only({"effective_from", "basis", "collective", "individual"});
      RuleSet set;
      const Reader from = s["effective_from"];
      set.effective_from = read_date(from);
      if (!r.failed() && i > 0 && set.effective_from <= p.rule_sets.back().effective_from) {
        from.fail(fmt::format("{} is not after {}, when the rule set before takes effect: rule sets are listed in the "
                              "order they take effect",
                              format_date(set.effective_from), format_date(p.rule_sets.back().effective_from)),
                  fmt::format("ngày {} không sau ngày hiệu lực {} của bộ quy tắc trước: các bộ quy tắc phải theo thứ tự "
                              "ngày hiệu lực",
                              format_date(set.effective_from, Lang::vi), format_date(p.rule_sets.back().effective_from, Lang::vi)));
      }
      set.basis = read_text(s["basis"], false);
      set.collective = read_tree(s["collective"]);
      set.individual = read_tree(s["individual"]);
      if (!r.failed() && !set.collective && !set.individual) {
        s.fail("a rule set needs rules for collectives, individuals or both",
               "bộ quy tắc phải có tiêu chí cho tập thể hoặc cá nhân");
      }
      p.rule_sets.push_back(std::move(set));
    }
    if (r.failed()) return p;
    if (auto valid = validate(p); !valid) {
      const std::string suffix = pointer_suffix(valid.error().subject);
      relocate(std::move(valid.error()), r.path() + suffix, false);
    }
    return p;
  }

  /// A rule tree, or nullopt for null. Checked as a whole once read: ids unique, then validate(rule).
  std::optional<Rule> read_tree(const Reader& r) {
    if (r.failed() || r.is_null()) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> paths;
    Rule root = read_rule(r, 0, paths);
    if (r.failed()) return root;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (paths[i].first == paths[j].first) {
          relocate(refuse(RefusalCode::invalid_argument)
                       .with_detail(fmt::format("'{}' is already the id of the rule at {}", paths[i].first, paths[j].second),
                                    fmt::format("'{}' đã là mã của tiêu chí tại {}", paths[i].first, paths[j].second)),
                   paths[i].second + "/id", false);
          return root;
        }
      }
    }
    if (auto valid = validate(root); !valid) relocate_rule(std::move(valid.error()), paths, r.path());
    return root;
  }

  /// Puts a refusal of validate(rule) ("rule 'ID' years.length") at the rule's pointer and field.
  void relocate_rule(Refusal bad, const std::vector<std::pair<std::string, std::string>>& paths, const std::string& root) {
    const std::string& subject = bad.subject;
    const std::size_t open = subject.find("rule '");
    const std::size_t close = subject.rfind('\'');
    if (open == std::string::npos || close <= open + 5) {
      relocate(std::move(bad), root);
      return;
    }
    const std::string id = subject.substr(open + 6, close - open - 6);
    const std::string field = close + 2 <= subject.size() ? subject.substr(close + 2) : std::string{};
    const auto found = std::find_if(paths.begin(), paths.end(), [&](const auto& each) { return each.first == id; });
    if (found == paths.end()) {
      relocate(std::move(bad), root);
      return;
    }
    std::string pointer = found->second;
    if (!field.empty()) {
      const bool own = field == "id" || field == "section" || field == "title" || field == "kind" || field == "children";
      pointer += (own ? "" : "/params") + pointer_suffix(field);
    }
    relocate(std::move(bad), pointer, false);
  }

  Rule read_rule(const Reader& r, std::size_t depth, std::vector<std::pair<std::string, std::string>>& paths) {
    Rule rule;
    rule.id = required_text(r["id"], max_id_bytes);
    rule.section = required_text(r["section"], max_section_bytes);
    rule.title = read_text(r["title"], true);
    const RuleKind kind = r["kind"].one_of<RuleKind>();
    if (r.failed()) return rule;
    paths.emplace_back(rule.id, r.path());
    const bool composite = kind >= RuleKind::all_of;
    const bool has_params = kind != RuleKind::judgement && kind != RuleKind::all_of && kind != RuleKind::any_of;
    if (!composite && r.has("children")) {
      r["children"].fail(fmt::format("a rule of kind {} has no children; all_of, any_of, by_position and by_field have them",
                                     identifier(kind)),
                         fmt::format("tiêu chí loại {} không có tiêu chí con", identifier(kind)));
      return rule;
    }
    if (!has_params && r.has("params")) {
      r["params"].fail(fmt::format("a rule of kind {} has no parameters", identifier(kind)),
                       fmt::format("tiêu chí loại {} không có tham số", identifier(kind)));
      return rule;
    }
    if (composite) {
      r.only({"id", "section", "title", "kind", "params", "children"});
    } else {
      r.only({"id", "section", "title", "kind", "params"});
    }
    const Reader params = has_params ? r["params"] : r;
    switch (kind) {
      case RuleKind::rating_years: {
        params.only({"years", "at_least", "required", "every_year", "top", "top_required"});
        rules::RatingYears s;
        s.years = read_years(params["years"]);
        s.at_least = params["at_least"].one_of<Rating>();
        s.required = params["required"].integer<std::uint16_t>();
        s.every_year = params["every_year"].boolean();
        s.top = params["top"].one_of<Rating>();
        s.top_required = params["top_required"].integer<std::uint16_t>();
        rule.spec = s;
        break;
      }
      case RuleKind::title_count: {
        params.only({"years", "at_least", "or_higher", "consecutive", "required", "every"});
        rules::TitleCount s;
        s.years = read_years(params["years"]);
        s.at_least = params["at_least"].one_of<Title>();
        s.or_higher = params["or_higher"].boolean();
        s.consecutive = params["consecutive"].boolean();
        s.required = params["required"].integer<std::uint16_t>();
        if (params.has("every")) s.every = params["every"].integer<std::uint16_t>();
        rule.spec = s;
        break;
      }
      case RuleKind::certificate_count: {
        params.only({"years", "awards", "required"});
        rules::CertificateCount s;
        s.years = read_years(params["years"]);
        s.awards = read_set<Award, std::uint8_t>(params["awards"]);
        s.required = params["required"].integer<std::uint16_t>();
        rule.spec = s;
        break;
      }
      case RuleKind::initiative_count: {
        params.only({"years", "at_least", "initiatives", "research_topics", "applied_only", "skip_rewarded", "required"});
        rules::InitiativeCount s;
        s.years = read_years(params["years"]);
        s.at_least = params["at_least"].one_of<InitiativeLevel>();
        s.initiatives = params["initiatives"].boolean();
        s.research_topics = params["research_topics"].boolean();
        s.applied_only = params["applied_only"].boolean();
        s.skip_rewarded = params["skip_rewarded"].boolean();
        s.required = params["required"].integer<std::uint16_t>();
        rule.spec = s;
        break;
      }
      case RuleKind::no_sanction: {
        params.only({"years", "at_least", "members", "breaches", "proceedings", "on_the_day"});
        rules::NoSanction s;
        s.years = read_years(params["years"]);
        s.at_least = params["at_least"].one_of<SanctionLevel>();
        s.members = params["members"].boolean();
        s.breaches = params["breaches"].boolean();
        s.proceedings = params["proceedings"].boolean();
        if (params.has("on_the_day")) s.on_the_day = params["on_the_day"].boolean();
        rule.spec = s;
        break;
      }
      case RuleKind::member_share: {
        params.only({"years", "basis", "rating", "title", "share"});
        rules::MemberShare s;
        s.years = read_years(params["years"]);
        s.basis = params["basis"].one_of<MemberBasis>();
        s.rating = params["rating"].one_of<Rating>();
        s.title = params["title"].one_of<Title>();
        s.share = read_fraction(params["share"]);
        rule.spec = s;
        break;
      }
      case RuleKind::member_count: {
        params.only({"years", "basis", "rating", "title", "required"});
        rules::MemberCount s;
        s.years = read_years(params["years"]);
        s.basis = params["basis"].one_of<MemberBasis>();
        s.rating = params["rating"].one_of<Rating>();
        s.title = params["title"].one_of<Title>();
        s.required = params["required"].integer<std::uint32_t>();
        rule.spec = s;
        break;
      }
      case RuleKind::indicator: {
        params.only({"years", "indicator", "percent", "strict", "when_reported"});
        rules::IndicatorAtLeast s;
        s.years = read_years(params["years"]);
        s.indicator = required_text(params["indicator"], max_id_bytes);
        s.percent = params["percent"].number();
        s.strict = params["strict"].boolean();
        if (params.has("when_reported")) s.when_reported = params["when_reported"].boolean();
        rule.spec = s;
        break;
      }
      case RuleKind::judgement: rule.spec = rules::Judgement{}; break;
      case RuleKind::all_of: rule.spec = rules::AllOf{}; break;
      case RuleKind::any_of: rule.spec = rules::AnyOf{}; break;
      case RuleKind::by_position: {
        params.only({"when"});
        rule.spec = rules::ByPosition{read_branches<Position, std::uint8_t>(params["when"], "position")};
        break;
      }
      case RuleKind::by_field: {
        params.only({"when"});
        rule.spec = rules::ByField{read_branches<Field, std::uint16_t>(params["when"], "field")};
        break;
      }
    }
    if (!composite || r.failed()) return rule;

    const Reader children = r["children"];
    const std::size_t count = children.size();
    if (!r.failed() && count == 0) {
      children.fail(fmt::format("a rule of kind {} needs at least one child", identifier(kind)),
                    fmt::format("tiêu chí loại {} phải có tiêu chí con", identifier(kind)));
    }
    if (!r.failed() && depth >= max_rule_depth) {
      children.fail(fmt::format("rules nest deeper than {} levels", max_rule_depth),
                    fmt::format("tiêu chí lồng nhau quá {} cấp", max_rule_depth));
    }
    for (std::size_t i = 0; i < count && !r.failed(); ++i) rule.children.push_back(read_rule(children.at(i), depth + 1, paths));
    if (r.failed()) return rule;
    const std::size_t branches = kind == RuleKind::by_position ? std::get<rules::ByPosition>(rule.spec).when.size()
                                 : kind == RuleKind::by_field  ? std::get<rules::ByField>(rule.spec).when.size()
                                                               : count;
    if (branches != count) {
      params["when"].fail(fmt::format("{} branches for {} children: one set per child", branches, count),
                          fmt::format("{} nhánh cho {} tiêu chí con: mỗi tiêu chí con một tập", branches, count));
    }
    return rule;
  }

  template <class E, class Bits>
  static std::vector<EnumSet<E, Bits>> read_branches(const Reader& r, const char* what) {
    std::vector<EnumSet<E, Bits>> when;
    const std::size_t count = r.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader item = r.at(i);
      when.push_back(read_set<E, Bits>(item));
      if (!r.failed() && when.back().empty()) {
        item.fail(fmt::format("a branch for no {} applies to nobody", what),
                  fmt::format("nhánh không nêu {} nào không áp dụng cho ai", what));
      }
    }
    return when;
  }

  // Rights, council, quota.

  static std::vector<Grant> read_grants(const Reader& r) {
    std::vector<Grant> grants;
    const std::size_t count = r.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader g = r.at(i);
      g.only({"command", "role", "scope", "stages", "levels"});
      Grant grant{};
      grant.command = g["command"].one_of<CommandKind>();
      grant.role = g["role"].one_of<Role>();
      grant.scope = g["scope"].one_of<Scope>();
      grant.stages = read_set<Stage, std::uint16_t>(g["stages"]);
      grant.levels = read_set<Level, std::uint8_t>(g["levels"]);
      grants.push_back(grant);
    }
    return grants;
  }

  CouncilRules read_council(const Reader& r) {
    r.only({"quorum", "approval", "title_approval"});
    CouncilRules rules;
    rules.quorum = read_fraction(r["quorum"]);
    rules.approval = read_fraction(r["approval"]);
    rules.title_approval = read_fraction(r["title_approval"]);
    if (r.failed()) return rules;
    if (auto valid = validate(rules); !valid) {
      const std::string suffix = pointer_suffix(valid.error().subject);
      relocate(std::move(valid.error()), r.path() + suffix, false);
    }
    return rules;
  }

  const Json& document_;
  std::optional<Refusal> failure_;
};

}  // namespace

Json to_json(const Plan& plan) { return Writer<Json>::plan(plan); }

std::string to_text(const Plan& plan) {
  // A plan built in code may hold bytes that are not UTF-8; they are written as U+FFFD rather than
  // thrown as nlohmann's type_error.
  return Writer<nlohmann::ordered_json>::file(plan).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

tl::expected<Plan, Refusal> plan_from_json(const Json& document) { return Loader{document}.load(); }

tl::expected<Plan, Refusal> plan_from_text(std::string_view text) {
  if (text.size() > max_plan_bytes) {
    return tl::make_unexpected(refuse(RefusalCode::invalid_argument)
                                   .with_subject("/")
                                   .with_detail(fmt::format("the text is {} bytes, more than the {} a plan may take",
                                                            text.size(), max_plan_bytes),
                                                fmt::format("văn bản dài {} byte, quá {} byte cho phép của một kế hoạch",
                                                            text.size(), max_plan_bytes)));
  }
  auto document = parse(text);
  if (!document) return tl::make_unexpected(std::move(document.error()));
  return plan_from_json(*document);
}

}  // namespace exemplar::json
