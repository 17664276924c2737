// Differential fixtures for trio_nodecompat.crypto's keys, signatures and ciphers.
// Run from the repository root:  node tests/oracles/oracle_crypto_keys.mjs
// Writes tests/fixtures/crypto_keys/*.json. Keys are fixed (Node's test fixtures, read here and
// stored in the JSON), so every deterministic output is reproducible byte for byte.
import crypto from 'node:crypto';
import fs from 'node:fs';

const OUT = 'tests/fixtures/crypto_keys/';
const KEYS = process.env.NODE_KEYS || '/work/node_test/test/fixtures/keys/';
const read = (name) => fs.readFileSync(KEYS + name, 'utf8');
const hex = (b) => Buffer.from(b).toString('hex');
const err = (e) => ({ name: e.name, code: e.code === undefined ? null : e.code, message: e.message });
const attempt = (f) => { try { return { ok: f() }; } catch (e) { return { error: err(e) }; } };
const write = (name, data) => fs.writeFileSync(OUT + name, JSON.stringify(data, null, 1) + '\n');
const bigToJson = (v) => JSON.parse(JSON.stringify(v, (k, x) => typeof x === 'bigint' ? Number(x) : x));

// ---------------------------------------------------------------------------------------------
// Ciphers: scripted operation sequences, each op's result or error recorded.
function runCipherScript(s) {
  const results = [];
  let c;
  const make = s.decipher ? crypto.createDecipheriv : crypto.createCipheriv;
  try {
    c = make(s.cipher, Buffer.from(s.key, 'hex'), s.iv === null ? null : Buffer.from(s.iv, 'hex'),
      s.authTagLength === undefined ? undefined : { authTagLength: s.authTagLength });
  } catch (e) {
    return { create: { error: err(e) }, results };
  }
  for (const op of s.ops) {
    const [name, ...args] = op;
    results.push(attempt(() => {
      switch (name) {
        case 'update': {
          const [data, inEnc, outEnc] = args;
          const input = inEnc === 'hexbuf' ? Buffer.from(data, 'hex') : data;
          const out = c.update(input, inEnc === 'hexbuf' ? undefined : inEnc, outEnc);
          return typeof out === 'string' ? { str: out } : hex(out);
        }
        case 'final': {
          const out = c.final(args[0]);
          return typeof out === 'string' ? { str: out } : hex(out);
        }
        case 'setAAD':
          c.setAAD(Buffer.from(args[0], 'hex'), args[1] === undefined ? undefined : { plaintextLength: args[1] });
          return null;
        case 'setAuthTag': c.setAuthTag(Buffer.from(args[0], 'hex')); return null;
        // setAAD/setAuthTag with the raw JSON value and options (strings, bad types, options)
        case 'setAADRaw': c.setAAD(args[0], args[1]); return null;
        case 'setAuthTagRaw': c.setAuthTag(args[0], args[1]); return null;
        case 'getAuthTag': return hex(c.getAuthTag());
        case 'setAutoPadding': c.setAutoPadding(args[0]); return null;
      }
      throw new Error('bad op ' + name);
    }));
  }
  return { create: { ok: true }, results };
}

const K16 = '000102030405060708090a0b0c0d0e0f';
const K24 = K16 + '1011121314151617';
const K32 = K16 + '101112131415161718191a1b1c1d1e1f';
const IV16 = 'f0e0d0c0b0a090807060504030201000';
const IV12 = 'cafebabefacedbaddecaf888';
const AAD = 'feedfacedeadbeeffeedfacedeadbeefabaddad2';
const plain = (n) => hex(Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 255)));

