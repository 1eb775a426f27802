#!/usr/bin/env node
// The house rules on imports that Biome cannot express (see docs/architecture.md, "The floors"):
//   a. no import cycles among the files in src/ (type-only imports count too);
//   b. a route file (modules/<area>/<area>.routes.ts) imports no other module's service and no repo;
//   c. a service imports no other module's repo;
//   d. no barrel index.ts inside src/server/modules;
//   e. notifications and audit are sinks: they import no other module;
//   f. the floors (docs/architecture.md, "The floors"): a file imports from its own floor or below,
//      never from above. Lowest first:
//        shared            pure domain rules, machines, money, Zod schemas (imports nothing of ours)
//        server/lib        errors, ids, logger, mailer, queue, storage; config.ts
//        server/db         client, transactions, schema
//        server/audit      the audit writer (the hash chain append, the status history)
//        server/access     actor, scopes, scoped reads, policies, the transition
//        server/modules    the features, and server/http (route files and plugins use each other)
//        top               app.ts, main.ts, cli/, test/, and every *.test.ts of the server
//      src/web imports shared and web only;
//   g. no source file under src/ passes 400 lines (generated files excepted);
//   h. Intl formatters are made in src/shared/format/intl.formatters.ts only (kept, not made per value).
// Run by `npm run lint` after Biome. Prints "imports OK (N files)" or every violation, and exits 1.
// CHECK_IMPORTS_ROOT=<dir> checks another tree (the test of this script uses it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.env.CHECK_IMPORTS_ROOT ? path.resolve(process.env.CHECK_IMPORTS_ROOT) : path.resolve(import.meta.dirname, '..');
const srcDir = path.join(root, 'src');
const modulesDir = path.join(srcDir, 'server', 'modules');
const sinks = new Set(['notifications', 'audit']);

/** Every .ts/.tsx file under dir. */
function listSources(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSources(full));
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** The module specifiers a file imports or re-exports (static, side-effect and dynamic imports). */
function readSpecifiers(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const specifiers = new Set();
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.add(match[1]);
  return [...specifiers];
}

