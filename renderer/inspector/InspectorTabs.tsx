// The inspector pane's two views: how the request is signed, and the identity chain it is signed with. Tabs in
// the WAI-ARIA pattern (arrow keys move between them); the hidden view is not rendered.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import './inspectorTabs.css';

const TABS = [
  ['signing', 'Signing'],
  ['chain', 'Chain'],
] as const;
type Tab = (typeof TABS)[number][0];

export function InspectorTabs({ signing, chain }: { signing: ReactNode; chain: ReactNode }) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('signing');
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'signing' ? 'chain' : 'signing';
    setTab(next);
    document.getElementById(`${id}-${next}`)?.focus();
  }
  return (
    <div className="inspector-tabs">
      <div role="tablist" aria-label="Inspector" onKeyDown={onKeyDown}>
        {TABS.map(([key, label]) => (
          <button
            key={key}
            id={`${id}-${key}`}
            type="button"
            role="tab"
            aria-selected={tab === key}
            aria-controls={`${id}-panel`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'signing' ? signing : chain}
      </div>
    </div>
  );
}
