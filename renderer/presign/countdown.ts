// How long a presigned URL has left, in words a glance can read ("14 min 58 s", "2 h 5 min", "3 d 4 h").

export function timeLeft(expiresAtMs: number, nowMs: number): { expired: boolean; text: string } {
  const left = Math.floor((expiresAtMs - nowMs) / 1000);
  if (left <= 0) return { expired: true, text: 'expired' };
  const d = Math.floor(left / 86400);
  const h = Math.floor((left % 86400) / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  if (d > 0) return { expired: false, text: `${d} d ${h} h` };
  if (h > 0) return { expired: false, text: `${h} h ${m} min` };
  if (m > 0) return { expired: false, text: `${m} min ${s} s` };
  return { expired: false, text: `${s} s` };
}
