// Usage: node .ci/complete-lockfile.mjs [package-lock.json]
//
// Adds lockfile entries for the platform-specific optional packages (macOS, Windows, musl…
// builds of biome, tailwind's oxide, …) that this machine's registry mirror does not serve:
// npm leaves them out of the lock silently, and `npm ci` then refuses the lock ("Missing:
// @biomejs/cli-darwin-x64@ from lock file"). The entries carry os/cpu/libc, so npm skips
// them here without fetching anything; a machine with the full registry installs its own.
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const added = [];
const platformOf = (name) => {
  const tail = name.split('/').pop();
  const m = /(android|darwin|linux|win32|freebsd|openbsd|netbsd|sunos|aix|wasm32)-?([a-z0-9]+)?(?:-(gnu|musl|msvc|gnueabihf|wasi|eabi))?$/.exec(tail);
  if (!m) return null;
  const [, os, cpu, abi] = m;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  const entry = { os: [os] };
  if (cpu) entry.cpu = [cpu === 'arm' || abi === 'gnueabihf' ? 'arm' : cpu];
  if (os === 'linux' && (abi === 'musl' || abi === 'gnu')) entry.libc = [abi === 'musl' ? 'musl' : 'glibc'];
  return entry;
};
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = key === '' ? '' : `${key}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) { console.error(`skip ${dep}@${version} (not a pinned platform package)`); continue; }
    packages[`node_modules/${dep}`] = { version, ...platform, ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${dep}@${version} ${JSON.stringify(platform)}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.join('\n'));
