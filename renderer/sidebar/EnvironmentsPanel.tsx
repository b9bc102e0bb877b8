// Named variable sets (stag, prod...), one of them active. Edits show at once and are written to main after a short
// pause in typing (and when the panel closes), because each write rewrites the whole store file. A delete is written
// at once and offers the same "Undo" toast as the collections tree. "Export…" writes one as a Postman environment
// (main asks where; secret values go out blank).
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../src/errors';
import type { Environment } from '../../src/models/workspace';
import { clearCaptured, useCapturedVariables } from '../checks/capturedVariables';
import { capturedOverrides, CapturedVariablesRows } from '../checks/CapturedVariablesRows';
import { ErrorBox } from '../components/ErrorBox';
import { transportError } from '../format';
import { useWorkspace, useWorkspaceApi } from '../state/workspace';
import { CloseIcon, CopyIcon, ExportIcon, PencilIcon } from './icons';
import { newId } from './ids';
import { UndoToast, type Toast } from './UndoToast';
import { VariablesTable } from './VariablesTable';

const WRITE_DELAY_MS = 300;

let toastIds = 0;

export function EnvironmentsPanel() {
  const ws = useWorkspace();
  const api = useWorkspaceApi();
  const [exported, setExported] = useState<{ name: string; path?: string; error?: AppError } | undefined>();
  const [draft, setDraft] = useState<{ envs: Environment[]; active?: string } | undefined>();
  const envs = draft?.envs ?? ws.environments;
  const active = draft ? draft.active : ws.activeEnvironmentId;
  const [selectedId, setSelectedId] = useState<string | undefined>(active ?? envs[0]?.id);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [toast, setToast] = useState<Toast | undefined>();
  // The toast's undo runs renders later: it must restore into the environments as they are then, not at the delete.
  const latest = useRef({ envs, active });
  latest.current = { envs, active };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ envs: Environment[]; active?: string } | undefined>(undefined);
  const save = useRef(ws.setEnvironments);
  save.current = ws.setEnvironments;

  const flush = (): Promise<void> => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = undefined;
    // A failure is kept in the workspace's error, shown by the Sidebar; the draft gives way to main's state.
    if (!next) return Promise.resolve();
    return save.current(next.envs, next.active)
      .catch(() => undefined)
      .finally(() => pending.current === undefined && setDraft(undefined));
  };
  useEffect(() => () => void flush(), []);

  function change(nextEnvs: Environment[], nextActive: string | undefined, immediate = false) {
    const value = { envs: nextEnvs, active: nextActive };
    setDraft(value);
    pending.current = value;
    clearTimeout(timer.current);
    if (immediate) flush();
    else timer.current = setTimeout(flush, WRITE_DELAY_MS);
  }

  const selected = envs.find((e) => e.id === selectedId) ?? envs[0];
  const activeEnv = envs.find((e) => e.id === active);
  const captured = capturedOverrides(useCapturedVariables(), activeEnv);

  function create() {
    const env: Environment = { id: newId(), name: uniqueName('New environment', envs), variables: [] };
    change([...envs, env], active ?? env.id, true);
    setSelectedId(env.id);
    setRenaming(env.id);
  }

  function duplicate(env: Environment) {
    const copy: Environment = { id: newId(), name: uniqueName(`${env.name} copy`, envs), variables: env.variables.map((v) => ({ ...v, id: newId() })) };
    const at = envs.indexOf(env) + 1;
    change([...envs.slice(0, at), copy, ...envs.slice(at)], active, true);
    setSelectedId(copy.id);
  }

  function remove(env: Environment) {
    const at = envs.indexOf(env);
    const wasActive = active === env.id;
    const rest = envs.filter((e) => e.id !== env.id);
    change(rest, wasActive ? undefined : active, true);
    if (selectedId === env.id) setSelectedId(rest[0]?.id);
    setToast({
      id: ++toastIds,
      message: `Deleted environment “${env.name}”`,
      undo: () => {
        const now = latest.current;
        if (now.envs.some((e) => e.id === env.id)) return;
        change([...now.envs.slice(0, at), env, ...now.envs.slice(at)], wasActive ? env.id : now.active, true);
        setSelectedId(env.id);
      },
    });
  }

  async function exportEnvironment(env: Environment) {
    setExported(undefined);
    // Main exports what it has stored: edits still waiting for the typing pause are written first.
    await flush();
    try {
      const result = await api.environmentsExport({ id: env.id, format: 'postman' });
      if (!result.ok) setExported({ name: env.name, error: result.error });
      else if (!result.value.cancelled) setExported({ name: env.name, ...(result.value.path ? { path: result.value.path } : {}) });
    } catch (err) {
      setExported({ name: env.name, error: transportError(err) });
    }
  }

  function rename(env: Environment, name: string | undefined) {
    setRenaming(undefined);
    if (name && name.trim() && name.trim() !== env.name) change(envs.map((e) => (e.id === env.id ? { ...e, name: name.trim() } : e)), active, true);
  }

  return (
    <div className="sb-envs">
      <div className="sb-toolbar">
        <label className="sb-inline-field">
          <span>Active</span>
          <select aria-label="Active environment" value={active ?? ''} onChange={(e) => change(envs, e.target.value || undefined, true)}>
            <option value="">No environment</option>
            {envs.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="sb-button" onClick={create}>
          New environment
        </button>
      </div>
      {ws.ready && ws.secretsProtection === 'none' && (
        <p className="sb-notice" role="note">
          This system offers no encryption, so secret variable values are stored unencrypted on disk.
        </p>
      )}
      {ws.ready && ws.secretsUnreadable ? (
        <p className="sb-notice" role="note">
          {ws.secretsUnreadable === 1 ? '1 secret value' : `${ws.secretsUnreadable} secret values`} could not be decrypted and show empty; type them again.
        </p>
      ) : null}
      <p className="sb-hint sb-order" aria-label="Variable resolution order">
        Resolution order: <strong>captured this session</strong> → <strong>environment</strong> → <strong>folder</strong> → <strong>collection</strong>. The first that defines a name wins.
      </p>
      <CapturedVariablesRows rows={captured} {...(activeEnv ? { environment: activeEnv.name } : {})} onClear={clearCaptured} />
      {envs.length === 0 ? (
        <p className="sb-empty">No environments yet. Create one for each stage (stag, prod…) and switch between them here.</p>
      ) : (
        <ul className="sb-env-list" aria-label="Environments">
          {envs.map((env) => (
            <li key={env.id} className={env.id === selected?.id ? 'sb-env sb-selected' : 'sb-env'}>
              {renaming === env.id ? (
                <input
                  className="sb-rename"
                  aria-label={`New name for ${env.name}`}
                  defaultValue={env.name}
                  autoFocus
                  onFocus={(e) => e.currentTarget.select()}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') rename(env, e.currentTarget.value);
                    else if (e.key === 'Escape') rename(env, undefined);
                  }}
                  onBlur={(e) => renaming === env.id && rename(env, e.currentTarget.value)}
                />
              ) : (
                <button type="button" className="sb-env-name" aria-pressed={env.id === selected?.id} onClick={() => setSelectedId(env.id)}>
                  {/* The name is the visible text with "Edit" before it (a label must contain what is shown). */}
                  <span className="sb-visually-hidden">Edit </span>
                  <span>{env.name}</span>
                  {env.id === active && <span className="sb-badge">active</span>}
                </button>
              )}
              <span className="sb-env-actions">
                <button type="button" className="sb-icon" aria-label={`Rename ${env.name}`} title="Rename" onClick={() => setRenaming(env.id)}>
                  <PencilIcon />
                </button>
                <button type="button" className="sb-icon" aria-label={`Duplicate ${env.name}`} title="Duplicate" onClick={() => duplicate(env)}>
                  <CopyIcon />
                </button>
                <button type="button" className="sb-icon" aria-label={`Export ${env.name}…`} title="Export… (Postman environment)" onClick={() => void exportEnvironment(env)}>
                  <ExportIcon />
                </button>
                <button type="button" className="sb-icon sb-danger" aria-label={`Delete ${env.name}`} title="Delete" onClick={() => remove(env)}>
                  <CloseIcon />
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {exported?.error && <ErrorBox error={exported.error} title={`“${exported.name}” was not exported`} />}
      {exported?.path && (
        <p className="sb-hint" role="status">
          Exported “{exported.name}” to <code>{exported.path}</code>. Secret values are blank: each teammate fills in their own.
        </p>
      )}
      {selected && (
        <section className="sb-env-editor" aria-label={`Variables of ${selected.name}`}>
          <h2>{selected.name}</h2>
          <VariablesTable
            label={`${selected.name} variables`}
            rows={selected.variables}
            onChange={(variables) => change(envs.map((e) => (e.id === selected.id ? { ...e, variables } : e)), active)}
          />
        </section>
      )}
      {toast && <UndoToast key={toast.id} toast={toast} onDismiss={() => setToast(undefined)} />}
    </div>
  );
}

function uniqueName(base: string, envs: Environment[]): string {
  const names = new Set(envs.map((e) => e.name));
  if (!names.has(base)) return base;
  for (let n = 2; n < 1000; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
  return `${base} ${envs.length + 1}`;
}
