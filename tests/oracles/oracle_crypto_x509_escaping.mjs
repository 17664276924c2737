// X509Certificate on the certificates of Node's test-x509-escaping.js (its fixtures, copied to
// tests/fixtures/crypto_keys/x509_escaping/, and the two *_san_correct_subject certificates of
// node_keys/), plus latin1-san-ca-cert.pem (made by make_x509_latin1_san.py: a CA whose
// subjectAltName cryptography refuses, next to other extensions): the escaped name strings, the legacy object, and what checkHost, checkEmail
// and checkIP answer for the names those certificates try to smuggle in.
// Run from the repository root:  node tests/oracles/oracle_crypto_x509_escaping.mjs
// Writes tests/fixtures/crypto_keys/x509_escaping.json.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';

const DIR = 'tests/fixtures/crypto_keys/';
const files = [
  ...Array.from({ length: 31 }, (_, i) => `x509_escaping/alt-${i}-cert.pem`),
  ...Array.from({ length: 5 }, (_, i) => `x509_escaping/info-${i}-cert.pem`),
  ...Array.from({ length: 10 }, (_, i) => `x509_escaping/subj-${i}-cert.pem`),
  'x509_escaping/latin1-san-ca-cert.pem',
  'node_keys/incorrect_san_correct_subject-cert.pem',
  'node_keys/irrelevant_san_correct_subject-cert.pem',
];
const hosts = [
  'good.example.com', 'evil.example.com', 'example.com', 'b.example.com', 'ex\u00e4mple.com',
  'somewhere', 'l1',
];
const emails = ['foo@example.com', 'foo@example.com, DNS:good.example.com', 'evil.example.com'];
const ips = ['8.8.8.8', '8.8.4.4', '0.8.8.4', '1.2.3.4', 'a0b:c0d:e0f::7a7b:7c7d', '::1'];

// The legacy object as JSON: Buffers as hex, the null-prototype objects as plain ones.
function plain(value) {
  if (Buffer.isBuffer(value)) return { buffer: value.toString('hex') };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value ?? null;
}

const out = {};
for (const file of files) {
  const x = new X509Certificate(fs.readFileSync(DIR + file));
  const checkHost = {};
  for (const subject of ['default', 'always', 'never']) {
    checkHost[subject] = Object.fromEntries(
      hosts.map((h) => [h, x.checkHost(h, { subject }) ?? null]));
  }
  out[file] = {
    subject: x.subject ?? null,
    issuer: x.issuer ?? null,
    subjectAltName: x.subjectAltName ?? null,
    infoAccess: x.infoAccess ?? null,
    ca: x.ca,
    keyUsage: x.keyUsage ?? null,
    legacy: plain(x.toLegacyObject()),
    checkHost,
    checkEmail: Object.fromEntries(emails.map((e) => [e, x.checkEmail(e) ?? null])),
    checkIP: Object.fromEntries(ips.map((ip) => [ip, x.checkIP(ip) ?? null])),
  };
}
fs.writeFileSync(DIR + 'x509_escaping.json', JSON.stringify(out, null, 1) + '\n');
console.log(`wrote x509_escaping.json (${files.length} certificates)`);
