// "Move to…": the keyboard way to do what drag and drop does, into any collection or folder.
import { useMemo, useState, type FormEvent } from 'react';
import { findItem, folderPaths } from '../../src/collectionTree';
import type { CollectionSummary } from '../../src/models/workspace';
import { Modal } from '../components/Modal';

interface Props {
  collections: CollectionSummary[];
  from: { collectionId: string; itemId: string; name: string };
  onMove(target: { collectionId: string; parentId: string | undefined }): void;
  onCancel(): void;
}

export function MoveDialog({ collections, from, onMove, onCancel }: Props) {
  const options = useMemo(() => {
    const source = collections.find((c) => c.id === from.collectionId);
    const moved = source && findItem(source, from.itemId)?.item;
    // A folder cannot go into itself or below itself: those destinations are not offered.
    const inside = new Set<string>();
    if (moved?.kind === 'folder') {
      inside.add(moved.id);
      for (const f of folderPaths({ ...source!, items: moved.items })) inside.add(f.id);
    }
    return collections.flatMap((c) => [
      { value: `${c.id}/`, label: `${c.name} (top level)` },
      ...folderPaths(c)
        .filter((f) => !(c.id === from.collectionId && inside.has(f.id)))
        .map((f) => ({ value: `${c.id}/${f.id}`, label: `${c.name} / ${f.path}` })),
    ]);
  }, [collections, from]);
  const [choice, setChoice] = useState(options[0]?.value ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const [collectionId, parentId] = choice.split('/') as [string, string];
    onMove({ collectionId, parentId: parentId || undefined });
  }

  return (
    <Modal title={`Move “${from.name}”`} onCancel={onCancel} className="sb-modal">
      <form onSubmit={submit}>
        <label className="sb-field">
          <span>Destination</span>
          <select aria-label="Destination" value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <div className="sb-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="sb-primary" disabled={!choice}>
            Move
          </button>
        </div>
      </form>
    </Modal>
  );
}
