#!/usr/bin/env node
// oracle_crypto_std.mjs -- ask Node what node:crypto's standard-library half returns.
//
// Usage:
//   node tests/oracles/oracle_crypto_std.mjs > tests/fixtures/crypto_std/oracle.json
//
// Covers: every digest algorithm of crypto.getHashes() over assorted inputs and output
// encodings; algorithm-name spellings (aliases, case, OpenSSL names, Python-only names);
// SHAKE output lengths and copy(); update() input encodings; digest() output encodings;
// HMACs with assorted keys; pbkdf2, scrypt and hkdf vectors; and the error (name, code,
// message) of every bad call in ERROR_CASES. Each error case has an id; the Python test holds
// the same call under the same id.
//
// Inputs are described, not pasted: {"kind": "utf8", "value": str} | {"kind": "hex", ...} |
// {"kind": "pattern", "length": n} where pattern byte i is (i * 31 + 7) & 0xff.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const pattern = (n) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
};
const INPUTS = [
  { name: 'empty', kind: 'utf8', value: '' },
  { name: 'ascii', kind: 'utf8', value: 'The quick brown fox jumps over the lazy dog' },
  { name: 'unicode', kind: 'utf8', value: 'h\u00e9llo w\u00f6rld \ud834\udd1e \u2713 \u65e5\u672c' },
  { name: 'lone_surrogate', kind: 'utf8', value: 'a\ud800b\udc00' },
  { name: 'binary', kind: 'hex', value: Buffer.from([...Array(256).keys()]).toString('hex') },
  { name: 'one_mib', kind: 'pattern', length: 1 << 20 },
];
const materialize = (inp) =>
  inp.kind === 'utf8' ? inp.value : inp.kind === 'hex' ? Buffer.from(inp.value, 'hex') : pattern(inp.length);

const OUTPUT_ENCODINGS = ['hex', 'base64', 'base64url', 'latin1', 'buffer'];
const show = (v) => (Buffer.isBuffer(v) ? { buffer: v.toString('hex') } : v instanceof ArrayBuffer ? { array_buffer: Buffer.from(v).toString('hex') } : v);

function outcome(fn) {
  try {
    return { value: show(fn()) };
  } catch (e) {
    return { error: { name: e.name, code: e.code === undefined ? null : e.code, message: e.message } };
  }
}

const out = { node: process.version, openssl: process.versions.openssl };

// ---- algorithms
out.get_hashes = crypto.getHashes();
out.digests = [];
for (const alg of out.get_hashes) {
  for (const inp of INPUTS) {
    const data = materialize(inp);
    const row = { algorithm: alg, input: inp.name, out: {} };
    for (const enc of OUTPUT_ENCODINGS) {
      const h = crypto.createHash(alg).update(data);
      row.out[enc] = show(enc === 'buffer' ? h.digest() : h.digest(enc));
    }
    out.digests.push(row);
  }
}
out.inputs = INPUTS;

const NAME_CANDIDATES = [
  'sha256', 'SHA256', 'Sha256', 'RSA-SHA256', 'rsa-sha256', 'sha256WithRSAEncryption', 'SHA256WITHRSAENCRYPTION',
  'sha-256', 'SHA2-256', 'sha2-256', '2.16.840.1.101.3.4.2.1', 'sha-1', 'SHA1', 'ssl3-sha1', 'RSA-SHA1-2',
  'sha512-224', 'SHA512-224', 'sha512/224', 'sha512_224', 'SHA2-512/224', 'sha-512/256', 'RSA-SHA512/256',
  'sha3-256', 'SHA3-256', 'sha3_256', 'RSA-SHA3-256', 'id-rsassa-pkcs1-v1_5-with-sha3-256',
  'shake128', 'SHAKE128', 'shake-128', 'SHAKE-128', 'shake_128', 'shake256',
  'blake2b512', 'BLAKE2B512', 'BLAKE2b-512', 'blake2b', 'blake2s256', 'blake2s-256', 'blake2s',
  'ripemd160', 'ripemd', 'rmd160', 'RIPEMD-160', 'ripemd160WithRSA', 'md5', 'MD5', 'ssl3-md5', 'md5-sha1', 'MD5-SHA1',
  'sm3', 'SM3', 'md4', 'MD4', 'whirlpool', 'mdc2', 'md2', 'nope', '', 'sha', 'sha256 ', 'keccak-256',
];
out.names = NAME_CANDIDATES.map((name) => ({
  name,
  hash: outcome(() => crypto.createHash(name).update('x').digest('hex')),
  hmac: outcome(() => crypto.createHmac(name, 'key').update('x').digest('hex')),
  one_shot: outcome(() => crypto.hash(name, 'x')),
  pbkdf2: outcome(() => crypto.pbkdf2Sync('p', 's', 1, 8, name)),
  hkdf: outcome(() => crypto.hkdfSync(name, 'k', 's', 'i', 8)),
}));

