// X509Certificate's name fields on certificates with unusual names: multi-valued RDNs,
// escaped characters, UTF-8, repeated attributes, an empty subject, and subjectAltName
// entries of every kind (IP v4/v6, URI, e-mail, wildcard DNS, DirName, Registered ID,
// otherName known to Node (XmppAddr) and not). The certificates were made with openssl req.
// Run from the repository root:  node tests/oracles/oracle_crypto_x509_names.mjs
// Writes tests/fixtures/crypto_keys/x509_names.json.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';

const DIR = 'tests/fixtures/crypto_keys/';
const out = {};
for (const n of [1, 2, 3, 4]) {
  const file = `unusual-names-${n}.pem`;
  const x = new X509Certificate(fs.readFileSync(DIR + file));
  out[file] = {
    subject: x.subject ?? null,
    issuer: x.issuer ?? null,
    subjectAltName: x.subjectAltName ?? null,
    infoAccess: x.infoAccess ?? null,
    legacySubject: x.toLegacyObject().subject,
    checkHost: Object.fromEntries(['a.example', 'foo.wild.example', 'dup', 'b.example', 'x'].map((h) => [h, x.checkHost(h) ?? null])),
    checkEmail: Object.fromEntries(['x@y.z', 'a@b.c'].map((h) => [h, x.checkEmail(h) ?? null])),
    checkIP: Object.fromEntries(['10.0.0.1', '::1', '0:0:0:0:0:0:0:1'].map((h) => [h, x.checkIP(h) ?? null])),
  };
}
fs.writeFileSync(DIR + 'x509_names.json', JSON.stringify(out, null, 1) + '\n');
console.log('wrote x509_names.json');
