#!/usr/bin/env node
// Browser check harness for the static site written by helhed.
//
// Usage: node check.mjs <site-dir> <screenshot-dir>
//
// For every *.html file under <site-dir> this
//   * serves the site from a throwaway HTTP server on 127.0.0.1,
//   * loads each page in headless Chromium at 375 px and 1280 px (plus 375 px
//     in dark mode), blocking and reporting any request that leaves the local
//     server, console errors, uncaught exceptions, failed requests and HTTP
//     errors, and runs axe-core (serious and critical violations only),
//   * writes a full-page screenshot of each of those views,
//   * opens each page once more from a file:// URL (the site must also work
//     when opened straight from disk),
//   * validates the HTML (and CSS) with the Nu HTML checker (vnu.jar).
//
// Exit codes: 0 = no problems, 1 = problems found, 2 = the harness itself could
// not run (bad arguments, `npm ci` not done, Chromium or Java cannot be started).
//
// Environment:
//   CHROMIUM               Chromium binary (default /usr/bin/chromium)
//   JAVA                   Java binary (default: `java` from PATH)
//   BROWSERCHECK_JOBS      pages checked in parallel (default 2)
//   BROWSERCHECK_SKIP_CSS  set to 1 to skip the vnu CSS check
//   BROWSERCHECK_EXPECT    a JSON file of table cells the pages must show:
//                          [{"page", "table" (caption starts with), "row",
//                          "year", "text"}]

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Viewports checked over HTTP. Each gets a screenshot and an axe run. */
const VARIANTS = [
  { name: '320', width: 320, height: 700, colorScheme: 'light' },
  { name: '375', width: 375, height: 800, colorScheme: 'light' },
  { name: '1280', width: 1280, height: 800, colorScheme: 'light' },
  { name: '375-dark', width: 375, height: 800, colorScheme: 'dark' },
];

/** Flags for a locked-down, offline, headless Chromium. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** axe-core tags to run, and the impacts that count as a problem. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const AXE_FAILING_IMPACTS = new Set(['serious', 'critical']);
const AXE_MAX_TARGETS = 3;

/** Per-navigation timeout; a static page should never come close. */
const PAGE_TIMEOUT_MS = 15_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Raised for failures of the harness itself (exit code 2). */
class SetupError extends Error {}

/**
 * The npm dependencies, loaded lazily so that a missing `npm ci` gives exit 2
 * and a clear message instead of an import crash (exit 1, like "problems").
 */
async function loadDependencies() {
  try {
    const { chromium } = await import('playwright-core');
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    // vnu-jar's main export is the absolute path of vnu.jar (a String object).
    const vnuJar = String(require('vnu-jar'));
    return { chromium, axeSource, vnuJar };
  } catch (err) {
    throw new SetupError(
      `npm dependencies missing (${String(err.message).split('\n')[0]}); run \`npm ci --no-audit --no-fund\` in ${HERE}`,
    );
  }
}

// ---------------------------------------------------------------------------
// Problem collection
// ---------------------------------------------------------------------------

/**
 * Collects problems keyed by page and message, so that the same problem seen
 * in several views ("375", "1280", "375-dark", "file://") is reported once,
 * tagged with every view it occurred in.
 */
class Problems {
  #byKey = new Map();

  add(page, message, view = '') {
    const key = `${page}\u0000${message}`;
    let entry = this.#byKey.get(key);
    if (!entry) {
      entry = { page, message, views: new Set() };
      this.#byKey.set(key, entry);
    }
    if (view) entry.views.add(view);
  }

  /** Problems sorted by page, then message (plain code-unit order: stable across locales). */
  list() {
    const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    return [...this.#byKey.values()].sort((a, b) => cmp(a.page, b.page) || cmp(a.message, b.message));
  }
}

// ---------------------------------------------------------------------------
// Files and the static server
// ---------------------------------------------------------------------------

/** All files under `dir` whose name ends in `ext`, as sorted POSIX-style relative paths. */
async function findFiles(dir, ext) {
  const found = [];
  async function walk(sub) {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile() && entry.name.endsWith(ext)) found.push(rel);
    }
  }
  await walk('');
  return found.sort();
}

