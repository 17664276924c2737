// Differential fixtures for trio_nodecompat's abort and event_target modules, from Node itself.
//
// Run: node tests/oracles/abort_event_target.mjs > tests/fixtures/abort/node_oracle.json
//
// - dom_exception: the legacy code of each name, the class constants, the defaults.
// - dispatch: scripted EventTarget scenarios (listeners with once/capture/passive flags whose
//   actions stop propagation, prevent the default, remove listeners, throw) replayed on Node;
//   each dispatch logs the listeners called, dispatchEvent's return value, defaultPrevented and
//   the listener ids left. Random scenarios come from a seeded generator, so the file is stable.
//   Actions that add listeners during a dispatch and preventDefault inside passive listeners are
//   left out: there trio_nodecompat follows the DOM rule where Node 20 does not (see the docs).
// - abort_order: the order of 'abort' listeners across AbortSignal.any composites, onabort and
//   events.addAbortListener.
// - any_graphs: seeded random graphs of controllers and AbortSignal.any composites, aborted in a
//   random order; the log of 'abort' listeners and every signal's final state.
// - errors: code, name and message of the bad-input cases the Python tests replay.
import { addAbortListener } from 'node:events';

const out = {};

// DOMException ---------------------------------------------------------------------------------
const names = ['IndexSizeError', 'HierarchyRequestError', 'WrongDocumentError',
  'InvalidCharacterError', 'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError',
  'InUseAttributeError', 'InvalidStateError', 'SyntaxError', 'InvalidModificationError',
  'NamespaceError', 'InvalidAccessError', 'TypeMismatchError', 'SecurityError', 'NetworkError',
  'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError',
  'DataCloneError', 'EncodingError', 'NotReadableError', 'UnknownError', 'ConstraintError',
  'DataError', 'OperationError', 'NotAllowedError', 'Error', 'Whatever'];
const d = new DOMException();
out.dom_exception = {
  codes: Object.fromEntries(names.map((n) => [n, new DOMException('m', n).code])),
  constants: Object.fromEntries(Object.keys(DOMException)
    .filter((k) => /^[A-Z_]+$/.test(k)).map((k) => [k, DOMException[k]])),
  default: { message: d.message, name: d.name, code: d.code },
  abort_reason: (() => { const r = AbortSignal.abort().reason;
    return { message: r.message, name: r.name, code: r.code }; })(),
};

// Dispatch scenarios -------------------------------------------------------------------------
// A scenario has functions (each with actions it performs when called, logging its id) and
// registrations of those functions (flags once/capture/passive); registering one function twice
// with the same capture must be ignored, with the other capture it is a second registration.
let seed = 12;
function rand(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }

function randomScenario(i) {
  const nfns = 1 + rand(5);
  const fns = [];
  for (let id = 0; id < nfns; id++) {
    const actions = [];
    const k = rand(4);
    for (let j = 0; j < k; j++) {
      const r = rand(10);
      if (r < 2) actions.push(['stop']);
      else if (r < 4) actions.push(['prevent']);
      else if (r < 7) actions.push(['remove', rand(nfns), rand(3) === 0]);
      else if (r < 8) actions.push(['throw']);
      else actions.push(['stop_propagation']);
    }
    fns.push({ id, actions });
  }
  const regs = [];
  const nregs = 1 + rand(7);
  for (let j = 0; j < nregs; j++) {
    const fn = rand(nfns);
    // A passive registration of a function that prevents would test Node 20's deviation.
    const canPassive = !fns[fn].actions.some((a) => a[0] === 'prevent');
    regs.push({ fn, once: rand(3) === 0, capture: rand(3) === 0,
      passive: canPassive && rand(3) === 0 });
  }
  return { name: `random-${i}`, fns, regs,
    dispatches: [rand(2) === 1, rand(2) === 1, true].map((c) => ({ cancelable: c })) };
}

const r = (fn, flags = {}) => ({ fn, once: false, capture: false, passive: false, ...flags });
const handcrafted = [
  { name: 'order, duplicates ignored, capture is a second registration',
    fns: [{ id: 0, actions: [] }, { id: 1, actions: [] }],
    regs: [r(0), r(1, { once: true }), r(0), r(0, { capture: true }), r(1)],
    dispatches: [{ cancelable: false }, { cancelable: false }] },
  { name: 'stopImmediatePropagation skips the rest, passive ones too',
    fns: [{ id: 0, actions: [['stop']] }, { id: 1, actions: [] }, { id: 2, actions: [] }],
    regs: [r(0), r(1, { passive: true }), r(2, { once: true })],
    dispatches: [{ cancelable: false }, { cancelable: false }] },
  { name: 'preventDefault on cancelable and not',
    fns: [{ id: 0, actions: [['prevent']] }], regs: [r(0)],
    dispatches: [{ cancelable: false }, { cancelable: true }] },
  { name: 'removal during dispatch',
    fns: [{ id: 0, actions: [['remove', 1, false]] }, { id: 1, actions: [] },
      { id: 2, actions: [['remove', 0, false]] }],
    regs: [r(0), r(1), r(2)], dispatches: [{ cancelable: false }, { cancelable: false }] },
  { name: 'remove needs the same capture',
    fns: [{ id: 0, actions: [['remove', 0, false]] }], regs: [r(0, { capture: true })],
    dispatches: [{ cancelable: false }, { cancelable: false }] },
  { name: 'a throwing listener does not stop the others',
    fns: [{ id: 0, actions: [['throw']] }, { id: 1, actions: [['throw']] },
      { id: 2, actions: [['prevent']] }],
    regs: [r(0), r(1, { once: true }), r(2)],
    dispatches: [{ cancelable: true }, { cancelable: true }] },
];

