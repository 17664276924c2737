// Differential fixtures for AbortSignal.onabort: where a handler runs among 'abort' listeners.
//
// Run: node tests/oracles/abort_onabort.mjs > tests/fixtures/abort/onabort_oracle.json
//
// Seeded random scripts of: add listener i, remove listener i, onabort = handler j,
// onabort = null. After the script: whether onabort is null, how many listeners
// events.getEventListeners lists; then abort() and the order of the calls. Node 20 keeps the
// handler's registration when onabort is set to null, so a later handler runs in the first
// one's place (browsers would add it at the end); trio_nodecompat follows Node.
//
// Left out: scripts where Node 20's own bookkeeping loses the handler. It does not count a
// null handler, so removing the last other listener drops the whole list, registration
// included (a later handler is then never called, or the setter throws a TypeError); those
// scripts are recognised by a removal that shortens getEventListeners by more than one.
import { getEventListeners } from 'node:events';

let seed = 20240601;
function rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
}

const scripts = [];
for (let s = 0; s < 150; s++) {
  const ops = [];
  const length = 1 + rand(9);
  for (let k = 0; k < length; k++) {
    const kind = ['add', 'remove', 'handler', 'null'][rand(4)];
    if (kind === 'add' || kind === 'remove') ops.push([kind, rand(4)]);
    else if (kind === 'handler') ops.push([kind, rand(3)]);
    else ops.push([kind]);
  }
  const ac = new AbortController();
  const signal = ac.signal;
  const log = [];
  const listeners = [0, 1, 2, 3].map((i) => () => log.push(`L${i}`));
  const handlers = [0, 1, 2].map((j) => () => log.push(`H${j}`));
  let quirk = false;
  try {
    for (const op of ops) {
      const before = getEventListeners(signal, 'abort').length;
      if (op[0] === 'add') signal.addEventListener('abort', listeners[op[1]]);
      else if (op[0] === 'remove') signal.removeEventListener('abort', listeners[op[1]]);
      else if (op[0] === 'handler') signal.onabort = handlers[op[1]];
      else signal.onabort = null;
      if (before - getEventListeners(signal, 'abort').length > 1) quirk = true;
    }
  } catch {
    quirk = true;
  }
  if (quirk) continue;
  const handlerIsNull = signal.onabort === null;
  const listed = getEventListeners(signal, 'abort').length;
  ac.abort();
  scripts.push({ ops, handler_is_null: handlerIsNull, listed, calls: log });
}
console.log(JSON.stringify({ scripts }, null, 1));