/**
 * Serves `root` on 127.0.0.1 with an OS-assigned port. Only GET and HEAD;
 * unknown paths give 404, directories serve their index.html.
 * Resolves to { server, origin }.
 */
async function startServer(root) {
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return send(400, 'bad request\n');
      }
      let file = path.resolve(root, `.${pathname}`);
      // Refuse anything that escapes the site directory (or contains NUL).
      if ((file !== root && !file.startsWith(root + path.sep)) || file.includes('\0')) {
        return send(404, 'not found\n');
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          // Redirect so that relative links inside the index resolve correctly.
          res.writeHead(301, { Location: `${pathname}/`, 'Cache-Control': 'no-store' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(404, 'not found\n');
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, await readFile(file), type);
    } catch (err) {
      send(500, `${err}\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// ---------------------------------------------------------------------------
// Browser checks
// ---------------------------------------------------------------------------

async function launchBrowser(chromium) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (err) {
    throw new SetupError(
      `cannot start Chromium (${executablePath}): ${String(err.message).split('\n')[0]}\n` +
        'Install it with `apt-get install -y chromium` or point CHROMIUM at a Chromium binary.',
    );
  }
}

/**
 * Attaches listeners to `page` that turn network and script trouble into
 * problems for `rel`. `state.view` names the view being loaded (it changes as
 * the same page is reused for several views). `isAllowed(url)` decides which
 * requests may proceed; every other request is aborted and reported with
 * `leaveMessage`. `shorten(url)` turns a site URL into a stable, short form
 * for messages (the server's port changes from run to run).
 * Every request is recorded in `ctx.requests`.
 */
async function watchPage(page, ctx, { rel, state, isAllowed, leaveMessage, shorten }) {
  const { problems } = ctx;
  const blocked = new Set(); // URLs we aborted ourselves
  const badUrls = new Set(); // URLs already reported as failed / HTTP error

  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowed(url)) return route.continue();
    blocked.add(url);
    problems.add(rel, `${leaveMessage}: ${url}`, state.view);
    return route.abort('blockedbyclient');
  });

  page.on('request', () => {
    ctx.requests += 1;
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (blocked.has(url)) return; // already reported as leaving localhost
    badUrls.add(url);
    const why = request.failure()?.errorText ?? 'unknown';
    problems.add(rel, `request failed (${why}): ${shorten(url)}`, state.view);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      badUrls.add(response.url());
      problems.add(rel, `HTTP ${response.status()}: ${shorten(response.url())}`, state.view);
    }
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium echoes every failed resource load as a console error; those are
    // already reported above, so only keep console errors with another cause.
    const where = msg.location()?.url ?? '';
    if (/^Failed to load resource/.test(msg.text()) && (blocked.has(where) || badUrls.has(where))) {
      return;
    }
    problems.add(rel, `console error: ${msg.text()}`, state.view);
  });
  page.on('pageerror', (err) => {
    problems.add(rel, `uncaught exception: ${String(err.message).split('\n')[0]}`, state.view);
  });
}

/** Injects axe-core into `page`, runs it and reports serious/critical violations. */
async function runAxe(page, axeSource, { rel, view, problems }) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.flat().join(' ')),
    }));
  }, AXE_TAGS);
  for (const v of violations) {
    if (!AXE_FAILING_IMPACTS.has(v.impact)) continue;
    const shown = v.targets.slice(0, AXE_MAX_TARGETS).join(', ');
    const more = v.targets.length > AXE_MAX_TARGETS ? ` (+${v.targets.length - AXE_MAX_TARGETS} more)` : '';
    problems.add(rel, `axe ${v.impact} ${v.id}: ${v.help} [${shown}${more}]`, view);
  }
}

/** Screenshot file name: "sub/page.html" at "375-dark" -> "sub-page-375-dark.png". */
/** The smallest chart text a reader must read, in CSS px. */
const MIN_CHART_TEXT_PX = 12;

/**
 * What a reader meets on a phone and a desktop, measured in the browser:
 * example figures are marked and announced at the top of the page; an
 * activity's points are a list; chart text is at least MIN_CHART_TEXT_PX;
 * legend entries never overlap; a table shows its newest year and its
 * first column without scrolling; a number never parts from its unit.
 */
async function checkReading(page, { rel, view, problems }) {
  const found = await page.evaluate((minText) => {
    const out = [];
    const box = (el) => el.getBoundingClientRect();
    const shown = (el) => {
      const r = box(el);
      return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none';
    };
    // Example figures: each mark has a text alternative, and a page with
    // any says so at its top.
    const marks = [...document.querySelectorAll('.eks')];
    for (const m of marks) {
      const alt = m.nextElementSibling;
      if (m.getAttribute('aria-hidden') !== 'true' || !alt?.classList.contains('sr') || !/eksempeltal/.test(alt.textContent)) {
        out.push('an example mark (*) has no text alternative');
        break;
      }
    }
    const notice = document.querySelector('main > .advarsel[role="note"]');
    if (marks.length && !notice) out.push('example figures but no notice at the top of the page');
    if (notice && box(notice).top + window.scrollY > 600) out.push('the example notice is not at the top of the page');
    // An activity's description that leads into its points has them as a list.
    for (const d of document.querySelectorAll('.aktivitet .beskrivelse')) {
      const last = d.querySelector(':scope > p:last-of-type');
      if (last && /(:|\bat)$/.test(last.textContent.trim()) && last.nextElementSibling?.tagName !== 'UL') {
        out.push(`activity text ends in the air: "…${last.textContent.trim().slice(-40)}"`);
      }
    }
    // Chart text, as rendered.
    for (const svg of document.querySelectorAll('svg.graf')) {
      if (!shown(svg)) continue;
      const scale = svg.getScreenCTM().a;
      for (const t of svg.querySelectorAll('text')) {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minText) {
          out.push(`chart text "${t.textContent}" is ${px.toFixed(1)} px (at least ${minText})`);
          break;
        }
      }
    }
    for (const l of document.querySelectorAll('.forklaring')) {
      if (!shown(l)) continue;
      const px = parseFloat(getComputedStyle(l).fontSize);
      if (px < minText) out.push(`legend text is ${px} px`);
      const items = [...l.children].map(box);
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [a, b] = [items[i], items[j]];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
            out.push(`legend entries overlap: "${l.children[i].textContent}" and "${l.children[j].textContent}"`);
          }
        }
      }
    }
    // Tables: the newest year and the first column in view without scrolling.
    for (const t of document.querySelectorAll('.tabel')) {
      const c = box(t);
      const heads = t.querySelectorAll('thead th');
      const [first, last] = [heads[0], heads[heads.length - 1]];
      if (!first) continue;
      const inside = (el) => box(el).left >= c.left - 1 && box(el).right <= c.right + 1;
      if (!inside(last)) out.push(`table "${t.querySelector('caption')?.textContent}": the newest year ${last.textContent} is off-screen`);
      if (!inside(first)) out.push(`table "${t.querySelector('caption')?.textContent}": the first column is off-screen`);
    }
    // A number and its unit stay on one line.
    for (const n of document.querySelectorAll('.tal')) {
      const tops = new Set();
      for (const node of n.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) tops.add(Math.round(r.top));
      }
      if (tops.size > 1) out.push(`"${n.textContent}" breaks across lines`);
    }
    return out;
  }, MIN_CHART_TEXT_PX);
  for (const message of new Set(found)) problems.add(rel, message, view);
}

/** The table cells BROWSERCHECK_EXPECT names show what it says. */
async function checkExpected(page, ctx, rel) {
  for (const e of ctx.expect.filter((e) => e.page === rel)) {
    const text = await page.evaluate(({ table, row, year }) => {
      const t = [...document.querySelectorAll('table')].find((t) =>
        t.querySelector('caption')?.textContent.startsWith(table),
      );
      if (!t) return null;
      const col = [...t.querySelectorAll('thead th')].findIndex((th) => th.textContent.trim() === year);
      const tr = [...t.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent.trim() === row);
      if (col < 0 || !tr) return null;
      const cell = tr.children[col];
      // The cell as a reader sees it, without the screen-reader text.
      const clone = cell.cloneNode(true);
      clone.querySelectorAll('.sr').forEach((s) => s.remove());
      return clone.textContent.trim();
    }, e);
    if (text !== e.text) {
      ctx.problems.add(rel, `table "${e.table}", ${e.row} ${e.year}: shows ${JSON.stringify(text)}, expected ${JSON.stringify(e.text)}`);
    }
  }
}

function screenshotName(rel, variant) {
  return `${rel.replace(/\.html$/, '').replaceAll('/', '-')}-${variant}.png`;
}

/**
 * Loads one page over HTTP in every variant (one tab, re-navigated for each
 * variant after changing viewport and colour scheme; a fresh page per
 * variant costs ~0.2 s more each): listeners, axe, screenshot.
 */
async function checkOverHttp(browser, ctx, rel) {
  const { origin, problems, axeSource, shotDir } = ctx;
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const state = { view: '' };
    await watchPage(page, ctx, {
      rel,
      state,
      isAllowed: (url) =>
        url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('about:'),
      leaveMessage: 'request leaves localhost',
      shorten: (url) => (url.startsWith(`${origin}/`) ? url.slice(origin.length) : url),
    });
    const url = `${origin}/${rel.split('/').map(encodeURIComponent).join('/')}`;
    for (const variant of VARIANTS) {
      const view = (state.view = variant.name);
      await page.setViewportSize({ width: variant.width, height: variant.height });
      await page.emulateMedia({ colorScheme: variant.colorScheme });
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (err) {
        problems.add(rel, `page did not load: ${String(err.message).split('\n')[0]}`, view);
        continue;
      }
      try {
        await runAxe(page, axeSource, { rel, view, problems });
        await checkReading(page, { rel, view, problems });
        if (view === '375') await checkExpected(page, ctx, rel);
        await page.screenshot({
          path: path.join(shotDir, screenshotName(rel, variant.name)),
          fullPage: true,
          animations: 'disabled',
        });
        ctx.screenshots += 1;
      } catch (err) {
        // E.g. the page navigated away on its own while axe was running.
        problems.add(rel, `check failed: ${String(err.message).split('\n')[0]}`, view);
      }
    }
  } finally {
    await context.close();
  }
}

/** Opens one page from a file:// URL and reports failed requests and errors. */
async function checkFromFile(browser, ctx, rel) {
  const { siteDir, problems } = ctx;
  const siteUrl = pathToFileURL(siteDir + path.sep).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const view = 'file://';
    await watchPage(page, ctx, {
      rel,
      state: { view },
      isAllowed: (url) => url.startsWith(siteUrl) || url.startsWith('data:') || url.startsWith('about:'),
      leaveMessage: 'request leaves the site directory',
      shorten: (url) => (url.startsWith(siteUrl) ? `/${url.slice(siteUrl.length)}` : url),
    });
    try {
      await page.goto(pathToFileURL(path.join(siteDir, rel)).href, { waitUntil: 'load' });
    } catch (err) {
      problems.add(rel, `page did not load: ${String(err.message).split('\n')[0]}`, view);
    }
  } finally {
    await context.close();
  }
}

/** Runs `worker` over `items` with at most `limit` in flight. */
async function pool(items, limit, worker) {
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const item = items[next++];
      await worker(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

// ---------------------------------------------------------------------------
// Nu HTML checker
// ---------------------------------------------------------------------------

/**
 * Runs vnu on the HTML files (and CSS files unless skipped). Resolves when
 * done; adds one problem per error. Throws SetupError if Java cannot run vnu.
 */
async function runVnu(vnuJar, siteDir, htmlFiles, cssFiles, problems, signal) {
  const java = process.env.JAVA || 'java';
  const checkCss = cssFiles.length > 0 && process.env.BROWSERCHECK_SKIP_CSS !== '1';
  const args = [
    '-jar', vnuJar,
    '--errors-only', '--format', 'json', '--stdout', '--exit-zero-always',
    ...(checkCss ? ['--also-check-css'] : []),
    ...htmlFiles.map((f) => path.join(siteDir, f)),
    ...(checkCss ? cssFiles.map((f) => path.join(siteDir, f)) : []),
  ];
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(
        e.name === 'AbortError'
          ? e
          : new SetupError(`cannot start Java (${java}): ${e.message}\nInstall a JRE >= 11 or set JAVA.`),
      ),
    );
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  // With --exit-zero-always any non-zero exit means vnu itself failed.
  if (code !== 0 || !report) {
    throw new SetupError(
      `the Nu HTML checker did not run (exit ${code}): ${(stderr || stdout).trim().split('\n').slice(0, 3).join(' | ')}`,
    );
  }
  for (const m of report.messages ?? []) {
    let rel = '(vnu)';
    if (m.url) {
      try {
        rel = path.relative(siteDir, fileURLToPath(m.url)).split(path.sep).join('/');
      } catch {
        rel = m.url;
      }
    }
    const line = m.lastLine ?? m.firstLine;
    const where = line ? `line ${line}: ` : '';
    const kind = m.type === 'error' ? 'html error' : m.type; // e.g. "non-document-error"
    const label = rel.endsWith('.css') ? 'css error' : kind;
    problems.add(rel, `${label}: ${where}${m.message}`);
  }
  return { checkedCss: checkCss };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main(argv) {
  if (argv.length !== 2) {
    throw new SetupError('usage: node check.mjs <site-dir> <screenshot-dir>');
  }
  const started = performance.now();
  const siteDir = path.resolve(argv[0]);
  const shotDir = path.resolve(argv[1]);
  if (!(await stat(siteDir).catch(() => null))?.isDirectory()) {
    throw new SetupError(`site directory not found: ${siteDir}`);
  }
  await mkdir(shotDir, { recursive: true });

  const { chromium, axeSource, vnuJar } = await loadDependencies();
  const problems = new Problems();
  const htmlFiles = await findFiles(siteDir, '.html');
  const cssFiles = await findFiles(siteDir, '.css');
  if (htmlFiles.length === 0) {
    problems.add('(site)', `no .html files found under ${siteDir}`);
  }

  // vnu (a JVM) runs alongside the browser checks; it is the slowest part.
  // If the browser part fails, `stopVnu` kills the JVM so that we exit at once.
  const stopVnu = new AbortController();
  const vnu = htmlFiles.length
    ? runVnu(vnuJar, siteDir, htmlFiles, cssFiles, problems, stopVnu.signal)
    : Promise.resolve({});
  vnu.catch(() => {}); // awaited below; avoid an unhandled-rejection crash meanwhile

  const { server, origin } = await startServer(siteDir);
  const expect = process.env.BROWSERCHECK_EXPECT
    ? JSON.parse(await readFile(process.env.BROWSERCHECK_EXPECT, 'utf8'))
    : [];
  const ctx = { siteDir, shotDir, origin, problems, axeSource, screenshots: 0, requests: 0, expect };
  let browser;
  try {
    browser = await launchBrowser(chromium);
    const jobs = Math.max(1, Number(process.env.BROWSERCHECK_JOBS) || 2);
    await pool(htmlFiles, jobs, async (rel) => {
      await checkOverHttp(browser, ctx, rel);
      await checkFromFile(browser, ctx, rel);
    });
  } catch (err) {
    stopVnu.abort();
    throw err;
  } finally {
    await browser?.close();
    server.close();
  }
  const { checkedCss } = await vnu;

  // Report.
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`browsercheck: ${siteDir}`);
  console.log(`pages checked: ${htmlFiles.length}${htmlFiles.length ? ` (${htmlFiles.join(', ')})` : ''}`);
  console.log(`views per page: ${VARIANTS.map((v) => v.name).join(', ')}, file:// (${ctx.requests} requests seen)`);
  console.log(`screenshots written: ${ctx.screenshots} to ${shotDir}`);
  console.log(
    `html validated: ${htmlFiles.length} file(s); css validated: ${checkedCss ? `${cssFiles.length} file(s)` : 'skipped'}`,
  );
  const list = problems.list();
  const order = [...VARIANTS.map((v) => v.name), 'file://'];
  for (const p of list) {
    const sorted = [...p.views].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const views = sorted.length ? ` [${sorted.join(', ')}]` : '';
    console.log(`PROBLEM ${p.page}${views}: ${p.message}`);
  }
  console.log(list.length ? `FAIL: ${list.length} problem(s) in ${secs}s` : `OK: no problems in ${secs}s`);
  return list.length ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof SetupError) {
    console.error(`browsercheck: ${err.message}`);
    process.exitCode = 2;
  } else {
    console.error(`browsercheck: internal error: ${err?.stack ?? err}`);
    process.exitCode = 2;
  }
}
