/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const phaserSrc = path.join(root, 'node_modules/phaser/src');
const phaserCustom = path.join(root, 'src/ui/phaser-custom.js');

/**
 * Phaser's sources test compile-time flags as `if (typeof FLAG)`, which its webpack build
 * replaces with true or false (node_modules/phaser/config/webpack.dist.config.js). Left alone,
 * `typeof FLAG` is always a truthy string, so every optional part (and a debugging tool that is
 * not installed) would be pulled in. This plugin does what webpack's DefinePlugin does, on
 * Phaser's sources only.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true, // the fallback where WebGL is blocked (old school machines, some VMs)
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false, // audio is Howler's
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
  EXPERIMENTAL: false,
};
const FLAG_RE = new RegExp(`typeof\\s+(${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');

function phaserFlags(): Plugin {
  return {
    name: 'phaser-flags',
    enforce: 'pre',
    transform: {
      filter: { id: /node_modules[\\/]phaser[\\/]src[\\/].*\.js$/ },
      handler(code) {
        if (!code.includes('typeof')) return null;
        const out = code.replace(FLAG_RE, (_m, flag: string) => String(PHASER_FLAGS[flag]));
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}

/**
 * Scenario files in the browser carry no classroom roles, which hold every role's secret aims:
 * `scenarios/NNNN.json` gives the scenario without `roles`, and `scenarios/NNNN.json?roles` the roles
 * alone, in a chunk of their own loaded only where one shared screen needs them (src/app/scenarios.ts).
 * A networked student gets only their own role's aims, in their seat view from the server.
 */
function scenarioRoles(): Plugin {
  return {
    name: 'scenario-roles',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]scenarios[\\/]\d+\.json(\?roles)?$/ },
      handler(code, id) {
        const { roles, ...rest } = JSON.parse(code) as Record<string, unknown>;
        // The plain file stays JSON for Vite's JSON plugin; that plugin passes a query by, so the roles are made a module here.
        return { code: id.endsWith('?roles') ? `export default JSON.parse(${JSON.stringify(JSON.stringify(roles ?? []))});` : JSON.stringify(rest), map: null };
      },
    },
  };
}

/** Namespaces to check, with the index file that lists the full build's members. */
const PHASER_NAMESPACES: Record<string, string> = {
  '': 'phaser-esm.js',
  Cameras: 'cameras/index.js',
  Display: 'display/index.js',
  GameObjects: 'gameobjects/index.js',
  Geom: 'geom/index.js',
  Input: 'input/index.js',
  Loader: 'loader/index.js',
};

