// A line splitter: a Transform that turns chunks of text into one object per line, between a
// Readable that delivers the text in awkward pieces and a Writable that prints each line.
import { Readable, Transform, Writable } from 'node:stream';

const pieces = ['first li', 'ne\nsecond', ' line\nthi', 'rd line\n\nfifth', ' line, no newline'];

const source = new Readable({
  read() {
    const piece = pieces.shift();
    this.push(piece === undefined ? null : piece);
  },
});

class LineSplitter extends Transform {
  constructor() {
    super({ readableObjectMode: true });
    this.rest = '';
  }

  _transform(chunk, encoding, callback) {
    const lines = (this.rest + chunk.toString('utf8')).split('\n');
    this.rest = lines.pop();
    for (const line of lines) this.push(line);
    callback();
  }

  _flush(callback) {
    if (this.rest) this.push(this.rest);
    callback();
  }
}

let count = 0;
const sink = new Writable({
  objectMode: true,
  highWaterMark: 1,
  write(line, encoding, callback) {
    count += 1;
    console.log(`line ${count}: ${JSON.stringify(line)}`);
    setImmediate(callback);
  },
});

const splitter = new LineSplitter();
source.on('end', () => console.log('source: end'));
splitter.on('end', () => console.log('splitter: end'));
sink.on('finish', () => console.log(`sink: finish after ${count} lines`));
sink.on('close', () => console.log('sink: close'));
source.pipe(splitter).pipe(sink);
