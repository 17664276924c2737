"""The Python side of the stream scenario language of ``tests/oracles/oracle_stream.mjs``.

A scenario is data: a list of operations that create streams (explicit options, scripted
``_read``/``_write``/``_writev``/``_final``/``_construct``/``_destroy``/``_transform``/
``_flush``, a ``signal``) and drive them (push, unshift, read, write, end, cork, pipe,
destroy, abort, listeners that run further operations, operations deferred to a nextTick or a
macrotask, ``settle``).
:func:`run_scenario` builds the same streams with this package's API (subclasses overriding
Node's underscore methods, or the simplified constructor's ``read=``/``write=``/...; options
as keyword arguments) and logs exactly what the Node
interpreter logs: every event with its documented arguments, every implementation call, the
return values of ``push``/``unshift``/``write``/``read`` and the state snapshots, in order.
The two interpreters are kept line for line parallel; a change to one is a change to both.

Timing primitives map as the loop maps them: ``process.nextTick`` is
:func:`trio_nodecompat.process.next_tick`, ``setImmediate``/``setTimeout(fn, 0)`` are
:mod:`trio_nodecompat.timers`. ``settle`` waits (as the Node side does) on immediates until
the scenario's own macrotasks have all run; the stream core itself schedules only ticks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import trio

import trio_nodecompat
from trio_nodecompat.abort import AbortController
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import Duplex, PassThrough, Readable, Transform, Writable
from trio_nodecompat.timers import set_immediate, set_timeout

__all__ = ["ScenarioError", "first_difference", "run_scenario", "snap_props", "stream_kinds"]

#: The arguments Node documents for each event (Node's 'unpipe' listener also gets an internal
#: options object, which is not part of the API and not logged on either side).
EVENT_ARGS = {"data": 1, "error": 1, "pipe": 1, "unpipe": 1}

DEFAULT_LISTEN = [
    "end",
    "finish",
    "prefinish",
    "close",
    "error",
    "drain",
    "pipe",
    "unpipe",
    "pause",
    "resume",
]


def _prop(name: str) -> Callable[[Any], Any]:
    return lambda s: getattr(s, name)


READABLE_PROPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("readable", _prop("readable")),
    ("readableLength", _prop("readable_length")),
    ("readableFlowing", _prop("readable_flowing")),
    ("readableEnded", _prop("readable_ended")),
    ("readableHighWaterMark", _prop("readable_high_water_mark")),
    ("readableObjectMode", _prop("readable_object_mode")),
    ("isPaused", lambda s: s.is_paused()),
]
WRITABLE_PROPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("writable", _prop("writable")),
    ("writableLength", _prop("writable_length")),
    ("writableNeedDrain", _prop("writable_need_drain")),
    ("writableFinished", _prop("writable_finished")),
    ("writableEnded", _prop("writable_ended")),
    ("writableCorked", _prop("writable_corked")),
    ("writableHighWaterMark", _prop("writable_high_water_mark")),
    ("writableObjectMode", _prop("writable_object_mode")),
]
COMMON_PROPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("destroyed", _prop("destroyed")),
    ("closed", _prop("closed")),
    ("errored", _prop("errored")),
]
HAS_READABLE = {"Readable", "Duplex", "Transform", "PassThrough"}
HAS_WRITABLE = {"Writable", "Duplex", "Transform", "PassThrough"}


def snap_props(kind: str) -> list[tuple[str, Callable[[Any], Any]]]:
    """The properties a snapshot lists, in order (the fixture's ``snap_keys`` names them)."""
    return [
        *(READABLE_PROPS if kind in HAS_READABLE else []),
        *(WRITABLE_PROPS if kind in HAS_WRITABLE else []),
        *COMMON_PROPS,
    ]


CLASSES: dict[str, type[Any]] = {
    "Readable": Readable,
    "Writable": Writable,
    "Duplex": Duplex,
    "Transform": Transform,
    "PassThrough": PassThrough,
}
#: The scenario's option names (Node's) and this package's keyword arguments.
OPTIONS = {
    "highWaterMark": "high_water_mark",
    "readableHighWaterMark": "readable_high_water_mark",
    "writableHighWaterMark": "writable_high_water_mark",
    "objectMode": "object_mode",
    "readableObjectMode": "readable_object_mode",
    "writableObjectMode": "writable_object_mode",
    "encoding": "encoding",
    "decodeStrings": "decode_strings",
    "defaultEncoding": "default_encoding",
    "emitClose": "emit_close",
    "autoDestroy": "auto_destroy",
    "allowHalfOpen": "allow_half_open",
}


class ScenarioError(Exception):
    """The scenario itself is malformed (an interpreter bug, never a stream behaviour)."""


class _Failure(Exception):
    """The errors scenarios create (Node's ``new Error(message)``: no code)."""


def val(v: Any) -> Any:
    """A scenario chunk as a value: ``{"hex": ...}`` is a Buffer, anything else itself."""
    if isinstance(v, dict) and "hex" in v:
        return Buffer.from_(v["hex"], "hex")
    return v


class Scenario:
    """One run of one scenario: its streams, its log, its pending macrotasks."""

    def __init__(self, sc: dict[str, Any], style: str) -> None:
        self.sc = sc
        #: How implementations are given: "subclass" (overriding _read, _write, ...) or
        #: "options" (the simplified constructor's read=, write=, ...).
        self.style = style
        self.log: list[Any] = []
        self.streams: dict[str, Any] = {}
        self.names: dict[int, str] = {}
        self.kinds: dict[str, str] = {}
        self.held: dict[str, list[Callable[..., Any]]] = {}
        self.listeners: dict[str, tuple[Any, str, Callable[..., None]]] = {}
        #: AbortControllers by name (a create's "signal" names one).
        self.controllers: dict[str, AbortController] = {}
        self.pending = 0
        self.write_no = 0
        self.depth = 0
        self.timeout = sc["macro"] == "timeout"

    # -- values --------------------------------------------------------------------------

    def enc(self, v: Any) -> Any:
        if v is None:
            return None
        if isinstance(v, Buffer):
            return {"buf": v.to_string("hex")}
        if isinstance(v, BaseException):
            return {"err": getattr(v, "code", None), "msg": str(v)}
        if isinstance(v, list | tuple):
            return [self.enc(x) for x in v]
        if id(v) in self.names and self.streams.get(self.names[id(v)]) is v:
            return {"stream": self.names[id(v)]}
        if isinstance(v, dict) and "chunk" in v and "encoding" in v:
            return {"chunk": self.enc(v["chunk"]), "encoding": v["encoding"]}
        if isinstance(v, str | int | float | bool):
            return v
        return {"other": type(v).__name__}

    def enc_writev(self, chunks: Any) -> Any:
        """Node hands ``_writev`` a list of ``{chunk, encoding}`` records."""
        out = []
        for entry in chunks:
            if isinstance(entry, dict):
                chunk, encoding = entry["chunk"], entry["encoding"]
            elif isinstance(entry, tuple):
                chunk, encoding = entry[0], entry[1]
            else:
                chunk, encoding = entry.chunk, entry.encoding
            out.append({"chunk": self.enc(chunk), "encoding": encoding})
        return out

    def ev_args(self, ev: str, args: tuple[Any, ...]) -> list[Any]:
        return [self.enc(a) for a in args[: EVENT_ARGS.get(ev, 0)]]

    def controller(self, name: str) -> AbortController:
        if name not in self.controllers:
            self.controllers[name] = AbortController()
        return self.controllers[name]

    # -- time ----------------------------------------------------------------------------

    def later(self, mode: str, fn: Callable[[], None]) -> None:
        """Run ``fn`` now ('sync'), on a nextTick ('tick') or on the scenario's macrotask."""
        if mode == "sync":
            fn()
        elif mode == "tick":
            next_tick(fn)
        else:
            self.pending += 1

            def run() -> None:
                self.pending -= 1
                fn()

            if self.timeout:
                set_timeout(run, 0)
            else:
                set_immediate(run)

    def finish_call(
        self, name: str, cb: Callable[..., Any], outcome: str, mode: str, label: str
    ) -> None:
        """Finish an implementation call with the scripted outcome."""
        if outcome == "hold":
            self.held.setdefault(name, []).append(cb)
            return
        self.later(mode, lambda: cb(_Failure(f"{label} failed") if outcome == "err" else None))

    # -- building ------------------------------------------------------------------------

    def build(self, op: dict[str, Any]) -> None:
        name: str = op["name"]
        kind: str = op["kind"]
        scn = self
        counters = {"read": 0, "write": 0, "transform": 0}
        methods: dict[str, Any] = {}
        if kind in ("Readable", "Duplex"):
            rs = op.get("read") or {"mode": "sync", "script": []}

            def _read(self: Any, size: int) -> None:
                scn.log.append(["_read", name, size])
                script = rs["script"]
                if counters["read"] >= len(script):
                    counters["read"] += 1
                    return
                entry = script[counters["read"]]
                counters["read"] += 1

                def go() -> None:
                    if not isinstance(entry, list):
                        self.destroy(_Failure(entry["err"]))
                        return
                    for c in entry:
                        ret = self.push(val(c))
                        scn.log.append(["ret", "push", name, ret])

                scn.later(rs["mode"], go)

            methods["_read"] = _read
        if kind in ("Writable", "Duplex"):
            ws = op.get("write") or {"mode": "sync", "script": []}

            def outcome() -> str:
                k = counters["write"]
                counters["write"] += 1
                script = ws["script"]
                return script[k] if k < len(script) else ws.get("default", "ok")

            def _write(self: Any, chunk: Any, encoding: str, callback: Any) -> None:
                scn.log.append(["_write", name, scn.enc(chunk), encoding])
                k = counters["write"]
                scn.finish_call(name, callback, outcome(), ws["mode"], f"write {k}")

            methods["_write"] = _write
            if op.get("writev"):

                def _writev(self: Any, chunks: Any, callback: Any) -> None:
                    scn.log.append(["_writev", name, scn.enc_writev(chunks)])
                    k = counters["write"]
                    scn.finish_call(name, callback, outcome(), ws["mode"], f"writev {k}")

                methods["_writev"] = _writev
        final = op.get("final")
        if final:

            def _final(self: Any, callback: Any) -> None:
                scn.log.append(["_final", name])
                scn.finish_call(name, callback, final["outcome"], final["mode"], "final")

            methods["_final"] = _final
        construct = op.get("construct")
        if construct:

            def _construct(self: Any, callback: Any) -> None:
                scn.log.append(["_construct", name])
                scn.finish_call(
                    name, callback, construct["outcome"], construct["mode"], "construct"
                )

            methods["_construct"] = _construct
        destroy = op.get("destroy")
        if destroy:

            def _destroy(self: Any, err: Any, callback: Any) -> None:
                scn.log.append(["_destroy", name, scn.enc(err)])
                passed = destroy["pass"]
                e = (
                    err
                    if passed == "same"
                    else None
                    if passed == "none"
                    else _Failure("destroy replaced")
                )
                scn.later(destroy["mode"], lambda: callback(e))

            methods["_destroy"] = _destroy
        if kind == "Transform":
            ts = op.get("transform") or {"mode": "sync", "kind": "id"}

            def _transform(self: Any, chunk: Any, encoding: str, callback: Any) -> None:
                scn.log.append(["_transform", name, scn.enc(chunk), encoding])
                k = counters["transform"]
                counters["transform"] += 1

                def go() -> None:
                    if ts.get("errAt") == k:
                        callback(_Failure(f"transform {k} failed"))
                        return

                    def push(c: Any) -> None:
                        scn.log.append(["ret", "push", name, self.push(c)])

                    tk = ts["kind"]
                    if tk == "id":
                        callback(None, chunk)
                        return
                    if tk == "dup":
                        push(chunk)
                        push(chunk)
                    elif tk == "drop":
                        pass
                    elif tk == "split":
                        h = len(chunk) >> 1
                        if isinstance(chunk, str):
                            push(chunk[:h])
                            push(chunk[h:])
                        else:
                            push(chunk.subarray(0, h))
                            push(chunk.subarray(h))
                    else:
                        raise ScenarioError(f"bad transform kind {tk}")
                    callback()

                scn.later(ts["mode"], go)

            methods["_transform"] = _transform
            flush = op.get("flush")
            if flush:

                def _flush(self: Any, callback: Any) -> None:
                    scn.log.append(["_flush", name])

                    def go() -> None:
                        if flush["outcome"] == "err":
                            callback(_Failure("flush failed"))
                            return
                        for c in flush.get("push") or []:
                            scn.log.append(["ret", "push", name, self.push(val(c))])
                        callback()

                    scn.later(flush["mode"], go)

                methods["_flush"] = _flush
        base = CLASSES[kind]
        kwargs = {OPTIONS[k]: v for k, v in (op.get("opts") or {}).items()}
        if "signal" in op:
            kwargs["signal"] = self.controller(op["signal"]).signal
        if self.style == "options":
            # Node's simplified construction: read=, write=, ... (bound like methods). A
            # Readable ignores a final= option in Node; Python's keywords are strict, so the
            # scenario's _final of a Readable (never called) is left out here.
            if kind == "Readable":
                methods.pop("_final", None)
            kwargs.update({method[1:]: fn for method, fn in methods.items()})
            cls = base
        else:
            cls = type(f"Scenario{kind}", (base,), methods) if methods else base
        s = cls(**kwargs)
        self.streams[name] = s
        self.names[id(s)] = name
        self.kinds[name] = kind
        for ev in op.get("listen") or DEFAULT_LISTEN:
            s.on(ev, self._logger(name, ev))

    def _logger(self, name: str, ev: str) -> Callable[..., None]:
        def listener(*args: Any) -> None:
            self.log.append(["ev", name, ev, *self.ev_args(ev, args)])

        return listener

    def snap(self, name: str) -> None:
        s = self.streams[name]
        values = [self.enc(get(s)) for _, get in snap_props(self.kinds[name])]
        self.log.append(["snap", name, values])

    # -- operations ----------------------------------------------------------------------

    def listener_op(self, op: dict[str, Any], s: Any) -> None:
        n = 0

        def fn(*args: Any) -> None:
            nonlocal n
            k = n
            n += 1
            self.log.append(["on", op["id"], op["s"], op["ev"], *self.ev_args(op["ev"], args)])
            at = op.get("at")
            if op.get("do") and (at is None or k in at) and self.depth < 20:
                self.depth += 1
                try:
                    for inner in op["do"]:
                        self.exec(inner)
                finally:
                    self.depth -= 1

        self.listeners[op["id"]] = (s, op["ev"], fn)
        if op.get("prepend"):
            method = s.prepend_once_listener if op.get("once") else s.prepend_listener
        else:
            method = s.once if op.get("once") else s.on
        method(op["ev"], fn)

    def exec(self, op: dict[str, Any]) -> bool:
        """Run one operation; True for 'settle' (the caller awaits it)."""
        kind = op["op"]
        s = self.streams.get(op["s"]) if "s" in op else None
        try:
            if kind == "create":
                self.build(op)
            elif kind == "on":
                self.listener_op(op, s)
            elif kind == "off":
                target, ev, fn = self.listeners[op["id"]]
                target.remove_listener(ev, fn)
            elif kind in ("push", "unshift"):
                method = s.push if kind == "push" else s.unshift
                v = val(op.get("v"))
                ret = method(v) if op.get("enc") is None else method(v, op["enc"])
                self.log.append(["ret", kind, op["s"], ret])
            elif kind == "read":
                n = op.get("n")
                self.log.append(["read", op["s"], self.enc(s.read() if n is None else s.read(n))])
            elif kind == "read_all":
                n = op.get("n")
                for _ in range(200):
                    c = s.read() if n is None else s.read(n)
                    self.log.append(["read", op["s"], self.enc(c)])
                    if c is None:
                        break
            elif kind == "set_encoding":
                s.set_encoding(op["enc"])
            elif kind == "pause":
                s.pause()
            elif kind == "resume":
                s.resume()
            elif kind == "is_paused":
                self.log.append(["ret", "is_paused", op["s"], s.is_paused()])
            elif kind == "pipe":
                dest = self.streams[op["d"]]
                if "end" in op:
                    s.pipe(dest, end=op["end"])
                else:
                    s.pipe(dest)
            elif kind == "unpipe":
                if op.get("d") is None:
                    s.unpipe()
                else:
                    s.unpipe(self.streams[op["d"]])
            elif kind == "write":
                self.op_write(op, s)
            elif kind == "end":
                self.op_end(op, s)
            elif kind == "set_default_encoding":
                ret = s.set_default_encoding(op["enc"])
                if ret is not s:
                    self.log.append(["ret", "set_default_encoding", op["s"], self.enc(ret)])
            elif kind == "cork":
                s.cork()
            elif kind == "uncork":
                s.uncork()
            elif kind == "destroy":
                err = op.get("err")
                if err is None:
                    s.destroy()
                else:
                    s.destroy(_Failure(err))
            elif kind == "release":
                queue = self.held.get(op["s"]) or []
                cb = queue.pop(0) if queue else None
                self.log.append(["release", op["s"], cb is not None])
                if cb is not None:
                    err = op.get("err")
                    cb(None if err is None else _Failure(err))
                    if op.get("twice"):
                        self.log.append(["release-again", op["s"]])
                        cb(None)
            elif kind == "snap":
                self.snap(op["s"])
            elif kind == "abort":
                reason = op.get("reason")
                if reason is None:
                    self.controller(op["c"]).abort()
                else:
                    self.controller(op["c"]).abort(_Failure(reason))
            elif kind == "defer":
                self.op_defer(op)
            elif kind == "settle":
                return True
            else:
                raise ScenarioError(f"unknown op {kind}")
        except ScenarioError:
            raise
        except Exception as err:  # noqa: BLE001 - logged, as the Node side logs a throw
            self.log.append(["throw", kind, op.get("s"), self.enc(err)])
        return False

    def op_write(self, op: dict[str, Any], s: Any) -> None:
        k = self.write_no
        self.write_no += 1
        cb = None
        if op.get("cb"):

            def cb(err: Any = None, *_rest: Any) -> None:
                self.log.append(["cb", "write", op["s"], k, self.enc(err)])

        v = val(op.get("v"))
        if op.get("enc") is None:
            ret = s.write(v) if cb is None else s.write(v, callback=cb)
        else:
            ret = s.write(v, op["enc"]) if cb is None else s.write(v, op["enc"], cb)
        self.log.append(["ret", "write", op["s"], k, ret])

    def op_end(self, op: dict[str, Any], s: Any) -> None:
        kwargs: dict[str, Any] = {}
        if op.get("cb"):

            def cb(err: Any = None, *_rest: Any) -> None:
                self.log.append(["cb", "end", op["s"], self.enc(err)])

            kwargs["callback"] = cb
        if "v" in op:
            kwargs["chunk"] = val(op["v"])
        if op.get("enc") is not None:
            kwargs["encoding"] = op["enc"]
        ret = s.end(**kwargs)
        if ret is not s:
            self.log.append(["ret", "end", op["s"], self.enc(ret)])

    def op_defer(self, op: dict[str, Any]) -> None:
        def go() -> None:
            self.log.append(["deferred", op["how"]])
            for inner in op["do"]:
                self.exec(inner)

        self.later(op["how"], go)

    async def settle(self) -> None:
        """Wait until the scenario's macrotasks have all run and the tick queue is empty."""
        while True:
            done = trio.Event()
            set_immediate(done.set)
            await done.wait()
            if self.pending == 0:
                return

    async def run(self) -> list[Any]:
        async with trio_nodecompat.open_loop() as loop:

            def on_uncaught(err: BaseException, *_origin: Any) -> None:
                self.log.append(["uncaught", self.enc(err)])

            loop.on("uncaughtException", on_uncaught)
            for op in self.sc["ops"]:
                if self.exec(op):
                    self.log.append(["settled"])
                    await self.settle()
            await self.settle()
        return self.log


async def run_scenario(sc: dict[str, Any], style: str = "subclass") -> list[Any]:
    """Replay one scenario with this package's streams; its log, in Node's format.

    ``style`` is how the scripted implementations are given: ``"subclass"`` (a subclass
    overriding ``_read``, ``_write``, ...) or ``"options"`` (``read=``, ``write=``, ...).
    """
    if style not in ("subclass", "options"):
        raise ScenarioError(f"unknown style {style!r}")
    return await Scenario(sc, style).run()


def _shown(entry: Any, kinds: dict[str, str]) -> str:
    """A log entry as JSON, a snapshot with its property names (for a failure message)."""
    if isinstance(entry, list) and entry[:1] == ["snap"] and entry[1] in kinds:
        keys = [k for k, _ in snap_props(kinds[entry[1]])]
        return json.dumps(["snap", entry[1], dict(zip(keys, entry[2], strict=False))])
    return json.dumps(entry)


def stream_kinds(sc: dict[str, Any]) -> dict[str, str]:
    """The class of each stream a scenario creates, by name."""
    return {op["name"]: op["kind"] for op in sc["ops"] if op["op"] == "create"}


def first_difference(ours: list[Any], node: list[Any], kinds: dict[str, str] | None = None) -> str:
    """Where two logs part (compared as JSON text, so ``True`` is not ``1``), for a message."""
    kinds = kinds or {}
    for i, (a, b) in enumerate(zip(ours, node, strict=False)):
        ja, jb = json.dumps(a), json.dumps(b)
        if ja != jb:
            ja, jb = _shown(a, kinds), _shown(b, kinds)
            context = "\n".join(f"    {_shown(e, kinds)}" for e in node[max(0, i - 4) : i])
            return f"entry {i}:\n  before:\n{context}\n  ours: {ja}\n  node: {jb}"
    if len(ours) != len(node):
        longer = "ours" if len(ours) > len(node) else "node"
        extra = (ours if len(ours) > len(node) else node)[min(len(ours), len(node))]
        return f"entry {min(len(ours), len(node))}: only {longer} goes on: {json.dumps(extra)}"
    return "no difference"


def main(argv: list[str]) -> int:
    """Replay every scenario of an oracle file; print where each differing one parts from Node.

    ``node tests/oracles/oracle_stream.mjs --explore SEED COUNT [VARIANT] > /tmp/x.json``, then
    ``PYTHONPATH=. python tests/stream_scenarios.py /tmp/x.json`` (from the repository root)
    hunts for differences beyond the committed fixture. Exit status 1 if any scenario differs.
    """
    with open(argv[1], encoding="utf-8") as f:
        data = json.load(f)
    differing = 0
    for sc in data["scenarios"]:
        ours = trio.run(run_scenario, sc)
        if json.dumps(ours) != json.dumps(sc["log"]):
            differing += 1
            print(f"{sc['id']}: {first_difference(ours, sc['log'], stream_kinds(sc))}\n")
    print(f"{differing} of {len(data['scenarios'])} scenarios differ from Node")
    return 1 if differing else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
