// Encrypt with AES-256-GCM: a fixed key and IV (never reuse an IV with a real key), additional
// authenticated data, the ciphertext and its tag; then decrypt, and see a forged tag refused.
import { createCipheriv, createDecipheriv } from 'node:crypto';

const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const iv = Buffer.from('cafebabefacedbaddecaf888', 'hex');
const aad = Buffer.from('message-id: 42');

const cipher = createCipheriv('aes-256-gcm', key, iv);
cipher.setAAD(aad);
let ciphertext = cipher.update('attack at dawn, bring snacks', 'utf8', 'hex');
ciphertext += cipher.final('hex');
const tag = cipher.getAuthTag();
console.log(ciphertext);
console.log(tag.toString('hex'));

const decipher = createDecipheriv('aes-256-gcm', key, iv);
decipher.setAAD(aad);
decipher.setAuthTag(tag);
console.log(decipher.update(ciphertext, 'hex', 'utf8') + decipher.final('utf8'));

const forged = createDecipheriv('aes-256-gcm', key, iv);
forged.setAAD(aad);
forged.setAuthTag(Buffer.alloc(16));
forged.update(ciphertext, 'hex');
try {
  forged.final();
} catch (err) {
  console.log(err.message);
}
