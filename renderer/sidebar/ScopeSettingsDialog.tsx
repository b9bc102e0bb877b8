// Settings of a collection or a folder: its name, the auth, region and service its requests inherit and its variables. Edits stay in
// the dialog until Save, so Cancel (or Escape) leaves the saved tree as it was.
import { useState, type FormEvent } from 'react';
import type { KeyValue, RequestAuth, ScopeSigning } from '../../src/models/workspace';
import { Modal } from '../components/Modal';
import { useProfileList } from '../state/profiles';
import { useWorkspace, useWorkspaceApi } from '../state/workspace';
import { AuthPanel } from '../workbench/AuthPanel';
import { VariablesTable } from './VariablesTable';

export interface ScopeSettings {
  name: string;
  auth: RequestAuth;
  variables: KeyValue[];
  /** Region and service for requests that set neither (custom domains); empty: not set here. */
  signing: ScopeSigning;
}

interface Props {
  kind: 'collection' | 'folder';
  initial: ScopeSettings;
  onSave(settings: ScopeSettings): void;
  onCancel(): void;
}

export function ScopeSettingsDialog({ kind, initial, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<ScopeSettings>(initial);
  const api = useWorkspaceApi();
  const profiles = useProfileList(api);
  const { storedKeys } = useWorkspace();
  const noun = kind === 'collection' ? 'Collection' : 'Folder';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.name.trim()) return;
    const signing = { region: draft.signing.region.trim(), service: draft.signing.service.trim() };
    onSave({ ...draft, name: draft.name.trim(), signing });
  }

  return (
    <Modal title={`${noun} settings: ${initial.name}`} onCancel={onCancel} className="sb-modal sb-settings">
      <form onSubmit={submit}>
        <label className="sb-field">
          <span>Name</span>
          <input aria-label={`${noun} name`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
        </label>
        <fieldset>
          <legend>Auth</legend>
          <p className="sb-hint">
            Requests {kind === 'folder' ? 'in this folder' : 'in this collection'} whose auth is “Inherit” use this.
            {kind === 'collection' && ' It is where inheritance ends.'}
          </p>
          <AuthPanel
            api={api}
            auth={draft.auth}
            onChange={(auth) => setDraft({ ...draft, auth })}
            allowInherit={kind === 'folder'}
            typeLabel="Auth type"
            profiles={profiles}
            storedKeys={storedKeys}
          />
        </fieldset>
        <fieldset>
          <legend>Region and service</legend>
          <p className="sb-hint">
            For requests {kind === 'folder' ? 'in this folder' : 'in this collection'} that set neither, e.g. on a custom domain where they cannot be read from the
            host. Empty: {kind === 'folder' ? 'from the enclosing folder or collection, else ' : ''}read from the URL.
          </p>
          <div className="form-grid">
            <label htmlFor="scope-region">Region</label>
            <input
              id="scope-region"
              value={draft.signing.region}
              placeholder="e.g. ap-northeast-1 or {{region}}"
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, signing: { ...draft.signing, region: e.target.value } })}
            />
            <label htmlFor="scope-service">Service</label>
            <input
              id="scope-service"
              value={draft.signing.service}
              placeholder="e.g. execute-api"
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, signing: { ...draft.signing, service: e.target.value } })}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Variables</legend>
          <p className="sb-hint">Used by {'{{name}}'} references in the requests below. Resolution order: environment → folder → collection (the first that defines a name wins).</p>
          <VariablesTable label={`${noun} variables`} rows={draft.variables} onChange={(variables) => setDraft({ ...draft, variables })} />
        </fieldset>
        <div className="sb-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="sb-primary" disabled={!draft.name.trim()}>
            Save settings
          </button>
        </div>
      </form>
    </Modal>
  );
}
