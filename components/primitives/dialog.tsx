'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './primitives.module.css';

/**
 * A modal dialog on the browser's own <dialog> (showModal): focus held inside and given back on
 * close, Escape and the backdrop close it (`onClose`), the rest of the page inert. As MUI's
 * Dialog, its content is rendered only while it is open. The element marked `data-autofocus`
 * takes the focus when it opens (else the first focusable one).
 */
export function Dialog({
  open,
  onClose,
  role,
  labelledBy,
  describedBy,
  width = 'sm',
  placement = 'center',
  children,
  'data-testid': testId,
}: {
  open: boolean;
  onClose: () => void;
  /** `alertdialog` when it interrupts to ask for an answer. */
  role?: 'alertdialog';
  labelledBy: string;
  describedBy?: string;
  width?: 'xs' | 'sm';
  placement?: 'center' | 'top';
  children: ReactNode;
  'data-testid'?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={[styles.dialog, styles[`dialog-${width}`], placement === 'top' && styles.dialogTop].filter(Boolean).join(' ')}
      data-testid={testId}
      // Escape: the owner decides (it may keep the dialog open, or count it as an answer).
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself; its content fills it.
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      {open && <div className={styles.dialogPaper}>{children}</div>}
    </dialog>
  );
}

export function DialogTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className={`${styles.h6} ${styles.dialogTitle}`}>
      {children}
    </h2>
  );
}

export function DialogContent({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={[styles.dialogContent, className].filter(Boolean).join(' ')}>{children}</div>;
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className={styles.dialogActions}>{children}</div>;
}
