// Node's handling of signing options and inputs: padding/saltLength/dsaEncoding validation,
// OpenSSL's salt-length sentinels, wrong-length ieee-p1363 signatures, string data.
// Run from the repository root:  node tests/oracles/oracle_crypto_sign_options.mjs
// Writes tests/fixtures/crypto_keys/sign_options.json. Signatures are randomized (PSS, ECDSA),
// so a case records the signature's length for sign and the boolean for verify.
import crypto from 'node:crypto';
import fs from 'node:fs';

const KEYS = process.env.NODE_KEYS || '/work/node_test/test/fixtures/keys/';
const read = (name) => fs.readFileSync(KEYS + name, 'utf8');
const err = (e) => ({ name: e.name, code: e.code === undefined ? null : e.code, message: e.message });
const attempt = (f) => { try { return { ok: f() }; } catch (e) { return { error: err(e) }; } };

const MAX_SALT_SIG = (keyFile, alg) => crypto.sign(alg, Buffer.from('data'), { key: read(keyFile), padding: 6 }).toString('hex');
const SALT20_SIG = crypto.sign('sha256', Buffer.from('data'), { key: read('rsa_private_2048.pem'), padding: 6, saltLength: 20 }).toString('hex');

function sigOf(c) {
  if (c.sig === undefined) return undefined;
  if (c.sig.zeros !== undefined) return Buffer.alloc(c.sig.zeros);
  return Buffer.from(c.sig.hex, 'hex');
}

function run(c) {
  const key = c.opts === null ? read(c.key) : { key: read(c.key), ...c.opts };
  const data = c.dataAs === 'string' ? 'data' : Buffer.from('data');
  switch (c.api) {
    case 'sign': return [attempt(() => crypto.sign(c.alg, data, key).length)];
    case 'verify': return [attempt(() => crypto.verify(c.alg, data, key, sigOf(c)))];
    case 'Sign': {
      const s = crypto.createSign(c.alg); s.update('data');
      return [attempt(() => s.sign(key).length), attempt(() => s.sign(read(c.key)).length)];
    }
    case 'Verify': {
      const v = crypto.createVerify(c.alg); v.update('data');
      return [attempt(() => v.verify(key, sigOf(c))), attempt(() => v.verify(key, sigOf(c)))];
    }
  }
  throw new Error(c.api);
}

const RSA = 'rsa_private_2048.pem';
const P256 = 'ec_p256_private.pem';
const cases = [];
const add = (api, alg, key, opts, extra = {}) => cases.push({ api, alg, key, opts, dataAs: 'buffer', ...extra });
for (const api of ['sign', 'Sign']) {
  for (const saltLength of [-1, -2, -3, -4, -5, 0, 20, 222, 223, 1.5, '5', true, 2 ** 31]) {
    add(api, 'sha256', RSA, { padding: 6, saltLength });
  }
  // Not recorded: padding 5 (X9.31, which cryptography does not offer) and -1 (one-shot sign
  // signs with it anyway); JS null (Python's None means "not given").
  for (const padding of [0, 1, 3, 4, 6, 7, 'x', true, 1.5]) add(api, 'sha256', RSA, { padding });
  add(api, 'sha256', P256, { padding: 'x' });
  add(api, 'sha256', P256, { saltLength: 'x' });
  add(api, 'sha256', P256, { padding: 6 });
  add(api, 'sha256', RSA, { dsaEncoding: 'ieee-p1363' });
  add(api, 'sha256', RSA, { dsaEncoding: 'bogus', padding: 'x' });
}
for (const api of ['verify', 'Verify']) {
  for (const saltLength of [-1, -2, -3, -4, -5, 20, 21, 1.5, true, 2 ** 31]) {
    add(api, 'sha256', RSA, { padding: 6, saltLength }, { sig: { hex: SALT20_SIG } });
  }
  add(api, 'sha256', RSA, { padding: 6, saltLength: -3 }, { sig: { hex: MAX_SALT_SIG(RSA, 'sha256') } });
  add(api, 'sha256', RSA, { padding: 6, saltLength: -2 }, { sig: { hex: MAX_SALT_SIG(RSA, 'sha256') } });
  for (const padding of [0, 3, 5, 7, 'x', true]) add(api, 'sha256', RSA, { padding }, { sig: { zeros: 256 } });
  for (const n of [0, 3, 63, 64, 65]) add(api, 'sha256', P256, { dsaEncoding: 'ieee-p1363' }, { sig: { zeros: n } });
  for (const n of [0, 3, 70]) add(api, 'sha256', P256, null, { sig: { zeros: n } });
}
// One-shot sign/verify read a string as UTF-8 data (getArrayBufferOrView); the signature of
// verify must be binary.
add('sign', 'sha256', RSA, null, { dataAs: 'string' });
add('verify', 'sha256', RSA, null, { dataAs: 'string', sig: { hex: crypto.sign('sha256', Buffer.from('data'), read(RSA)).toString('hex') } });

for (const c of cases) c.results = run(c);
fs.writeFileSync('tests/fixtures/crypto_keys/sign_options.json', JSON.stringify({ cases }, null, 1) + '\n');
console.log('wrote sign_options.json', cases.length, 'cases');
