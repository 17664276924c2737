// Generates tests/fixtures/next_tick_orders.json: the order in which Node 20 runs
// process.nextTick, queueMicrotask, setImmediate and setTimeout(0) callbacks scheduled from
// inside each other, some of which throw (with an 'uncaughtException' listener installed).
//
//   node tests/oracles/oracle_next_tick.js > tests/fixtures/next_tick_orders.json
//
// A scenario is a list of actions scheduled from a root setTimeout callback (from inside a
// timer callback the order is deterministic; from a main script, setTimeout(0) against
// setImmediate is not). An action is {kind, name, throws, then: [actions]}: `kind` says how
// it is scheduled, `then` what its callback schedules before it (maybe) throws. Each
// scenario runs in a fresh child process, five times; only scenarios whose log is the same
// every time are kept (a 1 ms timer can race the check phase when the machine is slow).
'use strict';
const { execFileSync } = require('child_process');

if (process.argv[2] === 'run') {
  const scenario = JSON.parse(process.argv[3]);
  const log = [];
  process.on('uncaughtException', (err) => log.push('uncaught:' + err.message));
  const schedule = (action) => {
    const cb = () => {
      log.push(action.name);
      action.then.forEach(schedule);
      if (action.throws) throw new Error(action.name);
    };
    switch (action.kind) {
      case 'tick': process.nextTick(cb); break;
      case 'micro': queueMicrotask(cb); break;
      case 'immediate': setImmediate(cb); break;
      case 'timeout': setTimeout(cb, 0); break;
      default: throw new Error('bad kind ' + action.kind);
    }
  };
  setTimeout(() => {
    log.push('root');
    scenario.forEach(schedule);
  }, 0);
  process.on('exit', () => process.stdout.write(JSON.stringify(log)));
  return;
}

// A small deterministic PRNG (mulberry32), so the scenario set is the same on every run.
function prng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A random scenario mixes ticks and microtasks with either immediates or timeouts, not both:
// a 1 ms timeout scheduled in one phase against an immediate scheduled in another races in
// Node itself (which one runs first depends on how long the phases took), so such mixes are
// only in the hand-written cases whose order Node keeps.
const FAMILIES = [['tick', 'micro', 'immediate'], ['tick', 'micro', 'timeout']];

function randomScenario(rand, KINDS) {
  let counter = 0;
  const make = (depth) => {
    const n = depth === 0 ? 1 + Math.floor(rand() * 4) : Math.floor(rand() * (4 - depth));
    const actions = [];
    for (let i = 0; i < n; i++) {
      const kind = KINDS[Math.floor(rand() * KINDS.length)];
      const name = kind[0] + (counter++);
      // Among timeouts, only timeouts throw: Node reads the clock when it creates a timer,
      // and handling a thrown tick's error can move a later timer into a later phase.
      const mayThrow = !KINDS.includes('timeout') || kind === 'timeout';
      const throws = rand() < 0.15 && mayThrow;
      actions.push({ kind, name, throws, then: depth < 2 ? make(depth + 1) : [] });
    }
    return actions;
  };
  return make(0);
}

const a = (kind, name, then = [], throws = false) => ({ kind, name, throws, then });
const handWritten = {
  'ticks before microtasks': [a('micro', 'm1'), a('tick', 't1'), a('micro', 'm2'), a('tick', 't2')],
  'tick from microtask waits for the microtask queue': [
    a('micro', 'm1', [a('tick', 't-from-m1'), a('micro', 'm-from-m1')]), a('micro', 'm2')],
  'microtask from tick waits for the tick queue': [
    a('tick', 't1', [a('micro', 'm-from-t1'), a('tick', 't-from-t1')]), a('tick', 't2')],
  'queues drain between immediates': [
    a('immediate', 'i1', [a('tick', 't-i1'), a('micro', 'm-i1')]),
    a('immediate', 'i2', [a('tick', 't-i2'), a('micro', 'm-i2')])],
  'queues drain between timers': [
    a('timeout', 'to1', [a('tick', 't-to1'), a('micro', 'm-to1')]),
    a('timeout', 'to2', [a('tick', 't-to2')])],
  'immediate queue after a throw (test-timers-immediate-queue-throw)': [
    a('immediate', 'i1', [a('tick', 't-i1'), a('micro', 'm-i1')], true),
    a('immediate', 'i2', [a('tick', 't-i2')]),
    a('immediate', 'i3')],
  'timer list after a throw': [
    a('timeout', 'to1', [a('tick', 't-to1'), a('micro', 'm-to1')], true),
    a('timeout', 'to2'), a('timeout', 'to3')],
  'a throwing tick ends its drain': [
    a('immediate', 'i1', [a('tick', 't1', [], true), a('tick', 't2'), a('micro', 'm1')]),
    a('immediate', 'i2'), a('immediate', 'i3')],
  'a throwing microtask does not stop the others': [
    a('micro', 'm1', [a('tick', 't-m1')], true), a('micro', 'm2'), a('tick', 't1')],
  'nested ticks run before any microtask': [
    a('tick', 't1', [a('tick', 't2', [a('tick', 't3')])]), a('micro', 'm1')],
  'immediate scheduled from an immediate waits for the next check phase': [
    a('immediate', 'i1', [a('immediate', 'i-nested')]), a('immediate', 'i2')],
  'last immediate throws: its queues drain at the end of the phase': [
    a('immediate', 'i1', [a('tick', 't-i1'), a('micro', 'm-i1')], true)],
  'a throwing tick at the end of a phase: the drain starts again': [
    a('tick', 't1', [a('micro', 'm-t1')], true), a('tick', 't2'), a('immediate', 'i1')],
};

const runOnce = (scenario) =>
  execFileSync(process.execPath, [__filename, 'run', JSON.stringify(scenario)], { encoding: 'utf8' });

const rand = prng(20);
const cases = [];
const candidates = Object.entries(handWritten);
for (let i = 0; i < 160; i++) {
  const family = FAMILIES[i % 2];
  candidates.push([`random ${family[2]}s ${i}`, randomScenario(rand, family)]);
}
for (const [id, scenario] of candidates) {
  const first = runOnce(scenario);
  let stable = true;
  for (let k = 0; k < 4 && stable; k++) stable = runOnce(scenario) === first;
  if (stable) cases.push({ id, scenario, log: JSON.parse(first) });
  else process.stderr.write(`unstable, dropped: ${id}\n`);
}
process.stdout.write(JSON.stringify({ node: process.version, cases }, null, 1) + '\n');
