// The Phaser half of the main screen: one scene that lays out the map, the cabinet table, the
// gauges and the trade chart, and passes each the board model. Loaded on demand, in its own chunk,
// so the title screen never waits for Phaser.

import type { BoardModel } from '../../app/board';
import type { Side } from '../../engine/index';
import { HEX } from '../palette';
import Phaser from '../phaser';
import { CabinetView } from '../views/cabinetView';
import { GaugesView } from '../views/gaugesView';
import { MapView } from '../views/mapView';
import { TradeChartView } from '../views/tradeChartView';
import type { BoardView, CabinetBoardView, CardSpot, ViewHost } from '../views/types';

/** The scene's logical size; Phaser scales it to fit its box. */
export const BOARD_W = 900;
export const BOARD_H = 660;

export interface BoardCallbacks {
  onFigure(fig: number): void;
  onMinister(id: string): void;
}

export interface Board {
  /** The scene's logical width (BOARD_W), to scale its rectangles to the canvas on the page. */
  readonly width: number;
  update(m: BoardModel): void;
  showCabinet(side: Side): void;
  /** The smallest font size of any text on the board, in logical pixels (the layout test reads it, scaled, off the page). */
  minTextSize(): number;
  /** Shown texts cut with an ellipsis, as "shown (full)", or by a cap on their lines, as "text (lines dropped)": the layout test holds this empty. */
  cutTexts(): string[];
  /** Texts a bar is drawn through (BoardView.crossedTexts): the layout test holds this empty too. */
  crossedTexts(): string[];
  /**
   * Shown texts drawn with metrics that are not their own font's (a reused text given a new font
   * without Phaser measuring it came out stretched and set low): the board test holds this empty.
   */
  staleTexts(): string[];
  /** The minister cards as drawn, in the scene's logical pixels (BOARD_W x BOARD_H). */
  ministerCards(): readonly CardSpot[];
  /** Stop drawing frames (while the computer thinks, so the page has the main thread to itself). */
  sleep(): void;
  /**
   * Resolves once the GPU has finished every frame drawn so far (a WebGL2 fence, polled, so the page
   * never blocks on it); at once where there is no fence. A software GPU takes seconds over the
   * board's first frames (compiling its shaders and pipelines): sleep() then this, and the computer
   * thinks with the cores to itself rather than against that work.
   */
  drawn(): Promise<void>;
  wake(): void;
  /** Fits the canvas to its box now: Phaser does it in its loop, which does not run while the board sleeps. */
  fit(): void;
  destroy(): void;
}

class BoardScene extends Phaser.Scene {
  views: BoardView[] = [];
  cabinet: CabinetBoardView | null = null;
  /** Something scrolled since the last press: the press was a drag that moved the board (a phone's), not a tap on what lies under the finger at its end. */
  scrolled = false;
  constructor(
    private readonly cb: BoardCallbacks,
    private readonly reducedMotion: boolean,
    private readonly ready: (s: BoardScene) => void,
  ) {
    super({ key: 'board' });
  }

  create(): void {
    this.input.on('pointerdown', () => (this.scrolled = false));
    const host: ViewHost = {
      scene: this,
      reducedMotion: this.reducedMotion,
      onFigure: f => this.scrolled || this.cb.onFigure(f),
      onMinister: id => this.scrolled || this.cb.onMinister(id),
    };
    this.cabinet = new CabinetView(host, { x: 0, y: 336, w: BOARD_W, h: 190 });
    this.views = [
      new MapView(host, { x: 0, y: 0, w: BOARD_W, h: 330 }),
      this.cabinet,
      new GaugesView(host, { x: 0, y: 532, w: 430, h: 128 }),
      new TradeChartView(host, { x: 440, y: 532, w: 460, h: 128 }),
    ];
    this.ready(this);
  }
}

/** Every visible, non-blank text on the board, inside containers too. */
function shownTexts(list: readonly Phaser.GameObjects.GameObject[], out: Phaser.GameObjects.Text[] = []): Phaser.GameObjects.Text[] {
  for (const o of list) {
    if (o instanceof Phaser.GameObjects.Text && o.visible && o.text.trim()) out.push(o);
    else if (o instanceof Phaser.GameObjects.Container) shownTexts(o.list, out);
  }
  return out;
}

/** How often drawn() asks whether the GPU is done. */
const FENCE_POLL_MS = 15;

/** Resolves when the GPU has run every command given `gl` so far. */
function gpuDone(gl: WebGL2RenderingContext): Promise<void> {
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return Promise.resolve();
  gl.flush();
  return new Promise(resolve => {
    // Chromium updates a fence's status between tasks, without a round trip to the GPU process.
    const poll = () => {
      if (gl.isContextLost() || gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
        gl.deleteSync(sync);
        resolve();
      } else setTimeout(poll, FENCE_POLL_MS);
    };
    setTimeout(poll, 0);
  });
}

/**
 * A WebGL2 context for Phaser (which takes one in place of its WebGL1, whose features it needs as
 * extensions), made with the attributes Phaser would ask for, so that drawn() can fence it; null
 * where the browser has no WebGL2, and Phaser makes its own context as usual.
 */
function webgl2For(config: Phaser.Types.Core.GameConfig): { canvas: HTMLCanvasElement; gl: WebGL2RenderingContext } | null {
  const c = new Phaser.Core.Config(config);
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2', {
    alpha: c.transparent,
    desynchronized: c.desynchronized,
    depth: true,
    antialias: c.antialiasGL,
    premultipliedAlpha: c.premultipliedAlpha,
    stencil: c.stencil,
    failIfMajorPerformanceCaveat: c.failIfMajorPerformanceCaveat,
    powerPreference: c.powerPreference as WebGLPowerPreference,
    preserveDrawingBuffer: c.preserveDrawingBuffer,
  });
  return gl ? { canvas, gl } : null;
}

