'use client';
import { useId, useState, useTransition, type KeyboardEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/domain/action-state';
import { memberIdProblem } from '@/lib/domain/member-id';
import { useProblemText } from '@/components/forms/use-problem-text';
import { Dialog, DialogContent, DialogTitle } from '@/components/primitives/dialog';
import primitives from '@/components/primitives/primitives.module.css';
import { TextField } from '@/components/primitives/text-field';
import styles from './console-shell.module.css';

/** A page the operator may use, its name in their language. */
export interface PaletteDestination {
  href: string;
  label: string;
}

export type FindCardByPar = (par: string) => Promise<ActionState<{ href: string }>>;

type Choice = { kind: 'member'; userId: string } | { kind: 'card'; par: string } | { kind: 'page'; href: string; label: string };

/** A PAR's form (lib/schemas/fields.ts parSchema, which the server action applies). */
const PAR_PATTERN = /^[A-Za-z0-9]{27}$/;

/**
 * Ctrl+K: go to a member by id, a card by PAR (its member found among the cards this console has
 * seen) or a page. A combobox (WAI-ARIA 1.2): type, arrows to choose, Enter to go, Escape to close.
 * On the browser's own dialog and plain fields: it costs the shell a few kilobytes.
 */
export function CommandPalette({
  open,
  onClose,
  pages,
  findCardByPar,
}: {
  open: boolean;
  onClose: () => void;
  pages: PaletteDestination[];
  findCardByPar?: FindCardByPar;
}) {
  const t = useTranslations('palette');
  const problemText = useProblemText();
  const router = useRouter();
  const id = useId();
  const [input, setInput] = useState('');
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [, startTransition] = useTransition();

  // The search fields' rules without their zod schemas (zod is not on every page, the shell is). Only
  // a PAR leaves the browser, to an action that applies parSchema; anything else matches nothing.
  const typed = input.trim();
  const refusal = /^\d+$/.test(typed) ? memberIdProblem(typed) : undefined;
  const needle = typed.toLowerCase();
  const choices: Choice[] = refusal
    ? []
    : [
        ...(/^\d+$/.test(typed) ? [{ kind: 'member' as const, userId: typed }] : []),
        ...(findCardByPar && PAR_PATTERN.test(typed) ? [{ kind: 'card' as const, par: typed }] : []),
        ...pages.filter((page) => page.label.toLowerCase().includes(needle)).map((page) => ({ kind: 'page' as const, ...page })),
      ];
  const current = Math.min(active, choices.length - 1);
  const helper = refusal ? problemText(refusal) : (message?.text ?? (choices.length === 0 ? t('noMatch') : t('hint')));
  const optionId = (index: number) => `${id}-option-${index}`;

  function close() {
    setInput('');
    setActive(0);
    setMessage(undefined);
    onClose();
  }

  function go(choice: Choice) {
    if (choice.kind !== 'card') {
      router.push(choice.kind === 'member' ? `/members/${choice.userId}` : choice.href);
      close();
    } else if (findCardByPar) {
      setMessage({ text: t('lookingUp', { par: choice.par }), error: false });
      startTransition(async () => {
        const answer = await findCardByPar(choice.par);
        if (answer.status === 'ok') {
          router.push(answer.data.href);
          close();
        } else if (answer.status !== 'idle') {
          setMessage({ text: answer.message, error: true });
        }
      });
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + choices.length) % Math.max(choices.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = choices[current];
      if (choice) go(choice);
    }
  }

  const labelOf = (choice: Choice) =>
    choice.kind === 'member' ? t('member', { userId: choice.userId }) : choice.kind === 'card' ? t('card', { par: choice.par }) : choice.label;

  return (
    <Dialog open={open} onClose={close} labelledBy={`${id}-title`} placement="top">
      <DialogTitle id={`${id}-title`}>{t('title')}</DialogTitle>
      <DialogContent className={styles.palette}>
        <TextField
          data-autofocus
          label={t('inputLabel')}
          value={input}
          onChange={(event) => {
            setInput(event.target.value);
            setActive(0);
            setMessage(undefined);
          }}
          onKeyDown={onKeyDown}
          error={refusal || message?.error ? helper : undefined}
          hint={helper}
          helperRole="status"
          autoComplete="off"
          role="combobox"
          aria-expanded={choices.length > 0}
          aria-controls={choices.length > 0 ? `${id}-listbox` : undefined}
          aria-autocomplete="list"
          aria-activedescendant={choices.length > 0 ? optionId(current) : undefined}
        />
        {choices.length > 0 && (
          <ul role="listbox" id={`${id}-listbox`} aria-label={t('title')} className={styles.choices}>
            {choices.map((choice, index) => (
              <li
                key={choice.kind === 'member' ? `m${choice.userId}` : choice.kind === 'card' ? `c${choice.par}` : choice.href}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={primitives.option}
                // A click keeps the cursor in the field.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(choice)}
                onMouseMove={() => setActive(index)}
              >
                {labelOf(choice)}
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
