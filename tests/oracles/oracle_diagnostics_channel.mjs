#!/usr/bin/env node
// oracle_diagnostics_channel.mjs -- ask Node in what order diagnostics_channel publishes, and
// what the context object holds at each event.
//
// Usage:
//   node tests/oracles/oracle_diagnostics_channel.mjs > tests/fixtures/diagnostics_channel/scenarios.json
//
// Output: one JSON object, {"node": version, "scenarios": {name: [entry, ...]}}. Each
// scenario is replayed by tests/test_diagnostics_channel_oracle.py, which writes the same
// entries from the Python port and compares. An entry is a list: ["event", fields] for a
// tracing event (fields: the context's own keys in insertion order, as [key, value] pairs,
// an Error shown as "Error: message"), or another short list of strings and numbers for the
// other things logged (subscriber calls, store values, ticks). Keep this file and the Python
// replay in step: same scenario names, same entries.
import dc from 'node:diagnostics_channel';
import { AsyncLocalStorage } from 'node:async_hooks';

function show(value) {
  if (value instanceof Error) return `Error: ${value.message}`;
  if (value === undefined) return null;
  return value;
}

// A store's value in a log entry: a context object by its id, anything else as show() gives.
function storeValue(value) {
  if (value !== null && typeof value === 'object' && 'id' in value) return `context ${value.id}`;
  return show(value) ?? null;
}

function fields(ctx) {
  return Object.keys(ctx).map((k) => [k, show(ctx[k])]);
}

let counter = 0;
function fresh() {
  counter += 1;
  return `oracle${counter}`;
}

