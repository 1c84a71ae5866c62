import type { ReactNode } from 'react';
import primitives from '@/components/primitives/primitives.module.css';
import styles from './status-page.module.css';

/**
 * The whole page when there is nothing else to show: not found, forbidden, failed. Plain
 * elements, so it renders whatever broke (and outside any page's MUI).
 */
export function StatusPage({
  status,
  tone,
  heading,
  text,
  reference,
  children,
}: {
  /** A word or two above the heading (e.g. "403 · Not allowed"). */
  status: string;
  tone: 'error' | 'muted';
  heading: string;
  text: string;
  /** What the operator quotes to the admin (the error's digest). */
  reference?: ReactNode;
  /** The ways on: buttons and links. */
  children: ReactNode;
}) {
  return (
    <main className={styles.page}>
      <div className={`${styles.status} ${tone === 'error' ? styles.error : primitives.muted}`}>{status}</div>
      <h1 className={`${primitives.h5} ${styles.heading}`}>{heading}</h1>
      <p className={`${primitives.muted} ${styles.text}`}>{text}</p>
      {reference}
      <div className={styles.actions}>{children}</div>
    </main>
  );
}
