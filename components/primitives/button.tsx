import type { ButtonHTMLAttributes, ReactNode } from 'react';
import Link from 'next/link';
import styles from './primitives.module.css';

type Variant = 'contained' | 'outlined' | 'text';
type Size = 'small' | 'medium' | 'large';

interface Look {
  variant?: Variant;
  size?: Size;
  /** Before the label; replaced by a spinner while `loading`. */
  icon?: ReactNode;
  children: ReactNode;
}

const classOf = ({ variant = 'text', size = 'medium', className }: Pick<Look, 'variant' | 'size'> & { className?: string }) =>
  [styles.button, styles[variant], size !== 'medium' && styles[size], className].filter(Boolean).join(' ');

/**
 * A button that looks like MUI's, with no script of its own: usable in server components. While
 * `loading` it is disabled and busy, a spinner in place of its icon.
 */
export function Button({
  variant,
  size,
  icon,
  loading = false,
  disabled,
  children,
  type = 'button',
  className,
  ...props
}: Look & { loading?: boolean } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>) {
  return (
    <button {...props} type={type} className={classOf({ variant, size, className })} disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading ? <span className={styles.spinner} aria-hidden /> : icon}
      {children}
    </button>
  );
}

/** A link that looks like a button (a page to go to, not an action). */
export function ButtonLink({ href, variant, size, icon, children }: Look & { href: string }) {
  return (
    <Link href={href} className={classOf({ variant, size })}>
      {icon}
      {children}
    </Link>
  );
}
