// What Readable.from does with a sync or async generator destroyed mid-iteration (from a
// 'data' listener), with and without an error, however the generator answers the error it
// is thrown; recorded from Node for tests/test_stream_finished_compose_node.py.
// Run: node tests/oracles/oracle_readable_from_closing.mjs > tests/fixtures/readable_from_closing.json
import { Readable } from 'node:stream';

const tick = () => new Promise((resolve) => setImmediate(resolve));
// catch_return: catches and ends; catch_yield: catches and yields once more (return() comes
// next); rethrow_other: catches and throws another error; no_catch: only a finally;
// no_error: destroyed without an error (return() only).
const modes = ['catch_return', 'catch_yield', 'rethrow_other', 'no_catch', 'no_error'];

function body(mode, log) {
  return {
    * sync() {
      try {
        try { for (let i = 0; ; i++) { log.push(`yield ${i}`); yield i; } }
        catch (e) {
          if (mode === 'no_catch') throw e;
          log.push(`caught ${e.message}`);
          if (mode === 'catch_yield') { try { yield 'again'; } finally { log.push('inner finally'); } }
          if (mode === 'rethrow_other') throw new Error('other');
        }
      } finally { log.push('finally'); }
    },
    async* async() {
      try {
        try { for (let i = 0; ; i++) { log.push(`yield ${i}`); yield i; } }
        catch (e) {
          if (mode === 'no_catch') throw e;
          log.push(`caught ${e.message}`);
          if (mode === 'catch_yield') { try { yield 'again'; } finally { log.push('inner finally'); } }
          if (mode === 'rethrow_other') throw new Error('other');
        }
      } finally { log.push('finally'); }
    },
  };
}

const out = { node: process.version, scenarios: {} };
for (const kind of ['sync', 'async']) {
  for (const mode of modes) {
    const log = [];
    const r = Readable.from(body(mode, log)[kind]());
    r.on('error', (e) => log.push(`error ${e.message}`));
    r.on('close', () => log.push(`close errored=${r.errored ? r.errored.message : null}`));
    r.on('data', (d) => {
      log.push(`data ${d}`);
      if (d === 1) {
        log.push('destroy');
        r.destroy(mode === 'no_error' ? undefined : new Error('boom'));
      }
    });
    for (let i = 0; i < 5; i++) await tick();
    out.scenarios[`${kind}/${mode}`] = log;
  }
}
console.log(JSON.stringify(out, null, 1));
