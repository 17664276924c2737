#!/usr/bin/env node
// oracle_buffer_numeric.js -- ask Node how Buffer's numeric reads, writes and swaps behave.
//
// Usage:
//   node tests/oracles/oracle_buffer_numeric.js [--seed S] [--n N] \
//       > tests/fixtures/buffer_numeric/cases.jsonl
//
// One JSON object per line:
//   {"id": 5, "op": "writeUInt32LE", "this": "<hex>", "args": [...],
//    "result": {"ret": <value>} | {"error": <code>, "name": <err.name>, "message": <msg>},
//    "this_after": "<hex>"}
// Values: JSON numbers are JS numbers (integral ones written without exponent when
// |v| <= 2**53 so Python reads them as int); {"num": "NaN"|"Infinity"|"-Infinity"|"-0"} for
// the special numbers; {"bigint": "<decimal>"} for a BigInt. Only numbers and BigInts are
// passed (no JS coercion cases: the Python port rejects non-numbers by design).
'use strict';

const argv = process.argv.slice(2);
function opt(name, dflt) {
  const i = argv.indexOf('--' + name);
  return i === -1 ? dflt : argv[i + 1];
}
let seed = Number(opt('seed', '11')) >>> 0;
const N = Number(opt('n', '4000'));

function rnd() { // mulberry32
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
function randBig(bits) {
  let v = 0n;
  for (let i = 0; i < bits; i += 16) v = (v << 16n) | BigInt(ri(0, 0xffff));
  return v & ((1n << BigInt(bits)) - 1n);
}

function enc(v) {
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { num: 'NaN' };
    if (v === Infinity) return { num: 'Infinity' };
    if (v === -Infinity) return { num: '-Infinity' };
    if (Object.is(v, -0)) return { num: '-0' };
    return v;
  }
  return v;
}

const FIXED = [
  ['UInt8', 1, 0, 0xff], ['Int8', 1, -0x80, 0x7f],
  ['UInt16LE', 2, 0, 0xffff], ['UInt16BE', 2, 0, 0xffff],
  ['Int16LE', 2, -0x8000, 0x7fff], ['Int16BE', 2, -0x8000, 0x7fff],
  ['UInt32LE', 4, 0, 0xffffffff], ['UInt32BE', 4, 0, 0xffffffff],
  ['Int32LE', 4, -0x80000000, 0x7fffffff], ['Int32BE', 4, -0x80000000, 0x7fffffff],
];
const FLOATS = [['FloatLE', 4], ['FloatBE', 4], ['DoubleLE', 8], ['DoubleBE', 8]];
const BIGS = [
  ['BigUInt64LE', 0n, 2n ** 64n - 1n], ['BigUInt64BE', 0n, 2n ** 64n - 1n],
  ['BigInt64LE', -(2n ** 63n), 2n ** 63n - 1n], ['BigInt64BE', -(2n ** 63n), 2n ** 63n - 1n],
];
const VARS = ['UIntLE', 'UIntBE', 'IntLE', 'IntBE'];

function randBuf(minLen) {
  const n = chance(0.1) ? ri(0, minLen) : ri(minLen, minLen + 8);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = ri(0, 255);
  return b;
}

function randOffset(len, size) {
  const r = rnd();
  if (r < 0.7) return ri(0, Math.max(0, len - size));
  if (r < 0.8) return len - size + ri(1, 3);
  if (r < 0.85) return -ri(1, 4);
  if (r < 0.9) return ri(0, 6) + pick([0.5, 0.25, 0.999]);
  if (r < 0.93) return pick([NaN, Infinity, -Infinity]);
  if (r < 0.96) return pick([2 ** 32, 2 ** 40 + 1, 1e20]);
  return ri(0, len) * 1.0;
}

function randIntValue(min, max) {
  const r = rnd();
  if (r < 0.55) return min + Math.floor(rnd() * (max - min + 1));
  if (r < 0.65) return pick([min, max, 0, -1, 1]);
  if (r < 0.75) return pick([min - 1, max + 1, max * 2 + 7, min - 2 ** 20, 2 ** 53]);
  if (r < 0.88) return (min + rnd() * (max - min)) ;  // fractional, in range
  if (r < 0.93) return pick([NaN, -0, 0.5, -0.5, max + 0.5, min - 0.5]);
  return pick([Infinity, -Infinity, 1e300, -1e300]);
}

