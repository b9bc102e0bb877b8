// The timing breakdown as a small waterfall: one bar per phase on a shared scale from 0 to the total.
import type { Timings } from '../../src/models/http';
import { timingPhases } from './timing';
import { formatDuration } from './units';

export function TimingWaterfall({ timings }: { timings: Timings }) {
  const phases = timingPhases(timings);
  const scale = Math.max(timings.total, 0.001);
  return (
    <div className="rv-timing">
      <table className="rv-waterfall" aria-label="Timing breakdown">
        <tbody>
          {phases.map((phase) => (
            <tr key={phase.name}>
              <th scope="row" title={phase.description}>{phase.name}</th>
              <td className="rv-bar-cell" aria-hidden="true">
                <span
                  className={`rv-bar rv-bar-${phase.name.toLowerCase()}`}
                  style={{ left: `${(phase.start / scale) * 100}%`, width: `max(2px, ${((phase.end - phase.start) / scale) * 100}%)` }}
                />
              </td>
              <td className="rv-phase-time">{formatDuration(phase.end - phase.start)}</td>
            </tr>
          ))}
          <tr className="rv-total">
            <th scope="row">Total</th>
            <td />
            <td className="rv-phase-time">{formatDuration(timings.total)}</td>
          </tr>
        </tbody>
      </table>
      <p className="rv-caption">
        Each bar starts where the previous phase ended. DNS, Connect and TLS are missing when a kept-alive connection was reused;
        Waiting is the server’s time to the first byte.
      </p>
    </div>
  );
}
