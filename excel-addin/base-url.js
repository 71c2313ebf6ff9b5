// Build-time address of the hosted Excel add-in: reads MALKOLL_BASE_URL and writes it into the manifest wherever it names a URL.

/** The address the repository's manifest.xml names, and the build's default (the dev server). */
const DEV_BASE_URL = 'https://localhost:3000';

/**
 * The public HTTPS address the built files will be served from, without a trailing slash:
 * MALKOLL_BASE_URL when set (it may include a path, e.g. https://example.org/malkoll), else the dev
 * server's. Office loads add-ins only over HTTPS, so anything else stops the build with one clear line.
 */
function baseUrl(env = process.env) {
  const raw = (env.MALKOLL_BASE_URL || '').trim();
  if (!raw) return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MALKOLL_BASE_URL "${raw}" is not a URL; expected e.g. https://addins.example.org/malkoll`);
  }
  if (url.protocol !== 'https:') throw new Error(`MALKOLL_BASE_URL "${raw}" must start with https:// (Office loads add-ins only over HTTPS)`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`MALKOLL_BASE_URL "${raw}" must be a plain address without query, fragment or credentials`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * manifest.xml with every URL under the dev address moved to `base`. <AppDomain> names a domain, so it
 * gets only the base's origin; every other occurrence (icons, support page, task pane, functions
 * script and metadata) keeps its path below the base. Throws if the manifest names the dev address in
 * a form this does not rewrite, so no localhost URL survives a deployment build.
 */
function withBaseUrl(xml, base) {
  const origin = new URL(base).origin;
  const out = xml
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, (_, open, close) => `${open}${origin}${close}`)
    .replace(/https:\/\/localhost:3000(?=[/"<])/g, base);
  if (base !== DEV_BASE_URL && out.includes('localhost:3000')) throw new Error('manifest.xml names localhost:3000 in a form the build cannot rewrite');
  return out;
}

module.exports = { DEV_BASE_URL, baseUrl, withBaseUrl };