// ---- SHAKE output lengths, copy
out.xof = [];
for (const alg of ['shake128', 'shake256']) {
  for (const len of [undefined, 0, 1, 5, 16, 32, 33, 100, 1000]) {
    const opts = len === undefined ? undefined : { outputLength: len };
    out.xof.push({ algorithm: alg, output_length: len ?? null, hex: crypto.createHash(alg, opts).update('abc').digest('hex') });
  }
}
out.copies = [];
for (const [alg, first, second, len, copyLen] of [
  ['sha256', 'abc', 'def', undefined, undefined],
  ['sha512', '', 'xyz', undefined, undefined],
  ['md5', 'a'.repeat(1000), 'b', undefined, undefined],
  ['sha3-256', 'abc', '', undefined, undefined],
  ['shake256', 'abc', 'def', 5, 40],
  ['shake128', 'abc', 'def', 64, undefined],
  ['blake2b512', 'abc', 'def', undefined, undefined],
]) {
  const h = crypto.createHash(alg, len === undefined ? undefined : { outputLength: len }).update(first);
  const c = h.copy(copyLen === undefined ? undefined : { outputLength: copyLen });
  c.update(second);
  out.copies.push({
    algorithm: alg, first, second, output_length: len ?? null, copy_output_length: copyLen ?? null,
    copy_hex: c.digest('hex'), original_hex: h.digest('hex'),
  });
}
out.non_xof_output_length = [['sha256', 32], ['sha256', 16], ['sha1', 20], ['md5', 0], ['sha512', 64]].map(([a, n]) => ({
  algorithm: a, output_length: n, result: outcome(() => crypto.createHash(a, { outputLength: n }).update('x').digest('hex')),
}));

