// AbortController and AbortSignal: EventTarget events, an aborted timer, a timeout combined with
// AbortSignal.any, and what a Node API throws when its signal aborts.
import { setTimeout as sleep } from 'node:timers/promises';
import { once } from 'node:events';

const target = new EventTarget();
target.addEventListener('greet', (event) => console.log('hello', event.detail), { once: true });
console.log('dispatched:', target.dispatchEvent(new CustomEvent('greet', { detail: 'world' })));
console.log('dispatched again:', target.dispatchEvent(new CustomEvent('greet', { detail: 'again' })));

const controller = new AbortController();
controller.signal.addEventListener('abort', () => {
  console.log('abort event, reason:', controller.signal.reason);
});
setTimeout(() => controller.abort('user cancelled'), 10);
try {
  await sleep(1000, 'finished', { signal: controller.signal });
} catch (err) {
  console.log(err.name, err.code, err.cause);
}

// AbortSignal.timeout's timer is unref'd: alone, it would let the process exit before it fires.
const keepAlive = setTimeout(() => {}, 1000);
const signal = AbortSignal.any([AbortSignal.timeout(20), new AbortController().signal]);
try {
  await once(target, 'never', { signal });
} catch (err) {
  console.log(err.name, err.cause.name, err.cause.code);
}
clearTimeout(keepAlive);

console.log('already aborted:', AbortSignal.abort().aborted, AbortSignal.abort().reason.name);
