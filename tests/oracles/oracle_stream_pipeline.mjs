// stream.pipeline matrices recorded from Node for tests/test_stream_pipeline_oracle.py, which
// runs the same scenarios on the port: an error at every position of a 4-stage pipeline (each
// way a stage can fail), the `end` option against each kind of last stream, and objectMode
// (what each kind of source writes into byte and object streams). Plus one count from
// test-stream-pipeline.js: how often a never-ending source is read before the sink fails.
// Run: node tests/oracles/oracle_stream_pipeline.mjs > tests/fixtures/stream_pipeline_matrix.json
import { Readable, Writable, Transform, PassThrough, Duplex, pipeline } from 'node:stream';
import { pipeline as pipelinePromise } from 'node:stream/promises';

const describe = (err) => (err ? (err.code ?? err.message) : null);

function watch(log, name, stream) {
  for (const event of ['end', 'finish', 'close', 'error']) {
    stream.on(event, (err) => log.push(`${name}:${event}${event === 'error' ? ':' + describe(err) : ''}`));
  }
  return stream;
}

function show(chunk) {
  if (Buffer.isBuffer(chunk)) return `buf:${chunk.toString('hex')}`;
  if (typeof chunk === 'string') return `str:${chunk}`;
  if (typeof chunk === 'number') return `num:${chunk}`;
  return `obj:${JSON.stringify(chunk)}`;
}

// An error at every position: src, t1, t2, dst; each fails on chunk 'b'.
//   callback: the stage's callback gets the error (a Readable source destroys itself)
//   tick:     the same on the next tick
//   destroy:  the stage destroys itself with the error and never calls back
// Stage kinds: all Node streams, or generator functions at positions 0 and 1.
function failAt(log, position, how, kind, done) {
  const fail = (i) => i === position;
  const error = () => new Error(`failed at ${position}`);
  const stages = [];
  if (kind === 'streams') {
    const chunks = ['a', 'b', 'c'];
    stages.push(watch(log, 's0', new Readable({
      objectMode: true,
      read() {
        const chunk = chunks.shift();
        if (chunk === 'b' && fail(0)) {
          if (how === 'tick') process.nextTick(() => this.destroy(error()));
          else this.destroy(error());
          return;
        }
        this.push(chunk ?? null);
      },
    })));
  } else {
    stages.push(async function* source() {
      for (const chunk of ['a', 'b', 'c']) {
        if (chunk === 'b' && fail(0)) {
          if (how === 'tick') await Promise.resolve();
          throw error();
        }
        yield chunk;
      }
    });
  }
  if (kind === 'streams') {
    stages.push(watch(log, 's1', new Transform({
      objectMode: true,
      transform(chunk, enc, cb) {
        log.push(`s1:${chunk}`);
        if (chunk !== 'b' || !fail(1)) return cb(null, chunk);
        if (how === 'callback') cb(error());
        else if (how === 'tick') process.nextTick(cb, error());
        else this.destroy(error());
      },
    })));
  } else {
    stages.push(async function* middle(source) {
      for await (const chunk of source) {
        log.push(`s1:${chunk}`);
        if (chunk === 'b' && fail(1)) {
          if (how === 'tick') await Promise.resolve();
          throw error();
        }
        yield chunk;
      }
    });
  }
  stages.push(watch(log, 's2', new Transform({
    objectMode: true,
    transform(chunk, enc, cb) {
      log.push(`s2:${chunk}`);
      if (chunk !== 'b' || !fail(2)) return cb(null, chunk);
      if (how === 'callback') cb(error());
      else if (how === 'tick') process.nextTick(cb, error());
      else this.destroy(error());
    },
  })));
  stages.push(watch(log, 's3', new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      log.push(`s3:${chunk}`);
      if (chunk !== 'b' || !fail(3)) return cb();
      if (how === 'callback') cb(error());
      else if (how === 'tick') process.nextTick(cb, error());
      else this.destroy(error());
    },
  })));
  const streams = stages.filter((s) => typeof s !== 'function');
  pipeline(...stages, (err) => {
    log.push(`cb:${describe(err)}`);
    log.push(`destroyed:${streams.map((s) => s.destroyed).join(',')}`);
    done();
  });
}