// ---- update() input encodings and digest() output encodings
const STRINGS = ['hi', 'aGk=', '6869', 'h\u00e9\u0100\ud83d\ude00', 'a\ud800', '-_+/=', ''];
const IN_ENCODINGS = ['utf8', 'utf-8', 'UTF8', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2', 'UCS-2', 'base64', 'BASE64', 'base64url', 'hex', 'HEX', 'buffer', 'nope', null];
out.update_encodings = [];
for (const s of STRINGS) {
  for (const enc of IN_ENCODINGS) {
    out.update_encodings.push({ data: s, encoding: enc, result: outcome(() => crypto.createHash('sha256').update(s, enc ?? undefined).digest('hex')) });
  }
}
const OUT_ENCODINGS = ['hex', 'HEX', 'base64', 'Base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf8', 'utf-8', 'utf16le', 'ucs2', 'buffer', 'BUFFER', 'nope', '', null];
out.digest_encodings = [];
for (const data of ['x', 'hello world']) {
  for (const enc of OUT_ENCODINGS) {
    out.digest_encodings.push({ data, encoding: enc, result: outcome(() => crypto.createHash('sha1').update(data).digest(enc ?? undefined)) });
  }
}
out.hash_one_shot = [];
for (const enc of [...OUT_ENCODINGS, 'BUFFER', undefined]) {
  out.hash_one_shot.push({ encoding: enc === undefined ? '<default>' : enc, result: outcome(() => (enc === undefined ? crypto.hash('sha256', 'abc') : crypto.hash('sha256', 'abc', enc))) });
}
// Hmac.digest() after digest(): an empty result in that encoding, not an error.
out.hmac_redigest = ['hex', 'base64', 'buffer', 'latin1', 'nope', 'BUFFER', '', null].map((enc) => {
  const h = crypto.createHmac('sha256', 'k');
  h.digest();
  return { encoding: enc, result: outcome(() => h.digest(enc ?? undefined)) };
});

// ---- HMAC
const KEYS = [
  { name: 'empty', kind: 'utf8', value: '' },
  { name: 'short', kind: 'utf8', value: 'key' },
  { name: 'unicode', kind: 'utf8', value: 'cl\u00e9 \ud83d\udd11' },
  { name: 'block64', kind: 'pattern', length: 64 },
  { name: 'block65', kind: 'pattern', length: 65 },
  { name: 'long200', kind: 'pattern', length: 200 },
];
const MESSAGES = [INPUTS[0], INPUTS[1], INPUTS[2], INPUTS[4]];
out.hmac_keys = KEYS;
out.hmacs = [];
for (const alg of out.get_hashes.filter((a) => !/^shake/i.test(a))) {
  for (const key of KEYS) {
    for (const msg of MESSAGES) {
      out.hmacs.push({ algorithm: alg, key: key.name, input: msg.name, hex: crypto.createHmac(alg, materialize(key)).update(materialize(msg)).digest('hex') });
    }
  }
}
out.hmac_key_encodings = ['utf8', 'hex', 'base64', 'latin1', 'utf16le', 'buffer', null].map((enc) => ({
  key: '6b6579', encoding: enc, result: outcome(() => crypto.createHmac('sha256', '6b6579', enc === null ? undefined : { encoding: enc }).update('m').digest('hex')),
}));

// ---- KDFs
out.pbkdf2 = [];
for (const [password, salt, iterations, keylen, digest] of [
  ['password', 'salt', 1, 20, 'sha1'], ['password', 'salt', 2, 20, 'sha1'], ['password', 'salt', 4096, 20, 'sha1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'],
  ['pass\u0000word', 'sa\u0000lt', 4096, 16, 'sha1'],
  ['password', 'salt', 1, 32, 'sha256'], ['password', 'salt', 2, 32, 'sha256'], ['password', 'salt', 100, 64, 'sha512'],
  ['password', 'salt', 10, 100, 'sha256'], ['p\u00e4ssw\u00f6rd', 's\u00e4lt', 5, 40, 'sha384'],
  ['password', 'salt', 3, 48, 'sha3-256'], ['password', 'salt', 3, 30, 'md5'], ['password', 'salt', 3, 30, 'ripemd160'],
  ['password', 'salt', 3, 30, 'sha512-256'], ['password', 'salt', 3, 70, 'blake2b512'], ['password', 'salt', 3, 33, 'SHA256'],
  ['password', 'salt', 3, 33, 'RSA-SHA256'], ['', '', 1, 16, 'sha256'], ['password', 'salt', 1, 0, 'sha256'],
  ['password', 'salt', 2, 1, 'md5-sha1'],
]) {
  out.pbkdf2.push({ password, salt, iterations, keylen, digest, hex: crypto.pbkdf2Sync(password, salt, iterations, keylen, digest).toString('hex') });
}
out.scrypt = [];
for (const [password, salt, keylen, options] of [
  ['', '', 64, { N: 16, r: 1, p: 1 }],
  ['password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }],
  ['pleaseletmein', 'SodiumChloride', 64, { N: 16384, r: 8, p: 1 }],
  ['password', 'salt', 16, undefined],
  ['password', 'salt', 16, { cost: 32, blockSize: 4, parallelization: 2 }],
  ['password', 'salt', 16, { N: 0, r: 0, p: 0, maxmem: 0 }],
  ['p\u00e4ss', 's\u00e4lt', 20, { N: 64 }],
  ['password', 'salt', 0, { N: 16 }],
  ['password', 'salt', 1, { N: 1024, r: 8, p: 1, maxmem: 128 * 1026 * 8 + 128 * 8 }],
]) {
  out.scrypt.push({ password, salt, keylen, options: options ?? null, hex: crypto.scryptSync(password, salt, keylen, options).toString('hex') });
}
out.hkdf = [];
for (const [digest, ikm, salt, info, length] of [
  ['sha256', '0b'.repeat(22), '000102030405060708090a0b0c', 'f0f1f2f3f4f5f6f7f8f9', 42],
  ['sha256', Buffer.from([...Array(80).keys()]).toString('hex'), Buffer.from([...Array(80).keys()].map((i) => i + 0x60)).toString('hex'), Buffer.from([...Array(80).keys()].map((i) => i + 0xb0)).toString('hex'), 82],
  ['sha256', '0b'.repeat(22), '', '', 42],
  ['sha1', '0b'.repeat(11), '000102030405060708090a0b0c', 'f0f1f2f3f4f5f6f7f8f9', 42],
  ['sha1', '0c'.repeat(22), '', '', 42],
  ['sha512', '0b'.repeat(22), 'aa', 'bb', 255 * 64],
  ['sha3-256', '01', '02', '03', 100],
  ['md5', '', '', '', 16],
  ['sha256', '0b', '', '', 0],
  ['blake2s256', '0b0b', '0c', '0d', 33],
]) {
  const bits = crypto.hkdfSync(digest, Buffer.from(ikm, 'hex'), Buffer.from(salt, 'hex'), Buffer.from(info, 'hex'), length);
  out.hkdf.push({ digest, ikm, salt, info, length, hex: Buffer.from(bits).toString('hex') });
}
out.hkdf_strings = outcome(() => crypto.hkdfSync('sha256', 'secret', 'salt', 'info', 16));

// ---- errors of bad calls (the Python test makes the same call under the same id)
const buf4 = () => Buffer.alloc(4);
const ERROR_CASES = {
  create_hash_num: () => crypto.createHash(1),
  create_hash_none: () => crypto.createHash(),
  create_hash_unknown: () => crypto.createHash('nope'),
  create_hash_legacy: () => crypto.createHash('md4'),
  output_length_negative: () => crypto.createHash('shake128', { outputLength: -1 }),
  output_length_fraction: () => crypto.createHash('shake128', { outputLength: 1.5 }),
  output_length_string: () => crypto.createHash('shake128', { outputLength: '1' }),
  output_length_too_big: () => crypto.createHash('shake128', { outputLength: 2 ** 32 }),
  output_length_not_xof: () => crypto.createHash('sha256', { outputLength: 16 }),
  update_num: () => crypto.createHash('sha1').update(1),
  update_none: () => crypto.createHash('sha1').update(null),
  update_list: () => crypto.createHash('sha1').update([1]),
  update_odd_hex: () => crypto.createHash('sha1').update('abc', 'hex'),
  update_odd_hex_upper: () => crypto.createHash('sha1').update('abc', 'HEX'),
  update_after_digest: () => { const h = crypto.createHash('sha1'); h.digest(); h.update('x'); },
  update_after_digest_bad_data: () => { const h = crypto.createHash('sha1'); h.digest(); h.update(1); },
  digest_twice: () => { const h = crypto.createHash('sha1'); h.digest(); h.digest(); },
  copy_after_digest: () => { const h = crypto.createHash('sha1'); h.digest(); h.copy(); },
  copy_not_xof: () => crypto.createHash('sha1').copy({ outputLength: 5 }),
  hmac_alg_num: () => crypto.createHmac(1, 'k'),
  hmac_unknown: () => crypto.createHmac('nope', 'k'),
  hmac_xof: () => crypto.createHmac('shake128', 'k'),
  hmac_key_none: () => crypto.createHmac('sha256'),
  hmac_key_num: () => crypto.createHmac('sha256', 1),
  hmac_key_null: () => crypto.createHmac('sha256', null),
  hmac_key_bad_encoding: () => crypto.createHmac('sha256', 'k', { encoding: 'nope' }),
  hmac_key_encoding_num: () => crypto.createHmac('sha256', 'k', { encoding: 1 }),
  hmac_update_after_digest: () => { const h = crypto.createHmac('sha1', 'k'); h.digest(); h.update('x'); },
  hmac_update_num: () => crypto.createHmac('sha1', 'k').update(1),
  hash_alg_num: () => crypto.hash(1, 'x'),
  hash_unknown: () => crypto.hash('nope', 'x'),
  hash_data_num: () => crypto.hash('sha1', 1),
  hash_enc_bad: () => crypto.hash('sha1', 'x', 'nope'),
  hash_enc_null: () => crypto.hash('sha1', 'x', null),
  hash_enc_num: () => crypto.hash('sha1', 'x', 1),
  random_bytes_negative: () => crypto.randomBytes(-1),
  random_bytes_too_big: () => crypto.randomBytes(2 ** 31),
  random_bytes_string: () => crypto.randomBytes('1'),
  random_bytes_nan: () => crypto.randomBytes(NaN),
  random_bytes_callback_num: () => crypto.randomBytes(1, 1),
  random_fill_sync_string: () => crypto.randomFillSync('x'),
  random_fill_sync_offset_past_end: () => crypto.randomFillSync(buf4(), 5),
  random_fill_sync_size_past_end: () => crypto.randomFillSync(buf4(), 1, 4),
  random_fill_sync_offset_negative: () => crypto.randomFillSync(buf4(), -1),
  random_fill_sync_size_negative: () => crypto.randomFillSync(buf4(), 0, -1),
  random_fill_sync_offset_string: () => crypto.randomFillSync(buf4(), '0'),
  random_fill_sync_offset_nan: () => crypto.randomFillSync(buf4(), NaN),
  random_fill_sync_u32_offset: () => crypto.randomFillSync(new Uint32Array(4), 5),
  random_fill_sync_u32_size: () => crypto.randomFillSync(new Uint32Array(4), 1, 4),
  random_fill_no_callback: () => crypto.randomFill(buf4(), 0, 1),
  random_fill_string: () => crypto.randomFill('x', () => {}),
  random_int_fraction: () => crypto.randomInt(1.5),
  random_int_string: () => crypto.randomInt('1'),
  random_int_unsafe: () => crypto.randomInt(2 ** 53),
  random_int_min_unsafe: () => crypto.randomInt(-(2 ** 53), 0),
  random_int_equal: () => crypto.randomInt(1, 1),
  random_int_zero: () => crypto.randomInt(0),
  random_int_negative_max: () => crypto.randomInt(-5),
  random_int_range_max: () => crypto.randomInt(2 ** 48 + 1),
  random_int_range_min_max: () => crypto.randomInt(-1, 2 ** 48),
  random_int_range_limit: () => crypto.randomInt(-1, 2 ** 48 - 1),
  random_int_callback_num: () => crypto.randomInt(1, 2, 3),
  random_uuid_options_num: () => crypto.randomUUID(1),
  random_uuid_option_num: () => crypto.randomUUID({ disableEntropyCache: 1 }),
  get_random_values_float: () => crypto.getRandomValues(new Float32Array(1)),
  get_random_values_float64: () => crypto.getRandomValues(new Float64Array(1)),
  get_random_values_data_view: () => crypto.getRandomValues(new DataView(new ArrayBuffer(1))),
  get_random_values_array_buffer: () => crypto.getRandomValues(new ArrayBuffer(1)),
  get_random_values_too_big: () => crypto.getRandomValues(new Uint8Array(65537)),
  get_random_values_too_big_u32: () => crypto.getRandomValues(new Uint32Array(16385)),
  timing_safe_equal_length: () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)),
  timing_safe_equal_buf1: () => crypto.timingSafeEqual('a', Buffer.alloc(1)),
  timing_safe_equal_buf2: () => crypto.timingSafeEqual(Buffer.alloc(1), 'a'),
  pbkdf2_digest_missing: () => crypto.pbkdf2Sync('p', 's', 1, 4),
  pbkdf2_digest_unknown: () => crypto.pbkdf2Sync('p', 's', 1, 4, 'nope'),
  pbkdf2_digest_xof: () => crypto.pbkdf2Sync('p', 's', 1, 4, 'shake128'),
  pbkdf2_iterations_zero: () => crypto.pbkdf2Sync('p', 's', 0, 4, 'sha1'),
  pbkdf2_iterations_fraction: () => crypto.pbkdf2Sync('p', 's', 1.5, 4, 'sha1'),
  pbkdf2_iterations_too_big: () => crypto.pbkdf2Sync('p', 's', 2 ** 31, 4, 'sha1'),
  pbkdf2_keylen_negative: () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'),
  pbkdf2_keylen_string: () => crypto.pbkdf2Sync('p', 's', 1, '4', 'sha1'),
  pbkdf2_password_num: () => crypto.pbkdf2Sync(1, 's', 1, 4, 'sha1'),
  pbkdf2_salt_num: () => crypto.pbkdf2Sync('p', 1, 1, 4, 'sha1'),
  pbkdf2_no_callback: () => crypto.pbkdf2('p', 's', 1, 4, 'sha1'),
  pbkdf2_callback_num: () => crypto.pbkdf2('p', 's', 1, 4, 'sha1', 1),
  scrypt_keylen_negative: () => crypto.scryptSync('p', 's', -1),
  scrypt_keylen_fraction: () => crypto.scryptSync('p', 's', 1.5),
  scrypt_maxmem_negative: () => crypto.scryptSync('p', 's', 1, { maxmem: -1 }),
  scrypt_n_string: () => crypto.scryptSync('p', 's', 1, { N: '1' }),
  scrypt_cost_negative: () => crypto.scryptSync('p', 's', 1, { cost: -1 }),
  scrypt_n_and_cost: () => crypto.scryptSync('p', 's', 1, { N: 16, cost: 16 }),
  scrypt_r_and_block_size: () => crypto.scryptSync('p', 's', 1, { r: 1, blockSize: 1 }),
  scrypt_p_and_parallelization: () => crypto.scryptSync('p', 's', 1, { p: 1, parallelization: 1 }),
  scrypt_password_num: () => crypto.scryptSync(1, 's', 1),
  scrypt_no_callback: () => crypto.scrypt('p', 's', 1, {}),
  hkdf_digest_unknown: () => crypto.hkdfSync('nope', 'k', 's', 'i', 1),
  hkdf_digest_num: () => crypto.hkdfSync(1, 'k', 's', 'i', 1),
  hkdf_digest_xof: () => crypto.hkdfSync('shake256', 'k', 's', 'i', 1),
  hkdf_length_too_big: () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1),
  hkdf_length_negative: () => crypto.hkdfSync('sha256', 'k', 's', 'i', -1),
  hkdf_length_fraction: () => crypto.hkdfSync('sha256', 'k', 's', 'i', 1.5),
  hkdf_info_too_long: () => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 1),
  hkdf_key_num: () => crypto.hkdfSync('sha256', 1, 's', 'i', 1),
  hkdf_salt_num: () => crypto.hkdfSync('sha256', 'k', 1, 'i', 1),
  hkdf_info_num: () => crypto.hkdfSync('sha256', 'k', 's', 1, 1),
  hkdf_no_callback: () => crypto.hkdf('sha256', 'k', 's', 'i', 1),
  // The length limit is checked against the digest's size before a legacy or XOF digest
  // fails the job.
  hkdf_length_too_big_legacy: () => crypto.hkdfSync('md4', 'k', 's', 'i', 255 * 16 + 1),
  hkdf_length_too_big_xof: () => crypto.hkdfSync('shake128', 'k', 's', 'i', 255 * 16 + 1),
  hkdf_length_limit_legacy: () => crypto.hkdfSync('md4', 'k', 's', 'i', 255 * 16),
  // OpenSSL names of digests with no output Node can use.
  create_hash_null: () => crypto.createHash('null'),
  create_hash_kmac: () => crypto.createHash('KECCAK-KMAC-128'),
  hash_null: () => crypto.hash('null', 'x'),
  hmac_null: () => crypto.createHmac('null', 'k'),
  pbkdf2_kmac: () => crypto.pbkdf2Sync('p', 's', 1, 4, 'KECCAK-KMAC-256'),
  hkdf_null: () => crypto.hkdfSync('NULL', 'k', 's', 'i', 4),
};
out.errors = {};
for (const [id, fn] of Object.entries(ERROR_CASES)) {
  const r = outcome(fn);
  if (!r.error) throw new Error(`error case ${id} did not throw`);
  out.errors[id] = r.error;
}

