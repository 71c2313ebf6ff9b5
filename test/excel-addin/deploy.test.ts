// Deployment of the Excel add-in (SPEC 8): MALKOLL_BASE_URL written into every URL of the built manifest, and the dev server's certificate step as root without sudo.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SaxesParser } from 'saxes';

const ROOT = path.join(__dirname, '..', '..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

interface BaseUrlModule {
  DEV_BASE_URL: string;
  baseUrl(env: Record<string, string | undefined>): string;
  withBaseUrl(xml: string, base: string): string;
}
interface DevCertsModule {
  sudoShimForRoot(env: Record<string, string | undefined>, platform: string, uid: number): string | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_BASE_URL, baseUrl } = require('../../excel-addin/base-url') as BaseUrlModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sudoShimForRoot } = require('../../excel-addin/dev-certs') as DevCertsModule;

/** Every URL the manifest names, with where it stands: an attribute (element@attribute) or an element's text. */
function manifestUrls(xml: string): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    for (const [name, value] of Object.entries(tag.attributes)) {
      // Namespace declarations name XML schemas, not files the add-in loads.
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (/^[a-z]+:\/\//i.test(String(value).trim())) found.push({ where: `${tag.name}@${name}`, url: String(value).trim() });
    }
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => {
    if (/^\s*[a-z]+:\/\//i.test(text)) found.push({ where: stack[stack.length - 1], url: text.trim() });
  });
  parser.write(xml).close();
  return found;
}

describe('MALKOLL_BASE_URL', () => {
  const base = 'https://addins.example.org/malkoll';
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-excel-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('builds dist/excel whose manifest names the hosted address in every URL, each a file the build wrote', () => {
    // A trailing slash is allowed and dropped. Built into a temporary folder so dist/excel stays the dev build.
    execFileSync(process.execPath, [WEBPACK, '--config', 'webpack.config.js', '--config-name', 'excel', '--output-path', out], {
      cwd: ROOT,
      env: { ...process.env, MALKOLL_BASE_URL: `${base}/` },
      stdio: 'pipe',
    });
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const built = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');

    const sourceUrls = manifestUrls(source);
    const urls = manifestUrls(built);
    expect(urls.length).toBeGreaterThanOrEqual(12);
    // The same places name a URL as in the source manifest: each one was rewritten, none dropped or added.
    expect(urls.map((u) => u.where)).toEqual(sourceUrls.map((u) => u.where));
    for (const { where, url } of urls) {
      if (where === 'AppDomain') {
        expect(url).toBe('https://addins.example.org');
        continue;
      }
      expect(url.startsWith(`${base}/`)).toBe(true);
      const file = url.slice(base.length + 1);
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    // Only the addresses changed: the rest of the manifest is the source's, byte for byte.
    const mask = (xml: string) => xml.replace(/https:\/\/[^"<\s]*/g, 'URL');
    expect(mask(built)).toBe(mask(source));
  });

  it('defaults to the dev server and refuses an address Office would not load', () => {
    expect(baseUrl({})).toBe(DEV_BASE_URL);
    expect(DEV_BASE_URL).toBe('https://localhost:3000');
    expect(baseUrl({ MALKOLL_BASE_URL: ' https://example.org/ ' })).toBe('https://example.org');
    expect(() => baseUrl({ MALKOLL_BASE_URL: 'http://example.org' })).toThrow(/https:\/\//);
    expect(() => baseUrl({ MALKOLL_BASE_URL: 'example.org' })).toThrow(/not a URL/);
    expect(() => baseUrl({ MALKOLL_BASE_URL: 'https://example.org/?v=1' })).toThrow(/query/);
  });
});

describe('dev certificates as root without sudo', () => {
  const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-nosudo-'));
  const made: string[] = [];
  afterAll(() => {
    for (const dir of [emptyBin, ...made]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts a sudo that runs its arguments first on PATH, so office-addin-dev-certs can install its CA', () => {
    const env: Record<string, string | undefined> = { PATH: `${emptyBin}${path.delimiter}/bin${path.delimiter}/usr/bin` };
    const dir = sudoShimForRoot(env, 'linux', 0);
    expect(dir).not.toBeNull();
    made.push(dir!);
    expect(env.PATH!.split(path.delimiter)[0]).toBe(dir);
    // The way office-addin-dev-certs calls it: `sudo sh script args` through a shell.
    const run = spawnSync('/bin/sh', ['-c', 'sudo sh -c \'echo "$0 $1"\' ca.crt second'], { env: { PATH: env.PATH }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('ca.crt second');
  });

  it('changes nothing for other users, other systems, or where sudo exists', () => {
    const withSudo = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-sudo-present-'));
    made.push(withSudo);
    fs.writeFileSync(path.join(withSudo, 'sudo'), '#!/bin/sh\n', { mode: 0o755 });
    for (const [env, platform, uid] of [
      [{ PATH: emptyBin }, 'linux', 1000],
      [{ PATH: emptyBin }, 'darwin', 0],
      [{ PATH: withSudo }, 'linux', 0],
    ] as const) {
      const copy = { ...env };
      expect(sudoShimForRoot(copy, platform, uid)).toBeNull();
      expect(copy).toEqual(env);
    }
  });
});
