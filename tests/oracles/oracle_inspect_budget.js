// util.inspect's output budget (test-util-inspect-long-running.js): Node v20 stops descending
// once one indentation level has printed 2 ** 27 characters. Prints, for shared graphs built the
// same way in the Python test, the length and SHA-256 of Node's output at depth Infinity.
// Run: node tests/oracles/oracle_inspect_budget.js > tests/fixtures/util/inspect_budget.json
'use strict';
const util = require('util');
const crypto = require('crypto');

function digest(text) {
  return {
    length: text.length,
    sha256: crypto.createHash('sha256').update(text).digest('hex'),
    summaries: (text.match(/\[Object\]/g) || []).length,
  };
}

// A ten-way shared tree, six levels over a leaf of ten 9000-character strings: printed in full
// it would be 10 ** 6 * 90 kB; the budget cuts it just past 2 ** 27 characters.
function fanOut() {
  let node = {};
  for (let k = 0; k < 10; k++) node['s' + k] = String.fromCharCode(97 + k).repeat(9000);
  for (let i = 0; i < 6; i++) {
    const next = {};
    for (let k = 0; k < 10; k++) next['k' + k] = node;
    node = next;
  }
  return node;
}

// The graph of test-util-inspect-long-running.js with 60 links (under the budget, and within
// Python's recursion limit): circular references and shared links, in full.
function linked(n) {
  let last = {};
  const obj = last;
  for (let i = 0; i < n; i++) {
    last.next = { circular: obj, last, obj: { a: 1, b: 2, c: true } };
    last = last.next;
    obj[i] = last;
  }
  return obj;
}

const out = {
  node: process.version,
  fan_out: digest(util.inspect(fanOut(), { depth: Infinity })),
  // Node's `true` respelled as Python's `True` (same length) before hashing.
  linked_60: digest(util.inspect(linked(60), { depth: Infinity }).replace(/\btrue\b/g, 'True')),
};
console.log(JSON.stringify(out, null, 2));