const scripts = [];
const ciphers = [
  ['aes-128-cbc', K16, IV16], ['aes-192-cbc', K24, IV16], ['aes-256-cbc', K32, IV16],
  ['aes-128-ctr', K16, IV16], ['aes-192-ctr', K24, IV16], ['aes-256-ctr', K32, IV16],
  ['aes-128-ecb', K16, null], ['aes-192-ecb', K24, null], ['aes-256-ecb', K32, ''],
  ['aes128', K16, IV16], ['aes256', K32, IV16], ['AES-256-CBC', K32, IV16],
  ['aes-128-gcm', K16, IV12], ['aes-192-gcm', K24, IV12], ['aes-256-gcm', K32, IV12],
  ['id-aes256-GCM', K32, IV12], ['chacha20-poly1305', K32, IV12],
];
for (const [cipher, key, iv] of ciphers) {
  const aead = /gcm|GCM|poly/.test(cipher);
  for (const n of [0, 1, 15, 16, 17, 33, 100]) {
    // Encrypt in uneven chunks, then decrypt what Node made in other chunks.
    const data = plain(n);
    const cut = Math.min(data.length, 2 * 5), cut2 = Math.min(data.length, 2 * 21);
    const ops = [];
    if (aead) ops.push(['setAAD', AAD]);
    ops.push(['update', data.slice(0, cut), 'hex'], ['update', data.slice(cut, cut2), 'hex'],
      ['update', data.slice(cut2), 'hexbuf'], ['final']);
    if (aead) ops.push(['getAuthTag']);
    const enc = { cipher, key, iv, ops };
    const encResult = runCipherScript(enc);
    scripts.push({ ...enc, ...encResult });
    const ct = encResult.results.filter((r, i) => ops[i][0] === 'update' || ops[i][0] === 'final').map(r => r.ok).join('');
    const dops = [];
    if (aead) dops.push(['setAuthTag', encResult.results.at(-1).ok], ['setAAD', AAD]);
    dops.push(['update', ct.slice(0, 2 * 17), 'hex'], ['update', ct.slice(2 * 17), 'hexbuf'], ['final']);
    const dec = { cipher, key, iv, decipher: true, ops: dops };
    scripts.push({ ...dec, ...runCipherScript(dec) });
  }
}
// Encodings on update/final.
const encodingScripts = [];
encodingScripts.push({ cipher: 'aes-256-cbc', key: K32, iv: IV16, ops: [['update', 'héllo wörld, a string', 'utf8', 'base64'], ['update', '00ff', 'hex', 'hex'], ['final', 'base64url']] });
encodingScripts.push({ cipher: 'aes-256-ctr', key: K32, iv: IV16, ops: [['update', 'abc', 'latin1', 'latin1'], ['update', 'abc', 'nope', 'hex'], ['update', 'abc', 'utf8', 'nope'], ['final', 'hex']] });
encodingScripts.push({ cipher: 'aes-256-gcm', key: K32, iv: IV12, ops: [['update', 'abc', 'utf8', 'utf16le'], ['final', 'ucs2'], ['getAuthTag']] });
for (const s of encodingScripts) scripts.push({ ...s, ...runCipherScript(s) });
// Errors and the state each leaves behind.
const errorScripts = [
  { cipher: 'aes-256-cbc', key: '0102', iv: IV16, ops: [] },
  { cipher: 'aes-256-cbc', key: K32, iv: '0102', ops: [] },
  { cipher: 'aes-256-cbc', key: K32, iv: null, ops: [] },
  { cipher: 'aes-256-ecb', key: K32, iv: IV16, ops: [] },
  { cipher: 'aes-256-ctr', key: K32, iv: IV12, ops: [] },
  { cipher: 'aes-256-gcm', key: K32, iv: '', ops: [] },
  { cipher: 'aes-256-gcm', key: K16, iv: IV12, ops: [] },
  { cipher: 'aes-128-gcm', key: K16, iv: IV16, ops: [['update', '0102', 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: '0001020304050607', ops: [] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV16, ops: [] },
  { cipher: 'chacha20-poly1305', key: K16, iv: IV12, ops: [] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, authTagLength: 17, ops: [] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, authTagLength: 8, ops: [['update', '0102', 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, authTagLength: 7, ops: [] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, authTagLength: 12, ops: [['update', '0102', 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'nope-256-cbc', key: K32, iv: IV16, ops: [] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, ops: [['getAuthTag'], ['setAAD', AAD], ['update', '01', 'hex'], ['final'], ['final'], ['update', '01', 'hex']] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, ops: [['setAutoPadding', false], ['update', plain(31), 'hex'], ['final'], ['final'], ['update', '01', 'hex'], ['final']] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, ops: [['setAutoPadding', false], ['update', plain(32), 'hex'], ['final'], ['setAutoPadding', true]] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, decipher: true, ops: [['update', plain(32), 'hex'], ['final'], ['final'], ['update', '00', 'hex']] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, decipher: true, ops: [['update', plain(31), 'hex'], ['final']] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, decipher: true, ops: [['setAutoPadding', false], ['update', plain(31), 'hex'], ['final']] },
  { cipher: 'aes-256-cbc', key: K32, iv: IV16, decipher: true, ops: [['setAutoPadding', false], ['update', plain(32), 'hex'], ['final']] },
  { cipher: 'aes-256-ecb', key: K32, iv: null, decipher: true, ops: [['update', plain(16), 'hex'], ['final']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, ops: [['getAuthTag'], ['update', '01', 'hex'], ['setAAD', AAD], ['final'], ['getAuthTag'], ['getAuthTag'], ['final'], ['update', '01', 'hex'], ['setAutoPadding', false]] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['setAuthTag', '00'.repeat(16)], ['setAAD', AAD], ['update', plain(5), 'hex'], ['final'], ['final'], ['update', '01', 'hex']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['update', plain(5), 'hex'], ['final']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['setAuthTag', '0102'], ['setAuthTag', '00'.repeat(17)], ['setAuthTag', '00'.repeat(16)], ['setAuthTag', '00'.repeat(16)]] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['update', plain(5), 'hex'], ['setAuthTag', '00'.repeat(16)], ['setAAD', AAD], ['final']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['setAuthTag', '00'.repeat(8)], ['update', plain(5), 'hex'], ['final']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, authTagLength: 8, ops: [['setAuthTag', '00'.repeat(16)], ['setAuthTag', '00'.repeat(8)]] },
  { cipher: 'aes-256-gcm', key: K32, iv: '0001020304050607', ops: [['update', '0102', 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, decipher: true, ops: [['setAuthTag', '00'.repeat(16)], ['update', plain(40), 'hex'], ['final']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['setAAD', AAD, 3], ['setAAD', AAD], ['update', plain(70), 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, ops: [['setAAD', AAD, 3], ['setAutoPadding', false], ['update', plain(17), 'hex'], ['final'], ['getAuthTag']] },
  // Review (h-review-pk): states and lengths users of auth libraries hit.
  // ChaCha20-Poly1305 tag length defaults to 16 for a decipher: a shorter tag is refused.
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, decipher: true, ops: [['setAuthTag', '00'.repeat(8)], ['setAuthTag', '00'.repeat(15)], ['setAuthTag', '00'.repeat(17)]] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, decipher: true, authTagLength: 8, ops: [['setAuthTag', '00'.repeat(16)], ['setAuthTag', '00'.repeat(8)], ['update', plain(5), 'hex'], ['final']] },
  // An empty update does not start GCM's data phase: setAAD still works afterwards.
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, ops: [['update', '', 'hex'], ['setAAD', AAD], ['update', plain(20), 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'aes-256-gcm', key: K32, iv: IV12, decipher: true, ops: [['update', '', 'hex'], ['setAAD', AAD], ['setAuthTag', '00'.repeat(16)], ['final']] },
  // OpenSSL's ChaCha20-Poly1305 takes AAD at any point; the MAC input follows its state machine.
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['update', '', 'hex'], ['setAAD', AAD], ['update', plain(3), 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['update', plain(5), 'hex'], ['setAAD', '0102'], ['update', plain(3), 'hex'], ['final'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['setAAD', '0102'], ['update', plain(5), 'hex'], ['setAAD', AAD], ['update', plain(17), 'hex'], ['setAAD', '00'], ['final'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['update', plain(16), 'hex'], ['setAAD', AAD], ['final'], ['getAuthTag'], ['setAAD', AAD]] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, decipher: true, ops: [['update', plain(5), 'hex'], ['setAAD', '0102'], ['update', plain(3), 'hex'], ['setAuthTag', '00'.repeat(16)], ['final']] },
  // setAAD's options: encoding for a string, plaintextLength an unsigned 32-bit integer.
  { cipher: 'aes-128-gcm', key: K16, iv: IV12, ops: [['setAADRaw', '616263', { encoding: 'hex' }], ['setAADRaw', 'YWJj', { encoding: 'base64' }], ['setAADRaw', 'abc'], ['final'], ['getAuthTag']] },
  { cipher: 'aes-128-gcm', key: K16, iv: IV12, ops: [['setAADRaw', 'abc', { plaintextLength: -1 }], ['setAADRaw', 'abc', { plaintextLength: 1.5 }], ['setAADRaw', 'abc', { plaintextLength: 4294967296 }], ['setAADRaw', 'abc', { plaintextLength: 'x' }], ['setAADRaw', 'abc', { encoding: 5 }], ['setAADRaw', 5], ['setAADRaw', 'abc', { plaintextLength: 1000 }], ['final'], ['getAuthTag']] },
  { cipher: 'aes-128-gcm', key: K16, iv: IV12, decipher: true, ops: [['setAuthTagRaw', 5], ['setAuthTagRaw', '00112233445566778899aabbccddeeff', 'hex'], ['final']] },
  // CBC without padding: a partial block fails final in both directions; zero-length inputs.
  { cipher: 'aes-128-cbc', key: K16, iv: IV16, ops: [['setAutoPadding', false], ['update', plain(5), 'hex'], ['final'], ['update', '01', 'hex'], ['final']] },
  { cipher: 'aes-128-cbc', key: K16, iv: IV16, ops: [['update', '', 'hex'], ['final', 'hex']] },
  { cipher: 'aes-128-cbc', key: K16, iv: IV16, ops: [['setAutoPadding', false], ['final', 'hex']] },
  { cipher: 'aes-128-cbc', key: K16, iv: IV16, decipher: true, ops: [['final']] },
  { cipher: 'aes-128-cbc', key: K16, iv: IV16, decipher: true, ops: [['setAutoPadding', false], ['final', 'hex']] },
  { cipher: 'aes-128-gcm', key: K16, iv: IV12, ops: [['final', 'base64'], ['getAuthTag']] },
  { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops: [['update', '', 'utf8'], ['final', 'hex'], ['getAuthTag']] },
];
// ChaCha20-Poly1305 around Poly1305's 16-byte padding: AAD and plaintext of 0, 1, 15, 16, 17,
// 63, 64, 65 bytes (plaintext in two uneven updates), encrypted then decrypted.
for (const a of [0, 1, 15, 16, 17, 63, 64, 65]) {
  for (const p of [0, 1, 15, 16, 17, 63, 64, 65]) {
    const pt = plain(p);
    const aad = hex(Buffer.alloc(a, 0x5a));
    const ops = [...(a ? [['setAAD', aad]] : []), ['update', pt.slice(0, 2 * Math.floor(p / 3)), 'hex'], ['update', pt.slice(2 * Math.floor(p / 3)), 'hex'], ['final'], ['getAuthTag']];
    const enc = { cipher: 'chacha20-poly1305', key: K32, iv: IV12, ops };
    const r = runCipherScript(enc);
    errorScripts.push(enc);
    const ct = r.results.slice(a ? 1 : 0, -2).map((x) => x.ok).join('');
    const tag = r.results[r.results.length - 1].ok;
    errorScripts.push({ cipher: 'chacha20-poly1305', key: K32, iv: IV12, decipher: true, ops: [...(a ? [['setAAD', aad]] : []), ['setAuthTag', tag], ['update', ct, 'hex'], ['final']] });
  }
}
for (const s of errorScripts) scripts.push({ ...s, ...runCipherScript(s) });
write('ciphers.json', { aad: AAD, scripts });

// ---------------------------------------------------------------------------------------------
// Keys: each fixed key loaded and exported in every format Node allows for it.
const keyFiles = {
  rsa: ['rsa_private.pem', 'rsa_public.pem'],
  rsa2048: ['rsa_private_2048.pem', 'rsa_public_2048.pem'],
  rsa_pss: ['rsa_pss_private_2048.pem', 'rsa_pss_public_2048.pem'],
  rsa_pss_sha256: ['rsa_pss_private_2048_sha256_sha256_16.pem', 'rsa_pss_public_2048_sha256_sha256_16.pem'],
  rsa_pss_sha1: ['rsa_pss_private_2048_sha1_sha1_20.pem', 'rsa_pss_public_2048_sha1_sha1_20.pem'],
  rsa_pss_sha512_mgf1_sha256: ['rsa_pss_private_2048_sha512_sha256_20.pem', 'rsa_pss_public_2048_sha512_sha256_20.pem'],
  p256: ['ec_p256_private.pem', 'ec_p256_public.pem'],
  p384: ['ec_p384_private.pem', 'ec_p384_public.pem'],
  p521: ['ec_p521_private.pem', 'ec_p521_public.pem'],
  secp256k1: ['ec_secp256k1_private.pem', 'ec_secp256k1_public.pem'],
  ed25519: ['ed25519_private.pem', 'ed25519_public.pem'],
  ed448: ['ed448_private.pem', 'ed448_public.pem'],
  x25519: ['x25519_private.pem', 'x25519_public.pem'],
  x448: ['x448_private.pem', 'x448_public.pem'],
  dsa: ['dsa_private.pem', 'dsa_public.pem'],
};
const keys = {};
for (const [name, [privFile, pubFile]] of Object.entries(keyFiles)) {
  const privatePem = read(privFile), publicPem = read(pubFile);
  const priv = crypto.createPrivateKey(privatePem), pub = crypto.createPublicKey(publicPem);
  const entry = {
    privatePem, publicPem,
    asymmetricKeyType: priv.asymmetricKeyType,
    details: bigToJson(priv.asymmetricKeyDetails),
    publicEqualsDerived: pub.equals(crypto.createPublicKey(priv)),
    exports: {},
  };
  for (const format of ['pem', 'der', 'jwk']) {
    for (const type of format === 'jwk' ? [undefined] : ['pkcs1', 'pkcs8', 'sec1']) {
      const r = attempt(() => priv.export({ format, type }));
      entry.exports[`private ${format} ${type}`] = r.ok === undefined ? r : { ok: Buffer.isBuffer(r.ok) ? hex(r.ok) : r.ok };
    }
    for (const type of format === 'jwk' ? [undefined] : ['pkcs1', 'spki']) {
      const r = attempt(() => pub.export({ format, type }));
      entry.exports[`public ${format} ${type}`] = r.ok === undefined ? r : { ok: Buffer.isBuffer(r.ok) ? hex(r.ok) : r.ok };
    }
  }
  keys[name] = entry;
}
// Encrypted keys from Node's fixtures, and a pkcs8 key Node encrypts (random salt: decrypt only).
const encrypted = {
  rsa_encrypted_pem: { pem: read('rsa_private_encrypted.pem'), passphrase: 'password' },
  dsa_encrypted_pem: { pem: read('dsa_private_encrypted.pem'), passphrase: 'password' },
  pkcs8_encrypted_by_node: {
    pem: crypto.createPrivateKey(read('ec_p256_private.pem')).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'top secret' }),
    passphrase: 'top secret',
  },
  pkcs1_encrypted_by_node: {
    pem: crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'pem', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'top secret' }),
    passphrase: 'top secret',
  },
};
for (const [name, e] of Object.entries(encrypted)) {
  const k = crypto.createPrivateKey({ key: e.pem, passphrase: e.passphrase });
  e.pkcs8 = k.export({ format: 'pem', type: 'pkcs8' });
  e.noPassphrase = attempt(() => crypto.createPrivateKey(e.pem));
  e.wrongPassphrase = attempt(() => crypto.createPrivateKey({ key: e.pem, passphrase: 'wrong' }));
}
// RSA-PSS keys Node generates with each parameter combination (fixed output is the DER layout).
const pssGenerated = [];
for (const o of [{}, { hashAlgorithm: 'sha256' }, { hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32 },
  { hashAlgorithm: 'sha1' }, { hashAlgorithm: 'sha512', mgf1HashAlgorithm: 'sha256', saltLength: 20 }, { saltLength: 64 }]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, ...o });
  pssGenerated.push({
    options: o, details: bigToJson(privateKey.asymmetricKeyDetails),
    spki: hex(publicKey.export({ format: 'der', type: 'spki' })),
    pkcs8: hex(privateKey.export({ format: 'der', type: 'pkcs8' })),
  });
}
const secret = crypto.createSecretKey(Buffer.from('a secret key of some length', 'utf8'));
const keyErrors = {
  garbagePem: attempt(() => crypto.createPrivateKey('garbage')),
  truncatedDer: attempt(() => crypto.createPrivateKey({ key: Buffer.from('30', 'hex'), format: 'der', type: 'pkcs8' })),
  derWithoutType: attempt(() => crypto.createPrivateKey({ key: Buffer.from('30', 'hex'), format: 'der' })),
  jwkMissingN: attempt(() => crypto.createPrivateKey({ key: { kty: 'RSA' }, format: 'jwk' })),
  jwkBadKty: attempt(() => crypto.createPrivateKey({ key: { kty: 'XX' }, format: 'jwk' })),
  jwkBadCrv: attempt(() => crypto.createPrivateKey({ key: { kty: 'EC', crv: 'P-1' }, format: 'jwk' })),
  publicFromPublicObject: attempt(() => crypto.createPublicKey(crypto.createPublicKey(read('rsa_public.pem')))),
  secretFromNumber: attempt(() => crypto.createSecretKey(5)),
  exportSec1Rsa: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'pem', type: 'sec1' })),
  exportPkcs1Ec: attempt(() => crypto.createPrivateKey(read('ec_p256_private.pem')).export({ format: 'pem', type: 'pkcs1' })),
  exportCipherNoPassphrase: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc' })),
  exportDerPkcs1Cipher: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'der', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'a' })),
  exportUnknownCipher: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'a' })),
  exportBadFormat: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'xx', type: 'pkcs8' })),
  exportPemNoType: attempt(() => crypto.createPrivateKey(read('rsa_private.pem')).export({ format: 'pem' })),
  exportPssJwk: attempt(() => crypto.createPrivateKey(read('rsa_pss_private_2048.pem')).export({ format: 'jwk' })),
  exportPssPkcs1: attempt(() => crypto.createPrivateKey(read('rsa_pss_private_2048.pem')).export({ format: 'pem', type: 'pkcs1' })),
  exportDsaJwk: attempt(() => crypto.createPrivateKey(read('dsa_private.pem')).export({ format: 'jwk' })),
  exportPublicPkcs1Ec: attempt(() => crypto.createPublicKey(read('ec_p256_public.pem')).export({ format: 'pem', type: 'pkcs1' })),
};
write('keys.json', {
  keys, encrypted, pssGenerated, keyErrors,
  secret: { hex: hex(secret.export()), jwk: secret.export({ format: 'jwk' }), size: secret.symmetricKeySize },
  certPublicKey: { cert: read('agent1-cert.pem'), spki: crypto.createPublicKey(read('agent1-cert.pem')).export({ format: 'pem', type: 'spki' }) },
});

