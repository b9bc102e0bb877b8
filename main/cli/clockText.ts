// The CLI's words for a clock offset: what `send -v` prints on stderr, and the note after a retried send.
import { clockOffsetSentence, clockOffsetSourceText, clockOffsetText } from '../../src/clockOffsetText';
import type { ClockSkewInfo, SigningExplanation } from '../../src/models/http';

/** "# clock offset +7 min 12 s (from AWS's Date header)", for the signed request; empty without a correction. */
export function signedClockLine(explanation: SigningExplanation | undefined): string {
  if (!explanation?.clockOffsetMs) return '';
  const source = explanation.clockOffsetSource ? ` (${clockOffsetSourceText(explanation.clockOffsetSource)})` : '';
  return `# clock offset ${clockOffsetText(explanation.clockOffsetMs)}${source}: signed at this computer's time corrected by it`;
}

/** What a send learned about the clock, and the refused first attempt when it was retried. */
export function clockSkewText(info: ClockSkewInfo): string {
  const lines = [`* clock offset ${clockOffsetText(info.offsetMs)} (${clockOffsetSourceText(info.source)}). ${clockOffsetSentence(info.offsetMs)}`];
  if (info.retried) {
    const refused = info.refused ? ` (${info.refused.status}: ${info.refused.message})` : '';
    lines.push(`* the first attempt was refused for its time${refused}; it was signed again with the corrected time and sent once more`);
  } else if (info.offsetMs !== 0) {
    lines.push('* later requests to this server are signed with the corrected time');
  }
  return lines.join('\n');
}
