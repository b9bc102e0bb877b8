// A loopback stand-in for an AWS endpoint whose clock differs from this computer's. Like AWS, it refuses a
// signature dated more than 5 minutes from its own clock, with AWS's exact texts (API Gateway's JSON "Signature
// expired" / "Signature not yet current" with x-amzn-ErrorType InvalidSignatureException, or S3's
// RequestTimeTooSkewed XML), then checks the signature itself (e2e/harness/sigv4Verifier). It counts requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { header, verifySigV4, type VerifyKeys } from '../../e2e/harness/sigv4Verifier';
import { readRequest, type RecordedRequest } from './echoServer';

export interface SkewedServerOptions {
  keys: VerifyKeys;
  /** The server's clock minus the real one, in ms. */
  skewMs: number;
  /** How time refusals are worded: API Gateway's JSON (default), S3's XML, or STS's query-protocol XML (which also answers GetCallerIdentity). */
  style?: 'apigateway' | 's3' | 'sts';
  /** Send a Date header (default true). */
  dateHeader?: boolean;
  /** Paths under which every request is refused with a 403 that is not about time. */
  denyPrefix?: string;
}

export interface SkewedServer {
  url: string;
  requests: RecordedRequest[];
  /** The server's clock, in ms. */
  now(): number;
  stop(): Promise<void>;
}

const WINDOW_MS = 5 * 60_000;

/** 20170215T150034Z */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

interface Reply {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function timeRefusal(style: 'apigateway' | 's3' | 'sts', signed: string, now: number): Reply {
  const early = parseAmzDate(signed) > now;
  if (style === 's3') {
    return {
      status: 403,
      headers: [['Content-Type', 'application/xml']],
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message>' +
        `<RequestTime>${signed}</RequestTime><ServerTime>${new Date(now).toISOString().replace(/\.\d{3}/, '')}</ServerTime>` +
        '<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>4442587FB7D0A2F9</RequestId><HostId>skewed</HostId></Error>',
    };
  }
  const message = early
    ? `Signature not yet current: ${signed} is still later than ${amzDate(now + WINDOW_MS)} (${amzDate(now)} + 5 min.)`
    : `Signature expired: ${signed} is now earlier than ${amzDate(now - WINDOW_MS)} (${amzDate(now)} - 5 min.)`;
  if (style === 'sts') {
    return {
      status: 403,
      headers: [['Content-Type', 'text/xml']],
      body: `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>${message}</Message></Error><RequestId>c0ffee00-0000-4000-8000-000000000002</RequestId></ErrorResponse>`,
    };
  }
  return {
    status: 403,
    headers: [
      ['Content-Type', 'application/json'],
      ['x-amzn-ErrorType', 'InvalidSignatureException'],
      ['x-amzn-RequestId', 'c0ffee00-0000-4000-8000-000000000001'],
    ],
    body: JSON.stringify({ message }),
  };
}

export async function startSkewedServer(options: SkewedServerOptions): Promise<SkewedServer> {
  const requests: RecordedRequest[] = [];
  const now = () => Date.now() + options.skewMs;

  async function reply(request: RecordedRequest): Promise<Reply> {
    const signed = header(request, 'x-amz-date') ?? '';
    const signedAt = parseAmzDate(signed);
    if (Number.isNaN(signedAt) || Math.abs(signedAt - now()) > WINDOW_MS) return timeRefusal(options.style ?? 'apigateway', signed, now());
    if (options.denyPrefix && request.url.startsWith(options.denyPrefix)) {
      return {
        status: 403,
        headers: [['Content-Type', 'application/json'], ['x-amzn-ErrorType', 'AccessDeniedException']],
        body: JSON.stringify({ Message: 'User: arn:aws:iam::111111111111:user/u is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:eu-west-1:222222222222:abc/prod/GET/deny' }),
      };
    }
    const verdict = await verifySigV4(request, options.keys);
    if (!verdict.ok) {
      return { status: 403, headers: [['x-amzn-ErrorType', 'InvalidSignatureException']], body: JSON.stringify({ message: verdict.reason }) };
    }
    if (options.style === 'sts') {
      return {
        status: 200,
        headers: [['Content-Type', 'text/xml']],
        body:
          `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::111111111111:user/skewed</Arn>` +
          '<UserId>AIDAEXAMPLE</UserId><Account>111111111111</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>c0ffee00-0000-4000-8000-000000000003</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
      };
    }
    return { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ ok: true, body: request.body.toString('utf8') }) };
  }

  const server = http.createServer((req, res) => {
    readRequest(req, (recorded) => {
      requests.push(recorded);
      void reply(recorded).then((r) => {
        res.sendDate = false;
        const headers = r.headers.flat();
        if (options.dateHeader !== false) headers.push('Date', new Date(now()).toUTCString());
        headers.push('Content-Length', String(Buffer.byteLength(r.body)));
        res.writeHead(r.status, headers);
        res.end(r.body);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    now,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
