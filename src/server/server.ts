// The classroom server: one HTTP server carrying the Colyseus matchmaker and rooms (WebSocket), a
// small JSON API for the teacher's console and the students' join page, and the built web app. A
// teacher creates a class of one or more groups of one scenario; each group is a room whose id is
// its short code. Group logs live in a directory by default, or in Redis when one is configured;
// then several server processes share one class through Colyseus's Redis presence and driver, and a
// room whose process has died is opened again from its stored log by whichever process is asked.
//
// API:
//   GET  /api/scenarios                      the scenarios a class can play
//   POST /api/classes {scenario, groups, seating, paceSeconds}   -> {classId, teacherKey, codes}
//   GET  /api/classes/:id?key=TEACHER_KEY    -> {codes, scenario}  (the console after a reload)
//   GET  /api/groups/:code                   -> the group's public room info (opening its room if need be)
//   GET  /api/classes/:id/compare?key=KEY    -> the class debrief: every group's branch against history (src/class/comparison.ts)
//   GET  /api/groups/:code/debrief?key=KEY   -> the group's post-mortem pack, as printable HTML (src/print/debriefPack.ts)
//   POST /api/classes/:id/handin?key=KEY     -> a hand-in file (a group's saved game) replayed, scored and
//                                               given back as its post-mortem pack (HTML), or refused with the reason
//   GET  /api/status                         -> groups open here, and stored logs refused with the reason

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { matchMaker, type Presence, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { RedisOptions } from 'ioredis';
import { debrief } from '../app/debrief';
import { readHandIn } from '../app/handIn';
import type { ClassComparison } from '../class/comparison';
import type { RoomInfo, Seating } from '../class/protocol';
import { err, ok, type Result } from '../engine/index';
import { debriefHtml } from '../print/debriefPack';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { runComparison } from './compareWorker';
import { type Clock, Group, type GroupLog, newToken, readLog, realClock, seatHolders } from './group';
import { warmHistory } from './history';
import { ClassServicesRef, GroupRoom } from './room';
import type { ClassServices } from './services';
import { diskStore, type LogStore, redisStore, WriteQueue } from './store';

export interface ClassServerOptions {
  /** 0 (the default in tests) picks a free port. */
  port?: number;
  host?: string;
  /** Where group logs are kept when no Redis is configured. */
  dataDir?: string;
  /** A Redis URL, or the path of its Unix socket: logs go there, and processes share presence. */
  redis?: string;
  /** The built web app to serve (vite build's dist/), or null for none. */
  webDir?: string | null;
  /** Where clients reach this process (host:port); set by default when Redis is used. */
  publicAddress?: string;
  scenariosDir?: string;
  /** The log store itself, in place of the disk or Redis (tests: a store whose writes fail). */
  store?: LogStore;
  clock?: Clock;
  log?: (line: string) => void;
}

export interface ClassServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Stored logs this process could not load, and why. */
  refused: Map<string, string>;
  /** Resolves once the group's newest log is stored. */
  flushed(code: string): Promise<void>;
}

/** Short codes students type: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 5;
const MAX_GROUPS = 12;

function newCode(): string {
  const b = randomBytes(CODE_LENGTH);
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[b[i]! % CODE_ALPHABET.length];
  return s;
}

/** ioredis options from a URL or a socket path. */
export function redisOptions(redis: string): RedisOptions | string {
  return redis.startsWith('/') ? { path: redis } : redis;
}

