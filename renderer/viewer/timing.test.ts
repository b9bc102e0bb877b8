import { describe, expect, it } from 'vitest';
import { timingPhases } from './timing';

describe('timingPhases', () => {
  it('draws each phase from where the previous one ended', () => {
    const phases = timingPhases({ dns: 2, connect: 5, tls: 20, firstByte: 60, total: 75 });
    expect(phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['DNS', 0, 2],
      ['Connect', 2, 5],
      ['TLS', 5, 20],
      ['Waiting', 20, 60],
      ['Download', 60, 75],
    ]);
  });

  it('leaves out phases that did not happen (a reused plain-HTTP socket)', () => {
    const phases = timingPhases({ firstByte: 3, total: 4 });
    expect(phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['Waiting', 0, 3],
      ['Download', 3, 4],
    ]);
  });

  it('draws the proxy tunnel between the connect and the TLS handshake', () => {
    const phases = timingPhases({ connect: 3, proxy: 9, tls: 20, firstByte: 30, total: 31 });
    expect(phases.map((p) => p.name)).toEqual(['Connect', 'Proxy', 'TLS', 'Waiting', 'Download']);
    expect(phases[1]).toMatchObject({ start: 3, end: 9 });
  });

  it('never draws a phase backwards when the marks are out of order', () => {
    const phases = timingPhases({ connect: 10, firstByte: 8, total: 12 });
    expect(phases.every((p) => p.end >= p.start)).toBe(true);
    expect(phases.at(-1)?.end).toBe(12);
  });
});
