// The inspector pane's views: how the request is signed, the identity chain it is signed with, and the policy
// workshop (which policies allow it). Tabs in
// the WAI-ARIA pattern (arrow keys move between them); the hidden view is not rendered.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import './inspectorTabs.css';

const TABS = [
  ['signing', 'Signing'],
  ['chain', 'Chain'],
  ['policies', 'Policies'],
] as const;
type Tab = (typeof TABS)[number][0];

export function InspectorTabs({ signing, chain, policies }: { signing: ReactNode; chain: ReactNode; policies?: ReactNode }) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('signing');
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const keys = TABS.map(([key]) => key);
    const step = event.key === 'ArrowRight' ? 1 : keys.length - 1;
    const next = keys[(keys.indexOf(tab) + step) % keys.length] as Tab;
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
        {tab === 'signing' ? signing : tab === 'chain' ? chain : policies}
      </div>
    </div>
  );
}
