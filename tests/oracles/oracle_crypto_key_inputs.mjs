// createPrivateKey/createPublicKey/createSecretKey inputs and KeyObject.export options that
// Node refuses or reads leniently: passphrases (wrong, empty, wrong type, missing), PEM with
// text around it, DER of one type read as another, private DER given to createPublicKey,
// malformed options and JWKs, and export's option pairs (passphrase without cipher...).
// Run from the repository root:  node tests/oracles/oracle_crypto_key_inputs.mjs
// Writes tests/fixtures/crypto_keys/key_inputs.json. An argument may hold placeholders:
// {$file: name} (a PEM from tests/fixtures/crypto_keys/node_keys), {$hex: '...'} (bytes),
// {$der: [file, format-type]} (that key exported as DER), {$jwkWith: [file, members]} (its
// private JWK with some members replaced). A result records the KeyObject's
// type and asymmetricKeyType, or what export returned (PEM's first line, DER's length, a
// JWK's member names), or the error.
import crypto from 'node:crypto';
import fs from 'node:fs';

const KEYS = 'tests/fixtures/crypto_keys/node_keys/';
const err = (e) => ({ name: e.name, code: e.code === undefined ? null : e.code, message: e.message });

function resolve(v) {
  if (Array.isArray(v)) return v.map(resolve);
  if (v && typeof v === 'object') {
    if (v.$file) return fs.readFileSync(KEYS + v.$file, 'utf8');
    if (v.$hex !== undefined) return Buffer.from(v.$hex, 'hex');
    if (v.$text) return v.$text.map(resolve).join('');
    if (v.$jwkWith) {
      const [file, members] = v.$jwkWith;
      return { ...crypto.createPrivateKey(fs.readFileSync(KEYS + file, 'utf8')).export({ format: 'jwk' }), ...members };
    }
    if (v.$der) {
      const [file, type] = v.$der;
      const pem = fs.readFileSync(KEYS + file, 'utf8');
      const key = /PRIVATE/.test(pem) ? crypto.createPrivateKey(pem) : crypto.createPublicKey(pem);
      return key.export({ format: 'der', type });
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
  }
  return v;
}

function summary(r) {
  if (r instanceof crypto.KeyObject) return { key: [r.type, r.asymmetricKeyType ?? null] };
  if (typeof r === 'string') return { text: r.split('\n')[0] };
  if (Buffer.isBuffer(r)) return { bytes: r.length };
  return { members: Object.keys(r).sort() };
}

function run(c) {
  try {
    if (c.op === 'export') {
      const [source, options] = resolve(c.args);
      const key = c.of === 'secret' ? crypto.createSecretKey(Buffer.from(source))
        : c.of === 'public' ? crypto.createPublicKey(source) : crypto.createPrivateKey(source);
      return { ok: summary(c.noArgs ? key.export() : key.export(options)) };
    }
    if (c.op === 'publicEncrypt') return { ok: summary(crypto.publicEncrypt(...resolve(c.args))) };
    if (c.op === 'createECDH') { crypto.createECDH(...c.args); return { ok: { ecdh: true } }; }
    if (c.op === 'generateKeyPairSync') {
      const { publicKey, privateKey } = crypto.generateKeyPairSync(...resolve(c.args));
      return { ok: { pair: [summary(publicKey), summary(privateKey)] } };
    }
    return { ok: summary(crypto[c.op](...resolve(c.args))) };
  } catch (e) {
    return { error: err(e) };
  }
}

const RSA = { $file: 'rsa_private.pem' };
const ENC = { $file: 'rsa_private_encrypted.pem' };  // passphrase 'password'
const EC = { $file: 'ec_p256_private.pem' };
const P = 'createPrivateKey';
const U = 'createPublicKey';
const cases = [
  // passphrases
  { op: P, args: [{ key: ENC, passphrase: 'wrong' }] },
  { op: P, args: [{ key: ENC, passphrase: '' }] },
  { op: P, args: [{ key: ENC, passphrase: 5 }] },
  { op: P, args: [{ key: ENC, passphrase: { $hex: '70617373776f7264' } }] },
  { op: P, args: [ENC] },
  { op: U, args: [{ key: ENC, passphrase: 'password' }] },
  { op: U, args: [{ key: ENC, passphrase: 'nope' }] },
  // PEM with text before and after it (OpenSSL's PEM reader skips it), and CRLF line ends
  { op: P, args: [{ $text: ['Bag Attributes\n    localKeyID: 01 02\nKey Attributes: <No Attributes>\n', RSA, 'trailing words\n'] }] },
  { op: U, args: [{ $text: ['subject=/CN=x\n', { $file: 'rsa_public.pem' }] }] },
  { op: U, args: [{ $text: ['junk\n', RSA] }] },
  { op: P, args: ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'] },
  { op: P, args: [''] },
  { op: P, args: ['hello'] },
  // DER read as the type given
  { op: P, args: [{ key: { $der: ['rsa_private.pem', 'pkcs8'] }, format: 'der', type: 'pkcs1' }] },
  { op: U, args: [{ key: { $der: ['rsa_private.pem', 'pkcs1'] }, format: 'der', type: 'pkcs1' }] },
  { op: U, args: [{ key: { $der: ['rsa_private.pem', 'pkcs8'] }, format: 'der', type: 'pkcs8' }] },
  { op: U, args: [{ key: { $der: ['ec_p256_private.pem', 'sec1'] }, format: 'der', type: 'sec1' }] },
  { op: P, args: [{ key: { $hex: '68656c6c6f' }, format: 'der' }] },
  { op: P, args: [{ key: { $hex: '68656c6c6f' }, format: 'der', type: 'spki' }] },
  { op: P, args: [{ key: 'x', format: 'xyz' }] },
  // malformed arguments
  { op: P, args: [5] },
  { op: P, args: [{}] },
  { op: U, args: [{}] },
  { op: P, args: [{ key: 'x', format: 'jwk' }] },
  { op: U, args: [{ key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, format: 'jwk' }] },
  { op: U, args: [{ key: { kty: 'OKP', crv: 'Ed25519', x: 'AA' }, format: 'jwk' }] },
  { op: U, args: [{ key: { kty: 'oct', k: 'AA' }, format: 'jwk' }] },
  // a private OKP JWK: Node reads d and does not compare x with it
  { op: P, args: [{ key: { $jwkWith: ['ed25519_private.pem', { x: 'AAAA' }] }, format: 'jwk' }] },
  { op: P, args: [{ key: { $jwkWith: ['ed25519_private.pem', {}] }, format: 'jwk' }] },
  { op: 'createSecretKey', args: [5] },
  { op: 'createSecretKey', args: ['616263', 'hex'] },
  // export's option pairs
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs1', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 'nope' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 5, passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 5 }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'der', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [EC, { format: 'der', type: 'sec1', cipher: 'aes-256-cbc', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'jwk', passphrase: 'x' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'jwk', cipher: 'aes-256-cbc' }] },
  { op: 'export', of: 'public', args: [RSA, { format: 'jwk', passphrase: 'x' }] },
  { op: 'export', of: 'public', args: [RSA, { format: 'pem', type: 'spki', passphrase: 'x' }] },
  { op: 'export', of: 'public', args: [RSA, { format: 'pem', type: 'spki', cipher: 'aes-256-cbc', passphrase: 'x' }] },
  { op: 'export', of: 'secret', args: ['abc', { format: 'pem' }] },
  { op: 'export', of: 'secret', args: ['abc', { format: 'jwk' }] },
  { op: 'export', of: 'private', args: [RSA, { format: 'pem' }] },
  // generateKeyPairSync's key encodings take export's rules (checked before generating)
  { op: 'generateKeyPairSync', args: ['rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem', passphrase: 'x' } }] },
  { op: 'generateKeyPairSync', args: ['rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'nope' } }] },
  { op: 'generateKeyPairSync', args: ['ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'sec1', format: 'pem' } }] },
  // curve names: keygen takes NIST names (P-256), ECDH only OpenSSL's; neither secp256r1
  { op: 'generateKeyPairSync', args: ['ec', { namedCurve: 'secp256r1' }] },
  { op: 'generateKeyPairSync', args: ['ec', { namedCurve: 'secp192r1' }] },
  { op: 'generateKeyPairSync', args: ['ec', { namedCurve: 'P-384' }] },
  { op: 'createECDH', args: ['P-256'] },
  { op: 'createECDH', args: ['secp256r1'] },
  { op: 'createECDH', args: ['prime256v1'] },
  // publicEncrypt's options: padding is `options.padding || default` made a uint32 by C++,
  // so 0 means OAEP and a value OpenSSL does not know is unknown padding; oaepHash a string
  ...[0, 2, 7, -1, 'x', 1.5, true].map((padding) => ({ op: 'publicEncrypt', args: [{ key: { $file: 'rsa_public_2048.pem' }, padding }, { $hex: '78' }] })),
  { op: 'publicEncrypt', args: [{ key: { $file: 'rsa_public_2048.pem' }, oaepHash: 'bogus' }, { $hex: '78' }] },
  { op: 'publicEncrypt', args: [{ key: { $file: 'rsa_public_2048.pem' }, oaepHash: 5 }, { $hex: '78' }] },
  { op: 'publicEncrypt', args: [{ key: { $file: 'rsa_public_2048.pem' }, oaepLabel: 5 }, { $hex: '78' }] },
];
for (const c of cases) c.result = run(c);
fs.writeFileSync('tests/fixtures/crypto_keys/key_inputs.json', JSON.stringify({ cases }, null, 1) + '\n');
console.log('wrote key_inputs.json', cases.length, 'cases');
