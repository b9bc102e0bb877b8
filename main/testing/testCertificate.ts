// A throwaway CA and a 127.0.0.1 certificate it signed, made with the openssl CLI (Node cannot issue certificates).
// Undefined, with the reason, when openssl is missing; under CI a missing openssl is an error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  /** The CA certificate (PEM): what a CA bundle holds. */
  ca: string;
  key: string;
  cert: string;
}

export function makeTestCertificate(): TestCertificate | { missing: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-ca-'));
  const file = (name: string) => path.join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', timeout: 10_000 });
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run(['req', '-x509', ...ec, '-days', '1', '-subj', '/CN=RoleCall test CA', '-keyout', file('ca.key'), '-out', file('ca.pem')]);
    run(['req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', file('key.pem'), '-out', file('req.pem')]);
    fs.writeFileSync(file('ext'), 'subjectAltName=IP:127.0.0.1\n');
    run(['x509', '-req', '-in', file('req.pem'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', file('ext'), '-out', file('cert.pem')]);
    const read = (name: string) => fs.readFileSync(file(name), 'utf8');
    return { ca: read('ca.pem'), key: read('key.pem'), cert: read('cert.pem') };
  } catch (err) {
    if (process.env.CI) throw err;
    return { missing: `openssl could not make a test certificate: ${(err as Error).message}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