function randFloatValue(single) {
  const r = rnd();
  if (r < 0.3) return (rnd() - 0.5) * 2 ** ri(-30, 30);
  if (r < 0.5) return ri(-1000000, 1000000);
  if (r < 0.6) return pick([NaN, Infinity, -Infinity, -0, 0, 5e-324, 1.7976931348623157e308,
                            -1.7976931348623157e308]);
  if (single && r < 0.8) {
    // Around the float32 limits: overflow to Infinity, subnormals, ties.
    return pick([3.4028234663852886e38, 3.4028235677973366e38, 3.4028235677973362e38,
                 3.402823567797337e38, -3.4028236e38, 1e39, -1e39, 1.401298464324817e-45,
                 7e-46, 7.006492321624085e-46, 1e-46, 1.1754942106924411e-38,
                 16777217, 16777219, 0.1, 1 / 3, 2 ** 128, -(2 ** 128)]);
  }
  const f64 = new Float64Array(1);
  const u8 = new Uint8Array(f64.buffer);
  for (let i = 0; i < 8; i++) u8[i] = ri(0, 255);
  return f64[0];
}

function randBigValue(min, max) {
  const r = rnd();
  if (r < 0.6) return min + randBig(64) % (max - min + 1n);
  if (r < 0.75) return pick([min, max, 0n, -1n, 1n]);
  return pick([min - 1n, max + 1n, max * 3n, min - 2n ** 70n, 2n ** 64n]);
}

function randByteLength() {
  const r = rnd();
  if (r < 0.85) return ri(1, 6);
  return pick([0, 7, -1, 2.5, NaN, Infinity, 8]);
}

function run(op, buf, args) {
  const b = Buffer.from(buf);
  const before = b.toString('hex');
  let result;
  try {
    const ret = b[op](...args);
    result = { ret: ret === b ? 'this' : enc(ret) };
  } catch (e) {
    result = { error: e.code || null, name: e.name, message: e.message };
  }
  return { op, this: before, args: args.map(enc), result, this_after: b.toString('hex') };
}

function oneCase() {
  const kind = rnd();
  if (kind < 0.35) {
    const [name, size, min, max] = pick(FIXED);
    const buf = randBuf(size);
    if (chance(0.4)) return run('read' + name, buf, chance(0.1) ? [] : [randOffset(buf.length, size)]);
    const args = [randIntValue(min, max)];
    if (!chance(0.1)) args.push(randOffset(buf.length, size));
    return run('write' + name, buf, args);
  }
  if (kind < 0.55) {
    const [name, size] = pick(FLOATS);
    const buf = randBuf(size);
    if (chance(0.4)) return run('read' + name, buf, [randOffset(buf.length, size)]);
    return run('write' + name, buf, [randFloatValue(size === 4), randOffset(buf.length, size)]);
  }
  if (kind < 0.7) {
    const [name, min, max] = pick(BIGS);
    const buf = randBuf(8);
    if (chance(0.4)) return run('read' + name, buf, [randOffset(buf.length, 8)]);
    return run('write' + name, buf, [randBigValue(min, max), randOffset(buf.length, 8)]);
  }
  if (kind < 0.95) {
    const name = pick(VARS);
    const bl = randByteLength();
    const size = Number.isInteger(bl) && bl >= 1 && bl <= 6 ? bl : 3;
    const buf = randBuf(size);
    const off = randOffset(buf.length, size);
    if (chance(0.4)) return run('read' + name, buf, [off, bl]);
    const bits = size * 8;
    const signed = name.startsWith('Int');
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    return run('write' + name, buf, [randIntValue(min, max), off, bl]);
  }
  const w = pick([16, 32, 64]);
  const len = chance(0.7) ? (w / 8) * ri(0, 40) : ri(0, 40);
  const buf = Buffer.alloc(len);
  for (let i = 0; i < len; i++) buf[i] = ri(0, 255);
  return run('swap' + w, buf, []);
}

for (let id = 0; id < N; id++) {
  process.stdout.write(JSON.stringify({ id, ...oneCase() }) + '\n');
}
