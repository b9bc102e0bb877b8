// A header value main has masked (the session token). Hidden behind dots until "Reveal"; revealing shows what main
// sent, the mask with the token's length, because the token itself never leaves the main process.
import { useState } from 'react';

export function SecretValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="si-secret">
      <code aria-label={label}>{shown ? value : '••••••••••••••••'}</code>
      <button type="button" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Reveal'} ${label}`} onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Reveal'}
      </button>
      {shown && <span className="si-caption">The real token stays in RoleCall’s main process; only its length is shown here.</span>}
    </span>
  );
}
