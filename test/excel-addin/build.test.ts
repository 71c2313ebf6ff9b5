// The Excel build output: the task pane page loads office.js from Microsoft's CDN and both bundles, within the size budget.
import * as fs from 'fs';
import * as path from 'path';

const dist = path.join(__dirname, '..', '..', 'dist', 'excel');

describe('Excel build', () => {
  it('has a task pane page that loads office.js from the CDN, then the panel and the functions (shared runtime)', () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    expect(html).toContain('Målkoll');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'taskpane.js', 'functions.js']);
    expect(html).toMatch(/<style>[^<]*\.mk-chip/); // the panel stylesheet, inlined
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  });

  it('keeps the task pane’s own JavaScript under 300 KB (every script the page loads but office.js, SPEC 9) and uses no eval', () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const own = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    expect(own).toEqual(['taskpane.js', 'functions.js']);
    const bytes = own.reduce((sum, file) => sum + fs.statSync(path.join(dist, file)).size, 0);
    expect(bytes).toBeLessThan(300_000);
    for (const file of ['taskpane.js', 'functions.js']) {
      const code = fs.readFileSync(path.join(dist, file), 'utf8');
      expect(code).not.toMatch(/\beval\(|new Function\(|\.innerHTML\s*=|insertAdjacentHTML/);
    }
  });

  it('has generated function metadata', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
    expect(metadata.functions.map((f: { id: string }) => f.id)).toEqual(['STATUS', 'UPPFYLLNAD', 'PROGNOS', 'AVVIKELSE', 'TAL', 'BEDOMNING', 'UNDERLAG']);
  });
});
