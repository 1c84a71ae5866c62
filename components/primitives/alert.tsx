import type { ReactNode } from 'react';
import { Icon } from './icons';
import styles from './primitives.module.css';

type Severity = 'error' | 'warning' | 'info' | 'success';
const ICONS = { error: 'errorOutline', warning: 'warningOutline', info: 'infoOutline', success: 'successOutline' } as const;

/** A message that needs the reader's eye (as MUI's standard Alert), with an optional title. */
export function Alert({ severity, title, children, className, ...rest }: { severity: Severity; title?: ReactNode; children?: ReactNode; className?: string; 'data-testid'?: string; 'data-status'?: string }) {
  return (
    // role="alert" as MUI's: a screen reader says it when it appears.
    <div role="alert" className={[styles.alert, styles[severity], className].filter(Boolean).join(' ')} {...rest}>
      <Icon name={ICONS[severity]} />
      <div className={styles.alertBody}>
        {title && <div className={styles.alertTitle}>{title}</div>}
        {children}
      </div>
    </div>
  );
}