export async function startClassServer(o: ClassServerOptions = {}): Promise<ClassServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const clock = o.clock ?? realClock;
  const scenariosDir = o.scenariosDir ?? 'scenarios';
  const store: LogStore = o.store ?? (o.redis ? redisStore(o.redis) : diskStore(o.dataDir ?? '.class-data'));
  const writes = new WriteQueue(store, (code, message) => log(`group ${code}: could not store its log in ${store.where}: ${message}`));
  const refused = new Map<string, string>();
  const scenarios = new Map<string, Scenario>();

  function scenario(id: string): Result<Scenario> {
    const have = scenarios.get(id);
    if (have) return ok(have);
    if (!/^[A-Za-z0-9_-]+$/.test(id)) return err(`there is no scenario "${id}"`);
    const file = path.join(scenariosDir, `${id}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return err(`there is no scenario "${id}"`);
    }
    const r = parseScenario(text, file);
    if (r.ok) scenarios.set(id, r.value);
    return r;
  }

  /** A group from its log (as read from the store or kept by the write queue), checked; refused with the reason. */
  async function restore(code: string, data: unknown): Promise<Result<Group>> {
    const l = readLog(data);
    if (!l.ok) return refuse(code, l.error);
    const sc = scenario(l.value.scenario);
    if (!sc.ok) return refuse(code, sc.error);
    const g = await Group.restore(sc.value, data, clock);
    if (g.ok) warmHistory(sc.value);
    return g.ok ? g : refuse(code, g.error);
  }

  const services: ClassServices = {
    async openGroup(code) {
      const data = await store.load(code);
      if (!data.ok) return data;
      const g = await restore(code, data.value);
      // What the room rolls back to if its first write fails.
      if (g.ok) writes.remember(code, JSON.stringify(data.value));
      return g;
    },
    store: (code, text) => writes.write(code, text),
    pending: code => writes.pending(code),
    async lastStored(code) {
      const text = writes.lastStored(code);
      if (text === null) return err(`no log of group ${code} has been stored by this process`);
      return restore(code, JSON.parse(text) as unknown);
    },
    resume: code => writes.resume(code),
    closed: code => writes.forget(code),
  };
  function refuse(code: string, reason: string): Result<never> {
    const why = `the stored log of group ${code} (${store.where}) was refused and left as it is: ${reason}`;
    if (!refused.has(code)) log(why);
    refused.set(code, reason);
    return err(why);
  }
  ClassServicesRef.current = services;

  // ---- the HTTP server and Colyseus --------------------------------------------------------------

  const http: HttpServer = createServer((req, res) => void handle(req, res));
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const redis = o.redis ? redisOptions(o.redis) : null;
  const presence: Presence | undefined = redis ? new RedisPresence(redis as RedisOptions) : undefined;
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http }),
    presence,
    driver: redis ? new RedisDriver(redis as RedisOptions) : undefined,
    publicAddress: o.publicAddress ?? (redis ? `${host}:${port}` : undefined),
    // A room is made by the process asked to open it: any process can open any group from the store.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    greet: false,
    gracefullyShutdown: false,
  });
  gameServer.define('group', GroupRoom);
  await matchMaker.accept();

  /** The group's room, opened here if no live process has it. */
  async function ensureRoom(code: string): Promise<Result<void>> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const listed = await matchMaker.query({ roomId: code });
      const room = listed[0];
      if (room) {
        // A room listed by a process that has died is removed by the health check; then open it here.
        if (room.processId === matchMaker.processId || (await matchMaker.healthCheckProcessId(room.processId))) return ok(undefined);
        continue;
      }
      // One process opens it: the first to take the lock.
      const lock = `asd:class:opening:${code}`;
      if ((await matchMaker.presence.incr(lock)) === 1) {
        await matchMaker.presence.expire(lock, 10);
        try {
          await matchMaker.createRoom('group', { code });
          return ok(undefined);
        } catch (e) {
          return err(e instanceof Error ? e.message : String(e));
        } finally {
          await matchMaker.presence.del(lock);
        }
      }
      await new Promise(r => setTimeout(r, 150));
    }
    return err(`group ${code} could not be opened`);
  }

  /** Open the room of every stored game still running (so its deadline keeps time); report the refused. */
  for (const code of await store.list()) {
    const data = await store.load(code);
    const l = data.ok ? readLog(data.value) : data;
    if (!l.ok) {
      refuse(code, l.error);
      continue;
    }
    if (l.value.phase === 'ended') continue;
    const r = await ensureRoom(code);
    if (!r.ok && !refused.has(code)) log(`group ${code}: ${r.error}`);
  }

  async function createClass(body: unknown): Promise<Result<{ classId: string; teacherKey: string; codes: string[] }>> {
    const b = (body ?? {}) as { scenario?: unknown; groups?: unknown; seating?: unknown; paceSeconds?: unknown };
    const sc = scenario(typeof b.scenario === 'string' ? b.scenario : '');
    if (!sc.ok) return sc;
    const n = b.groups ?? 1;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_GROUPS) return err(`a class has 1 to ${MAX_GROUPS} groups, not ${JSON.stringify(n)}`);
    const seating = (b.seating ?? 'assign') as Seating;
    if (seating !== 'assign' && seating !== 'pick') return err('seating is "assign" (the server deals seats) or "pick" (students choose)');
    const classId = newToken().slice(0, 10);
    const teacherKey = newToken();
    const taken = new Set(await store.list());
    const codes: string[] = [];
    for (let k = 0; k < n; k++) {
      let code = newCode();
      while (taken.has(code) || refused.has(code)) code = newCode();
      taken.add(code);
      // Each group its own seed, which never leaves the server.
      const seed = `${code.toLowerCase()}-${randomBytes(4).toString('hex')}`;
      const g = Group.create(sc.value, { code, classId, teacherKey, seed, seating, paceSeconds: (b.paceSeconds as number) ?? 0 }, clock);
      if (!g.ok) return g;
      await store.save(code, JSON.stringify(g.value.toLog()));
      g.value.dispose();
      const r = await ensureRoom(code);
      if (!r.ok) return r;
      codes.push(code);
    }
    warmHistory(sc.value);
    log(`class ${classId}: ${codes.length} group${codes.length === 1 ? '' : 's'} of ${sc.value.id} (${codes.join(', ')})`);
    return ok({ classId, teacherKey, codes });
  }

  async function classGroups(classId: string, key: string): Promise<Result<{ codes: string[]; scenario: string }>> {
    const codes: string[] = [];
    let scen = '';
    for (const code of await store.list()) {
      const data = await store.load(code);
      const l = data.ok ? readLog(data.value) : data;
      if (!l.ok || l.value.classId !== classId) continue;
      if (l.value.teacherKey !== key) return err('that is not this class’s teacher key');
      codes.push(code);
      scen = l.value.scenario;
    }
    return codes.length ? ok({ codes: codes.sort(), scenario: scen }) : err(`no class ${classId} is stored here`);
  }

  /** The stored logs of a class, checked against its teacher key. */
  async function classLogs(classId: string, key: string): Promise<Result<GroupLog[]>> {
    const r = await classGroups(classId, key);
    if (!r.ok) return r;
    const logs: GroupLog[] = [];
    for (const code of r.value.codes) {
      await writes.flushed(code);
      const data = await store.load(code);
      const l = data.ok ? readLog(data.value) : data;
      if (l.ok) logs.push(l.value);
    }
    return ok(logs);
  }

  /** The class debrief: each group's game a branch off history's trunk (worked out in this process, off its main thread: it reads the seeds). */
  async function compareClass(classId: string, key: string): Promise<Result<ClassComparison>> {
    const logs = await classLogs(classId, key);
    if (!logs.ok) return logs;
    const sc = scenario(logs.value[0]!.scenario);
    if (!sc.ok) return sc;
    return runComparison(
      sc.value,
      logs.value.map(l => ({ code: l.code, seed: l.seed, moves: l.game?.moves ?? null, ...(l.game ? { hash: l.game.hash, injected: l.game.injected ?? [] } : {}) })),
    );
  }

  /** A group's post-mortem pack for its teacher, without the seed (the game may still be running). */
  async function groupDebrief(code: string, key: string): Promise<Result<string>> {
    if (!/^[A-Z0-9]{4,12}$/.test(code)) return err(`${code} is not a group code`);
    await writes.flushed(code);
    const data = await store.load(code);
    const l = data.ok ? readLog(data.value) : data;
    if (!l.ok) return l;
    if (l.value.teacherKey !== key) return err('that is not this class’s teacher key');
    if (!l.value.game) return err(`group ${code} has not started its game: there is nothing to debrief yet`);
    const sc = scenario(l.value.scenario);
    if (!sc.ok) return sc;
    const seats = seatHolders(sc.value, l.value.seats);
    const d = debrief(sc.value, l.value.seed, l.value.game.moves, { group: `Group ${code}`, seats, injected: l.value.game.injected ?? [] });
    return ok(debriefHtml({ ...d, seed: '' }));
  }

  /**
   * A hand-in a teacher loads on the console (a group's game saved from pass and play, or from a
   * student's screen): replayed and scored like `npm run print -- --debrief`, for a teacher of a class
   * here (the pack holds every role's secret aims, so it is not for anyone with a file).
   */
  async function handInDebrief(classId: string, key: string, data: unknown): Promise<Result<string>> {
    const cls = await classGroups(classId, key);
    if (!cls.ok) return cls;
    const id = typeof data === 'object' && data !== null ? (data as { scenario?: unknown }).scenario : undefined;
    if (typeof id !== 'string') return err('that file is not a saved game (it names no scenario)');
    const sc = scenario(id);
    if (!sc.ok) return sc;
    const r = readHandIn(sc.value, data);
    if (!r.ok) return err(`the hand-in is refused: ${r.error}`);
    const d = debrief(sc.value, r.value.save.seed, r.value.save.moves, { group: r.value.group, seats: r.value.seats, injected: r.value.save.injected ?? [] });
    return ok(debriefHtml(d));
  }

  async function groupInfo(code: string): Promise<Result<RoomInfo>> {
    // Whatever was asked for, a student is told the group is not there, not how the server reads codes.
    const none = err(`there is no group ${code.slice(0, 24)}: check the code with your teacher`);
    if (!/^[A-Z0-9]{4,12}$/.test(code)) return none;
    if (refused.has(code)) return err(`group ${code} cannot be opened: ${refused.get(code)}`);
    if (!(await store.list()).includes(code)) return none;
    const r = await ensureRoom(code);
    if (!r.ok) return r;
    return ok(await matchMaker.remoteRoomCall<RoomInfo>(code, 'publicInfo'));
  }

  // ---- requests ----------------------------------------------------------------------------------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    const answer = (r: Result<unknown>, failStatus = 400) => (r.ok ? send(200, r.value) : send(failStatus, { error: r.error }));
    try {
      const p = url.pathname;
      if (p === '/api/scenarios' && req.method === 'GET') {
        const ids = ['1927', '1929', '1932'].filter(id => scenario(id).ok);
        return send(
          200,
          ids.map(id => ({ id, title: (scenario(id) as { value: Scenario }).value.title })),
        );
      }
      if (p === '/api/classes' && req.method === 'POST') {
        const body = await readBody(req);
        return answer(body.ok ? await createClass(body.value) : body);
      }
      let m = /^\/api\/classes\/([A-Za-z0-9_-]+)$/.exec(p);
      if (m && req.method === 'GET') return answer(await classGroups(m[1]!, url.searchParams.get('key') ?? ''), 404);
      m = /^\/api\/classes\/([A-Za-z0-9_-]+)\/compare$/.exec(p);
      if (m && req.method === 'GET') return answer(await compareClass(m[1]!, url.searchParams.get('key') ?? ''), 404);
      m = /^\/api\/classes\/([A-Za-z0-9_-]+)\/handin$/.exec(p);
      if (m && req.method === 'POST') {
        const body = await readBody(req, MAX_HAND_IN);
        const r = body.ok ? await handInDebrief(m[1]!, url.searchParams.get('key') ?? '', body.value) : body;
        if (!r.ok) return send(400, { error: r.error });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(r.value);
        return;
      }
      m = /^\/api\/groups\/([A-Za-z0-9]+)\/debrief$/.exec(p);
      if (m && req.method === 'GET') {
        const r = await groupDebrief(m[1]!.toUpperCase(), url.searchParams.get('key') ?? '');
        if (!r.ok) return send(404, { error: r.error });
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': `attachment; filename="debrief-${m[1]!.toUpperCase()}.html"` })
          .end(r.value);
        return;
      }
      m = /^\/api\/groups\/([^/]+)$/.exec(p);
      if (m && req.method === 'GET') return answer(await groupInfo(decoded(m[1]!).toUpperCase()), 404);
      if (p === '/api/status' && req.method === 'GET') {
        const open = (await matchMaker.query({ processId: matchMaker.processId })).map(r => r.roomId);
        return send(200, { open, refused: Object.fromEntries(refused) });
      }
      if (p.startsWith('/api/')) return send(404, { error: `no such API: ${req.method} ${p}` });
      return serveFile(o.webDir === undefined ? 'dist' : o.webDir, p, res);
    } catch (e) {
      send(500, { error: e instanceof Error ? e.message : String(e) });
    }
  }

  log(`Classroom server listening on http://${host}:${port} (logs in ${store.where})`);
  return {
    url: `http://${host}:${port}`,
    port,
    refused,
    flushed: code => writes.flushed(code),
    async close() {
      await Promise.all([...(await matchMaker.query({ processId: matchMaker.processId }))].map(r => writes.flushed(r.roomId)));
      await gameServer.gracefullyShutdown(false).catch(() => undefined);
      await new Promise<void>(resolve => http.close(() => resolve()));
      http.closeAllConnections();
      await store.close();
    },
  };
}

const MAX_BODY = 64 * 1024;
/** A whole game's save with its ballots: far under this. */
const MAX_HAND_IN = 4 * 1024 * 1024;

/** A path segment as it was typed; one that does not decode is taken as it came. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Result<unknown>> {
  return new Promise(resolve => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => {
      if (size > max) return resolve(err('the request is too large'));
      try {
        resolve(ok(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown));
      } catch (e) {
        resolve(err(`the request is not JSON: ${(e as Error).message}`));
      }
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.webm': 'audio/webm',
  '.map': 'application/json; charset=utf-8',
};

/** The built app, read-only; nothing outside its directory. */
async function serveFile(dir: string | null, pathname: string, res: ServerResponse): Promise<void> {
  if (!dir) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('This server has no web app to serve (build it with npm run build).');
    return;
  }
  const root = path.resolve(dir);
  let rel = decodeURIComponent(pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, `.${rel}`);
  const st = file.startsWith(root + path.sep) ? await stat(file).catch(() => null) : null;
  if (!st?.isFile()) {
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(st === null && !file.startsWith(root) ? 'forbidden' : `not found: ${rel}${rel === '/index.html' ? ' (build the app with npm run build)' : ''}`);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(await readFile(file));
}
