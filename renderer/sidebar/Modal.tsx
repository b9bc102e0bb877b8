// A modal <dialog> shown with showModal(): the browser traps focus and Escape arrives as a cancel event, which we
// route to onCancel so the caller decides (the dialog never closes behind React's back).
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onCancel(): void;
  children: ReactNode;
  className?: string;
}

export function Modal({ title, onCancel, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`modal-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`sb-modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