// ---------------------------------------------------------------------------------------------
// Signatures.
const messages = ['', 'I AM THE WALRUS', 'x'.repeat(1000)];
const signatures = [];
const pkcs1Keys = ['rsa', 'rsa2048'];
for (const k of pkcs1Keys) for (const alg of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'RSA-SHA256', 'SHA512', 'sha512-256', 'sha3-256']) for (const m of messages) {
  signatures.push({ key: k, algorithm: alg, message: m, deterministic: true, signature: hex(crypto.sign(alg, Buffer.from(m), keys[k].privatePem)) });
}
for (const k of ['ed25519', 'ed448']) for (const m of messages) {
  signatures.push({ key: k, algorithm: null, message: m, deterministic: true, signature: hex(crypto.sign(null, Buffer.from(m), keys[k].privatePem)) });
}
for (const k of ['p256', 'p384', 'p521', 'secp256k1']) for (const alg of ['sha256', 'sha384', 'sha512', 'sha1']) for (const dsaEncoding of ['der', 'ieee-p1363']) {
  const m = 'ECDSA ' + alg;
  signatures.push({ key: k, algorithm: alg, message: m, dsaEncoding, signature: hex(crypto.sign(alg, Buffer.from(m), { key: keys[k].privatePem, dsaEncoding })) });
}
for (const k of ['rsa2048']) for (const alg of ['sha256', 'sha512', 'sha1']) for (const saltLength of [undefined, -1, -2, 0, 20, 32]) {
  const m = 'PSS ' + alg + ' ' + saltLength;
  signatures.push({ key: k, algorithm: alg, message: m, padding: 6, saltLength: saltLength === undefined ? null : saltLength, signature: hex(crypto.sign(alg, Buffer.from(m), { key: keys[k].privatePem, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength })) });
}
for (const k of ['rsa_pss', 'rsa_pss_sha256']) for (const alg of ['sha256']) {
  const m = 'PSS key ' + k;
  signatures.push({ key: k, algorithm: alg, message: m, signature: hex(crypto.sign(alg, Buffer.from(m), keys[k].privatePem)) });
}
for (const k of ['dsa']) for (const alg of ['sha256']) {
  const m = 'DSA'; signatures.push({ key: k, algorithm: alg, message: m, signature: hex(crypto.sign(alg, Buffer.from(m), keys[k].privatePem)) });
}
// Streaming Sign with string encodings and output encodings.
const sg = crypto.createSign('sha256'); sg.update('héllo', 'utf8'); sg.update('00ff', 'hex'); sg.update('abc', 'latin1');
const streamed = { key: 'rsa', algorithm: 'sha256', updates: [['héllo', 'utf8'], ['00ff', 'hex'], ['abc', 'latin1']], base64: sg.sign(keys.rsa.privatePem, 'base64') };
const ed = crypto.createPrivateKey(keys.ed25519.privatePem);
const signErrors = {
  unknownDigest: attempt(() => crypto.createSign('nope')),
  unknownDigestOneShot: attempt(() => crypto.sign('nope', Buffer.from('x'), keys.rsa.privatePem)),
  digestWithEd25519Stream: attempt(() => crypto.createSign('sha256').update('x').sign(ed)),
  digestWithEd25519OneShot: attempt(() => crypto.sign('sha256', Buffer.from('x'), ed)),
  secretKey: attempt(() => crypto.sign('sha256', Buffer.from('x'), crypto.createSecretKey(Buffer.alloc(3)))),
  signTwice: (() => { const s = crypto.createSign('sha256'); s.update('x'); s.sign(keys.rsa.privatePem); return [attempt(() => s.sign(keys.rsa.privatePem)), attempt(() => s.update('y'))]; })(),
  badPadding: attempt(() => crypto.sign('sha256', Buffer.from('x'), { key: keys.rsa.privatePem, padding: 99 })),
  badDsaEncoding: attempt(() => crypto.sign('sha256', Buffer.from('x'), { key: keys.p256.privatePem, dsaEncoding: 'xx' })),
  saltTooLong: attempt(() => crypto.sign('sha256', Buffer.from('x'), { key: keys.rsa.privatePem, padding: 6, saltLength: 1000 })),
  verifyShortSignature: attempt(() => crypto.verify('sha256', Buffer.from('x'), keys.rsa.publicPem, Buffer.alloc(3))),
  verifyWrongMessage: attempt(() => crypto.verify('sha256', Buffer.from('y'), keys.rsa.publicPem, crypto.sign('sha256', Buffer.from('x'), keys.rsa.privatePem))),
  verifyWithPrivate: attempt(() => crypto.verify('sha256', Buffer.from('x'), keys.rsa.privatePem, crypto.sign('sha256', Buffer.from('x'), keys.rsa.privatePem))),
  x25519Sign: attempt(() => crypto.sign(null, Buffer.from('x'), keys.x25519.privatePem)),
  signNoKey: attempt(() => crypto.createSign('sha256').update('x').sign()),
};
write('signatures.json', { signatures, streamed, signErrors });

