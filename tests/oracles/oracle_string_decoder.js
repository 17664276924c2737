#!/usr/bin/env node
// oracle_string_decoder.js -- ask Node how node:string_decoder splits a byte stream.
//
// Usage:
//   node tests/oracles/oracle_string_decoder.js [--seed S] [--n N] \
//       > tests/fixtures/string_decoder/cases.jsonl
//
// One JSON object per line (pure ASCII: every non-ASCII UTF-16 code unit is written as
// \uXXXX, so lone surrogates survive and Python's json.loads gives the matching str):
//
//   {"id": 3, "encoding": "UCS-2", "normalized": "utf16le",
//    "chunks": ["3dd8", "00de41"], "end_chunk": "41" | null,
//    "writes": [{"out": "", "last_char": "3dd80000", "last_need": 2, "last_total": 4}, ...],
//    "end": {"out": "...", "last_char": "...", "last_need": 0, "last_total": 0},
//    "whole": "<Buffer.concat(chunks + end_chunk).toString(normalized)>"}
//
// The cases are random bytes shaped per encoding (valid and broken UTF-8, surrogate-heavy
// UTF-16, any bytes for the rest) cut at random points, empty chunks included, after the
// model of Node's own test/parallel/test-string-decoder-fuzz.js.
'use strict';

const { StringDecoder } = require('string_decoder');

const argv = process.argv.slice(2);
function opt(name, dflt) {
  const i = argv.indexOf('--' + name);
  return i === -1 ? dflt : argv[i + 1];
}
let seed = Number(opt('seed', '7')) >>> 0;
const N = Number(opt('n', '1500'));

// mulberry32: a small seeded PRNG so the fixtures can be regenerated exactly.
function rnd() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];

const NAMES = {
  utf8: ['utf8', 'utf-8', 'UTF-8', 'Utf8'],
  utf16le: ['utf16le', 'utf-16le', 'ucs2', 'UCS-2', 'UTF16LE'],
  latin1: ['latin1', 'binary', 'BINARY'],
  ascii: ['ascii', 'ASCII'],
  hex: ['hex', 'HEX'],
  base64: ['base64', 'Base64'],
  base64url: ['base64url', 'BASE64URL'],
};

function randomBytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = ri(0, 255);
  return b;
}

// UTF-8 made of characters of every length, then sometimes damaged.
function utf8Bytes(n) {
  const parts = [];
  let len = 0;
  const pieces = [
    () => Buffer.from([ri(0x20, 0x7e)]),
    () => Buffer.from(String.fromCodePoint(ri(0x80, 0x7ff))),
    () => Buffer.from(String.fromCodePoint(ri(0x800, 0xd7ff))),
    () => Buffer.from(String.fromCodePoint(ri(0xe000, 0xffff))),
    () => Buffer.from(String.fromCodePoint(ri(0x10000, 0x10ffff))),
    // Bytes V8 rejects: stray continuation, overlong leads, surrogates, >U+10FFFF, F5-FF.
    () => Buffer.from([ri(0x80, 0xbf)]),
    () => Buffer.from([pick([0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff]), ri(0x80, 0xbf)]),
    () => Buffer.from([0xed, ri(0xa0, 0xbf), ri(0x80, 0xbf)]),
    () => Buffer.from([0xf4, ri(0x90, 0xbf), ri(0x80, 0xbf), ri(0x80, 0xbf)]),
    () => Buffer.from([0xe0, ri(0x80, 0x9f), ri(0x80, 0xbf)]),
    () => Buffer.from(String.fromCodePoint(ri(0x10000, 0x10ffff))).subarray(0, ri(1, 3)),
    () => Buffer.from(String.fromCodePoint(ri(0x800, 0xffff))).subarray(0, ri(1, 2)),
  ];
  while (len < n) {
    const p = rnd() < 0.55 ? pick(pieces.slice(0, 5))() : pick(pieces)();
    parts.push(p);
    len += p.length;
  }
  return Buffer.concat(parts).subarray(0, n);
}

// UTF-16LE code units with many surrogates, paired and lone.
function utf16Bytes(n) {
  const b = Buffer.alloc(n);
  let i = 0;
  while (i < n) {
    const r = rnd();
    let units;
    if (r < 0.3) units = [ri(0x20, 0x7e)];
    else if (r < 0.5) units = [ri(0xd800, 0xdbff), ri(0xdc00, 0xdfff)];
    else if (r < 0.6) units = [ri(0xd800, 0xdbff)];
    else if (r < 0.7) units = [ri(0xdc00, 0xdfff)];
    else units = [ri(0, 0xffff)];
    for (const u of units) {
      if (i < n) b[i++] = u & 0xff;
      if (i < n) b[i++] = u >> 8;
    }
  }
  return b;
}

function bytesFor(enc, n) {
  if (enc === 'utf8') return rnd() < 0.2 ? randomBytes(n) : utf8Bytes(n);
  if (enc === 'utf16le') return rnd() < 0.2 ? randomBytes(n) : utf16Bytes(n);
  return randomBytes(n);
}

function split(buf) {
  const chunks = [];
  let i = 0;
  while (i < buf.length) {
    const step = rnd() < 0.15 ? 0 : ri(1, rnd() < 0.7 ? 4 : 24);
    chunks.push(buf.subarray(i, i + step));
    i += step;
  }
  if (rnd() < 0.2) chunks.splice(ri(0, chunks.length), 0, Buffer.alloc(0));
  return chunks;
}

function asciiJSON(v) {
  return JSON.stringify(v).replace(/[\u007f-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function state(sd, out) {
  return { out, last_char: Buffer.from(sd.lastChar).toString('hex'),
           last_need: sd.lastNeed, last_total: sd.lastTotal };
}

const encs = Object.keys(NAMES);
for (let id = 0; id < N; id++) {
  const normalized = encs[id % encs.length];
  const encoding = pick(NAMES[normalized]);
  const all = bytesFor(normalized, ri(0, rnd() < 0.8 ? 24 : 120));
  const chunks = split(all);
  let endChunk = null;
  if (chunks.length && rnd() < 0.3) endChunk = chunks.pop();
  const sd = new StringDecoder(encoding);
  const writes = chunks.map((c) => state(sd, sd.write(c)));
  const end = state(sd, endChunk === null ? sd.end() : sd.end(endChunk));
  const whole = all.toString(normalized);
  process.stdout.write(asciiJSON({
    id, encoding, normalized: sd.encoding,
    chunks: chunks.map((c) => c.toString('hex')),
    end_chunk: endChunk === null ? null : endChunk.toString('hex'),
    writes, end, whole,
  }) + '\n');
}
