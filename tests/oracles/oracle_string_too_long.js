#!/usr/bin/env node
// oracle_string_too_long.js -- ask Node where buf.toString() and StringDecoder stop making
// strings: for each encoding, the largest byte length that still decodes and whether one
// byte more raises ERR_STRING_TOO_LONG (test-buffer-tostring-rangeerror.js,
// test-string-decoder.js). Needs ~1.5 GB of memory for a few seconds.
//
// Usage: node tests/oracles/oracle_string_too_long.js > tests/fixtures/buffer/string_too_long.json
'use strict';

const { constants: { MAX_STRING_LENGTH: M } } = require('buffer');
const { StringDecoder } = require('string_decoder');

// The candidate boundary per encoding: the largest n whose output fits in M UTF-16 units.
const candidates = {
  utf8: M,
  latin1: M,
  ascii: M,
  hex: Math.floor(M / 2),
  utf16le: 2 * M + 1,
  base64: Math.floor(M / 4) * 3,
  base64url: Math.floor((3 * M) / 4),
};

const big = Buffer.alloc(2 * M + 2, 0x61);

function attempt(fn) {
  try {
    return { ok: fn().length };
  } catch (err) {
    return { error: err.code, name: err.name, message: err.message };
  }
}

const out = { MAX_STRING_LENGTH: M, node: process.version, encodings: {} };
for (const [enc, n] of Object.entries(candidates)) {
  out.encodings[enc] = {
    max_bytes: n,
    at_max: attempt(() => big.subarray(0, n).toString(enc)),
    past_max: attempt(() => big.subarray(0, n + 1).toString(enc)),
    decoder_past_max: attempt(() => new StringDecoder(enc).write(big.subarray(0, n + 1))),
  };
}
// UTF-8 is refused by byte length, before decoding: 4-byte characters that would make far
// fewer than M units are refused all the same.
const astral = Buffer.alloc(M + 4, Buffer.from('\u{1F600}'));
out.utf8_astral_past_max = attempt(() => astral.toString('utf8'));
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
