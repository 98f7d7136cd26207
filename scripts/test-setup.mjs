// What the test suites need from the system, checked (and installed where possible) before
// `npm test` runs them, so that a newcomer's first `npm test` on a fresh machine passes.
//   node scripts/test-setup.mjs           check; install what is missing when apt-get can (root, or
//                                         password-less sudo); else say exactly what to run, exit 1
//   node scripts/test-setup.mjs --check   only report (exit 1 when something is missing)
// Needs: Chromium for the UI tests (HEARTH_CHROMIUM, else /usr/bin/chromium), Mesa's software
// Vulkan device (lavapipe) for the GPU-path tests, qpdf and the Debian documentation packages
// whose real documents the document tests and the document eval read. npm packages come from `npm install`, not here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const checkOnly = process.argv.includes('--check');

/** One requirement: how to tell it is there, and the Debian package that provides it. */
const requirements = [
  {
    what: 'Chromium (UI tests)',
    debian: 'chromium',
    present: () => existsSync(process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'),
    skip: () => process.env.HEARTH_CHROMIUM !== undefined && existsSync(process.env.HEARTH_CHROMIUM),
  },
  {
    what: "Mesa's software Vulkan device (GPU-path tests)",
    debian: 'mesa-vulkan-drivers',
    present: () => debianPackageInstalled('mesa-vulkan-drivers') || lavapipeIcdPresent(),
    linuxOnly: true,
  },
  { what: 'qpdf (encrypted-PDF tests)', debian: 'qpdf', present: () => onPath('qpdf') },
  {
    what: 'the Debian Reference PDF (document tests)',
    debian: 'debian-reference-en',
    present: () => existsSync('/usr/share/debian-reference/debian-reference.en.pdf'),
  },
  {
    what: 'the Filesystem Hierarchy Standard and the Debian Policy Manual (document tests, document eval)',
    debian: 'debian-policy',
    present: () =>
      [
        'fhs/fhs-3.0.html',
        'fhs/fhs-3.0.pdf.gz',
        'policy.pdf.gz',
        'autopkgtest.txt.gz',
        'perl-policy.txt.gz',
        'debconf_specification.txt.gz',
      ].every((file) => existsSync(`/usr/share/doc/debian-policy/${file}`)),
  },
  {
    what: "Python's tutorial and library reference in HTML (document eval)",
    debian: 'python3-doc',
    present: () => existsSync('/usr/share/doc/python3-doc/html/tutorial/errors.html'),
  },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function lavapipeIcdPresent() {
  return ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d'].some(
    (dir) => existsSync(`${dir}/lvp_icd.x86_64.json`) || existsSync(`${dir}/lvp_icd.aarch64.json`),
  );
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

if (process.env.HEARTH_CHROMIUM !== undefined && !existsSync(process.env.HEARTH_CHROMIUM)) {
  console.error(`test-setup: HEARTH_CHROMIUM points at ${process.env.HEARTH_CHROMIUM}, which does not exist.`);
  process.exit(1);
}

const missing = requirements.filter(
  (r) => !(r.linuxOnly && process.platform !== 'linux') && !r.skip?.() && !r.present(),
);
if (missing.length === 0) {
  console.log('test-setup: everything the tests need is installed');
  process.exit(0);
}

const packages = missing.map((r) => r.debian);
console.log(`test-setup: missing ${missing.map((r) => `${r.what} [${r.debian}]`).join('; ')}`);
const installCommand = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;

function explainAndExit() {
  const debianLike = onPath('apt-get');
  console.error(
    debianLike
      ? `test-setup: cannot install them as this user. Run:\n  sudo sh -c '${installCommand}'\nthen run the tests again.`
      : `test-setup: this is not a Debian-like system; install the equivalents of: ${packages.join(', ')}.\n` +
          'Chromium may be anywhere: point HEARTH_CHROMIUM at its executable.',
  );
  process.exit(1);
}

if (checkOnly || process.platform !== 'linux' || !onPath('apt-get')) explainAndExit();

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : onPath('sudo') && run('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null;
if (sudo === null) explainAndExit();

const apt = (args) => (sudo.length > 0 ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args));
console.log(`test-setup: installing ${packages.join(' ')} with apt-get…`);
if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', ...packages])) {
  console.error(`test-setup: apt-get failed. Run by hand:\n  sudo sh -c '${installCommand}'`);
  process.exit(1);
}
const stillMissing = missing.filter((r) => !r.present());
if (stillMissing.length > 0) {
  console.error(`test-setup: still missing after apt-get: ${stillMissing.map((r) => r.what).join('; ')}`);
  process.exit(1);
}
console.log('test-setup: installed');
