// The timing breakdown as a waterfall: the transport reports when each phase ended (ms from the start); the viewer
// draws each phase as a bar from where the previous one ended. Phases that did not happen (a reused socket has
// no DNS, connect or TLS; plain HTTP has no TLS) are left out rather than drawn as zero.
import type { Timings } from '../../src/models/http';

export interface TimingPhase {
  name: 'DNS' | 'Connect' | 'Proxy' | 'TLS' | 'Waiting' | 'Download';
  /** What the phase is, for the bar's caption. */
  description: string;
  start: number;
  end: number;
}

export function timingPhases(t: Timings): TimingPhase[] {
  const phases: TimingPhase[] = [];
  let at = 0;
  const push = (name: TimingPhase['name'], description: string, end: number | undefined) => {
    if (end === undefined || !Number.isFinite(end)) return;
    const clamped = Math.max(at, end);
    phases.push({ name, description, start: at, end: clamped });
    at = clamped;
  };
  push('DNS', 'looking up the host name', t.dns);
  push('Connect', 'opening the TCP connection', t.connect);
  push('Proxy', 'the proxy opening a tunnel to the host (CONNECT)', t.proxy);
  push('TLS', 'the TLS handshake', t.tls);
  push('Waiting', 'sending the request and waiting for the first byte', t.firstByte);
  push('Download', 'receiving the body', t.total);
  return phases;
}
