// A tiny tracer built on diagnostics_channel: the app publishes, the tracer listens.
//
// The app traces each request and each database query on a tracing channel. The tracer
// binds an AsyncLocalStorage to each channel's `start`: the transform makes a span, child
// of the span current at that moment, so the span is current in everything the traced work
// does. Three requests run concurrently; spans are numbered by their parent (1, 1.1, ...),
// and the tree is printed at the end, so the output does not depend on timing.
import dc from 'node:diagnostics_channel';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

// ---- the tracer -------------------------------------------------------------------------
const currentSpan = new AsyncLocalStorage();
const roots = [];

function traceSpans(channelName, kind) {
  const tc = dc.tracingChannel(channelName);
  tc.start.bindStore(currentSpan, (ctx) => {
    const parent = currentSpan.getStore();
    const siblings = parent ? parent.children : roots;
    const id = parent ? `${parent.id}.${siblings.length + 1}` : `${siblings.length + 1}`;
    const span = { id, kind, name: ctx.name, notes: [], children: [], outcome: 'unfinished' };
    siblings.push(span);
    return span;
  });
  tc.subscribe({
    asyncEnd(ctx) {
      const span = currentSpan.getStore();
      span.outcome = 'error' in ctx ? `error: ${ctx.error.message}` : `ok: ${ctx.result}`;
    },
  });
  return tc;
}

function note(text) {
  currentSpan.getStore()?.notes.push(text);
}

function printSpan(span, depth) {
  const pad = '  '.repeat(depth);
  console.log(`${pad}[${span.id}] ${span.kind} ${span.name} -> ${span.outcome}`);
  for (const text of span.notes) console.log(`${pad}    note: ${text}`);
  for (const child of span.children) printSpan(child, depth + 1);
}

// ---- the app ------------------------------------------------------------------------------
const requests = traceSpans('app.request', 'request');
const queries = traceSpans('app.query', 'query');

function query(sql, ms, rows) {
  return queries.tracePromise(async () => {
    await sleep(ms);
    note(`ran in the span of ${sql}`);
    if (rows < 0) throw new Error('connection reset');
    return `${rows} rows`;
  }, { name: sql });
}

async function handle(path) {
  note(`handling ${path}`);
  if (path === '/users') {
    const [users] = await Promise.all([query('SELECT users', 30, 3), query('SELECT roles', 10, 2)]);
    return `200 (${users})`;
  }
  if (path === '/orders') {
    try {
      await query('SELECT orders', 5, -1);
    } catch (err) {
      note(`caught ${err.message}`);
      return '503';
    }
  }
  await sleep(20);
  return '200';
}

const paths = ['/users', '/orders', '/health'];
await Promise.all(paths.map((path) => requests.tracePromise(handle, { name: `GET ${path}` }, undefined, path)));
console.log('outside every request, current span:', currentSpan.getStore());
for (const span of roots) printSpan(span, 0);
