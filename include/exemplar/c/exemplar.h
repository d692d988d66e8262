/* exemplar/c/exemplar.h: exemplar's C API, for hosts in C, Python (ctypes), Java (FFM, JNA),
 * PHP (FFI), .NET (P/Invoke) and anything else that can call C. Plain C99; link libexemplar_c.
 *
 *   exemplar_plan       a plan: built in (exemplar_plan_builtin) or from a plan file's text
 *   exemplar_workflow   a plan's lifecycle rules and one candidate's state: decide, evolve, step
 *   exemplar_journal    numbered, hash-chained records: append, replay (verify), export
 *   exemplar_refusal    why a call did not succeed: a stable code and a message in vi or en
 *
 * Everything else crosses the boundary as UTF-8 JSON text, in the forms the C++ library writes and
 * reads (docs/journal.md, docs/plan-schema.md, <exemplar/json/command.hpp>):
 *   command    {"kind":"foster","data":{"mentor":9}}
 *              {"kind":"discover","candidate":1,"data":{"subject":"individual","unit":7,...}}
 *   actor      {"id":3,"role":"unit_head","unit":7}
 *   date       "2022-02-10" (a plain string, not JSON)
 *   event      {"candidate":1,"actor":3,"actor_unit":7,"role":"unit_head","date":"2022-02-10",
 *               "flags":[],"kind":"foster","data":{"mentor":9}}
 *   candidate  {"version":2,"id":1,"unit":7,...,"stage":"fostered",...}
 *   record     {"version":2,"sequence":1,...,"event":{...},"hash":"..."}
 *   journal    {"schema":"exemplar.journal","version":2,"records":[...]}
 *   refusal    {"code":2,"id":"not_authorised","message":{"en":"...","vi":"..."},...}
 *
 * Rules every function keeps:
 *   - It returns an exemplar_status: EXEMPLAR_OK (0), or why not. No C++ exception ever crosses.
 *   - On anything but EXEMPLAR_OK it changes nothing (no handle, no out-parameter but `why`).
 *   - `why`, when not NULL, receives a refusal on failure (NULL on success, and NULL when even the
 *     refusal could not be allocated). The caller owns it: exemplar_refusal_destroy.
 *   - Every char* it returns (through an out-parameter or as the result) is the caller's: release
 *     it with exemplar_free, the one function that releases returned memory. A handle made by
 *     exemplar_*_new / exemplar_plan_* is released with its own exemplar_*_destroy. The const
 *     char* of exemplar_version and exemplar_refusal_code_id are static: never release them.
 *   - Text in is NUL-terminated UTF-8; text that is not is refused (EXEMPLAR_INVALID_UTF8).
 *   - A handle is one thread's at a time; different handles may be used from different threads.
 */
#ifndef EXEMPLAR_C_EXEMPLAR_H
#define EXEMPLAR_C_EXEMPLAR_H

#include <stdint.h>

#if defined(_WIN32)
#  if defined(EXEMPLAR_C_BUILDING)
#    define EXEMPLAR_C_API __declspec(dllexport)
#  else
#    define EXEMPLAR_C_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define EXEMPLAR_C_API __attribute__((visibility("default")))
#else
#  define EXEMPLAR_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Outcomes ------------------------------------------------------------------------------ */

/** What a call returns. Stable: the numbers never change. */
typedef enum exemplar_status {
  EXEMPLAR_OK = 0,              /**< done */
  EXEMPLAR_REFUSED = 1,         /**< the library refused: the refusal's code says why */
  EXEMPLAR_NULL_ARGUMENT = 2,   /**< a handle, text or out-parameter that must be given is NULL */
  EXEMPLAR_INVALID_UTF8 = 3,    /**< text that is not well-formed UTF-8 */
  EXEMPLAR_MALFORMED_JSON = 4,  /**< not JSON, or not the form expected (the refusal names the field) */
  EXEMPLAR_UNKNOWN_KIND = 5,    /**< a command of a kind the library does not know (or none) */
  EXEMPLAR_OUT_OF_MEMORY = 6,   /**< memory ran out; nothing changed */
  EXEMPLAR_INTERNAL_ERROR = 7   /**< a failure that is not the input's (libcrypto failed) */
} exemplar_status;

/** Refusal codes: the values of the C++ enum exemplar::RefusalCode, which never renumber. Every
 *  refusal has one; the boundary's own refusals (a NULL, bad UTF-8, malformed JSON, an unknown
 *  kind) have EXEMPLAR_REFUSAL_INVALID_ARGUMENT. */
