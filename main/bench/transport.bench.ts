// What the transport costs over a bare Node http.request: both talk to the same loopback server through their own
// keep-alive agents, in alternating order, after a warm-up; the figure is the ratio of median latencies. A second
// part downloads a 200 MB body to see that spooling keeps memory bounded and what throughput it reaches.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SignedRequest } from '../../src/models/http';
import { closeIdleConnections, sendRaw } from '../services/transport';
import { startEchoServer } from '../testing/echoServer';
import type { BenchRow } from './benchRow';

const WARMUP = 200;
const ROUNDS = 2000;
const BIG_BODY = 200 * 1024 * 1024;
const MAX_IN_MEMORY = 8 * 1024 * 1024;
/** Issue 12's goal for what the transport may add over a bare keep-alive http.request. */
const GOAL_RATIO = 1.15;

export async function runTransportBench(): Promise<BenchRow[]> {
  const rows = await latencyRows();
  rows.push(...(await largeBodyRows()));
  return rows;
}

async function latencyRows(): Promise<BenchRow[]> {
  const body = JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item-${i}` })) });
  const server = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body }));
  const agent = new http.Agent({ keepAlive: true });
  const url = `${server.url}/prod/items?limit=20`;
  const headers: Array<[string, string]> = [
    ['host', new URL(server.url).host],
    ['x-amz-date', '20240101T000000Z'],
    ['authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0'],
  ];
  const signed: SignedRequest = { method: 'GET', url, headers };
  const options = { timeoutMs: 10000, maxInMemoryBytes: MAX_IN_MEMORY };
  const bare = () => bareGet(agent, url, Object.fromEntries(headers));
  const ours = () => sendRaw(signed, new Uint8Array(), options).then(() => undefined);
  try {
    for (let i = 0; i < WARMUP; i++) {
      await bare();
      await ours();
    }
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate who goes first so neither always gets the warmer cache.
      const order = i % 2 === 0 ? [bare, ours] : [ours, bare];
      for (const fn of order) {
        const t0 = performance.now();
        await fn();
        (fn === bare ? bareTimes : ourTimes).push(performance.now() - t0);
      }
    }
    const bareMedian = median(bareTimes);
    const ourMedian = median(ourTimes);
    const ratio = ourMedian / bareMedian;
    return [
      { name: 'small GET, bare http.request (median)', value: bareMedian * 1000, unit: 'µs', goal: 'baseline', pass: true },
      { name: 'small GET, sendRaw (median)', value: ourMedian * 1000, unit: 'µs', goal: 'reference', pass: true },
      { name: `sendRaw / bare http.request, keep-alive, ${ROUNDS} requests`, value: ratio, unit: 'x', goal: `<= ${GOAL_RATIO}`, pass: ratio <= GOAL_RATIO },
    ];
  } finally {
    agent.destroy();
    closeIdleConnections();
    await server.stop();
  }
}

async function largeBodyRows(): Promise<BenchRow[]> {
  const server = await startEchoServer(() => ({ status: 200, generatedBytes: BIG_BODY, chunkBytes: 256 * 1024 }));
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-bench-'));
  const base = process.memoryUsage();
  let peakExtra = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakExtra = Math.max(peakExtra, now.arrayBuffers - base.arrayBuffers + (now.heapUsed - base.heapUsed));
  }, 5);
  try {
    const t0 = performance.now();
    const response = await sendRaw({ method: 'GET', url: `${server.url}/big`, headers: [] }, new Uint8Array(), {
      timeoutMs: 120000,
      maxInMemoryBytes: MAX_IN_MEMORY,
      spoolDir,
    });
    const seconds = (performance.now() - t0) / 1000;
    const sizeOk = response.body.size === BIG_BODY && fs.statSync(response.body.spoolFile ?? '').size === BIG_BODY;
    const peakMb = peakExtra / (1024 * 1024);
    return [
      {
        name: '200 MB body spooled: peak extra heap + buffers',
        value: peakMb,
        unit: 'MB',
        goal: `<= 64 (in memory: ${MAX_IN_MEMORY / 1024 / 1024} MB head)`,
        pass: sizeOk && peakMb <= 64,
      },
      { name: '200 MB body spooled: throughput', value: BIG_BODY / 1024 / 1024 / seconds, unit: 'MB/s', goal: 'reference', pass: sizeOk },
    ];
  } finally {
    clearInterval(sampler);
    closeIdleConnections();
    await server.stop();
    fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}

function bareGet(agent: http.Agent, url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        Buffer.concat(chunks).toString('base64');
        resolve();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
