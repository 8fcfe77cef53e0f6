// Line input for the interactive game. On a terminal: readline with editing and history. Piped:
// commands are read line by line and echoed after the prompt, so a transcript reads like a
// session; at the end of input `ask` returns null and the game quits cleanly.
import { createInterface } from 'node:readline';

export interface IO {
  readonly tty: boolean;
  out(text: string): void;
  /** The next line typed, or null at the end of input (Ctrl-D, Ctrl-C, or the pipe closing). */
  ask(prompt: string): Promise<string | null>;
  close(): void;
}

export function terminalIO(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): IO {
  const tty = !!(input as NodeJS.ReadStream).isTTY && !!(output as NodeJS.WriteStream).isTTY;
  const rl = createInterface({ input, output: tty ? output : undefined, terminal: tty, historySize: tty ? 100 : 0 });
  const lines = rl[Symbol.asyncIterator]();
  let closed = false,
    interrupted = false;
  rl.on('close', () => {
    closed = true;
  });
  // Ctrl-C quits like the end of input rather than killing the process mid-save.
  rl.on('SIGINT', () => {
    interrupted = true;
    output.write('\n');
    rl.close();
  });
  return {
    tty,
    out: text => {
      output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    async ask(prompt) {
      if (closed) return null;
      if (tty) {
        rl.setPrompt(prompt);
        rl.prompt();
      } else output.write(prompt);
      const r = await lines.next();
      if (r.done) {
        if (!interrupted) output.write('\n');
        return null;
      }
      if (!tty) output.write(`${r.value}\n`);
      return r.value;
    },
    close: () => {
      if (!closed) rl.close();
    },
  };
}
