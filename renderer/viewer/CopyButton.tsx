// A Copy button that says, for screen readers too, whether the copy worked.
import { useEffect, useState } from 'react';

/** `text` may be a promise: a big body is read from main when the button is pressed, not before. */
export function CopyButton({ text, label, className }: { text: () => string | Promise<string>; label: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={label}
        onClick={() => {
          Promise.resolve()
            .then(text)
            .then((value) => navigator.clipboard.writeText(value))
            .then(
              () => setState('copied'),
              () => setState('failed'),
            );
        }}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="rv-sr-only" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy: the clipboard refused' : ''}
      </span>
    </>
  );
}
