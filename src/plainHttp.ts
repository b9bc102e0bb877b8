// Plain http is for this machine only: anywhere else the request, its signature and its token cross the network
// readable by anyone on the path. Shared by main (which refuses a signed one) and the page (which warns).

/** True for localhost, *.localhost, 127.0.0.0/8 and ::1 (bracketed or not). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** True when the URL is http:// to a host other than this machine; false for https, loopback and unparsable text. */
export function isPlainHttpElsewhere(url: string): boolean {
  if (!/^http:\/\//i.test(url.trim())) return false;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  return !isLoopbackHost(parsed.hostname);
}