#define EXEMPLAR_REFUSAL_NOT_ALLOWED_FROM_STAGE       0
#define EXEMPLAR_REFUSAL_STAGE_IS_TERMINAL            1
#define EXEMPLAR_REFUSAL_NOT_AUTHORISED               2
#define EXEMPLAR_REFUSAL_OUTSIDE_ACTOR_UNIT           3
#define EXEMPLAR_REFUSAL_MISSING_PREREQUISITE         4
#define EXEMPLAR_REFUSAL_INVALID_ARGUMENT             5
#define EXEMPLAR_REFUSAL_INVALID_DATE                 6
#define EXEMPLAR_REFUSAL_DATE_OUT_OF_RANGE            7
#define EXEMPLAR_REFUSAL_DATE_OUT_OF_ORDER            8
#define EXEMPLAR_REFUSAL_NO_QUORUM                    9
#define EXEMPLAR_REFUSAL_NO_HIGHER_LEVEL              10
#define EXEMPLAR_REFUSAL_OUTSIDE_WINDOW               11
#define EXEMPLAR_REFUSAL_DEADLINE_PASSED              12
#define EXEMPLAR_REFUSAL_NEEDS_WAIVER                 13
#define EXEMPLAR_REFUSAL_NOT_ELIGIBLE                 14
#define EXEMPLAR_REFUSAL_STEP_NOT_IN_PLAN             15
#define EXEMPLAR_REFUSAL_AWARD_NOT_IN_POWER           16
#define EXEMPLAR_REFUSAL_QUOTA_EXCEEDED               17
#define EXEMPLAR_REFUSAL_PLAN_RULE                    18
#define EXEMPLAR_REFUSAL_RECORD_GAP                   19
#define EXEMPLAR_REFUSAL_RECORD_DUPLICATE             20
#define EXEMPLAR_REFUSAL_RECORD_OUT_OF_ORDER          21
#define EXEMPLAR_REFUSAL_RECORD_EDITED                22
#define EXEMPLAR_REFUSAL_RECORD_CHAIN_BROKEN          23
#define EXEMPLAR_REFUSAL_RECORD_CANDIDATE_SEQUENCE    24
#define EXEMPLAR_REFUSAL_RECORD_UNKNOWN_KIND          25
#define EXEMPLAR_REFUSAL_RECORD_UNKNOWN_VERSION       26
#define EXEMPLAR_REFUSAL_RECORD_MALFORMED             27
#define EXEMPLAR_REFUSAL_JOURNAL_BUSY                 28
#define EXEMPLAR_REFUSAL_CODE_COUNT                  29

/** Opaque handles. */
typedef struct exemplar_plan exemplar_plan;
typedef struct exemplar_workflow exemplar_workflow;
typedef struct exemplar_journal exemplar_journal;
typedef struct exemplar_refusal exemplar_refusal;

/* ---- Memory and version -------------------------------------------------------------------- */

/** Releases a char* the library returned. NULL is accepted and does nothing. */
EXEMPLAR_C_API void exemplar_free(void* memory);

/** The library's version, "major.minor.patch". Static: never released. */
EXEMPLAR_C_API const char* exemplar_version(void);

/* ---- Refusals ------------------------------------------------------------------------------ */

/** The refusal's code (an EXEMPLAR_REFUSAL_* value), or -1 for NULL. */
EXEMPLAR_C_API int exemplar_refusal_code(const exemplar_refusal* refusal);

/** The stable identifier of a code ("not_authorised"), or NULL for a number that is no code.
 *  Static: never released. */
EXEMPLAR_C_API const char* exemplar_refusal_code_id(int code);

/** The refusal as one sentence for a person, in `lang` "vi" or "en". The caller releases it with
 *  exemplar_free. NULL when `refusal` or `lang` is NULL, `lang` is neither, or memory ran out. */
EXEMPLAR_C_API char* exemplar_refusal_message(const exemplar_refusal* refusal, const char* lang);

/** The refusal as JSON (code, id, message in both languages, the facts it names). The caller
 *  releases it with exemplar_free. NULL when `refusal` is NULL or memory ran out. */
EXEMPLAR_C_API char* exemplar_refusal_json(const exemplar_refusal* refusal);

/** Releases a refusal. NULL is accepted. */
EXEMPLAR_C_API void exemplar_refusal_destroy(exemplar_refusal* refusal);

/* ---- Plans --------------------------------------------------------------------------------- */

/** The ids of the built-in plans as a JSON array of strings, in seed order
 *  (["hatinh-inspectorate-2021-2025", ...]). `*ids` is the caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_plan_ids(char** ids, exemplar_refusal** why);

/** The built-in plan with this id. `*plan` is the caller's: exemplar_plan_destroy. An unknown id
 *  is refused (EXEMPLAR_REFUSED) with a message listing the ids there are. */
EXEMPLAR_C_API int exemplar_plan_builtin(const char* id, exemplar_plan** plan, exemplar_refusal** why);

/** The plan in a plan file's text (the form of the files in plans/), checked as the C++ loader checks it.
 *  `*plan` is the caller's: exemplar_plan_destroy. */
EXEMPLAR_C_API int exemplar_plan_from_json(const char* text, exemplar_plan** plan, exemplar_refusal** why);

