/**
 * Where the console may send an operator after signing in (or when already signed in):
 * a path on this console, nothing else. Every return URL (`callbackUrl`) passes through
 * here; anything doubtful becomes the home page.
 */

const HOME = '/';

// Long enough for any console URL with its filters; longer is not a return URL.
const MAX_LENGTH = 2048;

// A path that leaves this placeholder origin would leave any origin.
const PROBE_ORIGIN = 'http://console.invalid';

// Browsers strip or reinterpret control characters and spaces in URLs (`/\t/evil` → `//evil`).
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f-\u009f\s]/u;

// `/\evil`, `//evil`: browsers read both as a scheme-relative URL to another host.
const AUTHORITY_PREFIX = /^[/\\]{2}/;

/** Starts with a single `/`, holds no backslash, control character or space. */
function plainlySafe(path: string): boolean {
  return path.startsWith('/') && !AUTHORITY_PREFIX.test(path) && !path.includes('\\') && !CONTROL_OR_SPACE.test(path);
}

/**
 * The path with its percent-escapes undone, as often as something downstream might undo
 * them (`%255c` → `%5c` → `\`); undefined when malformed or still changing. A `%` that
 * decoding revealed (`%25`) is a plain character, not a malformed escape.
 */
function fullyDecoded(path: string): string | undefined {
  let current = path;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return round === 0 ? undefined : current;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/** The path as a browser resolves it on the console; undefined if that leaves it (`/..//evil` → `//evil`). */
function resolvedOnOrigin(path: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(path, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  const onOrigin = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return resolved.origin === PROBE_ORIGIN && !AUTHORITY_PREFIX.test(onOrigin) ? onOrigin : undefined;
}

/**
 * `candidate` as a same-origin path (normalised as a browser would resolve it), or `/`.
 *
 * Accepted: a path starting with a single `/`, not `//` nor `/\`, with no backslash and no
 * control or space character, that resolves onto the console's own origin. The path part
 * is also checked with its percent-escapes undone (`/%5cevil`, `/%09/evil`, `/..%2F%2Fevil`);
 * the query and fragment keep theirs, since they cannot change the target's origin and do
 * carry encoded spaces (`?name=Kim%20Min`).
 */
export function safeRedirectPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || candidate.length > MAX_LENGTH || !plainlySafe(candidate)) return HOME;
  const decodedPath = fullyDecoded(candidate.split(/[?#]/, 1)[0]!);
  if (decodedPath === undefined || !plainlySafe(decodedPath) || resolvedOnOrigin(decodedPath) === undefined) return HOME;
  return resolvedOnOrigin(candidate) ?? HOME;
}

/**
 * For next-auth's `redirect` callback, which passes return URLs either as paths or as
 * absolute URLs it made itself from `baseUrl` (the console's public origin): an absolute
 * URL on that origin, through the same check.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  const path = url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
  return `${origin}${safeRedirectPath(path)}`;
}
