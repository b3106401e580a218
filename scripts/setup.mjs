#!/usr/bin/env node
// Brings in what `npm run demo`, `npm test` and `npm run bench` need, so each works as
// the first command on a fresh machine. Plain Node, no dependencies: it runs before any
// are installed.
//
//   1. Node version check.
//   2. `npm ci` (exactly the lockfile, which it never rewrites) when node_modules is missing
//      or was installed from another package-lock.json.
//   3. better-sqlite3 (the SQLite store) must load: where its prebuilt binary cannot be
//      downloaded, `npm rebuild better-sqlite3` compiles SQLite from source (about 80 s).
//   4. canvas (under chartjs-node-canvas) must load. Where its prebuilt binary cannot be
//      downloaded it builds from source, which needs the Cairo/Pango development
//      packages: installed with apt-get when they are missing and apt-get is usable,
//      otherwise one line says what to install.
//   5. With --for test: Chromium for the browser check of the dry-run page (apt).
//   6. The compiled CLI in dist/ (scripts/build-cli.mjs), rebuilt only when a source
//      changed; without it `teamhealth` still runs, from the TypeScript sources.
//
// Idempotent and quiet when there is nothing to do.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTest = process.argv.includes('--for') && process.argv.includes('test');
const stampPath = join(root, 'node_modules', '.teamhealth-setup.json');

const CAIRO_PACKAGES = [
  'build-essential',
  'pkg-config',
  'libcairo2-dev',
  'libpango1.0-dev',
  'libjpeg-dev',
  'libgif-dev',
  'librsvg2-dev',
  'fonts-dejavu-core',
];
const SQLITE_BUILD_PACKAGES = ['build-essential', 'python3'];
const BROWSER_PACKAGES = ['chromium'];

function say(message) {
  process.stderr.write(`teamhealth setup: ${message}\n`);
}

function fail(message) {
  say(message);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function quiet(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: teamhealth needs Node 20.19 or newer.`);
  }
}

function lockHash() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  return createHash('sha256').update(lock).update(process.versions.node).digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return null;
  }
}

function canvasLoads() {
  return quiet(process.execPath, [
    '-e',
    "require('canvas').createCanvas(2,2).toBuffer('image/png')",
  ]).ok;
}

function aptUsable() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!quiet('sh', ['-c', 'command -v apt-get']).ok) return null;
  if (isRoot) return [];
  if (quiet('sudo', ['-n', 'true']).ok) return ['sudo', '-n'];
  return null;
}

function missingDebianPackages(packages) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const result = quiet('dpkg-query', ['-W', '-f', '${Package} ${Status}\\n', ...packages]);
  const installed = new Set(
    result.out
      .split('\n')
      .filter((line) => line.includes('install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return packages.filter((name) => !installed.has(name));
}

function aptInstall(packages, why) {
  const missing = missingDebianPackages(packages);
  if (missing.length === 0) return true;
  const prefix = aptUsable();
  if (prefix === null) return false;
  say(`${why}: installing ${missing.join(' ')} with apt-get (once).`);
  const [cmd, ...pre] = prefix.length ? prefix : ['env'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    !run(cmd, [...pre, 'apt-get', 'update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  ) {
    return false;
  }
  return run(
    cmd,
    [...pre, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function npm(args) {
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args);
}

function installDependencies() {
  const stamp = readStamp();
  const hash = lockHash();
  if (stamp?.hash === hash && existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  say('installing dependencies (npm ci, exactly the lockfile); once per lockfile change.');
  // Install scripts run separately below so a native build failure can be mended.
  if (!npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'])) {
    fail('npm ci failed; see the messages above.');
  }
  npm(['rebuild', 'esbuild', '--loglevel=error']);
  // better-sqlite3 is made sure of below, on every run, this one included.
  ensureCanvas({ rebuild: true });
  writeFileSync(stampPath, JSON.stringify({ hash, at: new Date().toISOString() }));
}

/**
 * Makes sure the native package `name` loads: `npm rebuild` (a prebuilt binary, or a
 * build), else its build packages from apt (`why` says why they are needed) and a build
 * from source. Exits when it cannot; `names` follows the package list in that message.
 */
function ensureNative({ name, loads, packages, why, names, building }) {
  if (npm(['rebuild', name, '--loglevel=error']) && loads()) return;
  if (!aptInstall(packages, why)) {
    fail(
      `${name} has no prebuilt binary here and cannot be built: install ${packages.join(' ')} ` +
        `${names}, then run this again.`,
    );
  }
  if (building) say(building);
  if (!npm(['rebuild', name, '--loglevel=error']) || !loads()) {
    fail(`${name} failed to build from source; see the compiler messages above.`);
  }
}

function ensureCanvas({ rebuild }) {
  if (!rebuild && canvasLoads()) return;
  say('preparing canvas (chart rendering): prebuilt binary, or a build from source.');
  ensureNative({
    name: 'canvas',
    loads: canvasLoads,
    packages: CAIRO_PACKAGES,
    why: 'canvas must build from source, which needs Cairo and Pango',
    names: '(Debian/Ubuntu names; see https://github.com/Automattic/node-canvas#compiling)',
    building: 'building canvas from source (about a minute)…',
  });
}

function sqliteLoads() {
  return quiet(process.execPath, [
    '-e',
    "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()",
  ]).ok;
}

function ensureSqlite() {
  if (sqliteLoads()) return;
  say(
    'preparing better-sqlite3 (the SQLite store): prebuilt binary, or SQLite compiled from source (about 80 s, once).',
  );
  ensureNative({
    name: 'better-sqlite3',
    loads: sqliteLoads,
    packages: SQLITE_BUILD_PACKAGES,
    why: 'better-sqlite3 must build from source, which needs a C++ compiler and Python',
    names: '(Debian/Ubuntu names)',
  });
}

function ensureBrowser() {
  if (existsSync('/usr/bin/chromium') || existsSync('/usr/bin/chromium-browser')) return;
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return;
  if (!aptInstall(BROWSER_PACKAGES, 'the dry-run page is checked in a real browser')) {
    say(
      'Chromium is not installed and apt-get is not usable: the browser check of the dry-run page will be skipped. Set CHROMIUM_PATH to run it.',
    );
  }
}

async function buildCliOrSay() {
  try {
    const result = await buildCli(root);
    if (!result.built && result.why) say(`the compiled CLI was not built: ${result.why}.`);
  } catch (error) {
    // The command falls back to the sources, which will show the same compile error.
    say(`the compiled CLI could not be built (teamhealth runs from source): ${error.message}`);
  }
}

checkNode();
installDependencies();
ensureSqlite();
ensureCanvas({ rebuild: false });
if (forTest) ensureBrowser();
await buildCliOrSay();
