"""exemplar through its C API (libexemplar_c), with nothing but ctypes from Python's standard library.

    lib = Exemplar("/usr/lib/libexemplar_c.so.0.1")
    plan = lib.plan("hatinh-inspectorate-2021-2025")
    flow = lib.workflow(plan)
    event = flow.step({"kind": "foster", "data": {"mentor": 9}}, actor, "2022-02-11")

Every call that fails raises Refused, carrying the stable code, its identifier and the messages in
Vietnamese and English. Every string the library returns is copied and released with
exemplar_free; every handle is released with its exemplar_*_destroy when its Python object goes.
"""
import ctypes
import json

_STATUS = {
    1: "refused", 2: "null argument", 3: "invalid UTF-8", 4: "malformed JSON",
    5: "unknown kind", 6: "out of memory", 7: "internal error",
}


class Refused(Exception):
    """A call the library did not do: status, code (EXEMPLAR_REFUSAL_*), id and messages."""

    def __init__(self, status, code, ident, vi, en, document):
        super().__init__(en or _STATUS.get(status, str(status)))
        self.status, self.code, self.id, self.vi, self.en, self.document = status, code, ident, vi, en, document


class Exemplar:
    """The loaded library and its signatures."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        P, S, R = ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)
        out_text = ctypes.POINTER(ctypes.c_void_p)  # char**, read as an address so it can be freed
        sigs = {
            "exemplar_free": (None, [P]),
            "exemplar_version": (S, []),
            "exemplar_refusal_code": (ctypes.c_int, [P]),
            "exemplar_refusal_code_id": (S, [ctypes.c_int]),
            "exemplar_refusal_message": (P, [P, S]),
            "exemplar_refusal_json": (P, [P]),
            "exemplar_refusal_destroy": (None, [P]),
            "exemplar_plan_ids": (ctypes.c_int, [out_text, R]),
            "exemplar_plan_builtin": (ctypes.c_int, [S, R, R]),
            "exemplar_plan_from_json": (ctypes.c_int, [S, R, R]),
            "exemplar_plan_to_json": (ctypes.c_int, [P, out_text, R]),
            "exemplar_plan_destroy": (None, [P]),
            "exemplar_workflow_new": (ctypes.c_int, [P, R, R]),
            "exemplar_workflow_load": (ctypes.c_int, [P, S, R]),
            "exemplar_workflow_candidate": (ctypes.c_int, [P, out_text, R]),
            "exemplar_workflow_decide": (ctypes.c_int, [P, S, S, S, out_text, R]),
            "exemplar_workflow_evolve": (ctypes.c_int, [P, S, R]),
            "exemplar_workflow_step": (ctypes.c_int, [P, S, S, S, out_text, R]),
            "exemplar_workflow_options": (ctypes.c_int, [P, S, S, out_text, R]),
            "exemplar_workflow_destroy": (None, [P]),
            "exemplar_journal_new": (ctypes.c_int, [P, R, R]),
            "exemplar_journal_append": (ctypes.c_int, [P, S, out_text, R]),
            "exemplar_journal_replay": (ctypes.c_int, [P, S, R]),
            "exemplar_journal_export": (ctypes.c_int, [P, out_text, R]),
            "exemplar_journal_candidate": (ctypes.c_int, [P, ctypes.c_uint32, out_text, R]),
            "exemplar_journal_sequence": (ctypes.c_uint64, [P]),
            "exemplar_journal_head": (ctypes.c_int, [P, out_text, R]),
            "exemplar_journal_destroy": (None, [P]),
        }
        for name, (restype, argtypes) in sigs.items():
            function = getattr(lib, name)
            function.restype, function.argtypes = restype, argtypes
        self.lib = lib

    def version(self):
        return self.lib.exemplar_version().decode()

    def take(self, address):
        """The text at a returned char*, released with exemplar_free."""
        if not address:
            return None
        try:
            return ctypes.string_at(address).decode("utf-8")
        finally:
            self.lib.exemplar_free(address)

    def call(self, name, *args):
        """Calls a function whose last argument is `why`; raises Refused unless it returns 0."""
        why = ctypes.c_void_p()
        status = getattr(self.lib, name)(*args, ctypes.byref(why))
        if status == 0:
            return
        code, ident, vi, en, document = -1, None, None, None, None
        if why:
            try:
                code = self.lib.exemplar_refusal_code(why)
                ident = (self.lib.exemplar_refusal_code_id(code) or b"").decode()
                vi = self.take(self.lib.exemplar_refusal_message(why, b"vi"))
                en = self.take(self.lib.exemplar_refusal_message(why, b"en"))
                document = json.loads(self.take(self.lib.exemplar_refusal_json(why)))
            finally:
                self.lib.exemplar_refusal_destroy(why)
        raise Refused(status, code, ident, vi, en, document)

    def text_out(self, name, *args):
        out = ctypes.c_void_p()
        self.call(name, *args, ctypes.byref(out))
        return self.take(out.value)

    def plan_ids(self):
        return json.loads(self.text_out("exemplar_plan_ids"))

    def plan(self, plan_id):
        return _Handle(self, "exemplar_plan_builtin", "exemplar_plan_destroy", plan_id.encode())

    def plan_from_json(self, text):
        return _Handle(self, "exemplar_plan_from_json", "exemplar_plan_destroy", text.encode())

    def workflow(self, plan):
        return Workflow(self, plan)

    def journal(self, workflow):
        return Journal(self, workflow)


def _text(value):
    """A document as UTF-8 bytes: dicts and lists as JSON, strings as they are."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    return value.encode("utf-8") if isinstance(value, str) else value