// scrypt parameter errors read OpenSSL's error queue (ERR_peek_last_error), which an earlier
// failure can leave behind: ask a fresh process for each so the message is the clean one.
const SCRYPT_PARAM_CASES = {
  scrypt_n_not_power_of_two: { N: 3 },
  scrypt_n_one: { N: 1 },
  scrypt_memory_default: { N: 2 ** 16, r: 8 },
  scrypt_n_too_big_for_r: { N: 2 ** 16, r: 1, maxmem: 2 ** 40 },
  scrypt_pr_too_big: { N: 2, r: 2 ** 20, p: 2 ** 11, maxmem: 2 ** 53 - 1 },
  scrypt_memory_boundary: { N: 1024, r: 8, p: 1, maxmem: 128 * 1026 * 8 + 128 * 8 - 1 },
};
for (const [id, options] of Object.entries(SCRYPT_PARAM_CASES)) {
  const code = `try { require('crypto').scryptSync('p', 's', 4, ${JSON.stringify(options)}); console.log('null'); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code ?? null, message: e.message })); }`;
  const r = JSON.parse(execFileSync(process.execPath, ['-e', code]).toString());
  if (r === null) throw new Error(`scrypt case ${id} did not throw`);
  out.errors[id] = r;
}

process.stdout.write(JSON.stringify(out, null, 1) + '\n');
