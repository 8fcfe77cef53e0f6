// WebGL contexts made and dropped while Phaser loads, released at once rather than by the garbage
// collector. As its modules load, Phaser tests for WebGL by making a context on a 1x1 canvas of its
// own and dropping it (device/Features.js). Chromium frees a dropped context only when its garbage
// collector sweeps the canvas, and freeing it waits for the GPU process to finish all it has queued
// (ImplementationBase::WaitForCmd). With a software GPU still busy with the board's first frames,
// that sweep was one main-thread task of 0.4-3 s while the computer thought its first move (the
// trace of `npm run bench:web`). Released here, right after the import, the GPU has little queued.

type GetContext = HTMLCanvasElement['getContext'];

const WEBGL = /^(webgl2?|experimental-webgl)$/;

/** Runs `load` (the import that evaluates Phaser), then loses every WebGL context made meanwhile on a canvas not in the page. */
export async function releasingWebGlProbes<T>(load: () => Promise<T>): Promise<T> {
  if (typeof HTMLCanvasElement === 'undefined') return load();
  const proto = HTMLCanvasElement.prototype;
  const original: GetContext = proto.getContext;
  const made: WebGLRenderingContext[] = [];
  proto.getContext = function (this: HTMLCanvasElement, type: string, options?: unknown) {
    const ctx = (original as (this: HTMLCanvasElement, type: string, options?: unknown) => RenderingContext | null).call(this, type, options);
    if (ctx && WEBGL.test(type) && !this.isConnected) made.push(ctx as WebGLRenderingContext);
    return ctx;
  } as GetContext;
  try {
    return await load();
  } finally {
    proto.getContext = original;
    for (const ctx of made) ctx.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
