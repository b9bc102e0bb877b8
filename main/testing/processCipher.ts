// The key vault's cipher for tests and the headless browser test host, where Electron's safeStorage does not exist:
// AES-256-GCM with a random key that lives only in this process's memory. Whatever it encrypts is unreadable
// after the process ends, which is what a test wants and what the app must never use.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import type { Cipher } from '../services/keyVault';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createProcessCipher(): Cipher {
  const key = randomBytes(32);
  return {
    name: 'process key (tests only)',
    available: true,
    encrypt(text) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    decrypt(data) {
      const bytes = Buffer.from(data);
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('The encrypted value is too short.');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