/** Keys of the custom build's Phaser object, by namespace ('' is the top level), from its source. */
function customPhaserKeys(source: string): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>([['', new Set()]]);
  const body = source.slice(source.indexOf('const Phaser = '));
  const stack: string[] = [];
  for (const line of body.split('\n')) {
    const m = /^( +)(\w+)(?::|,|$)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4 - 1;
    stack.length = depth;
    const ns = stack.join('.');
    if (!keys.has(ns)) keys.set(ns, new Set());
    keys.get(ns)!.add(m[2]!);
    if (/[{(]\s*$/.test(line)) stack[depth] = m[2]!;
  }
  return keys;
}

/**
 * The custom build leaves parts of Phaser out, which TypeScript cannot see (types come from the
 * full package, and the dev server runs the full package). This fails the production build when
 * app code uses a part that is left out, naming the file and line, instead of letting it be
 * `undefined` at run time: `scene.add.x(` / `scene.make.x(` whose factory is not in the bundle, or
 * `Phaser.X` / `Phaser.GameObjects.X` (and Cameras, Display, Geom, Input, Loader) not exposed by
 * src/ui/phaser-custom.js.
 */
function phaserCustomGuard(): Plugin {
  const custom = customPhaserKeys(readFileSync(phaserCustom, 'utf8'));
  const missingMembers = new Map<string, Set<string>>();
  for (const [ns, file] of Object.entries(PHASER_NAMESPACES)) {
    const full = readFileSync(path.join(phaserSrc, file), 'utf8');
    const names = [...full.matchAll(/^\s*(?:export const (\w+) =|(\w+): require\(|\w+\.(\w+) = require\()/gm)].map(m => m[1] ?? m[2] ?? m[3]!);
    const have = custom.get(ns) ?? new Set();
    missingMembers.set(ns, new Set(names.filter(n => !have.has(n) && !/^[A-Z0-9_]+$/.test(n))));
  }
  const uses: { kind: 'add' | 'make'; name: string; where: string }[] = [];
  // file:line in the source as written (the code seen here has had its types stripped).
  const where = (id: string, code: string, index: number, snippet: string) => {
    const file = id.replace(/\?.*$/, '');
    const original = readFileSync(file, 'utf8').split('\n');
    const line = original.findIndex(l => l.includes(snippet));
    return `${path.relative(root, file)}:${line >= 0 ? line + 1 : code.slice(0, index).split('\n').length}`;
  };
  return {
    name: 'phaser-custom-guard',
    transform: {
      // After the TypeScript transform, so type-only uses of Phaser do not count.
      filter: { id: { include: /[\\/]src[\\/].*\.[cm]?[jt]sx?$/, exclude: /node_modules|phaser-custom\.js$/ } },
      handler(code, id) {
        if (!id.startsWith(path.join(root, 'src'))) return null;
        code = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1'); // comments do not count
        for (const m of code.matchAll(/\.(add|make)\.(\w+)\s*\(/g)) {
          uses.push({ kind: m[1] as 'add' | 'make', name: m[2]!, where: where(id, code, m.index, m[0].replace(/\s*\($/, '')) });
        }
        for (const m of code.matchAll(/(?<![\w$./])Phaser\.(\w+)(?:\.(\w+))?/g)) {
          const [top, member] = [m[1]!, m[2]];
          const problem = missingMembers.get('')!.has(top) ? `Phaser.${top}` : member && missingMembers.get(top)?.has(member) ? `Phaser.${top}.${member}` : null;
          if (problem) {
            this.error(`${where(id, code, m.index, problem)}: ${problem} is not in the custom Phaser build (src/ui/phaser-custom.js). Add it there (or build with PHASER_BUILD=full).`);
          }
        }
        return null;
      },
    },
    generateBundle(_options, bundle) {
      // Which factories made it into the bundle: their sources register `scene.add.x` / `scene.make.x`.
      const registered = { add: new Set<string>(), make: new Set<string>() };
      const all = { add: new Set<string>(), make: new Set<string>() };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          if (!/node_modules[\\/]phaser[\\/]src[\\/]/.test(id)) continue;
          const source = readFileSync(id.replace(/\?.*$/, ''), 'utf8');
          for (const m of source.matchAll(/GameObject(Factory|Creator)\.register\(\s*'(\w+)'/g)) {
            registered[m[1] === 'Factory' ? 'add' : 'make'].add(m[2]!);
          }
        }
      }
      if (registered.add.size === 0) return; // Phaser is not in this build
      for (const [, kind, name] of readFileSync(path.join(phaserSrc, '../dist/phaser.js'), 'utf8').matchAll(/GameObject(Factory|Creator)\.register\(\s*'(\w+)'/g)) {
        all[kind === 'Factory' ? 'add' : 'make'].add(name!);
      }
      const missing = uses.filter(u => all[u.kind].has(u.name) && !registered[u.kind].has(u.name));
      if (missing.length) {
        this.error(
          'Phaser game objects missing from the custom build (src/ui/phaser-custom.js); import their Factory/Creator there:\n' +
            missing.map(u => `  ${u.where}: scene.${u.kind}.${u.name}()`).join('\n'),
        );
      }
    },
  };
}

export default defineConfig(({ command }) => {
  // Production builds use the custom Phaser (src/ui/phaser-custom.js). The dev server and Vitest
  // use the full, prebuilt `phaser` package, since Phaser's CommonJS sources would need
  // pre-bundling there. PHASER_BUILD=full builds with the full package too (for comparison).
  const customPhaser = command === 'build' && process.env.PHASER_BUILD !== 'full';
  return {
    publicDir: 'assets',
    plugins: [scenarioRoles(), phaserFlags(), ...(customPhaser ? [phaserCustomGuard()] : [])],
    resolve: {
      alias: [{ find: /^phaser-src\//, replacement: `${phaserSrc}/` }, ...(customPhaser ? [{ find: /^phaser$/, replacement: phaserCustom }] : [])],
    },
    build: {
      target: 'es2022',
      sourcemap: true,
      // The bench (bench/web.bench.ts) reads the manifest to tell the initial JS from lazy chunks.
      manifest: true,
      // Phaser is loaded lazily (the title screen is DOM) and cached apart from the app code.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'phaser',
                test: /node_modules[\\/](phaser|eventemitter3)[\\/]|[\\/]src[\\/]ui[\\/]phaser-custom\.js$/,
              },
            ],
          },
        },
      },
    },
    test: {
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] },
        },
        {
          // Browser tests: the app is built and served once per run (tests/e2e/globalSetup.ts),
          // only when a file of this project is in the run.
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/globalSetup.ts'],
            // One file (one Chromium) at a time, after the unit files: a software-rendered WebGL
            // board takes most of a core, and several at once starve each other on a small machine.
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
