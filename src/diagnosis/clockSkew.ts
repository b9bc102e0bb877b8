// Clock skew: AWS refuses a signature dated more than 5 minutes from its own clock ("Signature expired",
// "Signature not yet current", RequestTimeTooSkewed). The offset is read from AWS's message, from S3's
// <ServerTime>, or from the response's Date header against the request's X-Amz-Date (src/clockSkewText.ts reads
// them, as the retry logic does), so the user sees how far off this machine's clock is.
import { clockOffsetSourceText, clockOffsetText } from '../clockOffsetText';
import { amzDateMs, isSkewText, requestTimeFromS3, serverTimeFromHeaders, serverTimeFromS3, skewMessageTimes } from '../clockSkewText';
import type { ClockOffsetSource } from '../models/http';
import { refusal, type Facts } from './facts';
import type { Refusal } from '../models/refusal';

export function clockSkew(f: Facts): Refusal | undefined {
  const skewed = isSkewText(f.text, f.type);
  const presignExpired = f.text.includes('Request has expired') && f.input.request.signing?.mode === 'query';
  if (!skewed && !presignExpired) return undefined;
  if (!skewed) {
    return refusal(f, 'clock', {
      id: 'clock.presigned-expired',
      title: 'The presigned URL has expired',
      explanation: 'A presigned URL is valid for the number of seconds it was signed with (X-Amz-Expires), counted from its X-Amz-Date.',
      checks: ['X-Amz-Date and X-Amz-Expires in the URL.', 'The clock of the machine that presigned it.'],
      fixes: ['Presign the URL again, with a longer expiry if needed (at most 7 days, less for temporary credentials).'],
      likelihood: [],
    });
  }
  const found = clockOffset(f);
  const offset = found?.seconds;
  const fields: Partial<Refusal> = {};
  if (offset !== undefined) fields.clockOffsetSeconds = offset;
  const direction = offset === undefined ? undefined : offset > 0 ? 'behind' : 'ahead of';
  return refusal(f, 'clock', {
    id: 'clock.skew',
    title: "This computer's clock is off",
    explanation:
      offset !== undefined
        ? `The request was signed with a time ${clockOffsetText(offset * 1000).slice(1)} ${direction} AWS's clock. AWS refuses signatures more than 5 minutes from its own time.`
        : "The request's signing time is more than 5 minutes from AWS's clock, so AWS refuses the signature.",
    checks: ["The system clock and time zone of this computer (automatic time / NTP on?).", 'A fixed signing date under signing options, if one is set.', 'A request replayed long after it was signed.'],
    fixes: ['Turn on automatic time synchronisation and send again.', 'Clear any fixed signing date so RoleCall signs with the current time.'],
    likelihood: found ? [`Offset read ${clockOffsetSourceText(found.source)}.`] : [],
    ...fields,
  });
}

/** Seconds AWS's clock is ahead of the signing time: from AWS's message, S3's times, or Date against X-Amz-Date. */
function clockOffset(f: Facts): { seconds: number; source: ClockOffsetSource } | undefined {
  const seconds = (server: number, signed: number) => Math.round((server - signed) / 1000);
  const message = skewMessageTimes(f.text);
  if (message) return { seconds: seconds(message.serverMs, message.signedMs), source: 'aws-message' };
  const server = serverTimeFromS3(f.input.bodyText);
  const request = requestTimeFromS3(f.input.bodyText);
  if (server !== undefined && request !== undefined) return { seconds: seconds(server, request), source: 'server-time' };
  // The Date header equals the skew within the request's own latency.
  const date = serverTimeFromHeaders(f.input.headers);
  const signed = amzDateMs(f.input.request.signing?.amzDate ?? '');
  if (date !== undefined && signed !== undefined) return { seconds: seconds(date, signed), source: 'date-header' };
  return undefined;
}