// ---------------------------------------------------------------------------------------------
// RSA encryption: OAEP made by Node (random), PKCS#1 v1.5 public-encrypt made by Node (random),
// public_decrypt of Node's private_encrypt (deterministic).
const oaep = [];
for (const k of ['rsa', 'rsa2048']) for (const oaepHash of [undefined, 'sha1', 'sha256', 'sha512']) for (const label of [undefined, 'a label']) {
  const m = `OAEP ${oaepHash} ${label}`;
  const opts = { key: keys[k].publicPem, oaepHash, oaepLabel: label === undefined ? undefined : Buffer.from(label) };
  oaep.push({ key: k, oaepHash: oaepHash ?? null, label: label ?? null, message: m, ciphertext: hex(crypto.publicEncrypt(opts, Buffer.from(m))) });
}
const privateEncrypted = ['', 'raw data', 'x'.repeat(100)].map((m) => ({
  message: m,
  pkcs1: hex(crypto.privateEncrypt(keys.rsa.privatePem, Buffer.from(m))),
}));
const rsaErrors = {
  tooLarge: attempt(() => crypto.publicEncrypt(keys.rsa.publicPem, Buffer.alloc(300))),
  oaepGarbage: attempt(() => crypto.privateDecrypt(keys.rsa.privatePem, Buffer.alloc(128))),
  pkcs1PrivateDecrypt: attempt(() => crypto.privateDecrypt({ key: keys.rsa.privatePem, padding: 1 }, Buffer.alloc(128))),
  publicDecryptGarbage: attempt(() => crypto.publicDecrypt(keys.rsa.publicPem, Buffer.alloc(128, 1))),
};
write('rsa_encryption.json', { oaep, privateEncrypted, rsaErrors });

