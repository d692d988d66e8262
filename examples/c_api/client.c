/* client.c: a C host of exemplar through <exemplar/c/exemplar.h> (C99, libexemplar_c).
 *
 * Seed 000 (Kế hoạch 10/KH-TT ngày 28/5/2021 của Thanh tra tỉnh Hà Tĩnh): a candidate is discovered
 * and fostered, the head of another unit is refused in Vietnamese, both events go into a journal
 * that replays into a new one with the same head. Exits 0 when all of that holds, 1 otherwise.
 * Every returned string is released with exemplar_free, every handle with its destroy function. */
#include <stdio.h>
#include <string.h>

#include <exemplar/c/exemplar.h>

static int failures = 0;

/* Prints a failed call's refusal in Vietnamese and releases it. */
static void report(const char* what, int status, exemplar_refusal* why) {
  char* message = exemplar_refusal_message(why, "vi");
  printf("%s: trạng thái %d, mã %d (%s): %s\n", what, status, exemplar_refusal_code(why),
         exemplar_refusal_code_id(exemplar_refusal_code(why)) ? exemplar_refusal_code_id(exemplar_refusal_code(why)) : "?",
         message ? message : "");
  exemplar_free(message);
  exemplar_refusal_destroy(why);
}

static void expect(int condition, const char* what) {
  if (!condition) {
    printf("UNEXPECTED: %s\n", what);
    ++failures;
  }
}

int main(void) {
  const char* head = "{\"id\":3,\"role\":\"unit_head\",\"unit\":7}";
  const char* other = "{\"id\":4,\"role\":\"unit_head\",\"unit\":8}";
  const char* discover =
      "{\"kind\":\"discover\",\"candidate\":1,\"data\":{\"subject\":\"individual\",\"unit\":7,"
      "\"position\":\"staff\",\"field\":\"inspection\",\"level\":\"agency\","
      "\"description\":\"Thanh tra viên có 3 sáng kiến\"}}";
  const char* foster = "{\"kind\":\"foster\",\"data\":{\"mentor\":9}}";
  exemplar_plan* plan = NULL;
  exemplar_workflow* flow = NULL;
  exemplar_journal* journal = NULL;
  exemplar_journal* again = NULL;
  exemplar_refusal* why = NULL;
  char* event = NULL;
  char* record = NULL;
  char* stored = NULL;
  char* hash1 = NULL;
  char* hash2 = NULL;
  int status;

  printf("exemplar %s\n", exemplar_version());
  status = exemplar_plan_builtin("hatinh-inspectorate-2021-2025", &plan, &why);
  if (status != EXEMPLAR_OK) {
    report("plan", status, why);
    return 1;
  }
  status = exemplar_workflow_new(plan, &flow, &why);
  exemplar_plan_destroy(plan); /* the workflow keeps what it needs */
  if (status != EXEMPLAR_OK) {
    report("workflow", status, why);
    return 1;
  }
  expect(exemplar_journal_new(flow, &journal, NULL) == EXEMPLAR_OK, "a journal");

  expect(exemplar_workflow_step(flow, discover, head, "2022-02-10", &event, &why) == EXEMPLAR_OK, "discover");
  expect(exemplar_journal_append(journal, event, &record, NULL) == EXEMPLAR_OK, "append the discovery");
  exemplar_free(event);
  exemplar_free(record);

  status = exemplar_workflow_step(flow, foster, other, "2022-02-11", &event, &why);
  expect(status == EXEMPLAR_REFUSED && exemplar_refusal_code(why) == EXEMPLAR_REFUSAL_OUTSIDE_ACTOR_UNIT,
         "another unit's head is refused");
  report("bị từ chối", status, why);

  status = exemplar_workflow_step(flow, foster, head, "2022-02-11", &event, &why);
  expect(status == EXEMPLAR_OK, "foster");
  if (status == EXEMPLAR_OK) {
    printf("%s\n", event);
    expect(exemplar_journal_append(journal, event, &record, NULL) == EXEMPLAR_OK, "append the fostering");
    exemplar_free(event);
    exemplar_free(record);
  } else {
    report("foster", status, why);
  }

  status = exemplar_workflow_step(NULL, foster, head, "2022-02-11", &event, &why);
  expect(status == EXEMPLAR_NULL_ARGUMENT && exemplar_refusal_code(why) == EXEMPLAR_REFUSAL_INVALID_ARGUMENT,
         "a NULL workflow is refused");
  report("đầu vào", status, why);

  expect(exemplar_journal_export(journal, &stored, NULL) == EXEMPLAR_OK, "export");
  expect(exemplar_journal_new(flow, &again, NULL) == EXEMPLAR_OK, "a second journal");
  expect(exemplar_journal_replay(again, stored, NULL) == EXEMPLAR_OK, "replay");
  expect(exemplar_journal_head(journal, &hash1, NULL) == EXEMPLAR_OK, "head");
  expect(exemplar_journal_head(again, &hash2, NULL) == EXEMPLAR_OK, "head again");
  expect(exemplar_journal_sequence(again) == 2 && hash1 && hash2 && strcmp(hash1, hash2) == 0, "the same head");
  printf("nhật ký: %llu bản ghi, mã băm cuối %s\n", (unsigned long long)exemplar_journal_sequence(again),
         hash2 ? hash2 : "?");

  exemplar_free(stored);
  exemplar_free(hash1);
  exemplar_free(hash2);
  exemplar_journal_destroy(again);
  exemplar_journal_destroy(journal);
  exemplar_workflow_destroy(flow);
  return failures == 0 ? 0 : 1;
}