/** The plan as a plan file's text. `*text` is the caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_plan_to_json(const exemplar_plan* plan, char** text, exemplar_refusal** why);

/** Releases a plan. NULL is accepted. Workflows made from it keep what they need. */
EXEMPLAR_C_API void exemplar_plan_destroy(exemplar_plan* plan);

/* ---- Workflows: the lifecycle over one candidate at a time --------------------------------- */

/** The plan's lifecycle: its procedure's steps, arrows, rights, award powers and council rules
 *  (the checks that read a running plan's roadmap, quotas and evidence are not run), holding a new
 *  candidate (stage "initial"). `*workflow` is the caller's: exemplar_workflow_destroy. */
EXEMPLAR_C_API int exemplar_workflow_new(const exemplar_plan* plan, exemplar_workflow** workflow,
                                         exemplar_refusal** why);

/** Loads a candidate's state (candidate JSON, as exemplar_workflow_candidate gives it), or a new
 *  candidate when `candidate` is NULL. */
EXEMPLAR_C_API int exemplar_workflow_load(exemplar_workflow* workflow, const char* candidate, exemplar_refusal** why);

/** The candidate's state as JSON. `*candidate` is the caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_workflow_candidate(const exemplar_workflow* workflow, char** candidate,
                                               exemplar_refusal** why);

/** Decides whether `actor` may give `command` on `date` ("YYYY-MM-DD") to the held candidate: the
 *  event to store, or the refusal (EXEMPLAR_REFUSED). Changes nothing. `*event` is the caller's:
 *  exemplar_free. */
EXEMPLAR_C_API int exemplar_workflow_decide(const exemplar_workflow* workflow, const char* command, const char* actor,
                                            const char* date, char** event, exemplar_refusal** why);

/** Applies an event to the held candidate, checked first as the C++ Workflow::apply checks an
 *  event from outside (a refused event changes nothing). */
EXEMPLAR_C_API int exemplar_workflow_evolve(exemplar_workflow* workflow, const char* event, exemplar_refusal** why);

/** Decide and evolve in one call: the held candidate takes the step, and `*event` (the caller's:
 *  exemplar_free) is what to store. */
EXEMPLAR_C_API int exemplar_workflow_step(exemplar_workflow* workflow, const char* command, const char* actor,
                                          const char* date, char** event, exemplar_refusal** why);

/** Every command for the held candidate, `actor` and `date`, each allowed or with the refusal that
 *  blocks it, as JSON: [{"command":"foster","allowed":true},...]. `*options` is the caller's:
 *  exemplar_free. */
EXEMPLAR_C_API int exemplar_workflow_options(const exemplar_workflow* workflow, const char* actor, const char* date,
                                             char** options, exemplar_refusal** why);

/** Releases a workflow. NULL is accepted. Journals made from it keep what they need. */
EXEMPLAR_C_API void exemplar_workflow_destroy(exemplar_workflow* workflow);

/* ---- Journals ------------------------------------------------------------------------------ */

/** An empty journal under the workflow's rules (the first record will be number 1).
 *  `*journal` is the caller's: exemplar_journal_destroy. */
EXEMPLAR_C_API int exemplar_journal_new(const exemplar_workflow* workflow, exemplar_journal** journal,
                                        exemplar_refusal** why);

/** Numbers, chains and applies an event (event JSON): the record to store, as JSON. `*record` is
 *  the caller's: exemplar_free. An event the candidate's state does not allow is refused. */
EXEMPLAR_C_API int exemplar_journal_append(exemplar_journal* journal, const char* event, char** record,
                                           exemplar_refusal** why);

/** Replays a journal document's records after the journal's last one, checking every number, hash
 *  and event: all of them, or none (a refusal with a record_* code and the record's number). A new
 *  journal replaying a stored one verifies it. */
EXEMPLAR_C_API int exemplar_journal_replay(exemplar_journal* journal, const char* records, exemplar_refusal** why);

/** Every record appended or replayed through this handle, as a journal document. `*records` is the
 *  caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_journal_export(const exemplar_journal* journal, char** records, exemplar_refusal** why);

/** A candidate's state after the last record, as candidate JSON; refused when no record names it.
 *  `*candidate` is the caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_journal_candidate(const exemplar_journal* journal, uint32_t id, char** candidate,
                                              exemplar_refusal** why);

/** The last record's number (0 when none, or for NULL). */
EXEMPLAR_C_API uint64_t exemplar_journal_sequence(const exemplar_journal* journal);

/** The last record's hash as 64 hex digits (zeros when none). `*hash` is the caller's: exemplar_free. */
EXEMPLAR_C_API int exemplar_journal_head(const exemplar_journal* journal, char** hash, exemplar_refusal** why);

/** Releases a journal. NULL is accepted. */
EXEMPLAR_C_API void exemplar_journal_destroy(exemplar_journal* journal);

#ifdef __cplusplus
}
#endif

#endif /* EXEMPLAR_C_EXEMPLAR_H */