// ---------------------------------------------------------------------------------------------
// ECDH with fixed private keys, and ECDH.convertKey.
const ecdh = [];
const fixedScalars = {
  prime256v1: ['1'.repeat(64), '2'.repeat(64)],
  secp384r1: ['3'.repeat(96), '4'.repeat(96)],
  secp521r1: ['01' + '5'.repeat(130), '00' + '6'.repeat(130)],
  secp256k1: ['7'.repeat(64), '8'.repeat(64)],
};
for (const [curve, [a, b]] of Object.entries(fixedScalars)) {
  const A = crypto.createECDH(curve); A.setPrivateKey(a, 'hex');
  const B = crypto.createECDH(curve); B.setPrivateKey(b, 'hex');
  const entry = { curve, a, b, public: {}, secret: A.computeSecret(B.getPublicKey()).toString('hex') };
  for (const fmt of ['uncompressed', 'compressed', 'hybrid']) entry.public[fmt] = A.getPublicKey('hex', fmt);
  entry.convert = {};
  for (const fmt of ['uncompressed', 'compressed', 'hybrid']) entry.convert[fmt] = crypto.ECDH.convertKey(entry.public.compressed, curve, 'hex', 'hex', fmt);
  entry.privateBase64 = A.getPrivateKey('base64');
  ecdh.push(entry);
}
const E = crypto.createECDH('prime256v1');
const ecdhErrors = {
  badCurve: attempt(() => crypto.createECDH('nope')),
  publicBeforeKeys: attempt(() => E.getPublicKey()),
  secretBeforeKeys: attempt(() => E.computeSecret(Buffer.alloc(65))),
  badPeer: (() => { const x = crypto.createECDH('prime256v1'); x.generateKeys(); return attempt(() => x.computeSecret(Buffer.alloc(65))); })(),
  badFormat: (() => { const x = crypto.createECDH('prime256v1'); x.generateKeys(); return attempt(() => x.getPublicKey('hex', 'nope')); })(),
  zeroPrivate: attempt(() => crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32))),
  convertBadCurve: attempt(() => crypto.ECDH.convertKey('02' + '1'.repeat(64), 'nope', 'hex')),
  convertBadPoint: attempt(() => crypto.ECDH.convertKey('05' + '1'.repeat(64), 'prime256v1', 'hex')),
};
// diffieHellman({privateKey, publicKey}) with KeyObjects.
const dhStateless = [];
for (const [k1, k2] of [['x25519', 'x25519'], ['x448', 'x448'], ['p256', 'p256']]) {
  // Same key pair on both sides keeps the fixture to Node's own fixture keys.
  dhStateless.push({ key: k1, secret: hex(crypto.diffieHellman({ privateKey: crypto.createPrivateKey(keys[k1].privatePem), publicKey: crypto.createPublicKey(keys[k2].publicPem) })) });
}
const dhErrors = {
  rsa: attempt(() => crypto.diffieHellman({ privateKey: crypto.createPrivateKey(keys.rsa.privatePem), publicKey: crypto.createPublicKey(keys.rsa.publicPem) })),
  mixed: attempt(() => crypto.diffieHellman({ privateKey: crypto.createPrivateKey(keys.x25519.privatePem), publicKey: crypto.createPublicKey(keys.p256.publicPem) })),
};
write('ecdh.json', { ecdh, ecdhErrors, dhStateless, dhErrors });

