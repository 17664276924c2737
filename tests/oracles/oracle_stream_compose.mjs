// Event orders of stream.pipeline and stream.finished, recorded from Node for
// tests/test_stream_compose_oracle.py (which runs the same scenarios on the port).
// Run: node tests/oracles/oracle_stream_compose.mjs > tests/fixtures/stream_compose_orders.json
import { Readable, Writable, PassThrough, Transform, pipeline, finished } from 'node:stream';

function watch(log, name, stream) {
  for (const event of ['end', 'finish', 'close', 'error', 'prefinish']) {
    stream.on(event, (err) => log.push(`${name}:${event}${event === 'error' ? ':' + (err.code ?? err.message) : ''}`));
  }
  return stream;
}
const describe = (err) => (err ? (err.code ?? err.message) : null);

function sink(log, opts = {}) {
  return new Writable({ objectMode: true, ...opts, write(chunk, enc, cb) { log.push(`write:${chunk}`); (opts.fail === String(chunk)) ? cb(new Error('write failed')) : cb(); } });
}

const scenarios = {
  pipeline_ok(log, done) {
    pipeline(watch(log, 'src', Readable.from(['a', 'b'])), watch(log, 'mid', new PassThrough({ objectMode: true })),
      watch(log, 'dst', sink(log)), (err) => { log.push(`cb:${describe(err)}`); done(); });
  },
  pipeline_source_error(log, done) {
    let n = 0;
    const src = new Readable({ objectMode: true, read() { if (n++ === 0) this.push('a'); else this.destroy(new Error('source failed')); } });
    pipeline(watch(log, 'src', src), watch(log, 'mid', new PassThrough({ objectMode: true })),
      watch(log, 'dst', sink(log)), (err) => { log.push(`cb:${describe(err)}`); done(); });
  },
  pipeline_sink_error(log, done) {
    pipeline(watch(log, 'src', Readable.from(['a', 'b', 'c'])), watch(log, 'mid', new PassThrough({ objectMode: true })),
      watch(log, 'dst', sink(log, { fail: 'b' })), (err) => { log.push(`cb:${describe(err)}`); done(); });
  },
  pipeline_premature_close(log, done) {
    const mid = new PassThrough({ objectMode: true });
    pipeline(watch(log, 'src', new Readable({ objectMode: true, read() {} })), watch(log, 'mid', mid),
      watch(log, 'dst', sink(log)), (err) => { log.push(`cb:${describe(err)}`); done(); });
    setImmediate(() => mid.destroy());
  },
  pipeline_transform_error(log, done) {
    const t = new Transform({ objectMode: true, transform(chunk, enc, cb) { cb(chunk === 'b' ? new Error('transform failed') : null, chunk); } });
    pipeline(watch(log, 'src', Readable.from(['a', 'b', 'c'])), watch(log, 'mid', t),
      watch(log, 'dst', sink(log)), (err) => { log.push(`cb:${describe(err)}`); done(); });
  },
  pipeline_array_form(log, done) {
    const dst = watch(log, 'dst', sink(log));
    pipeline([watch(log, 'src', Readable.from(['a'])), dst], (err) => {
      log.push(`cb:${describe(err)}`); log.push(`dst.writableEnded:${dst.writableEnded}`); done();
    });
  },
  pipeline_generator_stage(log, done) {
    pipeline(watch(log, 'src', Readable.from(['a', 'b'])), async function* (source) {
      for await (const chunk of source) { log.push(`gen:${chunk}`); yield chunk.toUpperCase(); }
    }, watch(log, 'dst', sink(log)), (err) => { log.push(`cb:${describe(err)}`); done(); });
  },
  finished_readable_end(log, done) {
    const r = watch(log, 'r', Readable.from(['a']));
    finished(r, (err) => { log.push(`cb:${describe(err)}`); done(); });
    r.resume();
  },
  finished_premature_close(log, done) {
    const r = watch(log, 'r', new Readable({ read() {} }));
    finished(r, (err) => { log.push(`cb:${describe(err)}`); done(); });
    r.destroy();
  },
  finished_error(log, done) {
    const r = watch(log, 'r', new Readable({ read() {} }));
    finished(r, (err) => { log.push(`cb:${describe(err)}`); done(); });
    r.destroy(new Error('failed'));
  },
  finished_writable(log, done) {
    const w = watch(log, 'w', sink(log));
    finished(w, (err) => { log.push(`cb:${describe(err)}`); done(); });
    w.write('x');
    w.end();
  },
  finished_writable_only_of_duplex(log, done) {
    const d = watch(log, 'd', new PassThrough({ objectMode: true }));
    finished(d, { readable: false }, (err) => { log.push(`cb:${describe(err)}`); done(); });
    d.end('x');
    setImmediate(() => d.resume());
  },
  finished_already_ended(log, done) {
    const r = watch(log, 'r', Readable.from([]));
    r.resume();
    r.on('close', () => {
      finished(r, (err) => { log.push(`cb:${describe(err)}`); done(); });
      log.push('after finished()');
    });
  },
};

const out = { node: process.version, scenarios: {} };
for (const [name, run] of Object.entries(scenarios)) {
  const log = [];
  await new Promise((resolve) => run(log, () => setImmediate(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 5));
  out.scenarios[name] = log;
}
console.log(JSON.stringify(out, null, 1));
