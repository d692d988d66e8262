// The C API (include/exemplar/c/exemplar.h) over the C++ library: every entry point checks its
// arguments, reads JSON through the library's codecs (exemplar::json), calls the one pipeline and
// writes JSON back. A catch-all at every entry point turns any exception into a status, so none
// crosses into C. Nothing here decides anything: the library does.
#include "exemplar/c/exemplar.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/text.hpp"
#include "exemplar/exemplar.hpp"
#include "exemplar/json/command.hpp"
#include "exemplar/json/document.hpp"
#include "exemplar/json/journal.hpp"
#include "exemplar/json/plan.hpp"

struct exemplar_refusal {
  exemplar::Refusal refusal;
};

struct exemplar_plan {
  exemplar::Plan plan;
};

struct exemplar_workflow {
  std::shared_ptr<const exemplar::Workflow> rules;  ///< shared with the journals made from it
  exemplar::Candidate candidate;
};

struct exemplar_journal {
  exemplar_journal(std::shared_ptr<const exemplar::Workflow> workflow)
      : rules(std::move(workflow)), journal(*rules) {}

  std::shared_ptr<const exemplar::Workflow> rules;  ///< outlives `journal`, which refers to it
  exemplar::Journal journal;
  std::vector<exemplar::Record> records;  ///< what exemplar_journal_export writes
};

