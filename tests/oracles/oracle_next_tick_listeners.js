// Generates tests/fixtures/next_tick_listener_orders.json: the order in which Node 20 runs
// ticks and microtasks queued from an 'uncaughtException' listener (after a throwing
// immediate, tick, microtask or timer), ticks queued by a tick that throws, an interval's
// ticks (cleared from a tick; throwing every time), and a tick that throws at the end of a
// timers phase.
//
//   node tests/oracles/oracle_next_tick_listeners.js > tests/fixtures/next_tick_listener_orders.json
//
// Each scenario runs from a root setTimeout callback in a fresh child process (the listener
// is process-wide), three times; only scenarios whose log is the same every time are kept.
// tests/test_process_next_tick.py writes each scenario again in Python (same names, same
// steps) and compares the logs: keep the two in step.
'use strict';
const { execFileSync } = require('child_process');

const SCENARIOS = {
  'listener queues after a throwing immediate': ({ T, M, I, boom, onUncaught }) => {
    onUncaught((e) => { T('tL-' + e.message); M('mL-' + e.message); });
    I('i1', () => boom('i1')); I('i2'); I('i3');
  },
  'listener queues after a throwing tick': ({ T, M, I, boom, onUncaught }) => {
    onUncaught((e) => { T('tL-' + e.message); M('mL-' + e.message); });
    T('t1', () => boom('t1')); T('t2'); M('m1'); I('i1');
  },
  'listener queues after a throwing microtask': ({ T, M, I, boom, onUncaught }) => {
    onUncaught((e) => { T('tL-' + e.message); M('mL-' + e.message); });
    M('m1', () => boom('m1')); M('m2'); T('t1'); I('i1');
  },
  'listener queues after a throwing timer': ({ T, M, O, boom, onUncaught }) => {
    onUncaught((e) => { T('tL-' + e.message); M('mL-' + e.message); });
    O('o1', () => boom('o1')); O('o2'); O('o3');
  },
  'a tick queued by a tick that throws': ({ T, M, I, boom }) => {
    I('i1', () => { T('t1', () => { T('t2'); M('m-t1'); boom('t1'); }); T('t3'); });
    I('i2'); I('i3');
  },
  'interval ticks, cleared from its third tick': ({ T, M, every }) => {
    every((n, clear) => { T('t-iv' + n, () => { if (n === 3) clear(); }); M('m-iv' + n); });
  },
  'interval that throws every time': ({ T, every, boom }) => {
    every((n, clear) => { if (n === 3) clear(); T('t-iv' + n); boom('iv' + n); });
  },
  'listener tick throws in the phase-end drain': ({ T, M, I, boom, onUncaught }) => {
    onUncaught((e) => { if (e.message === 't1') T('tL', () => boom('tL')); });
    T('t1', () => boom('t1')); T('t2'); M('m1'); I('i1', () => T('t-i1')); I('i2');
  },
  'listener tick after the last immediate threw': ({ T, I, boom, onUncaught }) => {
    onUncaught((e) => { if (e.message === 'i1') T('tL'); });
    I('i1', () => { T('t-i1'); boom('i1'); });
  },
  'a tick of a timer throws mid-phase': ({ T, O, boom }) => {
    O('o1', () => { T('t-o1', () => boom('t-o1')); T('t2-o1'); }); O('o2'); O('o3', () => T('t-o3'));
  },
  'listener schedules an immediate and a timer': ({ I, O, boom, onUncaught }) => {
    onUncaught((e) => { I('iL-' + e.message); O('oL-' + e.message); });
    I('i1', () => boom('i1')); I('i2');
  },
  'a throwing tick queued by a microtask': ({ T, M, boom }) => {
    M('m1', () => { T('t-m1', () => boom('t-m1')); M('m2-from-m1'); }); M('m3'); T('t1');
  },
};

if (process.argv[2] === 'run') {
  const log = [];
  let listener = () => {};
  process.on('uncaughtException', (err) => { log.push('uncaught:' + err.message); listener(err); });
  process.on('exit', () => process.stdout.write(JSON.stringify(log)));
  const step = (name, then) => () => { log.push(name); if (then) then(); };
  const api = {
    T: (name, then) => process.nextTick(step(name, then)),
    M: (name, then) => queueMicrotask(step(name, then)),
    I: (name, then) => setImmediate(step(name, then)),
    O: (name, then) => setTimeout(step(name, then), 0),
    boom: (name) => { throw new Error(name); },
    onUncaught: (fn) => { listener = fn; },
    every: (body) => {
      let n = 0;
      const iv = setInterval(() => { n += 1; log.push('iv' + n); body(n, () => clearInterval(iv)); }, 1);
    },
  };
  setTimeout(() => { log.push('root'); SCENARIOS[process.argv[3]](api); }, 0);
  return;
}

const runOnce = (name) =>
  execFileSync(process.execPath, [__filename, 'run', name], { encoding: 'utf8' });
const cases = {};
for (const name of Object.keys(SCENARIOS)) {
  const first = runOnce(name);
  if (runOnce(name) === first && runOnce(name) === first) cases[name] = JSON.parse(first);
  else process.stderr.write(`unstable, dropped: ${name}\n`);
}
process.stdout.write(JSON.stringify({ node: process.version, cases }, null, 1) + '\n');
