// Opens a URL in the system browser, fire and forget: a machine without one (a server, a container) still has
// the printed URL, so any failure is ignored.
import { spawn } from 'node:child_process';

export function browserCommand(url: string, platform: string = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // start's first quoted argument is a window title; the empty one keeps the URL from being taken for it.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

export function openBrowser(url: string, platform: string = process.platform): void {
  const { command, args } = browserCommand(url, platform);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser opener: the URL is printed already.
  }
}