class _Handle:
    def __init__(self, lib, make, destroy, *args):
        self.lib, self._destroy = lib, destroy
        handle = ctypes.c_void_p()
        lib.call(make, *args, ctypes.byref(handle))
        self.handle = handle

    def close(self):
        if self.handle:
            getattr(self.lib.lib, self._destroy)(self.handle)
            self.handle = ctypes.c_void_p()

    def __del__(self):
        self.close()


class Workflow(_Handle):
    """A plan's lifecycle rules holding one candidate's state."""

    def __init__(self, lib, plan):
        super().__init__(lib, "exemplar_workflow_new", "exemplar_workflow_destroy", plan.handle)

    def load(self, candidate=None):
        self.lib.call("exemplar_workflow_load", self.handle, _text(candidate))

    def candidate(self):
        return json.loads(self.lib.text_out("exemplar_workflow_candidate", self.handle))

    def decide(self, command, actor, date):
        return self.lib.text_out("exemplar_workflow_decide", self.handle, _text(command), _text(actor), _text(date))

    def evolve(self, event):
        self.lib.call("exemplar_workflow_evolve", self.handle, _text(event))

    def step(self, command, actor, date):
        return self.lib.text_out("exemplar_workflow_step", self.handle, _text(command), _text(actor), _text(date))

    def options(self, actor, date):
        return json.loads(self.lib.text_out("exemplar_workflow_options", self.handle, _text(actor), _text(date)))


class Journal(_Handle):
    """Numbered, hash-chained records under a workflow's rules."""

    def __init__(self, lib, workflow):
        super().__init__(lib, "exemplar_journal_new", "exemplar_journal_destroy", workflow.handle)

    def append(self, event):
        return json.loads(self.lib.text_out("exemplar_journal_append", self.handle, _text(event)))

    def replay(self, records):
        self.lib.call("exemplar_journal_replay", self.handle, _text(records))

    def export(self):
        return self.lib.text_out("exemplar_journal_export", self.handle)

    def candidate(self, candidate_id):
        return json.loads(self.lib.text_out("exemplar_journal_candidate", self.handle, ctypes.c_uint32(candidate_id)))

    def sequence(self):
        return self.lib.lib.exemplar_journal_sequence(self.handle)

    def head(self):
        return self.lib.text_out("exemplar_journal_head", self.handle)
