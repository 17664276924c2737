#!/usr/bin/env node
// node_crypto_test_vectors.mjs -- lift the test-vector tables out of Node's own crypto tests.
//
// Usage:
//   node tests/oracles/node_crypto_test_vectors.mjs [/work/node_test/test/parallel] \
//       > tests/fixtures/crypto_std/node_test_vectors.json
//
// Node's test-crypto-hmac.js and test-crypto-scrypt.js hold their vectors (RFC 2202, RFC 4231,
// Wikipedia's HMACs, RFC 7914's scrypt vectors and the rejected parameter sets) as array
// literals. This script cuts each named literal out of the file, evaluates it (Buffer is the
// only name they use) and writes it as JSON, Buffers as {"hex": ...}, so the Python ports in
// tests/test_crypto_std_node.py read exactly Node's tables.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '/work/node_test/test/parallel';

function table(file, name) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const start = text.indexOf(`const ${name} = [`);
  if (start < 0) throw new Error(`${name} not found in ${file}`);
  let depth = 0;
  let i = text.indexOf('[', start);
  const open = i;
  for (; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) break;
  }
  // eslint-disable-next-line no-new-func
  return new Function('Buffer', `return ${text.slice(open, i + 1)};`)(Buffer);
}

const jsonable = (value) => JSON.parse(JSON.stringify(value, (key, v) => {
  if (v && v.type === 'Buffer' && Array.isArray(v.data)) return { hex: Buffer.from(v.data).toString('hex') };
  return v;
}));

const out = {
  source: dir,
  hmac: Object.fromEntries(['wikipedia', 'rfc4231', 'rfc2202_md5', 'rfc2202_sha1'].map((n) => [n, jsonable(table('test-crypto-hmac.js', n))])),
  scrypt: Object.fromEntries(['good', 'bad', 'toobig'].map((n) => [n, jsonable(table('test-crypto-scrypt.js', n))])),
  hkdf: { algorithms: jsonable(table('test-crypto-hkdf.js', 'algorithms')) },
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
