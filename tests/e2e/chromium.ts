// Finding and launching Chromium for the browser tests and the web bench (no Vitest here, so the
// bench can use it too).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for headless Chromium on a machine without a GPU: WebGL (Phaser's first choice) runs on
 * SwiftShader through ANGLE, so the game renders as it would with a GPU, only slower. Playwright
 * adds its own headless defaults on top.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // containers and root have no user namespaces for the sandbox
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', // WebGL on SwiftShader (Chromium 137+ asks for this)
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

/** The Chromium to use: $CHROMIUM_PATH, else /usr/bin/chromium; null if neither is there. */
export function chromiumPath(): string | null {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [DEFAULT_CHROMIUM];
  return candidates.find(p => existsSync(p)) ?? null;
}

/** Why browser tests cannot run here, for the skip message. */
export function noChromiumReason(): string {
  return process.env.CHROMIUM_PATH ? `no Chromium at ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH)` : `no Chromium at ${DEFAULT_CHROMIUM} (set CHROMIUM_PATH)`;
}

export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  if (!executablePath) throw new Error(noChromiumReason());
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
