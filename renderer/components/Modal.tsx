// A modal <dialog> shown with showModal(): the browser traps focus and Escape arrives as a cancel event, which we
// route to onCancel so the caller decides (the dialog never closes behind React's back).
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** Each area styles its own dialogs ("sb-modal" in the sidebar, "modal" in the workbench). */
  className: string;
  /** The id of the element that describes the dialog, when there is one. */
  describedBy?: string;
}

export function Modal({ title, onCancel, children, className, describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
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
