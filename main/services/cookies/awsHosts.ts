// AWS endpoints are called with signed requests, not sessions: a cookie an AWS load balancer or console page sets
// (AWSALB stickiness, aws-* session cookies) would only make later signed calls differ from what the user typed.
// So the jar neither keeps nor sends cookies for AWS's own domains unless the workspace allows it. The rule is by
// host, not by "is this request signed": a signed request to a custom domain in front of an app may well use a
// session cookie, and the jar's Cookie header is added before signing, so the signature covers it.
import { AWS_HOST_SUFFIXES } from '../../../src/models/cookies';

/** True for amazonaws.com, amazonaws.com.cn, api.aws and on.aws and every host under them. */
export function isAwsHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return AWS_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The URL parsed, or undefined when it is not an http(s) URL. */
export function httpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A parsed URL's host name without an IPv6 address's brackets. */
export const hostName = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');
