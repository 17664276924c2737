// Node checks what trio_nodecompat made (tests/fixtures/crypto_keys/python_outputs.json, from
// tests/oracles/python_crypto_outputs.py): every signature verifies, every ciphertext decrypts,
// every key loads with the same type and details. Writes node_verdicts.json, one verdict per item.
// Run from the repository root: node tests/oracles/check_python_crypto_outputs.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';

const DIR = 'tests/fixtures/crypto_keys/';
const data = JSON.parse(fs.readFileSync(DIR + 'python_outputs.json', 'utf8'));
const message = Buffer.from(data.message);
const snake = { modulusLength: 'modulus_length', publicExponent: 'public_exponent', namedCurve: 'named_curve',
  hashAlgorithm: 'hash_algorithm', mgf1HashAlgorithm: 'mgf1_hash_algorithm', saltLength: 'salt_length', divisorLength: 'divisor_length' };
const details = (k) => Object.fromEntries(Object.entries(k.asymmetricKeyDetails).map(([a, b]) => [snake[a], typeof b === 'bigint' ? Number(b) : b]));
const verdicts = data.items.map((item) => {
  try {
    switch (item.kind) {
      case 'key': {
        const k = data.keys[item.name];
        const priv = crypto.createPrivateKey(k.pkcs8);
        const pub = crypto.createPublicKey(k.spki);
        const same = pub.equals(crypto.createPublicKey(priv));
        const sameDetails = JSON.stringify(details(priv)) === JSON.stringify(k.details) && priv.asymmetricKeyType === k.type;
        const reexported = priv.export({ format: 'pem', type: 'pkcs8' }) === k.pkcs8 && pub.export({ format: 'pem', type: 'spki' }) === k.spki;
        return { ok: same && sameDetails && reexported, detail: { same, sameDetails, reexported } };
      }
      case 'signature': {
        const pub = crypto.createPublicKey(data.keys[item.name].spki);
        const ok = crypto.verify(item.algorithm, message, { key: pub, ...item.options }, Buffer.from(item.signature, 'hex'));
        const tampered = crypto.verify(item.algorithm, Buffer.concat([message, Buffer.from('!')]), { key: pub, ...item.options }, Buffer.from(item.signature, 'hex'));
        return { ok: ok && !tampered };
      }
      case 'oaep': {
        const out = crypto.privateDecrypt({ key: data.keys.rsa.pkcs8, oaepHash: item.oaepHash, oaepLabel: Buffer.from(item.label) }, Buffer.from(item.ciphertext, 'hex'));
        return { ok: out.equals(message) };
      }
      case 'encrypted-key': {
        const k = crypto.createPrivateKey({ key: item.pem, passphrase: 'top secret' });
        return { ok: k.export({ format: 'pem', type: 'pkcs8' }) === data.keys[item.name].pkcs8 };
      }
      case 'encrypted-key-der': {
        const k = crypto.createPrivateKey({ key: Buffer.from(item.der, 'hex'), format: 'der', type: 'pkcs8', passphrase: 'top secret' });
        return { ok: k.export({ format: 'pem', type: 'pkcs8' }) === data.keys[item.name].pkcs8 };
      }
      case 'cipher': {
        const d = crypto.createDecipheriv(item.algorithm, Buffer.from(item.key, 'hex'), Buffer.from(item.iv, 'hex'));
        if (item.tag) { d.setAAD(Buffer.from(item.aad, 'hex')); d.setAuthTag(Buffer.from(item.tag, 'hex')); }
        const out = Buffer.concat([d.update(Buffer.from(item.ciphertext, 'hex')), d.final()]);
        return { ok: out.toString('hex') === item.plain };
      }
      case 'ecdh': {
        const e = crypto.createECDH(item.curve);
        e.setPrivateKey(item.private, 'hex');
        return { ok: e.getPublicKey('hex', 'compressed') === item.public };
      }
    }
    return { ok: false, detail: 'unknown kind' };
  } catch (e) {
    return { ok: false, detail: `${e.code}: ${e.message}` };
  }
});
fs.writeFileSync(DIR + 'node_verdicts.json', JSON.stringify({ node: process.version, verdicts }, null, 1) + '\n');
const failed = verdicts.filter((v) => !v.ok).length;
console.log(`${verdicts.length} items checked by Node ${process.version}: ${verdicts.length - failed} pass, ${failed} fail`);
verdicts.forEach((v, i) => { if (!v.ok) console.log('FAIL', JSON.stringify(data.items[i]).slice(0, 120), JSON.stringify(v)); });