// ---------------------------------------------------------------------------------------------
// X509Certificate.
const certs = {};
const certSources = {
  'agent1-cert.pem': read('agent1-cert.pem'), 'ca1-cert.pem': read('ca1-cert.pem'), 'ec-cert.pem': read('ec-cert.pem'),
  'agent6-cert.pem': read('agent6-cert.pem'), 'agent8-cert.pem': read('agent8-cert.pem'),
  'incorrect_san_correct_subject-cert.pem': read('incorrect_san_correct_subject-cert.pem'),
  'irrelevant_san_correct_subject-cert.pem': read('irrelevant_san_correct_subject-cert.pem'),
  // Made once with `openssl req -x509` (SANs of every kind, key usage, AIA); stored next to the JSON.
  'san-cert.pem': fs.readFileSync(OUT + 'san-cert.pem', 'utf8'),
  // Made once with Python's cryptography: a multi-valued RDN, RFC 2253 specials, a control
  // character, non-ASCII, and SANs with commas (which Node quotes).
  'escaping-cert.pem': fs.readFileSync(OUT + 'escaping-cert.pem', 'utf8'),
};
const hostChecks = [
  ['agent1'], ['AGENT1'], ['www.agent1'], ['ca1'], ['localhost'], ['evil.com'], ['agent1', { subject: 'never' }],
  ['correct.test.com'], ['evil.example.com'], ['www.example.com'], ['www.example.com', { subject: 'always' }],
  ['foo.example.com'], ['FOO.Example.COM'], ['a.b.example.com'], ['a.b.example.com', { multiLabelWildcards: true }],
  ['foo.example.com', { wildcards: false }], ['example.com'], ['example.org'], ['sub.example.org'], ['10.0.0.1'],
  ['foo.example.net'], ['a,b.example.com'], ['xn--bcher-kva.example.net'], ['f.example.net', { partialWildcards: false }],
];
for (const [name, pem] of Object.entries(certSources)) {
  const c = new crypto.X509Certificate(pem);
  const legacy = c.toLegacyObject();
  certs[name] = {
    pem,
    subject: c.subject ?? null, issuer: c.issuer ?? null, subjectAltName: c.subjectAltName ?? null, infoAccess: c.infoAccess ?? null,
    validFrom: c.validFrom, validTo: c.validTo, fingerprint: c.fingerprint, fingerprint256: c.fingerprint256,
    fingerprint512: c.fingerprint512, serialNumber: c.serialNumber, ca: c.ca, keyUsage: c.keyUsage ?? null,
    raw: hex(c.raw), toString: c.toString(), toJSON: c.toJSON(),
    publicKeySpki: c.publicKey.export({ format: 'pem', type: 'spki' }),
    legacy: { subject: legacy.subject ? { ...legacy.subject } : null, issuer: legacy.issuer ? { ...legacy.issuer } : null,
      infoAccess: legacy.infoAccess ? { ...legacy.infoAccess } : null, modulus: legacy.modulus ?? null, bits: legacy.bits ?? null, exponent: legacy.exponent ?? null,
      pubkey: legacy.pubkey ? hex(legacy.pubkey) : null, asn1Curve: legacy.asn1Curve ?? null, nistCurve: legacy.nistCurve ?? null,
      subjectaltname: legacy.subjectaltname ?? null, ext_key_usage: legacy.ext_key_usage ?? null, ca: legacy.ca,
      valid_from: legacy.valid_from, valid_to: legacy.valid_to, serialNumber: legacy.serialNumber, fingerprint256: legacy.fingerprint256 },
    hostChecks: hostChecks.map(([h, o]) => [h, o ?? null, c.checkHost(h, o) ?? null]),
    emailChecks: ['ry@tinyclouds.org', 'RY@TINYCLOUDS.ORG', 'adam.lippai@tresorit.com', 'admin@example.com', 'admin@EXAMPLE.com', 'x@y.z'].map((e) => [e, c.checkEmail(e) ?? null]),
    emailNever: c.checkEmail('ry@tinyclouds.org', { subject: 'never' }) ?? null,
    ipChecks: ['127.0.0.1', '::1', '1.2.3.4', '10.0.0.1', '2001:db8::1', '2001:DB8:0::1', '10.0.0.2'].map((ip) => [ip, c.checkIP(ip) ?? null]),
  };
  const ca1 = new crypto.X509Certificate(read('ca1-cert.pem'));
  certs[name].verifiedByCa1 = c.verify(ca1.publicKey);
  certs[name].verifiedBySelf = c.verify(c.publicKey);
  certs[name].checkIssuedByCa1 = c.checkIssued(ca1);
  certs[name].checkIssuedBySelf = c.checkIssued(c);
  certs[name].checkPrivateKey = name === 'agent1-cert.pem' ? c.checkPrivateKey(crypto.createPrivateKey(read('agent1-key.pem'))) : null;
  certs[name].checkPrivateKeyWrong = c.checkPrivateKey(crypto.createPrivateKey(read('rsa_private.pem')));
}
const x509Errors = { garbage: attempt(() => new crypto.X509Certificate(Buffer.from('xx'))), garbageString: attempt(() => new crypto.X509Certificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')) };
const agent1Key = read('agent1-key.pem');
write('x509.json', { certs, x509Errors, agent1Key });

// ---------------------------------------------------------------------------------------------
// Constants, cipher and curve lists, key-generation errors.
const keygenErrors = {
  unknownType: attempt(() => crypto.generateKeyPairSync('nope', {})),
  rsaNoModulus: attempt(() => crypto.generateKeyPairSync('rsa', {})),
  ecBadCurve: attempt(() => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' })),
  ecNoCurve: attempt(() => crypto.generateKeyPairSync('ec', {})),
  aesBadLength: attempt(() => crypto.generateKeySync('aes', { length: 100 })),
  hmacShort: attempt(() => crypto.generateKeySync('hmac', { length: 7 })),
  unknownSecretType: attempt(() => crypto.generateKeySync('nope', { length: 128 })),
  pssBadHash: attempt(() => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'nope' })),
};
const numeric = Object.fromEntries(Object.entries(crypto.constants).filter(([, v]) => typeof v === 'number'));
write('misc.json', { constants: numeric, ciphers: crypto.getCiphers(), curves: crypto.getCurves(), keygenErrors });
console.log('wrote', fs.readdirSync(OUT).join(' '));
