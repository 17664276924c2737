// Buffer.from(typedArray): what Node copies from each typed array (one byte per element).
// Run: node tests/oracles/oracle_buffer_from_typed_array.js > tests/fixtures/buffer/from_typed_array.json
'use strict';
const cases = [];
function add(type, values) {
  const Ctor = globalThis[type];
  let out;
  try {
    out = { bytes: [...Buffer.from(new Ctor(values))] };
  } catch (e) {
    out = { error: e.constructor.name, message: e.message };
  }
  // Floats travel as strings so NaN and the infinities survive JSON.
  cases.push({ type, values: values.map(String), ...out });
}
add('Int8Array', [-128, -1, 0, 1, 127]);
add('Uint8Array', [0, 1, 254, 255]);
add('Int16Array', [-32768, -257, -256, -1, 0, 255, 256, 300, 32767]);
add('Uint16Array', [0, 1, 255, 256, 258, 65535]);
add('Int32Array', [-2147483648, -65536, -1, 0, 16777216, 305419896, 2147483647]);
add('Uint32Array', [0, 255, 256, 305419896, 4294967295]);
add('Float32Array', [0, -0, 0.5, 1.5, 2.7, -1, -1.5, 255.9, 256, 300, 1e10, -1e10, NaN, Infinity, -Infinity]);
add('Float64Array', [0, -0, 0.5, 1.5, 2.7, -1, -1.5, -257.2, 255.9, 256.9, 300, 1e20, -1e20, 2 ** 53 + 2, NaN, Infinity, -Infinity]);
add('Float64Array', []);
add('BigInt64Array', [1n, -1n]);
add('BigUint64Array', [1n, 256n]);
process.stdout.write(JSON.stringify(cases, (k, v) => (typeof v === 'bigint' ? v.toString() : v), 1) + '\n');
