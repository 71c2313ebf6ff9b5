// HTTPS certificates for `npm run dev-server` from office-addin-dev-certs, made to work as root on Linux where sudo is not installed.
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Whether `command` is an executable file in one of the PATH's folders. */
function onPath(command, envPath) {
  return (envPath || '').split(path.delimiter).some((dir) => {
    if (!dir) return false;
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * office-addin-dev-certs installs its CA on Linux with `sudo sh install_linux.sh …`, which stops with
 * "sudo: not found" when root runs it in a container or minimal system without sudo. Root needs no
 * sudo, so for root on Linux without one this puts a `sudo` that simply runs its arguments first on
 * this process's PATH (never anything system-wide). Returns the folder it added, or null when nothing
 * was needed.
 */
function sudoShimForRoot(env = process.env, platform = process.platform, uid = typeof process.getuid === 'function' ? process.getuid() : -1) {
  if (platform !== 'linux' || uid !== 0 || onPath('sudo', env.PATH)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-sudo-'));
  const shim = path.join(dir, 'sudo');
  fs.writeFileSync(shim, '#!/bin/sh\n# Stand-in for sudo when root runs office-addin-dev-certs: root needs no sudo.\nexec "$@"\n', { mode: 0o755 });
  env.PATH = env.PATH ? `${dir}${path.delimiter}${env.PATH}` : dir;
  return dir;
}

/** The dev server's key, certificate and CA: created and trusted on first use (~/.office-addin-dev-certs). */
async function devHttpsOptions() {
  sudoShimForRoot();
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = { devHttpsOptions, sudoShimForRoot };