namespace {

using exemplar::Refusal;
using exemplar::RefusalCode;
namespace json = exemplar::json;

/// A failed call: its status and the refusal that explains it.
struct Failure {
  int status;
  Refusal refusal;
};

/// The value of a call, or why not.
template <class T>
using Outcome = tl::expected<T, Failure>;

tl::unexpected<Failure> fail(int status, Refusal refusal) { return tl::make_unexpected(Failure{status, std::move(refusal)}); }

/// A boundary refusal: invalid_argument about `subject`, in both languages.
tl::unexpected<Failure> boundary(int status, std::string subject, std::string en, std::string vi) {
  return fail(status, exemplar::refuse(RefusalCode::invalid_argument)
                          .with_subject(std::move(subject))
                          .with_detail(std::move(en), std::move(vi)));
}

tl::unexpected<Failure> null_argument(const char* name) {
  return boundary(EXEMPLAR_NULL_ARGUMENT, name, "a required argument is NULL", "thiếu tham số bắt buộc (con trỏ rỗng)");
}

/// NUL-terminated text that must be given and be UTF-8.
Outcome<std::string_view> text_in(const char* text, const char* name) {
  if (text == nullptr) return null_argument(name);
  const std::string_view view{text};
  if (!exemplar::detail::is_valid_utf8(view)) {
    return boundary(EXEMPLAR_INVALID_UTF8, name, "not well-formed UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
  }
  return view;
}

/// A JSON document from text that must be given, be UTF-8 and be JSON. The parser refuses bytes
/// that are not UTF-8 (in strings; outside them any byte above 0x7F is a syntax error), so the text
/// is scanned for UTF-8 only to say which of the two a refused text is: not a second pass per call.
Outcome<json::Json> document_in(const char* text, const char* name) {
  if (text == nullptr) return null_argument(name);
  const std::string_view view{text};
  auto document = json::parse(view);
  if (!document) {
    if (auto utf8 = text_in(text, name); !utf8) return tl::make_unexpected(std::move(utf8.error()));
    return fail(EXEMPLAR_MALFORMED_JSON, std::move(document.error()));
  }
  return std::move(*document);
}

/// A value the library's codec read from a document, or a malformed-JSON failure.
template <class T>
Outcome<T> decoded(tl::expected<T, Refusal> value) {
  if (!value) return fail(EXEMPLAR_MALFORMED_JSON, std::move(value.error()));
  return std::move(*value);
}

Outcome<exemplar::Command> command_in(const char* text) {
  auto document = document_in(text, "command");
  if (!document) return tl::make_unexpected(std::move(document.error()));
  auto command = json::command_from_json(*document);
  if (!command) {
    // The codec promises subject "/kind" for an unknown or missing kind.
    const int status = command.error().subject == "/kind" ? EXEMPLAR_UNKNOWN_KIND : EXEMPLAR_MALFORMED_JSON;
    return fail(status, std::move(command.error()));
  }
  return std::move(*command);
}

Outcome<exemplar::Actor> actor_in(const char* text) {
  auto document = document_in(text, "actor");
  if (!document) return tl::make_unexpected(std::move(document.error()));
  return decoded(json::actor_from_json(*document));
}

Outcome<boost::gregorian::date> date_in(const char* text) {
  auto view = text_in(text, "date");
  if (!view) return tl::make_unexpected(std::move(view.error()));
  if (auto date = json::parse_iso_date(*view)) return *date;
  return fail(EXEMPLAR_REFUSED, exemplar::refuse(RefusalCode::invalid_date)
                                    .with_subject("date")
                                    .with_detail("'" + std::string(*view) + "' is not a date (YYYY-MM-DD)",
                                                 "'" + std::string(*view) + "' không phải ngày (YYYY-MM-DD)"));
}

/// The library's refusal of a step.
tl::unexpected<Failure> refused(Refusal refusal) { return fail(EXEMPLAR_REFUSED, std::move(refusal)); }

/// A copy of `text` the caller releases with exemplar_free.
char* copy_out(std::string_view text) {
  auto* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

char* json_out(const json::Json& document) {
  return copy_out(document.dump(-1, ' ', false, json::Json::error_handler_t::replace));
}

/// Runs one entry point: its failure or exception becomes a status and, when asked for, a refusal.
template <class Body>
int guarded(exemplar_refusal** why, Body&& body) noexcept {
  if (why != nullptr) *why = nullptr;
  int status = EXEMPLAR_INTERNAL_ERROR;
  std::optional<Refusal> refusal;
  try {
    Outcome<void> outcome = body();
    if (outcome) return EXEMPLAR_OK;
    status = outcome.error().status;
    refusal = std::move(outcome.error().refusal);
  } catch (const std::bad_alloc&) {
    return EXEMPLAR_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    try {
      refusal = exemplar::refuse(RefusalCode::invalid_argument)
                    .with_detail(std::string("internal error: ") + e.what(), std::string("lỗi nội bộ: ") + e.what());
    } catch (...) {
      return EXEMPLAR_INTERNAL_ERROR;
    }
  } catch (...) {
    return EXEMPLAR_INTERNAL_ERROR;
  }
  if (why != nullptr && refusal) *why = new (std::nothrow) exemplar_refusal{std::move(*refusal)};
  return status;
}

/// A required out-parameter.
template <class T>
Outcome<void> out_given(T** out, const char* name) {
  if (out == nullptr) return null_argument(name);
  return {};
}

}  // namespace

namespace {

/// The event `command` asks for, decided over the workflow's candidate.
Outcome<exemplar::Event> decide(const exemplar_workflow* workflow, const char* command, const char* actor,
                                const char* date) {
  if (workflow == nullptr) return null_argument("workflow");
  auto asked = command_in(command);
  if (!asked) return tl::make_unexpected(std::move(asked.error()));
  auto who = actor_in(actor);
  if (!who) return tl::make_unexpected(std::move(who.error()));
  auto when = date_in(date);
  if (!when) return tl::make_unexpected(std::move(when.error()));
  auto event = workflow->rules->decide(workflow->candidate, *asked, *who, *when);
  if (!event) return refused(std::move(event.error()));
  return std::move(*event);
}

}  // namespace

extern "C" {

void exemplar_free(void* memory) { std::free(memory); }

const char* exemplar_version(void) { return exemplar::version(); }

// ---- Refusals

int exemplar_refusal_code(const exemplar_refusal* refusal) {
  return refusal == nullptr ? -1 : static_cast<int>(refusal->refusal.code);
}

const char* exemplar_refusal_code_id(int code) {
  if (code < 0 || static_cast<std::size_t>(code) >= exemplar::refusal_code_count) return nullptr;
  // Identifiers are string literals of the label table: static, NUL-terminated.
  return exemplar::identifier(static_cast<RefusalCode>(code)).data();
}

char* exemplar_refusal_message(const exemplar_refusal* refusal, const char* lang) {
  if (refusal == nullptr || lang == nullptr) return nullptr;
  try {
    const auto language = exemplar::from_identifier<exemplar::Lang>(lang);
    if (!language) return nullptr;
    return copy_out(refusal->refusal.message(*language));
  } catch (...) {
    return nullptr;
  }
}

char* exemplar_refusal_json(const exemplar_refusal* refusal) {
  if (refusal == nullptr) return nullptr;
  try {
    return json_out(json::to_json(refusal->refusal));
  } catch (...) {
    return nullptr;
  }
}

void exemplar_refusal_destroy(exemplar_refusal* refusal) { delete refusal; }

// ---- Plans

int exemplar_plan_ids(char** ids, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (auto given = out_given(ids, "ids"); !given) return given;
    json::Json list = json::Json::array();
    for (std::string_view id : exemplar::plans::ids()) list.push_back(std::string(id));
    *ids = json_out(list);
    return {};
  });
}

int exemplar_plan_builtin(const char* id, exemplar_plan** plan, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (auto given = out_given(plan, "plan"); !given) return given;
    auto name = text_in(id, "id");
    if (!name) return tl::make_unexpected(std::move(name.error()));
    auto found = exemplar::plans::find(*name);
    if (!found) return refused(std::move(found.error()));
    *plan = new exemplar_plan{std::move(*found)};
    return {};
  });
}