export function startBoard(parent: HTMLElement, cb: BoardCallbacks, reducedMotion: boolean): Promise<Board> {
  return new Promise(resolve => {
    let game: Phaser.Game | null = null;
    /** Given something (a model, a cabinet) that no frame has drawn yet: a fresh board is, until its loop's first step. */
    let undrawn = true;
    // Each font's own metrics, measured once by a new text (staleTexts).
    const fontMetrics = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();
    const config: Phaser.Types.Core.GameConfig = {
      type: Phaser.AUTO,
      parent,
      width: BOARD_W,
      height: BOARD_H,
      backgroundColor: HEX.paper,
      banner: false,
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
      // A finger on the board may scroll what holds it (the page, or a phone's board sideways): Phaser
      // would cancel the touch, and with it the scrolling. A tap still reaches the board.
      // Phaser also takes presses from the window (windowEvents) and hit-tests them on the board,
      // wherever they landed: a tap on a DOM control over the canvas (a class's role drawer on a
      // phone, a dialog's edge) acted on the map beneath. Only presses on the canvas itself reach it.
      input: { touch: { capture: false }, windowEvents: false },
    };
    const own = webgl2For(config);
    const scene = new BoardScene(cb, reducedMotion, s => {
      resolve({
        width: BOARD_W,
        update: m => {
          for (const v of s.views) v.update(m);
          undrawn = true;
        },
        showCabinet: side => {
          s.cabinet?.show(side);
          undrawn = true;
        },
        ministerCards: () => s.cabinet?.cards() ?? [],
        minTextSize: () => {
          let min = Infinity;
          for (const o of shownTexts(s.children.list)) min = Math.min(min, parseFloat(String(o.style.fontSize)));
          return min;
        },
        cutTexts: () => {
          const shown = shownTexts(s.children.list);
          // A wrapped text with a cap on its lines drops the rest silently, mid-sentence.
          const dropped = shown.filter(o => o.style.maxLines > 0 && o.getWrappedText().length > o.style.maxLines);
          return [...shown.filter(o => o.text.endsWith('\u2026')).map(o => `${o.text} (${(o as { full?: string }).full ?? '?'})`), ...dropped.map(o => `${o.text} (lines dropped)`)];
        },
        crossedTexts: () => s.views.flatMap(v => v.crossedTexts?.() ?? []),
        staleTexts: () => {
          const out: string[] = [];
          for (const o of shownTexts(s.children.list)) {
            const st = o.style;
            const key = `${st.fontStyle} ${st.fontSize} ${st.fontFamily}`;
            let fresh = fontMetrics.get(key);
            if (!fresh) {
              const probe = s.add.text(0, 0, '', { fontFamily: st.fontFamily, fontSize: st.fontSize, fontStyle: st.fontStyle });
              fresh = probe.style.getTextMetrics();
              probe.destroy();
              fontMetrics.set(key, fresh);
            }
            const m = st.getTextMetrics();
            if (m.ascent !== fresh.ascent || m.descent !== fresh.descent || m.fontSize !== fresh.fontSize) out.push(o.text);
          }
          return out;
        },
        sleep: () => {
          if (!game) return;
          // Put to sleep before its loop had stepped once (a board that came after 10 s, as a class
          // minister's wait began), the canvas stayed black for the whole wait: what it was given is drawn first.
          if (undrawn && game.loop.started) game.loop.tick();
          game.loop.sleep();
        },
        fit: () => {
          // As Phaser's own step does: read the parent's size, and refit if it changed.
          if (game?.isBooted && game.scale.getParentBounds()) game.scale.refresh();
        },
        drawn: () => (own && !own.gl.isContextLost() ? gpuDone(own.gl) : Promise.resolve()),
        wake: () => {
          if (game && !game.loop.running) game.loop.wake(true);
        },
        destroy: () => {
          document.removeEventListener('scroll', onScroll, { capture: true });
          for (const v of s.views) v.destroy();
          if (!game) return;
          // Phaser leaves its WebGL context to the garbage collector, whose sweep frees it with a wait
          // for the GPU process, at any moment, e.g. while the next game's computer thinks its first
          // move (webglRelease.ts). Lost once Phaser is done with it, it is freed now.
          const gl = game.renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? game.renderer.gl : null;
          game.events.once(Phaser.Core.Events.DESTROY, () => setTimeout(() => gl?.getExtension('WEBGL_lose_context')?.loseContext(), 0));
          game.destroy(true);
          // Phaser destroys a game at its next step: a sleeping loop (the computer thinking) would never take it.
          if (!game.loop.running) game.loop.wake();
        },
      });
    });
    // Phaser reads where the canvas is on a window's resize and only now and then otherwise: when a box
    // round it scrolls (a phone's board, sideways), it is read at once, so a tap lands where it is drawn.
    const onScroll = () => {
      if (game?.isBooted) game.scale.updateBounds();
      scene.scrolled = true;
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    game = new Phaser.Game({
      ...config,
      // Phaser's types allow a 2D context only, but its WebGL renderer takes `context` as its gl.
      ...(own ? { type: Phaser.WEBGL, canvas: own.canvas, context: own.gl as unknown as CanvasRenderingContext2D } : {}),
      scene: [scene],
    });
    game.events.on(Phaser.Core.Events.POST_RENDER, () => (undrawn = false));
  });
}
