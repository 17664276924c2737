// A TCP echo server whose connections are piped through an upper-casing Transform with
// stream/promises pipeline, driven by a client that sends a few lines, half-closes, and
// prints what came back.
import net from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

function upperCase() {
  return new Transform({
    transform(chunk, encoding, callback) {
      callback(null, chunk.toString().toUpperCase());
    },
  });
}

let served = 0;
const server = net.createServer({ allowHalfOpen: true }, async (socket) => {
  await pipeline(socket, upperCase(), socket);
  served += 1;
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log('server listening');

async function talk(lines) {
  const client = net.connect(server.address().port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  for (const line of lines) client.write(line + '\n');
  client.end();
  let received = '';
  for await (const chunk of client) received += chunk;
  return received;
}

const first = await talk(['hello', 'node streams']);
console.log('client 1 received:', JSON.stringify(first));
const second = await talk(['in a trio program']);
console.log('client 2 received:', JSON.stringify(second));

await new Promise((resolve) => server.close(resolve));
console.log('connections served:', served);
