import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFiles, renderedModules, ROOT } from './app-graph';
import { THEME_CSS_FILE, themeCss } from './theme-css';

/** The modules of the console's own that `entry` renders and that import MUI (the theme's own left out). */
function muiModules(entry: string): string[] {
  return renderedModules(entry)
    .filter(({ file, packages }) => !file.startsWith(path.join(ROOT, 'components', 'theme')) && packages.some((p) => p.startsWith('@mui/')))
    .map(({ file }) => path.relative(ROOT, file));
}

describe('MUI on a page', () => {
  it('the theme stylesheet is what the theme says (else: npm run theme:css)', () => {
    expect(readFileSync(THEME_CSS_FILE, 'utf8')).toBe(themeCss());
  });

  it('is wrapped in MuiTheme by every page that renders it', () => {
    const pages = appFiles().filter((file) => path.basename(file) === 'page.tsx' && muiModules(file).length > 0);
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) expect(readFileSync(file, 'utf8'), `${path.relative(ROOT, file)} must render <MuiTheme>`).toContain('<MuiTheme>');
  });

  it('is rendered by no layout or boundary: the frame of every page is plain', () => {
    for (const file of appFiles().filter((f) => path.basename(f) !== 'page.tsx')) {
      expect(muiModules(file), path.relative(ROOT, file)).toEqual([]);
    }
  });

  it('is not on the card list, whose first load has a budget', () => {
    expect(muiModules(path.join(ROOT, 'app', '(console)', 'members', '[userId]', 'page.tsx'))).toEqual([]);
  });
});
