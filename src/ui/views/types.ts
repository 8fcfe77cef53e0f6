// The contract between the main scene and the Phaser views it lays out. A view draws one part of
// the board from a BoardModel (src/app/board.ts) and reports what the person clicked; it holds no
// rules and never reads the game state.

import type { BoardModel } from '../../app/board';
import type { Side } from '../../engine/index';
import type Phaser from '../phaser';

/** A rectangle in the scene's logical pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ViewHost {
  scene: Phaser.Scene;
  /** prefers-reduced-motion, or the player's own setting: no pulsing, no sliding, instant changes. */
  reducedMotion: boolean;
  /** The person asked why a figure moved (clicked a number, gauge, card or badge). */
  onFigure(fig: number): void;
  /** The person opened a minister's card. */
  onMinister(id: string): void;
}

export interface BoardView {
  update(model: BoardModel): void;
  destroy(): void;
  /** Texts a drawn bar or line runs through, as "text": the layout test holds this empty. */
  crossedTexts?(): string[];
}

/** A minister's card as drawn: for the keyboard's buttons laid over the canvas. */
export interface CardSpot {
  id: string;
  /** Name and office, as the button reads them. */
  label: string;
  rect: Rect;
}

/** The cabinet view can show either side's cabinet. */
export interface CabinetBoardView extends BoardView {
  show(side: Side): void;
  /** The cards as last drawn, in reading order. */
  cards(): readonly CardSpot[];
}