process.on('uncaughtException', () => {}); // thrown listeners: tested in Python on their own

function play(scenario) {
  const et = new EventTarget();
  const log = [];
  const functions = scenario.fns.map((f) => (e) => {
    log.push(f.id);
    for (const action of f.actions) {
      if (action[0] === 'stop') e.stopImmediatePropagation();
      else if (action[0] === 'stop_propagation') e.stopPropagation();
      else if (action[0] === 'prevent') e.preventDefault();
      else if (action[0] === 'remove') {
        et.removeEventListener('x', functions[action[1]], { capture: action[2] });
      } else if (action[0] === 'throw') throw new Error(`listener ${f.id}`);
    }
  });
  for (const reg of scenario.regs) {
    et.addEventListener('x', functions[reg.fn],
                        { once: reg.once, capture: reg.capture, passive: reg.passive });
  }
  return scenario.dispatches.map((spec) => {
    log.length = 0;
    const e = new Event('x', { cancelable: spec.cancelable });
    const returned = et.dispatchEvent(e);
    return { called: log.slice(), returned, default_prevented: e.defaultPrevented,
      cancel_bubble: e.cancelBubble };
  });
}

const scenarios = [...handcrafted];
for (let i = 0; i < 150; i++) scenarios.push(randomScenario(i));
out.dispatch = scenarios.map((s) => ({ ...s, results: play(s) }));

// Abort order --------------------------------------------------------------------------------
{
  const log = [];
  const c = new AbortController();
  const a = AbortSignal.any([c.signal]);
  const b = AbortSignal.any([a, c.signal]);
  c.signal.addEventListener('abort', () => log.push('source 1'));
  c.signal.onabort = () => log.push('source onabort');
  c.signal.addEventListener('abort', (e) => { log.push('source stops'); e.stopImmediatePropagation(); });
  addAbortListener(c.signal, () => log.push('addAbortListener'));
  c.signal.addEventListener('abort', () => log.push('source after stop'));
  b.addEventListener('abort', () => log.push(`b sees a.aborted=${a.aborted}`));
  a.addEventListener('abort', () => log.push(`a sees b.aborted=${b.aborted}`));
  c.abort('r');
  out.abort_order = { log, reasons: [a.reason, b.reason] };
}

// AbortSignal.any graphs ----------------------------------------------------------------------
// Seeded random graphs: controllers, composites of earlier signals (controllers' or composites'),
// some born aborted; one 'abort' listener per signal logging its name and reason; then the
// controllers abort in a random order. Records the log and every signal's final state.
function randomGraph(i) {
  const nc = 1 + rand(4);
  const nodes = [];
  for (let j = 0; j < nc; j++) nodes.push({ name: `c${j}`, kind: 'controller' });
  const nany = 1 + rand(5);
  for (let j = 0; j < nany; j++) {
    const k = rand(4);
    const sources = [];
    for (let m = 0; m < k; m++) sources.push(rand(nodes.length));
    nodes.push({ name: `a${j}`, kind: 'any', sources });
  }
  const preAborted = rand(5) === 0 ? rand(nc) : -1;
  const order = [];
  for (let j = 0; j < nc; j++) if (rand(3) !== 0) order.push(j);
  return { name: `graph-${i}`, nodes, pre_aborted: preAborted, aborts: order };
}

function playGraph(g) {
  const log = [];
  const controllers = [];
  const signals = [];
  g.nodes.forEach((node, idx) => {
    if (node.kind === 'controller') {
      const c = new AbortController();
      controllers.push(c);
      signals.push(c.signal);
      if (idx === g.pre_aborted) c.abort(`pre ${node.name}`);
    } else {
      signals.push(AbortSignal.any(node.sources.map((k) => signals[k])));
    }
  });
  g.nodes.forEach((node, idx) => {
    signals[idx].addEventListener('abort', () => log.push(`${node.name}:${signals[idx].reason}`));
  });
  for (const j of g.aborts) controllers[j].abort(`r${j}`);
  return { log, state: signals.map((s) => [s.aborted, s.reason === undefined ? null : String(s.reason)]) };
}

out.any_graphs = [];
for (let i = 0; i < 120; i++) {
  const g = randomGraph(i);
  out.any_graphs.push({ ...g, result: playGraph(g) });
}

// Errors -------------------------------------------------------------------------------------
function err(fn) {
  try { fn(); } catch (e) { return { code: e.code, name: e.name, message: e.message }; }
  return null;
}
out.errors = {
  dispatch_non_event: err(() => new EventTarget().dispatchEvent({})),
  listener_number: err(() => new EventTarget().addEventListener('x', 5)),
  signal_number: err(() => new EventTarget().addEventListener('x', () => {}, { signal: 5 })),
  illegal_constructor: err(() => new AbortSignal()),
  any_non_signal: err(() => AbortSignal.any([AbortSignal.abort(), undefined])),
  timeout_negative: err(() => AbortSignal.timeout(-1)),
  timeout_fraction: err(() => AbortSignal.timeout(1.5)),
  add_abort_listener_signal: err(() => addAbortListener({}, () => {})),
  add_abort_listener_listener: err(() => addAbortListener(new AbortController().signal, {})),
  recursion: (() => {
    const et = new EventTarget();
    let got = null;
    et.addEventListener('x', (e) => { got = err(() => et.dispatchEvent(e)); });
    et.dispatchEvent(new Event('x'));
    return got;
  })(),
  throw_if_aborted: err(() => AbortSignal.abort().throwIfAborted()),
};

console.log(JSON.stringify(out, null, 1));