int exemplar_plan_from_json(const char* text, exemplar_plan** plan, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (auto given = out_given(plan, "plan"); !given) return given;
    auto view = text_in(text, "text");
    if (!view) return tl::make_unexpected(std::move(view.error()));
    auto loaded = json::plan_from_text(*view);
    if (!loaded) return fail(EXEMPLAR_MALFORMED_JSON, std::move(loaded.error()));
    *plan = new exemplar_plan{std::move(*loaded)};
    return {};
  });
}

int exemplar_plan_to_json(const exemplar_plan* plan, char** text, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (plan == nullptr) return null_argument("plan");
    if (auto given = out_given(text, "text"); !given) return given;
    *text = copy_out(json::to_text(plan->plan));
    return {};
  });
}

void exemplar_plan_destroy(exemplar_plan* plan) { delete plan; }

// ---- Workflows

int exemplar_workflow_new(const exemplar_plan* plan, exemplar_workflow** workflow, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (plan == nullptr) return null_argument("plan");
    if (auto given = out_given(workflow, "workflow"); !given) return given;
    auto made = exemplar::Workflow::make(plan->plan.procedure);
    if (!made) return refused(std::move(made.error()));
    auto rules = std::make_shared<const exemplar::Workflow>(std::move(*made));
    *workflow = new exemplar_workflow{std::move(rules), exemplar::Candidate{}};
    return {};
  });
}

int exemplar_workflow_load(exemplar_workflow* workflow, const char* candidate, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (workflow == nullptr) return null_argument("workflow");
    if (candidate == nullptr) {
      workflow->candidate = exemplar::Candidate{};
      return {};
    }
    auto document = document_in(candidate, "candidate");
    if (!document) return tl::make_unexpected(std::move(document.error()));
    auto state = decoded(json::candidate_from_json(*document));
    if (!state) return tl::make_unexpected(std::move(state.error()));
    workflow->candidate = *state;
    return {};
  });
}

int exemplar_workflow_candidate(const exemplar_workflow* workflow, char** candidate, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (workflow == nullptr) return null_argument("workflow");
    if (auto given = out_given(candidate, "candidate"); !given) return given;
    *candidate = json_out(json::to_json(workflow->candidate));
    return {};
  });
}


int exemplar_workflow_decide(const exemplar_workflow* workflow, const char* command, const char* actor,
                             const char* date, char** event, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (auto given = out_given(event, "event"); !given) return given;
    auto decided = decide(workflow, command, actor, date);
    if (!decided) return tl::make_unexpected(std::move(decided.error()));
    *event = json_out(json::to_json(*decided));
    return {};
  });
}

int exemplar_workflow_evolve(exemplar_workflow* workflow, const char* event, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (workflow == nullptr) return null_argument("workflow");
    auto document = document_in(event, "event");
    if (!document) return tl::make_unexpected(std::move(document.error()));
    auto step = decoded(json::event_from_json(*document));
    if (!step) return tl::make_unexpected(std::move(step.error()));
    auto after = workflow->rules->apply(workflow->candidate, *step);
    if (!after) return refused(std::move(after.error()));
    workflow->candidate = *after;
    return {};
  });
}

int exemplar_workflow_step(exemplar_workflow* workflow, const char* command, const char* actor, const char* date,
                           char** event, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (auto given = out_given(event, "event"); !given) return given;
    auto decided = decide(workflow, command, actor, date);
    if (!decided) return tl::make_unexpected(std::move(decided.error()));
    char* text = json_out(json::to_json(*decided));
    // decide made this event for this candidate, so evolve's precondition holds.
    workflow->candidate = workflow->rules->evolve(workflow->candidate, *decided);
    *event = text;
    return {};
  });
}

