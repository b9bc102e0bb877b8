// Export an ended run as JSON, JUnit XML or an HTML report: main renders the text (runner:export) and the window
// saves it like any other file (response:save: the save dialog, or a download in browser mode).
import { useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { ReportFormat } from '../../src/runner/reporters/renderReport';
import { settle } from '../api';
import { textToBase64 } from '../chain/exportSvg';

const FORMATS: Array<{ format: ReportFormat; label: string }> = [
  { format: 'json', label: 'JSON' },
  { format: 'junit', label: 'JUnit XML' },
  { format: 'html', label: 'HTML report' },
];

export function RunExport({ api, runId }: { api: RoleCallApi; runId: string }) {
  const [note, setNote] = useState<{ text: string; failed?: boolean } | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(format: ReportFormat) {
    setBusy(true);
    setNote(undefined);
    try {
      const rendered = await settle(() => api.runnerExport({ runId, format }));
      if (!rendered.ok) return setNote({ text: `Could not export: ${rendered.error.message}`, failed: true });
      const { fileName, text } = rendered.value;
      const saved = await settle(() => api.responseSave({ source: { kind: 'inline', base64: textToBase64(text) }, suggestedName: fileName }));
      if (!saved.ok) setNote({ text: `Could not export: ${saved.error.message}`, failed: true });
      else if (!saved.value.cancelled) setNote({ text: `Saved to ${saved.value.path ?? fileName}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="runner-export" role="group" aria-label="Export results">
      <span className="muted">Export:</span>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" className="small" disabled={busy} onClick={() => void save(format)}>
          {label}
        </button>
      ))}
      {note && (
        <span role="status" className={note.failed ? 'runner-fail' : 'muted'}>
          {note.text}
        </span>
      )}
    </span>
  );
}
