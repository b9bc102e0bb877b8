// A clock offset in words, for the inspector and the CLI: "+7 min 12 s (from AWS's Date header)".
import type { ClockOffsetSource } from './models/http';

/** Signed, to the second: "+7 min 12 s", "-9 min 3 s", "+2 h 5 min", "+3 days 4 h". */
export function clockOffsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${sign}${days} day${days === 1 ? '' : 's'} ${hours} h`;
  if (hours > 0) return `${sign}${hours} h ${minutes} min`;
  if (minutes > 0) return `${sign}${minutes} min ${seconds} s`;
  return `${sign}${seconds} s`;
}

export function clockOffsetSourceText(source: ClockOffsetSource): string {
  switch (source) {
    case 'date-header':
      return "from AWS's Date header";
    case 'aws-message':
      return "from AWS's refusal message";
    case 'server-time':
      return "from AWS's ServerTime";
    case 'sdk':
      return "from the AWS SDK's STS client";
  }
}

/** "This computer's clock is 7 min 12 s behind AWS's." */
export function clockOffsetSentence(offsetMs: number): string {
  if (Math.round(offsetMs / 1000) === 0) return "This computer's clock agrees with AWS's.";
  return `This computer's clock is ${clockOffsetText(offsetMs).slice(1)} ${offsetMs > 0 ? 'behind' : 'ahead of'} AWS's.`;
}
