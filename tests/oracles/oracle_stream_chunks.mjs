// Chunk boundaries of Readable async iteration, recorded from Node for
// tests/test_stream_chunk_boundaries.py (which builds the same sources on the port).
// A chunk is recorded as "buf:<latin1 text>" or "str:<text>"; an object as "obj:<JSON>".
// Run: node tests/oracles/oracle_stream_chunks.mjs > tests/fixtures/stream_chunk_boundaries.json
import { Readable, Transform, PassThrough } from 'node:stream';

const B = (s) => Buffer.from(s, 'latin1');
const bytes = (...parts) => parts.map(B);
const show = (chunk) =>
  Buffer.isBuffer(chunk) ? `buf:${chunk.toString('latin1')}`
    : typeof chunk === 'string' ? `str:${chunk}` : `obj:${JSON.stringify(chunk)}`;

async function* agen(values) {
  for (const value of values) yield value;
}

async function collect(iterable) {
  const out = [];
  for await (const chunk of iterable) out.push(show(chunk));
  return out;
}

const five = () => Readable.from(bytes('a', 'b', 'c', 'd', 'e'), { objectMode: false });

// Each scenario returns the list of chunks in the order the consumer saw them.
const scenarios = {
  from_bytes_to_array: async () =>
    (await Readable.from(bytes('a', 'b', 'c'), { objectMode: false }).toArray()).map(show),
  from_bytes_async_for: () => collect(Readable.from(bytes('a', 'b', 'c', 'd', 'e'), { objectMode: false })),
  from_bytes_high_water_mark_4: () =>
    collect(Readable.from(bytes('ab', 'c', 'de', 'f', 'ghij', 'k'), { objectMode: false, highWaterMark: 4 })),
  from_bytes_long: () =>
    collect(Readable.from(Array.from({ length: 40 }, (_, i) => B(String.fromCharCode(97 + (i % 26)))), { objectMode: false })),
  from_bytes_past_a_ready_run: () =>
    collect(Readable.from(Array.from({ length: 100 }, (_, i) => B(String(i % 10))), { objectMode: false })),
  from_objects: () => collect(Readable.from(['a', 'b', { c: 1 }, 2])),
  from_strings_utf8: () =>
    collect(Readable.from(['a', 'bc', 'd'], { objectMode: false, encoding: 'utf8' })),
  from_strings_as_bytes: () => collect(Readable.from(['a', 'bc', 'd'], { objectMode: false })),
  from_split_utf8_character: () =>
    collect(Readable.from([Buffer.from([0x61, 0xe2, 0x82]), Buffer.from([0xac, 0x62]), B('c')],
      { objectMode: false, encoding: 'utf8' })),
  from_bytes_hex_encoding: () =>
    collect(Readable.from(bytes('a', 'bc', 'd'), { objectMode: false, encoding: 'hex' })),
  from_async_generator_bytes: () => collect(Readable.from(agen(bytes('a', 'b', 'c', 'd')), { objectMode: false })),
  from_async_generator_to_array: async () =>
    (await Readable.from(agen(bytes('a', 'b', 'c')), { objectMode: false }).toArray()).map(show),
  from_async_generator_strings_utf8: () =>
    collect(Readable.from(agen(['a', 'b', 'c']), { objectMode: false, encoding: 'utf8' })),
  read_pushes_two_per_call: () => {
    let n = 0;
    const r = new Readable({
      read() {
        if (n++ < 3) { this.push(B(`${n}x`)); this.push(B(`${n}y`)); } else this.push(null);
      },
    });
    return collect(r);
  },
  read_pushes_one_per_call_high_water_mark_2: () => {
    let n = 0;
    const r = new Readable({ highWaterMark: 2, read() { this.push(n < 5 ? B(String(n++)) : null); } });
    return collect(r);
  },
  transform_output: () => {
    const t = new Transform({ transform(chunk, enc, cb) { cb(null, chunk); } });
    Readable.from(bytes('a', 'b', 'c', 'd'), { objectMode: false }).pipe(t);
    return collect(t);
  },
  transform_pushing_twice: () => {
    const t = new Transform({ transform(chunk, enc, cb) { this.push(chunk); this.push(chunk); cb(); } });
    Readable.from(bytes('a', 'b'), { objectMode: false }).pipe(t);
    return collect(t);
  },
  transform_object_mode: () => {
    const t = new Transform({ objectMode: true, transform(chunk, enc, cb) { cb(null, chunk.toUpperCase()); } });
    Readable.from(['a', 'b', 'c']).pipe(t);
    return collect(t);
  },
  passthrough_prefilled: () => {
    const p = new PassThrough();
    p.write('a'); p.write('b'); p.end('c');
    return collect(p);
  },
  passthrough_written_while_iterating: async () => {
    const p = new PassThrough();
    const out = collect(p);
    p.write('a'); p.write('b');
    await new Promise((resolve) => setImmediate(resolve));
    p.write('c'); p.end('d');
    return out;
  },
  to_array_objects: async () => (await Readable.from(['x', 'y', 'z']).toArray()).map(show),
  // The operators read their source through the same iterator.
  map_sync: async () => (await five().map((c) => c).toArray()).map(show),
  map_async: async () => (await five().map(async (c) => c).toArray()).map(show),
  map_concurrency_2: async () => (await five().map((c) => c, { concurrency: 2 }).toArray()).map(show),
  map_async_concurrency_2: async () =>
    (await five().map(async (c) => c, { concurrency: 2 }).toArray()).map(show),
  filter_async: async () => (await five().filter(async () => true).toArray()).map(show),
  filter_all: async () => (await five().filter(() => true).toArray()).map(show),
  for_each_sync: async () => { const out = []; await five().forEach((c) => { out.push(show(c)); }); return out; },
  for_each_async: async () => { const out = []; await five().forEach(async (c) => { out.push(show(c)); }); return out; },
  reduce_chunks: () => five().reduce((acc, c) => [...acc, show(c)], []),
  take_3: async () => (await five().take(3).toArray()).map(show),
  drop_1: async () => (await five().drop(1).toArray()).map(show),
};

const result = { node: process.version, scenarios: {} };
for (const [name, scenario] of Object.entries(scenarios)) result.scenarios[name] = await scenario();
console.log(JSON.stringify(result, null, 1));
