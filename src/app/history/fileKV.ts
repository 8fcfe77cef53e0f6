// A key-value store in a directory, one file per key, for Node (the terminal keeps history trees
// here as the browser keeps them in localStorage). Writes go to a temporary file renamed into
// place, so a crash never leaves half a tree. Node only: not exported from index.ts.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { KV } from '../storage';

/** The terminal's default store: ~/.anglo-soviet-diplomacy. */
export const defaultStoreDir = (): string => path.join(homedir(), '.anglo-soviet-diplomacy');

export class FileKV implements KV {
  constructor(private readonly dir: string) {}
  private file(k: string): string {
    return path.join(this.dir, `${encodeURIComponent(k)}.json`);
  }
  getItem(k: string): string | null {
    try {
      return readFileSync(this.file(k), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  setItem(k: string, v: string): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file(k)}.${process.pid}.tmp`;
    writeFileSync(tmp, v);
    renameSync(tmp, this.file(k));
  }
  removeItem(k: string): void {
    rmSync(this.file(k), { force: true });
  }
}
