/**
 * First-load JS per route, read from the production build (`.next/` after `next build`).
 *
 * Next 16 (Turbopack) no longer prints sizes, and keeps no per-route list in
 * `.next/app-build-manifest.json`. What a browser loads on a route's first (hard) navigation is:
 *
 * - the root main files every app page bootstraps with (`.next/build-manifest.json`,
 *   `rootMainFiles`: React, the router, the Turbopack runtime);
 * - the entry chunks of every segment of the route's tree: the root layout, group layouts, the
 *   page, and the boundaries they render (forbidden, global error), listed per route under
 *   `entryJSFiles` in `.next/server/app/<route>/page_client-reference-manifest.js`, the manifest
 *   the server uses to write the page's `<script>` tags.
 *
 * The `nomodule` polyfills are left out: browsers that run modules skip them. Each file is
 * gzipped on its own (node:zlib, default level) and the sizes summed: what goes over the wire
 * with compression on. Checked against Chromium on the card list (same files, same total).
 *
 * Shared by `npm run bench` and test/bundle/first-load-js.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface RouteFirstLoad {
  /** As Next names it, e.g. `/members/[userId]`. */
  route: string;
  /** Sum of each chunk gzipped. */
  gzipBytes: number;
  rawBytes: number;
  /** Files loaded, root main files included. */
  chunks: number;
  /** Of which the entry chunks of the route's own segments (layouts, page, boundaries). */
  segmentChunks: number;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Every app page of the build with its first-load JS, sorted by route. Throws without a build. */
export function firstLoadJs(buildDir = path.resolve('.next')): RouteFirstLoad[] {
  if (!existsSync(path.join(buildDir, 'BUILD_ID'))) throw new Error(`no production build in ${buildDir}: run \`npm run build\` first`);
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(path.join(buildDir, 'build-manifest.json'));
  // Keys are the app directory's entries ("/(console)/members/[userId]/page"), values the routes.
  const routes = readJson<Record<string, string>>(path.join(buildDir, 'app-path-routes-manifest.json'));
  const gzipped = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (!size) {
      const bytes = readFileSync(path.join(buildDir, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes).length };
      gzipped.set(file, size);
    }
    return size;
  };

  return Object.entries(routes)
    .filter(([entry]) => entry.endsWith('/page'))
    .map(([entry, route]) => {
      const segmentFiles = new Set(entryChunks(buildDir, entry));
      const files = new Set([...rootMainFiles, ...segmentFiles]);
      const sizes = [...files].map(sizeOf);
      return {
        route,
        gzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
        rawBytes: sizes.reduce((sum, s) => sum + s.raw, 0),
        chunks: files.size,
        segmentChunks: segmentFiles.size,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The entry chunks of one page's segments. The manifest is a script that assigns
 * `globalThis.__RSC_MANIFEST[entry]`: run in an empty context, not parsed by pattern. A page of
 * ours (not one of Next's built-in `/_…` pages) must list its own segment: if it does not, the
 * manifest's format has changed and the sizes would be wrong, so this throws.
 */
function entryChunks(buildDir: string, entry: string): string[] {
  const file = path.join(buildDir, 'server', 'app', `${entry}_client-reference-manifest.js`);
  const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file });
  const entries = context.__RSC_MANIFEST?.[entry]?.entryJSFiles;
  if (!entries) throw new Error(`${file}: no entryJSFiles for ${entry} (has the manifest format changed?)`);
  if (!entry.startsWith('/_') && !entries[`[project]/app${entry}`]) {
    throw new Error(`${file}: no entry chunks for the page segment [project]/app${entry} (has the manifest format changed?)`);
  }
  return Object.values(entries).flat();
}
