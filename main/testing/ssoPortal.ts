// A loopback IAM Identity Center for tests: the SSO OIDC operations the device sign-in and the SDK's token refresh
// call (RegisterClient POST /client/register, StartDeviceAuthorization POST /device_authorization, CreateToken POST
// /token with the device_code and refresh_token grants) and the portal's GetRoleCredentials (GET
// /federation/credentials with x-amz-sso_bearer_token), with the shapes and error codes of AWS's API references:
// errors are HTTP 400/401 with x-amzn-ErrorType and {"error", "error_description"} (OIDC) or {"message"} (portal).
// The test plays the user: approve(userCode) or deny(userCode). Listens on 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PortalRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface SsoPortalOptions {
  /** The polling interval StartDeviceAuthorization announces, in seconds. */
  interval?: number;
  /** How long a device code lasts, in seconds. */
  deviceCodeSeconds?: number;
  /** How long an access token lasts, in seconds. */
  tokenSeconds?: number;
  /** How long a client registration lasts, in seconds. */
  registrationSeconds?: number;
  /** Answer slow_down to this many polls first (after the code is approved too). */
  slowDowns?: number;
  /** Account and permission set the portal hands credentials for, and the credentials. */
  accountId: string;
  roleName: string;
  roleCredentials: PortalRoleCredentials;
}

interface Client {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes?: string[];
}

interface Device {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  state: 'pending' | 'approved' | 'denied' | 'used';
  expiresAt: number;
}

export interface PortalCall {
  operation: 'RegisterClient' | 'StartDeviceAuthorization' | 'CreateToken' | 'GetRoleCredentials' | 'Unknown';
  grantType?: string;
  /** What the call answered: 200, or the error type. */
  outcome: string;
}

const word = (n: number) => randomBytes(n).toString('hex');