/** Resolves a relative specifier to a file in src/, or null for packages and files outside src/. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate.startsWith(srcDir) ? candidate : null;
  }
  return null;
}

const rel = (file) => path.relative(root, file);

/** For a file in src/server/modules/<area>/, the area; else null. */
function moduleOf(file) {
  const inside = path.relative(modulesDir, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  const parts = inside.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

const files = listSources(srcDir);
const graph = new Map();
const problems = [];

for (const file of files) {
  const targets = new Set();
  for (const specifier of readSpecifiers(file)) {
    const target = resolveSpecifier(file, specifier);
    if (!target) {
      if (specifier.startsWith('.')) problems.push(`${rel(file)}: cannot resolve import '${specifier}'`);
      continue;
    }
    targets.add(target);
  }
  graph.set(file, [...targets]);
}

// d. no barrel index.ts inside modules.
for (const file of files) {
  if (moduleOf(file) !== null && /^index\.tsx?$/.test(path.basename(file)))
    problems.push(`${rel(file)}: no index.ts inside src/server/modules (import the file you need)`);
}

// b, c, e: what routes, services and sinks may import.
for (const [file, targets] of graph) {
  const area = moduleOf(file);
  if (area === null) continue;
  const name = path.basename(file);
  for (const target of targets) {
    const targetArea = moduleOf(target);
    const targetName = path.basename(target);
    const isRepo = targetName.endsWith('.repo.ts');
    const isService = targetName.endsWith('.service.ts');
    if (name.endsWith('.routes.ts')) {
      if (isRepo) problems.push(`${rel(file)}: a route file calls its service, never a repo (imports ${rel(target)})`);
      else if (isService && targetArea !== area)
        problems.push(`${rel(file)}: a route file calls its own module's service only (imports ${rel(target)})`);
    }
    if (name.endsWith('.service.ts') && isRepo && targetArea !== area)
      problems.push(`${rel(file)}: a service may call another module's service, never its repo (imports ${rel(target)})`);
    if (sinks.has(area) && targetArea !== null && targetArea !== area)
      problems.push(`${rel(file)}: ${area} is a sink and calls no other module (imports ${rel(target)})`);
  }
}

// f. floors.
const floors = ['shared', 'server/lib', 'server/db', 'server/audit', 'server/access', 'server/modules', 'top'];

/** The floor of a file in src/ (an index into floors), or 'web' for the web app. */
function floorOf(file) {
  const inside = path.relative(srcDir, file).split(path.sep).join('/');
  if (inside.startsWith('web/')) return 'web';
  if (inside.startsWith('shared/')) return floors.indexOf('shared');
  if (inside.endsWith('.test.ts')) return floors.indexOf('top');
  if (inside === 'server/config.ts' || inside.startsWith('server/lib/')) return floors.indexOf('server/lib');
  for (const folder of ['server/db', 'server/audit', 'server/access', 'server/modules'])
    if (inside.startsWith(`${folder}/`)) return floors.indexOf(folder);
  if (inside.startsWith('server/http/')) return floors.indexOf('server/modules');
  return floors.indexOf('top');
}

for (const [file, targets] of graph) {
  const floor = floorOf(file);
  for (const target of targets) {
    const targetFloor = floorOf(target);
    if (floor === 'web' || targetFloor === 'web') {
      if (floor !== targetFloor && !(floor === 'web' && targetFloor === floors.indexOf('shared')))
        problems.push(`${rel(file)}: the web app and the server share only src/shared (imports ${rel(target)})`);
      continue;
    }
    if (targetFloor > floor)
      problems.push(`${rel(file)}: ${floors[floor]} imports from a floor above it, ${floors[targetFloor]} (imports ${rel(target)})`);
  }
}

// g. no source file passes 400 lines (generated files, which say so in their first lines, excepted);
// h. `new Intl.DateTimeFormat` (NumberFormat, RelativeTimeFormat) only where formatters are kept:
// making one costs ~60-130 µs, formatting with a kept one ~1-2 µs (tests excepted).
const MAX_LINES = 400;
const FORMATTERS_FILE = path.join(srcDir, 'shared', 'format', 'intl.formatters.ts');
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length - 1;
  if (lines > MAX_LINES && !/auto-generated|@generated/.test(text.slice(0, 300)))
    problems.push(`${rel(file)}: ${lines} lines; split it by role (at most ${MAX_LINES})`);
  if (
    file !== FORMATTERS_FILE &&
    !/\.test\.tsx?$/.test(file) &&
    /new\s+Intl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat)\b/.test(text)
  )
    problems.push(`${rel(file)}: makes an Intl formatter; take it from src/shared/format/intl.formatters.ts (made once, kept)`);
}

// a. cycles: Tarjan's strongly connected components, then one concrete cycle per component.
function findComponents() {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (start) => {
    // Iterative, so a deep import chain cannot overflow the call stack.
    const work = [[start, 0]];
    indexOf.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      const edges = graph.get(node) ?? [];
      if (next < edges.length) {
        frame[1]++;
        const target = edges[next];
        if (!indexOf.has(target)) {
          indexOf.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), indexOf.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indexOf.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  };
  for (const file of graph.keys()) if (!indexOf.has(file)) visit(file);
  return components;
}

/** The shortest way from start back to start, staying inside the component. */
function cycleThrough(start, component) {
  const members = new Set(component);
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const chain = [];
        for (let at = node; at !== start; at = previous.get(at)) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

for (const component of findComponents()) {
  const start = [...component].sort()[0];
  const cycle = cycleThrough(start, component);
  const more = component.length > cycle.length - 1 ? ` (one of the cycles among ${component.length} files)` : '';
  problems.push(`import cycle: ${cycle.map(rel).join(' → ')}${more}`);
}

if (problems.length > 0) {
  console.error(`check-imports: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`imports OK (${files.length} files)`);
