'use client';
import type * as z from 'zod/mini';

/**
 * A form's schema whose code (zod's and the rules') is fetched once the page is interactive,
 * not with its first load: for forms on the pages an agent opens most (the card list). The
 * module stays the one the server action parses with; only its loading is deferred.
 */
export interface DeferredSchema<S extends z.ZodMiniType> {
  /** Resolves to the schema; fetches it once, however many forms ask. */
  readonly load: () => Promise<S>;
  /** The schema once loaded. */
  readonly current: () => S | undefined;
}

/** `load` is a dynamic import, e.g. `() => import('@/lib/schemas/member-note').then((m) => m.memberNoteFieldsSchema)`. */
export function deferredSchema<S extends z.ZodMiniType>(load: () => Promise<S>): DeferredSchema<S> {
  let loading: Promise<S> | undefined;
  let loaded: S | undefined;
  return {
    load: () =>
      (loading ??= load().then(
        (schema) => (loaded = schema),
        (error: unknown) => {
          loading = undefined; // a failed fetch (the network) is tried again by the next caller
          throw error;
        },
      )),
    current: () => loaded,
  };
}

export const isDeferredSchema = (schema: z.ZodMiniType | DeferredSchema<z.ZodMiniType>): schema is DeferredSchema<z.ZodMiniType> =>
  'load' in schema && typeof schema.load === 'function';
