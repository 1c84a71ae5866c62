import styles from './primitives.module.css';

/** An indeterminate progress bar (as MUI's LinearProgress), named for a screen reader. */
export function Progress({ label }: { label: string }) {
  return <div role="progressbar" aria-label={label} className={styles.progress} />;
}

/** A line of text still loading. */
export function Skeleton({ width }: { width: number | string }) {
  return <span className={styles.skeleton} style={{ width }} aria-hidden />;
}
