// Says, above the response, that this computer's clock is off and what RoleCall did about it: signed with the
// corrected time, and, when AWS refused the first attempt for its time, that it was signed again and resent once.
import { clockOffsetSentence, clockOffsetSourceText, clockOffsetText } from '../../src/clockOffsetText';
import type { ClockSkewInfo } from '../../src/models/http';
import './clockNote.css';

export function ClockSkewNote({ info }: { info: ClockSkewInfo }) {
  if (info.offsetMs === 0 && !info.retried) return null;
  return (
    <div className="rv-clock-note" role="status" aria-label="Clock skew">
      <p>
        <strong>Clock offset {clockOffsetText(info.offsetMs)}</strong> ({clockOffsetSourceText(info.source)}). {clockOffsetSentence(info.offsetMs)}{' '}
        {info.retried
          ? 'AWS refused the first attempt for its time, so RoleCall signed it again with the corrected time and sent it once more.'
          : 'RoleCall signs requests to this server with the corrected time.'}
      </p>
      {info.retried && info.refused && (
        <p className="rv-clock-refused">
          First attempt: {info.refused.status} <code>{info.refused.message}</code>
        </p>
      )}
    </div>
  );
}
