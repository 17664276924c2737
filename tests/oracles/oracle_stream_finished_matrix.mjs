// stream.finished at every state of every stream kind, with every option set, recorded from
// Node for tests/test_stream_finished_matrix.py (which runs the same matrix on the port).
// Run: node tests/oracles/oracle_stream_finished_matrix.mjs > tests/fixtures/stream_finished_matrix.json
//
// A scenario builds a stream of one kind, brings it to one state, and attaches finished()
// either before the state's steps ("before") or once they have settled ("after"); at the end
// the stream is destroyed (if it is not yet). The log records each callback call with the
// phase it came in: "run" (the state's steps, attached before), "attached" (attached after),
// "destroy" (the final destroy()).
import { Readable, Writable, Duplex, Transform, finished } from 'node:stream';

const describe = (err) => (err ? (err.code ?? err.message) : null);
const write = (chunk, enc, cb) => cb(String(chunk) === 'bad' ? new Error('boom') : null);

const kinds = {
  readable: { r: true, w: false, make: (o) => new Readable({ read() {}, ...o }) },
  writable: { r: false, w: true, make: (o) => new Writable({ write, ...o }) },
  duplex: { r: true, w: true, make: (o) => new Duplex({ read() {}, write, ...o }) },
  transform: {
    r: true, w: true,
    make: (o) => new Transform({ transform(c, e, cb) { write(c, e, (err) => cb(err, c)); }, ...o }),
  },
};

const states = {
  fresh: { run() {} },
  read_end: { needs: 'r', run(s) { s.push(null); s.resume(); } },
  write_end: { needs: 'w', run(s) { s.end(); } },
  both_end: { needs: 'rw', run(s) { s.push(null); s.resume(); s.end(); } },
  destroyed: { run(s) { s.destroy(); } },
  destroyed_error: { run(s) { s.on('error', () => {}); s.destroy(new Error('boom')); } },
  // autoDestroy off: an error leaves the stream errored but not destroyed.
  errored_kept: {
    opts: { autoDestroy: false },
    run(s, kind) { s.on('error', () => {}); if (kind.w) s.write('bad'); else s.push(42); },
  },
  // autoDestroy off: both sides end, and the stream never closes by itself.
  ended_kept: {
    opts: { autoDestroy: false },
    run(s, kind) { if (kind.r) { s.push(null); s.resume(); } if (kind.w) s.end(); },
  },
  // emitClose off: destroyed, and no 'close' is ever emitted.
  destroyed_no_close: { opts: { emitClose: false }, run(s) { s.destroy(); } },
};

const options = {
  none: {},
  readable_false: { readable: false },
  writable_false: { writable: false },
  readable_true: { readable: true },
  error_false: { error: false },
};

const immediates = async (n) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };

const out = { node: process.version, scenarios: {} };
for (const [kindName, kind] of Object.entries(kinds)) {
  for (const [stateName, state] of Object.entries(states)) {
    if (state.needs && [...state.needs].some((side) => !kind[side])) continue;
    for (const [optName, opts] of Object.entries(options)) {
      for (const timing of ['before', 'after']) {
        const log = [];
        let phase = 'run';
        const s = kind.make(state.opts ?? {});
        const cb = (err) => log.push(`${phase}:${describe(err)}`);
        if (timing === 'before') finished(s, opts, cb);
        state.run(s, kind);
        await immediates(3);
        if (timing === 'after') {
          phase = 'attached';
          finished(s, opts, cb);
          await immediates(3);
        }
        phase = 'destroy';
        if (!s.destroyed) s.destroy();
        await immediates(3);
        out.scenarios[`${kindName}/${stateName}/${optName}/${timing}`] = log;
      }
    }
  }
}
console.log(JSON.stringify(out, null, 1));