export async function startSsoPortal(options: SsoPortalOptions) {
  const clients = new Map<string, Client>();
  const devices = new Map<string, Device>();
  const accessTokens = new Map<string, { expiresAt: number; clientId: string }>();
  const refreshTokens = new Map<string, string>(); // refresh token -> clientId
  const calls: PortalCall[] = [];
  let slowDownsLeft = options.slowDowns ?? 0;

  function json(res: ServerResponse, status: number, body: unknown, errorType?: string) {
    res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}) });
    res.end(JSON.stringify(body));
  }

  const oidcError = (res: ServerResponse, call: PortalCall, status: number, type: string, error: string, description: string) => {
    call.outcome = type;
    json(res, status, { error, error_description: description }, type);
  };

  async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) break;
      chunks.push(chunk as Buffer);
    }
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  function createToken(body: Record<string, unknown>, res: ServerResponse, call: PortalCall) {
    const client = clients.get(String(body.clientId));
    call.grantType = String(body.grantType);
    if (!client || client.clientSecret !== body.clientSecret) return oidcError(res, call, 401, 'InvalidClientException', 'invalid_client', 'Unknown client');
    const issue = (withRefresh: boolean) => {
      const accessToken = `aoa${word(24)}`;
      accessTokens.set(accessToken, { expiresAt: Date.now() + (options.tokenSeconds ?? 3600) * 1000, clientId: client.clientId });
      const out: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn: options.tokenSeconds ?? 3600 };
      // Refresh tokens only for clients registered with scopes, as IAM Identity Center issues them.
      if (withRefresh && client.scopes?.length) {
        const refreshToken = `aor${word(24)}`;
        refreshTokens.set(refreshToken, client.clientId);
        out.refreshToken = refreshToken;
      }
      call.outcome = '200';
      json(res, 200, out);
    };
    if (body.grantType === 'refresh_token') {
      const owner = refreshTokens.get(String(body.refreshToken));
      if (owner !== client.clientId) return oidcError(res, call, 400, 'InvalidGrantException', 'invalid_grant', 'Invalid refresh token');
      refreshTokens.delete(String(body.refreshToken));
      return issue(true);
    }
    if (body.grantType !== 'urn:ietf:params:oauth:grant-type:device_code') {
      return oidcError(res, call, 400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'Unsupported grant');
    }
    const device = devices.get(String(body.deviceCode));
    if (!device || device.clientId !== client.clientId || device.state === 'used') return oidcError(res, call, 400, 'InvalidGrantException', 'invalid_grant', 'Invalid device code');
    if (Date.now() >= device.expiresAt) return oidcError(res, call, 400, 'ExpiredTokenException', 'expired_token', 'Device code expired');
    if (slowDownsLeft > 0) {
      slowDownsLeft--;
      return oidcError(res, call, 400, 'SlowDownException', 'slow_down', 'Client is polling too fast');
    }
    if (device.state === 'denied') return oidcError(res, call, 400, 'AccessDeniedException', 'access_denied', 'Authorization denied');
    if (device.state === 'pending') return oidcError(res, call, 400, 'AuthorizationPendingException', 'authorization_pending', 'Authorization pending');
    device.state = 'used';
    return issue(true);
  }

  function roleCredentials(req: IncomingMessage, url: URL, res: ServerResponse, call: PortalCall) {
    const bearer = req.headers['x-amz-sso_bearer_token'];
    const token = typeof bearer === 'string' ? accessTokens.get(bearer) : undefined;
    if (!token || token.expiresAt <= Date.now()) {
      call.outcome = 'UnauthorizedException';
      return json(res, 401, { message: 'Session token not found or invalid' }, 'UnauthorizedException');
    }
    if (url.searchParams.get('account_id') !== options.accountId || url.searchParams.get('role_name') !== options.roleName) {
      call.outcome = 'ForbiddenException';
      return json(res, 403, { message: 'No access' }, 'ForbiddenException');
    }
    call.outcome = '200';
    return json(res, 200, { roleCredentials: { ...options.roleCredentials, expiration: Date.now() + 3600 * 1000 } });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const call: PortalCall = { operation: 'Unknown', outcome: '404' };
      calls.push(call);
      if (req.method === 'GET' && url.pathname === '/federation/credentials') {
        call.operation = 'GetRoleCredentials';
        return roleCredentials(req, url, res, call);
      }
      const body = req.method === 'POST' ? await bodyOf(req) : {};
      if (req.method === 'POST' && url.pathname === '/client/register') {
        call.operation = 'RegisterClient';
        const client: Client = {
          clientId: `client-${word(8)}`,
          clientSecret: `secret-${word(16)}`,
          clientName: String(body.clientName ?? ''),
          ...(Array.isArray(body.scopes) ? { scopes: body.scopes.map(String) } : {}),
        };
        clients.set(client.clientId, client);
        const issuedAt = Math.floor(Date.now() / 1000);
        call.outcome = '200';
        return json(res, 200, {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          clientIdIssuedAt: issuedAt,
          clientSecretExpiresAt: issuedAt + (options.registrationSeconds ?? 90 * 24 * 3600),
        });
      }
      if (req.method === 'POST' && url.pathname === '/device_authorization') {
        call.operation = 'StartDeviceAuthorization';
        const client = clients.get(String(body.clientId));
        if (!client || client.clientSecret !== body.clientSecret) return oidcError(res, call, 401, 'InvalidClientException', 'invalid_client', 'Unknown client');
        const device: Device = {
          deviceCode: `dev-${word(16)}`,
          userCode: `${word(2).toUpperCase()}-${word(2).toUpperCase()}`,
          clientId: client.clientId,
          startUrl: String(body.startUrl ?? ''),
          state: 'pending',
          expiresAt: Date.now() + (options.deviceCodeSeconds ?? 600) * 1000,
        };
        devices.set(device.deviceCode, device);
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/device`;
        call.outcome = '200';
        return json(res, 200, {
          deviceCode: device.deviceCode,
          userCode: device.userCode,
          verificationUri: base,
          verificationUriComplete: `${base}?user_code=${device.userCode}`,
          expiresIn: options.deviceCodeSeconds ?? 600,
          interval: options.interval ?? 1,
        });
      }
      if (req.method === 'POST' && url.pathname === '/token') {
        call.operation = 'CreateToken';
        return createToken(body, res, call);
      }
      res.writeHead(404).end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const byUserCode = (userCode: string) => {
    const device = [...devices.values()].find((d) => d.userCode === userCode);
    if (!device) throw new Error(`No device authorization with user code ${userCode}`);
    return device;
  };

  return {
    endpoint,
    calls,
    clients: () => [...clients.values()].map((c) => ({ clientName: c.clientName, ...(c.scopes ? { scopes: c.scopes } : {}) })),
    /** What the user does in the browser. */
    approve(userCode: string) {
      byUserCode(userCode).state = 'approved';
    },
    deny(userCode: string) {
      byUserCode(userCode).state = 'denied';
    },
    /** Makes every access token issued so far invalid at the portal (as after its expiry). */
    revokeAccessTokens() {
      accessTokens.clear();
    },
    isLiveAccessToken: (token: string) => (accessTokens.get(token)?.expiresAt ?? 0) > Date.now(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SsoPortal = Awaited<ReturnType<typeof startSsoPortal>>;
