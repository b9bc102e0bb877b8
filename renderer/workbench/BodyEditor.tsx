// The body of a request: none, raw text (JSON, text or XML in a real editor), url-encoded fields, multipart parts
// (text, or a file main reads), or a whole file. Files are read by main when the request is sent, so the page never
// holds their bytes, and main reads only files picked with "Choose file…" in this run (see fileHandles.ts).
import { useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { KeyValue, RequestBody } from '../../src/models/workspace';
import { chooseFile } from './fileHandles';
import { CodeEditor } from '../editor/CodeEditor';
import { GraphqlBodyEditor } from '../graphql/GraphqlBodyEditor';
import { KeyValueTable } from './KeyValueTable';
import { RowsTable } from './RowsTable';

type Mode = RequestBody['mode'];
type Part = Extract<RequestBody, { mode: 'multipart' }>['parts'][number];

const MODES: Array<{ mode: Mode; label: string }> = [
  { mode: 'none', label: 'None' },
  { mode: 'raw', label: 'Raw' },
  { mode: 'urlencoded', label: 'x-www-form-urlencoded' },
  { mode: 'multipart', label: 'Multipart form' },
  { mode: 'file', label: 'File' },
  { mode: 'graphql', label: 'GraphQL' },
];

function emptyBody(mode: Mode, previous: RequestBody): RequestBody {
  switch (mode) {
    case 'none':
      return { mode };
    case 'raw':
      return { mode, language: 'json', text: previous.mode === 'raw' ? previous.text : '' };
    case 'urlencoded':
      return { mode, fields: [] };
    case 'multipart':
      return { mode, parts: [] };
    case 'file':
      return { mode, path: '' };
    case 'graphql':
      return { mode, query: '', variables: '' };
  }
}

interface Props {
  api: RoleCallApi;
  body: RequestBody;
  onChange: (body: RequestBody) => void;
  preview?: (text: string) => string;
  /** Remounts the editor when another request is shown. */
  editorKey: string;
}

export function BodyEditor({ api, body, onChange, preview, editorKey }: Props) {
  return (
    <div className="body-editor">
      <div className="body-modes" role="radiogroup" aria-label="Body type">
        {MODES.map(({ mode, label }) => (
          <label key={mode} className="radio">
            <input type="radio" name={`body-mode-${editorKey}`} checked={body.mode === mode} onChange={() => onChange(emptyBody(mode, body))} />
            {label}
          </label>
        ))}
        {body.mode === 'raw' && (
          <label className="inline-field">
            <span className="sr-only">Raw language</span>
            <select aria-label="Raw language" value={body.language} onChange={(e) => onChange({ ...body, language: e.target.value as 'json' | 'text' | 'xml' })}>
              <option value="json">JSON</option>
              <option value="text">Text</option>
              <option value="xml">XML</option>
            </select>
          </label>
        )}
      </div>
      {body.mode === 'none' && <p className="muted empty-note">This request has no body.</p>}
      {body.mode === 'raw' && (
        <div className="body-code">
          <CodeEditor
            key={editorKey}
            label="Body"
            language={body.language}
            value={body.text}
            onChange={(text) => onChange({ ...body, text })}
            placeholderText={body.language === 'json' ? '{ "key": "{{variable}}" }' : ''}
          />
        </div>
      )}
      {body.mode === 'graphql' && <GraphqlBodyEditor body={body} onChange={onChange} editorKey={editorKey} />}
      {body.mode === 'urlencoded' && (
        <KeyValueTable rows={body.fields} onChange={(fields: KeyValue[]) => onChange({ ...body, fields })} noun="Field" preview={preview} />
      )}
      {body.mode === 'multipart' && <MultipartTable api={api} parts={body.parts} onChange={(parts) => onChange({ ...body, parts })} />}
      {body.mode === 'file' && (
        <div className="form-grid">
          <label htmlFor={`body-file-${editorKey}`}>File path</label>
          <div className="file-choice">
            <input
              id={`body-file-${editorKey}`}
              value={body.path}
              placeholder="/path/to/file.bin"
              spellCheck={false}
              onChange={(e) => onChange({ ...body, path: e.target.value })}
            />
            <ChooseFileButton api={api} path={body.path} label="Choose file…" onChosen={(path) => onChange({ ...body, path })} />
          </div>
          <label htmlFor={`body-file-type-${editorKey}`}>Content type</label>
          <input
            id={`body-file-type-${editorKey}`}
            value={body.contentType ?? ''}
            placeholder="application/octet-stream"
            onChange={(e) => onChange(e.target.value ? { ...body, contentType: e.target.value } : { mode: 'file', path: body.path })}
          />
          <p className="muted form-note">
            RoleCall reads the file when the request is sent; its bytes are signed and sent as they are. Only a file chosen here is sent: a
            saved request asks you to pick its file again once per run.
          </p>
        </div>
      )}
    </div>
  );
}

/** Opens main's file dialog (on the current path, if any) and reports the picked path; errors are shown beside it. */
function ChooseFileButton({ api, path, label, onChosen }: { api: RoleCallApi; path: string; label: string; onChosen: (path: string) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choose = async () => {
    setBusy(true);
    const { file, error: failed } = await chooseFile(api, path.trim() || undefined);
    setBusy(false);
    setError(failed?.message);
    if (file) onChosen(file.path);
  };
  return (
    <>
      <button type="button" className="secondary small" disabled={busy} onClick={() => void choose()}>
        {label}
      </button>
      {error && (
        <span className="file-choice-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function MultipartTable({ api, parts, onChange }: { api: RoleCallApi; parts: Part[]; onChange: (parts: Part[]) => void }) {
  return (
    <RowsTable
      rows={parts}
      onChange={onChange}
      label="Parts"
      noun="part"
      columns={['Name', 'Kind', 'Value or file path', 'Content type']}
      newRow={(): Part => ({ id: crypto.randomUUID(), key: '', enabled: true, kind: 'text', value: '' })}
      cells={(part, n, update) => (
        <>
          <td>
            <input className="kv-input" aria-label={`Part name ${n}`} title={part.description} value={part.key} onChange={(e) => update({ key: e.target.value })} />
          </td>
          <td>
            <select aria-label={`Part kind ${n}`} value={part.kind} onChange={(e) => update({ kind: e.target.value as 'text' | 'file' })}>
              <option value="text">Text</option>
              <option value="file">File</option>
            </select>
          </td>
          <td>
            <input
              className="kv-input"
              aria-label={part.kind === 'file' ? `Part file path ${n}` : `Part value ${n}`}
              placeholder={part.kind === 'file' ? '/path/to/file' : 'value'}
              value={part.value}
              onChange={(e) => update({ value: e.target.value })}
            />
            {part.kind === 'file' && <ChooseFileButton api={api} path={part.value} label="Choose…" onChosen={(value) => update({ value })} />}
          </td>
          <td>
            <input
              className="kv-input"
              aria-label={`Part content type ${n}`}
              placeholder={part.kind === 'file' ? 'application/octet-stream' : 'text/plain'}
              value={part.contentType ?? ''}
              onChange={(e) => update({ contentType: e.target.value || undefined })}
            />
          </td>
        </>
      )}
    />
  );
}