int exemplar_workflow_options(const exemplar_workflow* workflow, const char* actor, const char* date, char** options,
                              exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (workflow == nullptr) return null_argument("workflow");
    if (auto given = out_given(options, "options"); !given) return given;
    auto who = actor_in(actor);
    if (!who) return tl::make_unexpected(std::move(who.error()));
    auto when = date_in(date);
    if (!when) return tl::make_unexpected(std::move(when.error()));
    *options = json_out(json::to_json(workflow->rules->options(workflow->candidate, *who, *when)));
    return {};
  });
}

void exemplar_workflow_destroy(exemplar_workflow* workflow) { delete workflow; }

// ---- Journals

int exemplar_journal_new(const exemplar_workflow* workflow, exemplar_journal** journal, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (workflow == nullptr) return null_argument("workflow");
    if (auto given = out_given(journal, "journal"); !given) return given;
    *journal = new exemplar_journal(workflow->rules);
    return {};
  });
}

int exemplar_journal_append(exemplar_journal* journal, const char* event, char** record, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (journal == nullptr) return null_argument("journal");
    if (auto given = out_given(record, "record"); !given) return given;
    auto document = document_in(event, "event");
    if (!document) return tl::make_unexpected(std::move(document.error()));
    auto step = decoded(json::event_from_json(*document));
    if (!step) return tl::make_unexpected(std::move(step.error()));
    // Prepared first, then kept and committed: a failure anywhere leaves the journal as it was.
    auto prepared = journal->journal.prepare(*step);
    if (!prepared) return refused(std::move(prepared.error()));
    char* text = json_out(json::to_json(*prepared));
    try {
      journal->records.push_back(*prepared);
    } catch (...) {
      std::free(text);
      throw;
    }
    if (auto committed = journal->journal.commit(*prepared); !committed) {
      journal->records.pop_back();
      std::free(text);
      return refused(std::move(committed.error()));
    }
    *record = text;
    return {};
  });
}

int exemplar_journal_replay(exemplar_journal* journal, const char* records, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (journal == nullptr) return null_argument("journal");
    auto document = document_in(records, "records");
    if (!document) return tl::make_unexpected(std::move(document.error()));
    auto stored = json::journal_from_json(*document);
    if (!stored) return refused(std::move(stored.error()));
    // Replayed into a copy, kept only when every record passed: all or nothing.
    exemplar::Journal copy = journal->journal;
    for (const exemplar::Record& each : *stored) {
      if (auto replayed = copy.replay(each); !replayed) return refused(std::move(replayed.error()));
    }
    std::vector<exemplar::Record> kept = journal->records;
    kept.insert(kept.end(), stored->begin(), stored->end());
    journal->records = std::move(kept);
    journal->journal = std::move(copy);
    return {};
  });
}

int exemplar_journal_export(const exemplar_journal* journal, char** records, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (journal == nullptr) return null_argument("journal");
    if (auto given = out_given(records, "records"); !given) return given;
    *records = json_out(json::to_json(journal->records));
    return {};
  });
}

int exemplar_journal_candidate(const exemplar_journal* journal, uint32_t id, char** candidate, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (journal == nullptr) return null_argument("journal");
    if (auto given = out_given(candidate, "candidate"); !given) return given;
    const exemplar::Candidate* found = journal->journal.find(exemplar::CandidateId{id});
    if (found == nullptr) {
      return refused(exemplar::refuse(RefusalCode::invalid_argument)
                         .with_subject("id")
                         .with_detail("no record names candidate " + std::to_string(id),
                                      "không có bản ghi nào về ứng viên " + std::to_string(id)));
    }
    *candidate = json_out(json::to_json(*found));
    return {};
  });
}

uint64_t exemplar_journal_sequence(const exemplar_journal* journal) {
  return journal == nullptr ? 0 : journal->journal.sequence();
}

int exemplar_journal_head(const exemplar_journal* journal, char** hash, exemplar_refusal** why) {
  return guarded(why, [&]() -> Outcome<void> {
    if (journal == nullptr) return null_argument("journal");
    if (auto given = out_given(hash, "hash"); !given) return given;
    *hash = copy_out(exemplar::to_hex(journal->journal.head()));
    return {};
  });
}

void exemplar_journal_destroy(exemplar_journal* journal) { delete journal; }

}  // extern "C"
