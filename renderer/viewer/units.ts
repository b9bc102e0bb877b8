// How sizes, durations and statuses read in the response viewer. Pure, so the wording is tested without a browser.

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "512 B", "1.5 KB", "20.0 MB": binary multiples (what a file manager shows), one decimal above bytes. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** "0.4 ms", "87 ms", "1.24 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

export type StatusTone = 'info' | 'ok' | 'redirect' | 'client-error' | 'server-error';

export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'ok';
  return 'info';
}

/** The header's value by case-insensitive name (the first one when repeated). */
export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** A file name for "Save to file": the last path segment of the URL with an extension from the content type. */
export function suggestedFileName(url: string, contentType: string | undefined): string {
  let base = 'response';
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    if (last) base = decodeURIComponent(last).replace(/[^\w.-]+/g, '_').slice(0, 100) || base;
  } catch {
    // Not a URL we can read: keep the default name.
  }
  if (/\.\w{1,5}$/.test(base)) return base;
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  const ext =
    type.endsWith('json') || type.endsWith('+json') ? 'json'
    : type.endsWith('xml') ? 'xml'
    : type === 'text/html' ? 'html'
    : type.startsWith('text/') ? 'txt'
    : 'bin';
  return `${base}.${ext}`;
}