function tracer(log, name, store) {
  const tc = dc.tracingChannel(name);
  const handlers = {};
  for (const ev of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
    handlers[ev] = (ctx) => {
      const entry = [ev, fields(ctx)];
      if (store) entry.push(storeValue(store.getStore()));
      log.push(entry);
    };
  }
  tc.subscribe(handlers);
  return { tc, handlers };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const scenarios = {};

async function scenario(name, body) {
  const log = [];
  const uncaught = (err) => log.push(['uncaught', show(err)]);
  process.on('uncaughtException', uncaught);
  try {
    await body(log);
    await nextTurn();
    await nextTurn();
  } finally {
    process.off('uncaughtException', uncaught);
  }
  scenarios[name] = log;
}

await scenario('publish_order', async (log) => {
  const name = fresh();
  const ch = dc.channel(name);
  log.push(['has', ch.hasSubscribers, dc.hasSubscribers(name)]);
  const a = (m, n) => log.push(['a', m, n === name]);
  const b = (m) => log.push(['b', m]);
  ch.subscribe(a);
  dc.subscribe(name, b);
  ch.subscribe(a); // twice: called twice
  log.push(['has', ch.hasSubscribers, dc.hasSubscribers(name)]);
  ch.publish(1);
  log.push(['unsub', ch.unsubscribe(a)]);
  ch.publish(2);
  log.push(['unsub', ch.unsubscribe(a), dc.unsubscribe(name, b), ch.unsubscribe(b)]);
  log.push(['has', ch.hasSubscribers, dc.hasSubscribers(name)]);
  ch.publish(3);
});

await scenario('mutation_during_publish', async (log) => {
  const ch = dc.channel(fresh());
  const s4 = () => log.push(['s4']);
  const s1 = () => { log.push(['s1']); ch.unsubscribe(s1); };
  const s2 = () => { log.push(['s2']); ch.subscribe(s4); };
  const s3 = () => log.push(['s3']);
  ch.subscribe(s1); ch.subscribe(s2); ch.subscribe(s3);
  ch.publish('x');
  log.push(['|']);
  ch.publish('y');
});

// Published from a loop callback (an immediate), where Node drains the nextTick queue before
// the microtask queue; each subscriber error is its own tick, queued when it was thrown.
await scenario('subscriber_error_next_tick', (log) => new Promise((resolve) => {
  setImmediate(() => {
    const ch = dc.channel(fresh());
    ch.subscribe(() => { throw new Error('first'); });
    ch.subscribe(() => log.push(['second ran']));
    ch.subscribe(() => { throw new Error('third'); });
    queueMicrotask(() => log.push(['microtask']));
    process.nextTick(() => log.push(['tick before']));
    ch.publish(null);
    process.nextTick(() => log.push(['tick after']));
    log.push(['publish returned']);
    setImmediate(resolve);
  });
}));

await scenario('trace_sync', async (log) => {
  const { tc } = tracer(log, fresh());
  const ctx = { id: 1 };
  const r = tc.traceSync((a, b) => { log.push(['fn', a, b]); return a + b; }, ctx, undefined, 2, 3);
  log.push(['returned', r, ctx === ctx]);
  tc.traceSync(() => log.push(['fn default context']));
});

await scenario('trace_sync_error', async (log) => {
  const { tc } = tracer(log, fresh());
  try {
    tc.traceSync(() => { throw new Error('boom'); }, { id: 2 });
  } catch (err) {
    log.push(['caught', show(err)]);
  }
});

await scenario('trace_sync_nested', async (log) => {
  const { tc } = tracer(log, fresh());
  tc.traceSync(() => {
    tc.traceSync(() => 'inner', { id: 'inner' });
    return 'outer';
  }, { id: 'outer' });
});

await scenario('trace_promise_resolve', async (log) => {
  const { tc } = tracer(log, fresh());
  // The body logs only after its first await: a Trio coroutine's body starts when it is
  // awaited, after `end`, where a JS async function runs up to its first await at the call.
  const p = tc.tracePromise(async (v) => { await nextTurn(); log.push(['fn', v]); return v * 2; },
    { id: 3 }, undefined, 21);
  log.push(['call returned']);
  log.push(['awaited', await p]);
});

await scenario('trace_promise_reject', async (log) => {
  const { tc } = tracer(log, fresh());
  const p = tc.tracePromise(async () => { await nextTurn(); throw new Error('nope'); }, { id: 4 });
  log.push(['call returned']);
  try { await p; } catch (err) { log.push(['caught', show(err)]); }
});

await scenario('trace_promise_sync_throw', async (log) => {
  const { tc } = tracer(log, fresh());
  try {
    tc.tracePromise(() => { throw new Error('early'); }, { id: 5 });
  } catch (err) {
    log.push(['caught', show(err)]);
  }
});

await scenario('trace_promise_plain_value', async (log) => {
  const { tc } = tracer(log, fresh());
  const p = tc.tracePromise(() => 'plain', { id: 6 });
  log.push(['call returned']);
  log.push(['awaited', await p]);
});

await scenario('trace_callback_result', async (log) => {
  const { tc } = tracer(log, fresh());
  await new Promise((resolve) => {
    tc.traceCallback((x, cb) => {
      log.push(['fn', x]);
      setImmediate(() => cb(null, x + 1));
    }, -1, { id: 7 }, undefined, 41, (err, res) => {
      log.push(['callback', err, res]);
      resolve();
    });
    log.push(['call returned']);
  });
});

await scenario('trace_callback_error', async (log) => {
  const { tc } = tracer(log, fresh());
  await new Promise((resolve) => {
    tc.traceCallback((cb) => {
      setImmediate(() => cb(new Error('cb failed')));
    }, 0, { id: 8 }, undefined, (err, res) => {
      log.push(['callback', show(err), show(res)]);
      resolve();
    });
  });
});

await scenario('trace_callback_sync_call', async (log) => {
  const { tc } = tracer(log, fresh());
  tc.traceCallback((cb) => { cb(null, 'now'); log.push(['after cb']); }, 0, { id: 9 }, undefined,
    (err, res) => log.push(['callback', err, res]));
});

await scenario('trace_callback_throw', async (log) => {
  const { tc } = tracer(log, fresh());
  try {
    tc.traceCallback(() => { throw new Error('thrown'); }, 0, { id: 10 }, undefined,
      () => log.push(['never']));
  } catch (err) {
    log.push(['caught', show(err)]);
  }
});

await scenario('run_stores_order', async (log) => {
  const ch = dc.channel(fresh());
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  const c = new AsyncLocalStorage();
  ch.bindStore(a, (d) => { log.push(['transform a', show(b.getStore()), show(c.getStore())]); return `a:${d}`; });
  ch.bindStore(b, (d) => { log.push(['transform b', show(a.getStore()), show(c.getStore())]); return `b:${d}`; });
  ch.bindStore(c);
  ch.subscribe((m) => log.push(['subscriber', m, a.getStore(), b.getStore(), c.getStore()]));
  const r = ch.runStores('D', (x) => {
    log.push(['fn', x, a.getStore(), b.getStore(), c.getStore()]);
    return 'R';
  }, undefined, 'X');
  log.push(['returned', r, show(a.getStore()), show(b.getStore())]);
  ch.bindStore(a, (d) => `a2:${d}`); // rebinding replaces the transform
  ch.runStores('E', () => log.push(['rebound', a.getStore()]));
  log.push(['unbind', ch.unbindStore(b), ch.unbindStore(b)]);
  ch.runStores('F', () => log.push(['after unbind', a.getStore(), show(b.getStore()), c.getStore()]));
});

await scenario('run_stores_transform_error', async (log) => {
  const ch = dc.channel(fresh());
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  ch.bindStore(a);
  ch.bindStore(b, () => { throw new Error('transform failed'); });
  ch.runStores('G', () => log.push(['fn', a.getStore(), show(b.getStore())]));
  log.push(['runStores returned']);
});

await scenario('has_subscribers_stores', async (log) => {
  const name = fresh();
  const tc = dc.tracingChannel(name);
  const als = new AsyncLocalStorage();
  log.push(['before', tc.hasSubscribers, tc.start.hasSubscribers]);
  tc.asyncEnd.bindStore(als);
  log.push(['store on asyncEnd', tc.hasSubscribers, tc.asyncEnd.hasSubscribers, dc.hasSubscribers(`tracing:${name}:asyncEnd`)]);
  tc.asyncEnd.unbindStore(als);
  log.push(['unbound', tc.hasSubscribers]);
  const h = { error: () => {} };
  tc.subscribe(h);
  log.push(['error handler', tc.hasSubscribers, tc.error.hasSubscribers]);
  log.push(['unsubscribe', tc.unsubscribe(h), tc.unsubscribe(h), tc.hasSubscribers]);
  tc.subscribe({ start: h.error });
  log.push(['partial unsubscribe', tc.unsubscribe({ start: h.error, end: h.error })]);
});

await scenario('stores_follow_trace_promise', async (log) => {
  const als = new AsyncLocalStorage();
  const { tc } = tracer(log, fresh(), als);
  tc.start.bindStore(als, (ctx) => `span:${ctx.id}`);
  log.push(['outside', show(als.getStore())]);
  const p = tc.tracePromise(async () => {
    await nextTurn();
    log.push(['body', als.getStore()]);
    await nextTurn();
    log.push(['body after await', als.getStore()]);
    return 'done';
  }, { id: 11 });
  log.push(['after call', show(als.getStore())]);
  await p;
  log.push(['after await', show(als.getStore())]);
});

await scenario('stores_follow_trace_callback', async (log) => {
  const als = new AsyncLocalStorage();
  const { tc } = tracer(log, fresh(), als);
  tc.start.bindStore(als, (ctx) => `start:${ctx.id}`);
  tc.asyncStart.bindStore(als, (ctx) => `asyncStart:${ctx.id}`);
  await new Promise((resolve) => {
    tc.traceCallback((cb) => {
      log.push(['fn', als.getStore()]);
      setTimeout(() => { log.push(['timer', als.getStore()]); cb(null, 'ok'); }, 1);
    }, 0, { id: 12 }, undefined, () => {
      log.push(['callback', als.getStore()]);
      resolve();
    });
  });
});

await scenario('trace_sync_stores_and_error', async (log) => {
  const als = new AsyncLocalStorage();
  const { tc } = tracer(log, fresh(), als);
  tc.start.bindStore(als);
  try {
    tc.traceSync(() => { log.push(['fn', als.getStore().id]); throw new Error('inside'); }, { id: 13 });
  } catch (err) {
    log.push(['caught', show(err), storeValue(als.getStore())]);
  }
});

process.stdout.write(JSON.stringify({ node: process.version, scenarios }, null, 1) + '\n');
