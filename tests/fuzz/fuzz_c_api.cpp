// Any bytes as a host's calls into the C API (<exemplar/c/exemplar.h>): a run of operations on one
// workflow and one journal under seed 000's rules, each with fuzzed UTF-8 or not, JSON or not, as
// command, actor, date, event, candidate, journal or plan text. Checked on every call: the status
// is one the header lists; a refusal comes with every failure, has a code of the header and a
// message in both languages; a failed call changes neither the candidate nor the journal; no
// exception escapes (the sanitizers and libFuzzer see a crash, a leak or an abort).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>

#include <exemplar/c/exemplar.h>

namespace {

/// Actors a host would send, and the text the fuzzer sends instead now and then.
constexpr const char* kActors[] = {
    R"({"id":3,"role":"unit_head","unit":7})", R"({"id":20,"role":"council","unit":1})",
    R"({"id":1,"role":"agency_head","unit":1})", R"({"id":30,"role":"secretariat","unit":1})"};
constexpr const char* kDates[] = {"2022-02-10", "2022-02-11", "2022-03-20", "2022-04-05", "2022-12-20", "2023-01-05"};

std::string take(char* text) {
  std::string out = text != nullptr ? text : "";
  exemplar_free(text);
  return out;
}

std::string candidate_of(const exemplar_workflow* flow) {
  char* text = nullptr;
  if (exemplar_workflow_candidate(flow, &text, nullptr) != EXEMPLAR_OK) std::abort();
  return take(text);
}

/// A call's outcome keeps the promises of the header.
void check(int status, exemplar_refusal* why) {
  if (status < EXEMPLAR_OK || status > EXEMPLAR_INTERNAL_ERROR) std::abort();
  if (status == EXEMPLAR_OK) {
    if (why != nullptr) std::abort();
    return;
  }
  if (status == EXEMPLAR_INTERNAL_ERROR) std::abort();  // nothing the input does is the library's failure
  if (why == nullptr) std::abort();
  const int code = exemplar_refusal_code(why);
  if (exemplar_refusal_code_id(code) == nullptr) std::abort();
  const std::string vi = take(exemplar_refusal_message(why, "vi"));
  const std::string en = take(exemplar_refusal_message(why, "en"));
  const std::string json = take(exemplar_refusal_json(why));
  if (vi.empty() || en.empty() || json.empty()) std::abort();
  exemplar_refusal_destroy(why);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The plan is built once (building it is most of an input's time); each input gets a new
  // workflow and journal, so that it runs the same whatever ran before it.
  static exemplar_plan* const plan = [] {
    exemplar_plan* made = nullptr;
    if (exemplar_plan_builtin("hatinh-inspectorate-2021-2025", &made, nullptr) != EXEMPLAR_OK) std::abort();
    return made;
  }();
  FuzzedDataProvider in(data, size);
  exemplar_workflow* flow = nullptr;
  exemplar_journal* journal = nullptr;
  if (exemplar_workflow_new(plan, &flow, nullptr) != EXEMPLAR_OK || exemplar_journal_new(flow, &journal, nullptr) != EXEMPLAR_OK) {
    std::abort();
  }

  while (in.remaining_bytes() > 0) {
    const int operation = in.ConsumeIntegralInRange<int>(0, 8);
    const std::string text = in.ConsumeRandomLengthString(4096);
    const std::string actor = in.ConsumeBool() ? std::string(in.PickValueInArray(kActors)) : in.ConsumeRandomLengthString(64);
    const char* date = in.PickValueInArray(kDates);
    const std::string before = candidate_of(flow);
    const std::uint64_t records = exemplar_journal_sequence(journal);
    exemplar_refusal* why = nullptr;
    char* out = nullptr;
    int status = EXEMPLAR_OK;
    switch (operation) {
      case 0:
        status = exemplar_workflow_step(flow, text.c_str(), actor.c_str(), date, &out, &why);
        if (status == EXEMPLAR_OK) {
          // What a step returns, the journal takes.
          char* record = nullptr;
          exemplar_refusal* refused = nullptr;
          check(exemplar_journal_append(journal, out, &record, &refused), refused);
          exemplar_free(record);
        }
        break;
      case 1: status = exemplar_workflow_decide(flow, text.c_str(), actor.c_str(), date, &out, &why); break;
      case 2: status = exemplar_workflow_evolve(flow, text.c_str(), &why); break;
      case 3: status = exemplar_workflow_load(flow, text.c_str(), &why); break;
      case 4: status = exemplar_journal_append(journal, text.c_str(), &out, &why); break;
      case 5: status = exemplar_journal_replay(journal, text.c_str(), &why); break;
      case 6: status = exemplar_workflow_options(flow, actor.c_str(), date, &out, &why); break;
      case 7: {
        exemplar_plan* loaded = nullptr;
        status = exemplar_plan_from_json(text.c_str(), &loaded, &why);
        exemplar_plan_destroy(loaded);
        break;
      }
      default: status = exemplar_journal_export(journal, &out, &why); break;
    }
    exemplar_free(out);
    if (status != EXEMPLAR_OK) {
      if (candidate_of(flow) != before || exemplar_journal_sequence(journal) != records) std::abort();
    }
    check(status, why);
  }
  exemplar_journal_destroy(journal);
  exemplar_workflow_destroy(flow);
  return 0;
}