// The `end` option against the kind of last stream, from a stream source or a generator.
function endOption(log, sourceKind, lastKind, end, done) {
  const source = sourceKind === 'stream' ?
    watch(log, 'src', Readable.from(['a', 'b'])) :
    async function* source() { yield 'a'; yield 'b'; };
  let last;
  if (lastKind === 'writable') {
    last = new Writable({ objectMode: true, write(chunk, enc, cb) { log.push(`write:${chunk}`); cb(); } });
  } else if (lastKind === 'passthrough') {
    last = new PassThrough({ objectMode: true });
    last.on('data', (chunk) => log.push(`data:${chunk}`));
  } else {
    last = new Duplex({
      objectMode: true,
      read() {},
      write(chunk, enc, cb) { log.push(`write:${chunk}`); cb(); },
      final(cb) { log.push('final'); this.push(null); cb(); },
    });
    last.resume();
  }
  watch(log, 'dst', last);
  pipelinePromise(source, last, { end }).then(() => log.push('resolved'), (err) => log.push(`rejected:${describe(err)}`)).then(() => {
    log.push(`dst:ended=${last.writableEnded},finished=${last.writableFinished},destroyed=${last.destroyed}`);
    setImmediate(() => {
      log.push(`later:closed=${last.closed},destroyed=${last.destroyed}`);
      done();
    });
  });
}

// What each kind of source writes into each kind of destination.
const sources = {
  strings: () => ['a', 'b'],
  numbers: () => [1, 2],
  objects: () => [{ x: 1 }],
  buffer: () => Buffer.from('ab'),
  string: () => 'ab',
  readable_strings: () => Readable.from(['a', 'b']),
  generator_buffers: () => async function* () { yield Buffer.from('a'); yield Buffer.from('b'); },
};
function objectModeCase(log, sourceName, destination, done) {
  const source = sources[sourceName]();
  const record = (chunk) => log.push(`got:${show(chunk)}`);
  const stages = [source];
  if (destination === 'bytes_writable' || destination === 'object_writable') {
    stages.push(new Writable({
      objectMode: destination === 'object_writable',
      write(chunk, enc, cb) { record(chunk); cb(); },
    }));
  } else if (destination === 'bytes_passthrough') {
    const pt = new PassThrough();
    pt.on('data', record);
    stages.push(pt);
  } else {
    stages.push(async function(source) { for await (const chunk of source) record(chunk); });
  }
  pipeline(...stages, (err) => {
    log.push(`cb:${describe(err)}`);
    done();
  });
}

// test-stream-pipeline.js, six transforms and a sink failing on its 10th write.
function readsBeforeSinkFails(log, done) {
  let reads = 0;
  const rs = new Readable({ read() { reads++; rs.push('hello'); } });
  let count = 10;
  const ws = new Writable({ write(data, enc, cb) { cb(--count === 0 ? new Error('kaboom') : null); } });
  const t = () => new Transform({ transform(data, enc, cb) { cb(null, data); } });
  pipeline(rs, t(), t(), t(), t(), t(), t(), ws, (err) => {
    log.push(`cb:${describe(err)}`, `reads:${reads}`);
    done();
  });
}

const scenarios = {};
for (const kind of ['streams', 'functions']) {
  for (const how of ['callback', 'tick', 'destroy']) {
    for (let position = 0; position < 4; position++) {
      if (kind === 'streams' && position === 0 && how === 'callback') continue;  // = destroy
      if (kind === 'functions' && position < 2 && how === 'destroy') continue;  // no stream
      if (kind === 'functions' && position < 2 && how === 'callback') continue;  // = throw
      scenarios[`fail_${kind}_${how}_at_${position}`] = (log, done) => failAt(log, position, how, kind, done);
    }
  }
}
for (const sourceKind of ['stream', 'generator']) {
  for (const lastKind of ['writable', 'passthrough', 'duplex']) {
    for (const end of [true, false]) {
      scenarios[`end_${end}_${sourceKind}_to_${lastKind}`] = (log, done) => endOption(log, sourceKind, lastKind, end, done);
    }
  }
}
for (const sourceName of Object.keys(sources)) {
  for (const destination of ['bytes_writable', 'object_writable', 'bytes_passthrough', 'async_function']) {
    scenarios[`object_mode_${sourceName}_to_${destination}`] = (log, done) => objectModeCase(log, sourceName, destination, done);
  }
}

const out = { node: process.version, high_water_mark: 16384, scenarios: {} };
for (const [name, run] of Object.entries(scenarios)) {
  const log = [];
  // Started from a macrotask, as the body of a CommonJS test is: there the nextTick queue runs
  // before the microtasks (at the top level of an ES module it would run after them).
  await new Promise((resolve) => setImmediate(() => run(log, () => setImmediate(resolve))));
  await new Promise((resolve) => setTimeout(resolve, 5));
  out.scenarios[name] = log;
}
{
  const log = [];
  await new Promise((resolve) => setImmediate(() => readsBeforeSinkFails(log, () => setImmediate(resolve))));
  out.reads_before_sink_fails = log;
}
console.log(JSON.stringify(out, null, 1));
