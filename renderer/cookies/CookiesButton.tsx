// The way to the cookie jar from the header, beside Settings (Postman keeps its "Cookies" link by Send; RoleCall's
// header is always visible whichever tab is open). The dialog is a chunk of its own, loaded on first use.
import { lazy, Suspense, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';

const CookiesDialog = lazy(async () => ({ default: (await import('./CookiesDialog')).CookiesDialog }));

export function CookiesButton({ api }: { api: RoleCallApi }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="The cookies servers set, kept for this workspace">
        Cookies
      </button>
      {open && (
        <Suspense
          fallback={
            <p className="on-demand-loading overlay" role="status">
              Loading the cookies…
            </p>
          }
        >
          <CookiesDialog api={api} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
