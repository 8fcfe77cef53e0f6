// The map's geography, drawn by hand for this game: simplified coastlines of Europe, Africa's north
// and Asia as lon/lat polygons, a few inland seas, the Soviet frontier of 1927, and where every
// place in the scenarios sits. Pure data and arithmetic (no Phaser), so tests can check it.
//
// Projection: equirectangular over a fixed window (37°W-147°E, 5°N-70°N) stretched to the view's
// rect, with more pixels a degree over Europe, where most places are, than over Asia and Africa
// (DENSITY_LON/LAT; the scale changes smoothly, so shapes stay close to plate carrée).
import type { Place } from '../../engine/vocab';

/** A rectangle in the view's local pixels (same shape as views/types Rect). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Flat [lon, lat, lon, lat, ...]. */
export type Ring = readonly number[];

/** The map window. The Atlantic west of Ireland holds the cartouche, the inset and the dial. */
export const VIEW = { lon0: -37, lon1: 147, lat0: 5, lat1: 70 } as const;
/** North America inset window (Ottawa, Washington). */
export const INSET_VIEW = { lon0: -88, lon1: -64, lat0: 36.5, lat1: 49 } as const;

// ---------------------------------------------------------------------------------------------
// Coastlines.

/**
 * Africa and Eurasia as one ring (the straits of the Dardanelles and the Bosporus are closed at
 * this scale; the Black Sea is drawn as a lake). Runs from the North Cape east along the Arctic,
 * down the Pacific coast, round India and Arabia, down the Red Sea's west shore, under Africa,
 * up its Atlantic coast, along the Mediterranean and round Europe back to the North Cape.
 * Named vertices (see RING_MARKS) let the Soviet polygon reuse the same coast.
 */
export const EURASIA: Ring = [
  // Arctic: Norway, Kola, the White Sea, the Pechora coast.
  25.8, 71.1, 28.5, 70.9, 31.0, 70.3, 31.9, 69.7, 33.0, 69.4, 36.5, 69.1, 39.8, 68.1, 41.1, 67.3, 40.2, 66.3, 38.0, 66.1, 34.3, 66.6, 32.4, 67.1, 33.6, 66.2, 34.6, 65.0, 34.8, 64.5, 36.2, 64.0, 37.9,
  63.9, 38.0, 64.6, 39.6, 64.5, 40.5, 64.6, 40.0, 65.2, 40.8, 66.0, 42.0, 66.5, 44.2, 66.1, 44.0, 67.5, 43.3, 68.6, 46.0, 67.9, 47.5, 66.9, 48.6, 67.7, 53.0, 68.3, 54.5, 68.8, 57.0, 68.5, 60.0, 69.0,
  60.8, 69.8, 66.5, 69.5, 68.0, 70.6, 70.0, 73.0, 75.0, 75.0,
  // Off the top and round the north-east, back in at the Sea of Okhotsk.
  110.0, 78.0, 140.0, 76.0, 165.0, 72.0, 165.0, 62.0, 155.0, 60.0, 150.8, 59.6, 145.0, 59.4, 143.2, 59.4, 140.5, 58.3, 138.2, 56.4, 137.0, 54.8, 136.0, 54.6, 137.5, 53.8, 139.8, 54.2, 140.7, 53.1,
  141.4, 52.2, 141.2, 51.4, 140.4, 50.0, 140.5, 48.9, 138.6, 47.2, 137.8, 45.9, 135.5, 43.9, 133.2, 42.8, 132.0, 43.2, 131.0, 42.6, 130.65, 42.3,
  // Korea.
  129.8, 41.8, 129.7, 40.9, 128.1, 39.9, 127.4, 39.2, 128.4, 38.6, 129.4, 37.5, 129.45, 36.0, 129.1, 35.1, 127.8, 34.8, 126.4, 34.4, 126.5, 35.5, 126.8, 36.4, 126.6, 37.45, 125.7, 37.8, 124.7, 38.1,
  125.3, 38.7, 124.6, 39.6, 124.3, 39.9,
  // China: Liaodong, the Gulf of Pechili, Shantung, the Yangtze, the south coast.
  123.4, 39.7, 122.3, 39.3, 121.2, 38.8, 121.6, 39.3, 122.1, 40.2, 122.2, 40.7, 121.0, 40.8, 119.7, 39.9, 118.4, 39.1, 117.7, 38.9, 118.1, 38.2, 119.0, 37.3, 119.6, 37.2, 120.3, 37.6, 120.8, 37.8,
  122.6, 37.4, 121.4, 36.8, 120.3, 36.0, 119.3, 35.0, 120.3, 33.9, 121.0, 32.5, 121.9, 31.8, 121.9, 30.9, 120.8, 30.3, 121.8, 29.9, 121.5, 28.6, 121.4, 28.3, 120.6, 27.4, 119.6, 26.0, 118.9, 25.2,
  118.1, 24.5, 116.7, 23.3, 115.2, 22.8, 114.2, 22.3, 113.5, 22.2, 112.0, 21.7, 110.6, 21.2, 110.2, 20.3, 109.8, 21.0, 109.1, 21.5, 108.0, 21.6,
  // Indo-China, Siam, Malaya.
  106.8, 20.8, 105.8, 19.5, 105.6, 18.7, 106.6, 17.4, 107.6, 16.5, 108.2, 16.1, 108.9, 15.3, 109.2, 13.8, 109.2, 12.2, 108.8, 11.3, 107.1, 10.4, 106.7, 9.6, 105.1, 8.6, 104.8, 9.8, 104.5, 10.4, 103.6,
  10.5, 102.9, 11.6, 102.3, 12.2, 101.0, 12.7, 100.9, 13.4, 100.4, 13.5, 100.0, 13.2, 99.9, 12.0, 99.2, 10.4, 99.9, 9.2, 100.3, 8.4, 100.6, 7.2, 101.5, 6.8, 102.2, 6.2, 103.4, 4.8, 103.4, 3.5, 104.2,
  1.4, 103.4, 1.3, 101.3, 2.8, 100.4, 4.2, 100.3, 5.4, 100.1, 6.5, 99.6, 7.3, 98.3, 7.9, 98.5, 9.2, 98.6, 10.6, 98.6, 12.4, 98.0, 14.0, 97.6, 16.5,
  // Burma, Bengal, India.
  96.8, 17.0, 96.2, 16.8, 95.3, 15.9, 94.3, 16.1, 94.3, 17.8, 94.0, 19.0, 93.5, 19.6, 92.9, 20.1, 92.2, 21.4, 91.8, 22.3, 91.5, 22.8, 90.6, 22.3, 89.5, 21.8, 88.1, 21.9, 87.0, 21.5, 86.3, 20.4, 85.8,
  19.8, 84.8, 19.2, 83.3, 17.7, 82.3, 16.9, 81.15, 16.2, 80.2, 15.5, 80.1, 13.5, 80.3, 13.0, 79.85, 11.9, 79.85, 10.3, 79.3, 9.25, 78.2, 8.8, 77.55, 8.08, 76.9, 8.6, 76.25, 9.95, 75.8, 11.2, 74.85,
  12.9, 74.1, 14.8, 73.8, 15.5, 73.3, 17.0, 72.85, 18.9, 72.7, 20.5, 72.6, 21.6, 72.5, 22.3, 72.1, 21.7, 71.0, 20.7, 69.6, 21.6, 69.0, 22.3, 70.3, 22.9, 69.6, 22.9, 68.6, 23.3, 67.6, 23.8, 67.0, 24.8,
  66.6, 25.5, 65.0, 25.3, 63.0, 25.2, 61.6, 25.2,
  // Persia, the Gulf, Arabia.
  60.4, 25.3, 58.9, 25.5, 57.4, 25.8, 56.3, 27.2, 55.6, 26.8, 54.7, 26.5, 53.4, 26.9, 51.5, 27.9, 50.8, 28.9, 50.1, 30.1, 49.1, 30.4, 48.5, 29.9, 48.0, 29.4, 48.6, 28.0, 49.6, 27.0, 50.1, 26.3, 50.8,
  25.6, 51.2, 26.1, 51.6, 25.3, 51.5, 24.6, 52.2, 24.1, 53.5, 24.1, 54.4, 24.4, 55.3, 25.3, 56.1, 26.3, 56.35, 25.1, 56.7, 24.4, 58.6, 23.6, 59.8, 22.5, 59.2, 21.4, 58.5, 20.4, 57.7, 19.0, 56.8, 18.4,
  55.6, 17.6, 54.1, 17.0, 52.2, 15.6, 50.0, 15.0, 49.1, 14.5, 47.0, 13.7, 45.0, 12.8, 43.5, 12.7, 42.8, 14.8, 42.55, 16.9, 41.3, 18.8, 40.2, 20.2, 39.2, 21.5, 38.1, 24.1, 36.5, 26.2, 35.2, 28.0, 34.8,
  28.2, 35.0, 29.5, 34.9, 29.5, 34.5, 28.5, 34.3, 27.8, 33.5, 28.5, 32.55, 29.95,
  // Egypt's Red Sea coast, the Sudan, Abyssinia, the Horn.
  32.7, 29.5, 33.1, 28.4, 33.8, 27.2, 34.3, 26.1, 35.5, 23.9, 36.9, 22.0, 37.2, 19.6, 38.6, 17.8, 39.5, 15.6, 40.6, 14.5, 41.8, 13.4, 42.7, 13.0, 43.3, 11.6, 44.0, 10.4, 45.0, 10.4, 47.5, 11.1, 49.5,
  11.3, 51.3, 11.8, 51.1, 10.4, 50.6, 8.8, 49.6, 6.8, 48.5, 5.0, 47.2, 3.0,
  // Under Africa, off the bottom of the map.
  46.0, 2.0, 42.0, -2.0, 40.0, -6.0, 12.0, -6.0, 9.3, 1.0,
  // The Guinea coast and West Africa.
  9.7, 4.05, 8.3, 4.6, 7.0, 4.4, 6.0, 4.3, 5.0, 5.9, 4.0, 6.4, 3.4, 6.4, 2.4, 6.3, 1.2, 6.1, -0.2, 5.5, -2.0, 4.75, -4.0, 5.25, -7.5, 4.35, -9.0, 5.0, -10.8, 6.3, -11.5, 6.9, -13.2, 8.5, -13.7, 9.5,
  -14.6, 10.6, -15.6, 11.85, -16.7, 12.5, -16.6, 13.45, -17.5, 14.7, -16.9, 15.5, -16.5, 16.1, -16.2, 17.0, -16.0, 18.1, -16.5, 19.4, -17.05, 20.8, -16.8, 22.2, -16.0, 23.7, -14.8, 25.0, -14.5, 26.1,
  -13.2, 27.2, -12.9, 27.9, -11.5, 28.2, -10.1, 29.1, -9.6, 30.4, -9.8, 31.5, -9.25, 32.3, -8.5, 33.2, -7.6, 33.6, -6.8, 34.0, -6.2, 35.2, -5.9, 35.8,
  // North Africa's Mediterranean coast.
  -5.3, 35.9, -4.4, 35.2, -2.9, 35.3, -2.0, 35.1, -0.6, 35.7, 1.3, 36.5, 3.0, 36.8, 5.1, 36.8, 6.6, 37.1, 7.8, 36.9, 9.8, 37.3, 10.3, 36.9, 11.1, 37.1, 10.6, 35.8, 11.1, 35.2, 10.7, 34.7, 10.1, 33.9,
  10.9, 33.6, 11.5, 33.1, 13.2, 32.9, 15.2, 32.4, 16.6, 31.2, 19.0, 30.3, 20.1, 31.0, 20.1, 32.1, 21.8, 32.9, 23.0, 32.7, 24.0, 32.0, 25.1, 31.6, 27.2, 31.4, 29.9, 31.2, 31.0, 31.6, 32.3, 31.3,
  // The Levant and Anatolia.
  34.2, 31.3, 34.8, 32.1, 35.0, 32.8, 35.5, 33.9, 35.8, 34.4, 35.9, 35.5, 35.8, 36.3, 36.2, 36.6, 35.6, 36.6, 34.6, 36.8, 33.6, 36.2, 32.0, 36.55, 30.7, 36.85, 30.4, 36.2, 29.1, 36.6, 28.1, 36.7,
  27.4, 37.0, 27.2, 37.9, 26.3, 38.3, 27.0, 38.9, 26.7, 39.3, 26.1, 39.5, 26.2, 40.0,
  // Thrace and Greece.
  26.1, 40.7, 25.0, 40.9, 24.4, 40.9, 23.9, 40.7, 23.7, 40.2, 23.0, 40.6, 22.6, 40.0, 22.9, 39.3, 23.3, 39.0, 23.0, 38.5, 24.0, 38.1, 24.0, 37.65, 23.6, 37.95, 23.2, 37.6, 23.2, 36.5, 22.4, 36.5,
  22.0, 36.8, 21.7, 36.8, 21.3, 37.7, 21.4, 38.35, 20.75, 38.95, 20.25, 39.5, 19.9, 40.0,
  // The Adriatic.
  19.4, 40.4, 19.45, 41.3, 19.5, 41.9, 18.7, 42.4, 18.1, 42.65, 17.4, 43.05, 16.4, 43.5, 15.9, 43.7, 15.2, 44.2, 14.9, 44.9, 14.4, 45.3, 13.9, 44.8, 13.6, 45.1, 13.75, 45.65, 13.1, 45.7, 12.3, 45.4,
  12.5, 44.9, 12.3, 44.2, 13.5, 43.6, 14.2, 42.5, 15.0, 42.0, 16.2, 41.9, 15.9, 41.5, 16.9, 41.1, 18.0, 40.6, 18.5, 40.1, 18.35, 39.8, 17.2, 40.4, 16.6, 39.9, 17.1, 39.4, 16.5, 38.7, 16.1, 38.0,
  // Italy's west coast, France's south, Spain and Portugal.
  15.65, 37.95, 15.8, 38.6, 16.0, 39.4, 15.6, 40.0, 14.75, 40.65, 14.3, 40.8, 13.7, 41.2, 13.0, 41.3, 12.3, 41.75, 11.8, 42.1, 11.1, 42.4, 10.5, 42.95, 10.3, 43.5, 10.2, 43.9, 9.8, 44.1, 8.9, 44.4,
  8.2, 43.9, 7.4, 43.7, 6.6, 43.2, 6.0, 43.1, 5.35, 43.3, 4.7, 43.4, 3.7, 43.4, 3.1, 43.0, 3.2, 42.3, 3.1, 41.8, 2.2, 41.4, 1.2, 41.1, 0.9, 40.7, -0.05, 39.95, -0.3, 39.45, 0.2, 38.75, -0.5, 38.35,
  -0.7, 37.8, -1.0, 37.6, -2.2, 36.7, -3.5, 36.7, -4.4, 36.7, -5.35, 36.15, -5.6, 36.0, -6.3, 36.5, -6.4, 36.8, -7.4, 37.2, -8.0, 37.0, -8.95, 37.0, -8.8, 38.0, -8.9, 38.5, -9.5, 38.75, -9.4, 39.35,
  -8.9, 40.2, -8.65, 41.1, -8.85, 41.9, -9.3, 42.9, -8.4, 43.4, -7.7, 43.75, -5.7, 43.55, -3.8, 43.45, -1.8, 43.38,
  // Biscay, Brittany, the Channel, the Low Countries.
  -1.25, 44.65, -1.05, 45.6, -1.2, 46.2, -2.1, 46.8, -2.3, 47.3, -3.4, 47.7, -4.4, 47.8, -4.75, 48.35, -4.4, 48.65, -3.5, 48.8, -2.0, 48.65, -1.6, 48.7, -1.9, 49.7, -1.3, 49.7, -1.1, 49.35, 0.1,
  49.45, 1.08, 49.93, 1.6, 50.73, 1.85, 50.95, 2.55, 51.1, 3.3, 51.35, 3.6, 51.45, 4.1, 51.98, 4.6, 52.45, 4.75, 52.95, 5.3, 53.35, 6.0, 53.45, 7.0, 53.6, 7.2, 53.35, 8.1, 53.5, 8.55, 53.55, 8.9,
  53.9,
  // Jutland and the Baltic.
  8.65, 54.35, 8.6, 55.0, 8.45, 55.5, 8.15, 56.0, 8.2, 56.8, 8.6, 57.1, 9.9, 57.6, 10.6, 57.75, 10.5, 57.2, 10.3, 56.6, 10.95, 56.45, 10.2, 56.15, 10.0, 55.7, 9.75, 55.0, 10.15, 54.35, 10.9, 53.95,
  11.5, 54.0, 12.1, 54.2, 13.0, 54.45, 13.6, 54.55, 14.3, 53.95, 15.58, 54.18, 16.9, 54.6, 17.7, 54.8, 18.65, 54.4, 19.4, 54.45, 19.95, 54.95, 21.1, 55.3, 21.1, 55.7, 21.05, 56.5, 21.55, 57.4, 22.6,
  57.76, 23.1, 57.05, 24.1, 57.0, 24.4, 57.6, 24.4, 58.38, 23.5, 58.55, 23.5, 58.95, 24.0, 59.3, 24.75, 59.45, 26.0, 59.6, 27.0, 59.45, 28.0, 59.47,
  // The head of the Gulf of Finland, Finland, the Gulf of Bothnia.
  28.35, 59.7, 29.1, 59.85, 30.25, 59.88, 29.95, 60.15, 29.0, 60.2, 27.7, 60.5, 26.5, 60.4, 25.0, 60.17, 23.9, 59.95, 22.9, 59.82, 22.2, 60.45, 21.5, 61.1, 21.5, 61.5, 21.3, 62.3, 21.6, 63.1, 22.8,
  63.8, 24.1, 64.5, 25.4, 65.0, 25.2, 65.6, 24.2, 65.85, 22.2, 65.55, 21.2, 64.7, 20.3, 63.8, 19.1, 63.25, 17.9, 62.6, 17.35, 62.35, 17.2, 61.7, 17.15, 60.7, 18.1, 60.3, 18.9, 59.8, 18.7, 59.4,
  // Sweden's east and south coasts, Norway.
  18.3, 59.2, 17.6, 58.8, 16.8, 58.1, 16.6, 57.5, 16.4, 56.65, 15.6, 56.15, 14.7, 56.15, 14.2, 55.4, 13.2, 55.37, 12.9, 55.6, 12.7, 56.05, 12.6, 56.5, 11.95, 57.7, 11.3, 58.4, 11.2, 58.95, 10.8, 59.2,
  10.7, 59.85, 10.2, 59.15, 9.6, 59.0, 8.0, 58.15, 7.0, 58.0, 5.6, 58.7, 5.2, 59.4, 5.1, 60.4, 4.9, 61.0, 5.1, 62.2, 6.1, 62.5, 7.2, 63.0, 8.6, 63.45, 9.8, 63.9, 10.8, 64.5, 12.2, 65.5, 13.0, 66.1,
  14.0, 67.0, 14.4, 67.3, 15.3, 68.1, 16.5, 68.6, 18.0, 69.4, 18.95, 69.65, 20.5, 70.1, 22.0, 70.4, 23.7, 70.8,
];

/** Vertices of EURASIA the Soviet frontier meets (lon, lat; looked up by exact match). */
export const RING_MARKS = {
  petsamo: [31.9, 69.7],
  tumen: [130.65, 42.3],
  estonia: [28.35, 59.7],
  sestroretsk: [29.95, 60.15],
} as const;

/** Islands (and Greenland's south-east, in the top-left corner). */
export const ISLANDS: Record<string, Ring> = {
  greatBritain: [
    -5.7, 50.05, -5.2, 49.96, -4.2, 50.35, -3.5, 50.6, -2.45, 50.55, -1.3, 50.8, 0.25, 50.75, 1.4, 51.15, 1.45, 51.38, 0.5, 51.45, 0.9, 51.75, 1.75, 52.5, 1.6, 52.9, 0.35, 52.95, 0.2, 52.8, 0.35,
    53.1, 0.15, 53.6, -0.4, 54.28, -1.2, 54.6, -1.5, 55.1, -1.8, 55.65, -2.6, 56.05, -3.2, 56.0, -2.6, 56.5, -2.1, 57.15, -1.8, 57.6, -3.2, 57.7, -4.1, 57.6, -3.1, 58.3, -3.05, 58.65, -5.0, 58.6,
    -5.3, 57.9, -5.8, 57.3, -5.6, 56.6, -6.2, 56.3, -5.3, 55.8, -5.8, 55.3, -4.9, 55.7, -4.8, 55.3, -5.1, 54.85, -4.4, 54.7, -3.6, 54.9, -3.4, 54.5, -3.0, 53.9, -3.0, 53.4, -3.3, 53.35, -4.6, 53.3,
    -4.2, 52.9, -4.75, 52.8, -4.1, 52.3, -5.3, 51.85, -4.2, 51.55, -3.2, 51.4, -2.7, 51.5, -3.5, 51.2, -4.2, 51.2, -4.5, 51.0, -5.05, 50.55,
  ],
  ireland: [
    -6.4, 52.2, -6.1, 53.3, -6.2, 54.0, -5.5, 54.5, -5.7, 54.75, -6.15, 55.22, -7.3, 55.37, -8.3, 55.1, -8.7, 54.6, -8.5, 54.3, -10.0, 54.2, -9.6, 53.5, -10.1, 53.4, -9.0, 53.2, -9.9, 52.3, -10.4,
    52.1, -10.0, 51.6, -9.5, 51.45, -8.4, 51.75, -7.0, 52.15,
  ],
  iceland: [-22.5, 63.8, -22.0, 64.3, -24.0, 64.9, -22.4, 65.5, -24.5, 65.6, -22.0, 66.4, -18.0, 66.1, -16.0, 66.5, -14.5, 66.4, -13.6, 65.3, -14.5, 64.4, -18.0, 63.4, -21.0, 63.8],
  greenland: [
    -43.5, 59.8, -42.0, 61.5, -40.3, 63.5, -38.0, 65.6, -35.0, 66.3, -32.0, 68.1, -26.0, 68.6, -22.5, 70.2, -21.0, 72.0, -20.0, 76.0, -55.0, 76.0, -55.0, 68.0, -53.0, 66.0, -51.7, 64.2, -49.5, 61.5,
    -46.0, 60.5,
  ],
  zealand: [11.2, 55.2, 12.6, 55.6, 12.3, 56.1, 11.7, 55.9, 10.9, 55.7],
  funen: [9.8, 55.5, 10.5, 55.5, 10.8, 55.1, 10.2, 55.05],
  gotland: [18.1, 57.3, 18.9, 57.9, 19.2, 57.8, 18.6, 57.0],
  corsica: [9.4, 43.0, 9.6, 42.2, 9.2, 41.4, 8.6, 41.7, 8.6, 42.5],
  sardinia: [8.2, 41.1, 9.6, 41.0, 9.7, 40.0, 9.5, 39.2, 9.0, 38.9, 8.4, 39.0, 8.4, 40.3],
  sicily: [12.4, 37.8, 13.4, 38.2, 15.6, 38.3, 15.1, 37.5, 15.1, 36.7, 14.3, 37.0, 12.5, 37.6],
  majorca: [2.4, 39.6, 3.2, 39.9, 3.4, 39.5, 2.8, 39.3],
  crete: [23.5, 35.3, 24.3, 35.5, 26.3, 35.3, 26.0, 35.0, 24.8, 34.95],
  cyprus: [32.3, 34.9, 33.0, 34.6, 34.0, 35.0, 34.6, 35.7, 33.0, 35.4, 32.3, 35.1],
  ceylon: [80.2, 9.8, 81.2, 8.6, 81.9, 7.3, 81.4, 6.2, 80.6, 5.9, 79.85, 6.9, 79.8, 8.0],
  hainan: [110.5, 20.1, 111.0, 19.6, 110.1, 18.2, 108.7, 18.5, 108.6, 19.2, 109.5, 20.0],
  formosa: [121.0, 25.3, 121.9, 25.0, 121.5, 23.5, 120.8, 21.9, 120.2, 22.6, 120.1, 23.5],
  luzon: [120.6, 18.5, 122.2, 18.5, 122.0, 17.0, 121.6, 15.8, 122.3, 14.2, 124.2, 13.0, 124.0, 12.7, 123.0, 13.3, 121.8, 13.9, 120.6, 14.2, 120.0, 14.8, 120.0, 16.2, 120.4, 16.2],
  mindoro: [120.3, 13.5, 121.5, 13.2, 121.2, 12.2, 120.4, 12.6],
  samar: [124.3, 12.5, 125.7, 11.1, 125.0, 10.0, 124.3, 10.5],
  panay: [122.0, 11.8, 123.2, 11.2, 122.9, 10.0, 123.3, 9.1, 122.4, 10.2, 121.9, 10.5],
  mindanao: [122.0, 7.0, 123.8, 8.5, 125.5, 9.8, 126.6, 7.3, 125.4, 5.6, 124.0, 6.2],
  borneo: [115.5, 5.3, 116.0, 6.0, 116.8, 7.0, 117.5, 6.2, 119.3, 5.3, 119.0, 4.0, 115.0, 4.0],
  sumatra: [95.3, 5.6, 97.5, 5.2, 98.5, 4.0, 96.0, 3.0, 95.0, 4.5],
  kyushu: [130.9, 33.9, 131.6, 33.2, 131.9, 32.1, 131.4, 31.4, 130.7, 31.0, 130.2, 31.3, 130.2, 32.5, 129.8, 32.7, 129.7, 33.4, 130.4, 33.6],
  shikoku: [132.6, 33.3, 133.0, 32.7, 134.2, 33.25, 134.6, 34.0, 134.0, 34.4, 133.0, 34.1, 132.5, 33.9],
  honshu: [
    130.9, 34.0, 131.8, 34.7, 132.5, 35.4, 133.5, 35.5, 134.5, 35.6, 135.3, 35.7, 136.0, 35.7, 136.5, 36.4, 136.7, 37.1, 137.3, 37.5, 137.0, 36.8, 138.2, 37.0, 139.0, 37.9, 139.6, 38.6, 140.1, 39.7,
    139.9, 40.6, 140.3, 41.2, 141.2, 41.2, 141.4, 41.4, 141.5, 40.5, 142.0, 39.6, 141.6, 38.3, 141.0, 38.2, 141.0, 37.0, 140.7, 36.3, 140.9, 35.7, 139.85, 34.9, 139.8, 35.5, 139.2, 35.2, 138.8, 34.6,
    138.2, 34.6, 137.1, 34.6, 136.9, 34.3, 136.8, 33.5, 135.8, 33.45, 135.1, 34.2, 135.4, 34.65, 134.7, 34.7, 133.9, 34.5, 132.5, 34.3, 131.5, 34.0,
  ],
  hokkaido: [
    140.7, 41.8, 140.2, 41.4, 140.0, 42.3, 140.4, 43.3, 141.4, 43.2, 141.7, 44.3, 141.9, 45.5, 142.8, 44.6, 144.3, 44.1, 145.3, 44.3, 145.4, 43.3, 144.3, 42.95, 143.3, 42.0, 141.7, 42.6, 140.9, 42.5,
    141.0, 42.1,
  ],
  sakhalin: [142.0, 46.0, 143.5, 46.5, 143.2, 49.0, 144.3, 49.0, 143.0, 51.5, 143.3, 54.0, 142.8, 54.4, 142.0, 52.5, 142.2, 51.0, 141.8, 48.0],
};

/** Inland seas and great lakes, drawn over the land in the sea's colour. */
export const WATERS: Record<string, Ring> = {
  blackSea: [
    29.1, 41.2, 30.5, 41.1, 31.5, 41.3, 33.4, 42.0, 35.1, 42.0, 36.3, 41.3, 37.8, 41.1, 39.7, 41.0, 41.6, 41.6, 41.6, 42.2, 40.0, 43.4, 38.1, 44.5, 37.3, 44.9, 36.6, 45.05, 35.4, 45.0, 34.3, 44.5,
    33.5, 44.5, 33.6, 44.9, 33.3, 45.2, 32.5, 45.4, 33.6, 46.0, 32.6, 46.5, 31.8, 46.6, 30.75, 46.5, 30.2, 45.8, 29.7, 45.2, 28.7, 44.3, 27.9, 43.2, 27.5, 42.5, 28.0, 41.7,
  ],
  azov: [35.3, 45.4, 36.6, 45.3, 38.0, 46.4, 39.3, 47.2, 37.5, 47.05, 35.8, 46.6, 35.0, 46.2, 34.9, 45.7],
  marmara: [26.7, 40.4, 27.5, 41.0, 29.0, 41.05, 29.5, 40.7, 28.0, 40.3],
  caspian: [
    49.0, 46.5, 47.8, 45.6, 47.0, 44.5, 47.5, 43.0, 48.5, 41.8, 49.5, 40.5, 50.4, 40.4, 49.3, 39.5, 48.9, 38.4, 49.5, 37.5, 51.5, 36.8, 54.0, 37.0, 53.8, 38.9, 53.0, 40.0, 52.8, 41.2, 53.5, 41.8,
    52.5, 42.8, 51.3, 43.2, 51.3, 44.5, 50.3, 44.6, 51.5, 45.4, 53.1, 46.8, 51.9, 47.1, 50.0, 46.6,
  ],
  aral: [58.3, 46.5, 61.0, 46.8, 61.8, 45.4, 60.5, 44.2, 58.5, 43.5, 58.2, 45.1],
  ladoga: [30.5, 60.2, 32.2, 60.6, 32.8, 61.2, 31.0, 61.7, 30.0, 61.2],
  onega: [34.6, 61.1, 35.7, 61.3, 36.3, 62.0, 35.2, 62.8, 34.5, 62.3],
  baikal: [103.7, 51.7, 104.8, 51.5, 106.4, 52.5, 108.5, 53.5, 109.8, 55.6, 109.2, 55.8, 108.0, 54.2, 106.5, 53.2, 104.8, 51.9],
  balkhash: [74.0, 46.0, 76.0, 46.6, 79.0, 46.6, 79.2, 46.0, 77.0, 45.8, 75.0, 45.6],
};

/**
 * The Soviet Union's land frontier in 1927, from the Tumen on the Sea of Japan west to the Gulf of
 * Finland. It crosses the Caspian and the Black Sea in straight lines through open water (those
 * seas are drawn over it).
 */
export const SOVIET_FRONTIER: Ring = [
  130.65, 42.3, 130.6, 42.9, 131.2, 43.4, 131.3, 44.1, 131.0, 44.9, 131.9, 45.3, 133.1, 45.1, 133.9, 46.3, 134.7, 47.7, 134.8, 48.4, 133.0, 48.1, 131.0, 47.7, 130.6, 48.9, 127.5, 50.0, 126.0, 52.5,
  123.5, 53.5, 121.0, 53.3, 120.0, 51.8, 119.2, 50.3, 117.8, 49.5, 116.7, 49.8, 116.0, 50.0, 114.0, 50.2, 110.0, 49.2, 108.0, 49.5, 106.5, 50.3, 104.0, 50.3, 102.0, 51.4, 100.0, 51.7, 98.5, 52.0,
  98.0, 50.2, 95.0, 49.9, 91.5, 50.5, 88.0, 49.3, 86.0, 48.6, 85.5, 47.1, 83.0, 47.2, 82.3, 45.5, 80.4, 45.0, 80.2, 44.0, 80.3, 42.5, 78.5, 41.5, 77.0, 41.0, 75.5, 40.5, 73.6, 39.5, 74.9, 38.5, 75.0,
  37.3, 73.7, 37.2, 72.5, 37.0, 71.5, 36.9, 71.3, 37.9, 70.1, 37.6, 68.3, 37.1, 67.3, 37.2, 66.5, 37.4, 65.5, 37.3, 64.4, 36.2, 62.35, 35.28, 61.2, 36.5, 60.2, 37.0, 58.5, 37.8, 57.2, 38.2, 55.5,
  38.0, 53.95, 37.3,
  // Across the Caspian to Astara, the Araks, the Turkish frontier to the Black Sea at Batumi.
  48.87, 38.43, 48.0, 39.3, 47.3, 39.3, 46.5, 38.9, 45.5, 39.4, 44.8, 39.7, 43.6, 40.2, 43.6, 41.0, 42.8, 41.5, 41.55, 41.52,
  // Across the Black Sea to the Dniester, up it to the Zbruch, the Polish, Latvian and Estonian frontiers.
  36.0, 43.0, 33.0, 44.0, 30.1, 46.2, 29.6, 46.9, 29.0, 47.5, 28.2, 48.2, 27.5, 48.5, 26.3, 48.5, 26.1, 49.6, 26.7, 50.3, 27.5, 50.9, 27.7, 51.5, 27.4, 52.2, 26.8, 53.0, 27.0, 53.9, 27.2, 54.3, 27.8,
  55.0, 28.2, 55.8, 28.2, 56.2, 28.0, 57.0, 27.9, 57.8, 28.0, 58.1, 27.8, 58.6, 27.9, 59.0, 28.3, 59.4, 28.35, 59.7,
];

/** The Finnish frontier, from the Gulf of Finland north to the Arctic. */
export const FINNISH_FRONTIER: Ring = [29.95, 60.15, 30.6, 60.5, 32.0, 61.55, 31.0, 62.8, 31.5, 63.9, 30.0, 64.8, 29.6, 66.0, 29.9, 67.5, 28.6, 68.2, 28.8, 69.0, 30.0, 69.4, 31.0, 69.3, 31.9, 69.7];

/** A few great rivers, as open polylines (period maps show them; they help one read the land). */
export const RIVERS: Record<string, Ring> = {
  rhine: [4.1, 51.95, 6.2, 51.85, 6.9, 50.9, 7.6, 50.3, 8.3, 49.9, 8.4, 49.0, 7.6, 47.6, 9.5, 47.5],
  danube: [29.7, 45.2, 28.0, 45.4, 27.4, 44.1, 25.4, 43.6, 22.9, 43.9, 22.5, 44.6, 20.5, 44.8, 18.9, 45.5, 19.1, 47.5, 17.1, 48.1, 16.4, 48.2, 14.3, 48.3, 12.1, 49.0, 10.0, 48.4, 8.3, 48.0],
  vistula: [18.9, 54.35, 18.6, 53.1, 19.1, 52.6, 21.0, 52.2, 21.7, 51.0, 19.9, 50.05],
  dnieper: [32.6, 46.6, 33.6, 46.9, 35.1, 47.8, 34.6, 48.5, 32.5, 49.4, 30.5, 50.45, 30.7, 51.5, 30.3, 53.0, 30.9, 54.3, 33.0, 55.2],
  volga: [47.8, 45.6, 48.0, 46.4, 44.5, 48.7, 45.8, 51.5, 48.4, 53.3, 49.1, 55.8, 47.2, 56.1, 44.0, 56.3, 40.4, 56.9, 38.0, 57.6, 35.9, 56.8, 33.0, 57.2],
  don: [39.3, 47.2, 40.5, 47.5, 42.9, 47.9, 43.5, 49.2, 40.3, 51.0, 38.9, 52.6, 38.4, 54.0],
  nile: [31.0, 31.6, 31.2, 30.1, 31.1, 28.5, 32.9, 24.1, 32.9, 22.0, 31.0, 21.0, 30.6, 19.5, 32.5, 18.4, 32.5, 15.6, 32.2, 12.0, 31.5, 9.5],
  tigris: [48.5, 29.9, 47.4, 31.0, 45.5, 32.8, 44.4, 33.3, 43.2, 35.5, 42.6, 36.9, 40.2, 38.0],
  euphrates: [47.4, 31.0, 45.0, 31.9, 43.6, 33.3, 40.4, 34.5, 38.6, 36.1, 38.9, 38.5],
  indus: [67.6, 23.8, 68.4, 25.4, 69.5, 28.3, 70.8, 30.5, 71.2, 32.9, 72.5, 34.0, 74.5, 35.8, 77.6, 34.2],
  ganges: [88.1, 21.9, 88.4, 24.2, 86.0, 25.4, 83.0, 25.3, 80.3, 26.4, 78.0, 28.4, 78.2, 30.1],
  yangtze: [121.9, 31.5, 118.8, 32.1, 117.0, 30.5, 114.3, 30.6, 112.5, 29.8, 111.3, 30.7, 106.6, 29.6, 104.6, 28.8, 101.0, 27.0, 98.5, 30.5],
  yellowRiver: [119.0, 37.7, 116.9, 36.7, 114.5, 35.0, 110.3, 34.6, 110.5, 37.5, 111.0, 39.7, 107.6, 40.8, 106.0, 39.0, 103.8, 36.1],
  amur: [140.7, 53.1, 137.0, 50.5, 135.1, 48.4, 132.0, 47.8, 130.6, 48.9, 127.5, 50.0, 126.0, 52.5, 123.5, 53.5, 121.0, 53.3],
  ob: [66.5, 66.6, 69.0, 64.0, 69.0, 61.0, 73.0, 61.0, 77.0, 60.8, 83.0, 57.0, 84.5, 53.3],
  yenisei: [83.0, 71.0, 86.0, 67.5, 88.0, 64.0, 90.0, 61.5, 92.0, 58.0, 92.8, 56.0],
};

/** North America for the inset: the coast from the Chesapeake to Cape Breton, and two lakes. */
export const NORTH_AMERICA: Ring = [
  -100.0, 30.0, -81.0, 30.0, -81.4, 31.5, -79.9, 32.8, -78.0, 33.9, -76.6, 34.7, -75.5, 35.3, -75.9, 36.9, -76.3, 37.0, -76.0, 37.8, -75.7, 37.6, -75.1, 38.8, -74.9, 39.4, -74.1, 39.9, -74.0, 40.6,
  -73.0, 40.75, -71.9, 41.1, -72.9, 41.2, -71.4, 41.4, -70.0, 41.6, -70.0, 41.9, -70.6, 42.0, -70.8, 42.5, -70.2, 43.7, -69.0, 44.1, -67.0, 44.8, -66.0, 45.2, -64.5, 45.3, -66.0, 43.8, -65.3, 43.5,
  -63.5, 44.6, -61.2, 45.3, -60.0, 45.9, -60.5, 47.0, -61.5, 45.9, -62.5, 45.7, -64.0, 46.2, -64.8, 47.1, -64.3, 48.8, -66.0, 49.2, -68.5, 48.6, -70.0, 47.6, -71.2, 46.85, -70.7, 47.4, -69.0, 48.8,
  -67.0, 49.6, -64.5, 50.2, -60.0, 50.2, -57.0, 51.5, -56.0, 53.0, -60.0, 55.5, -62.0, 58.0, -64.5, 60.5, -100.0, 65.0,
];
export const NORTH_AMERICA_WATERS: Record<string, Ring> = {
  ontario: [-79.8, 43.3, -78.0, 43.35, -76.2, 43.5, -76.3, 44.2, -77.5, 43.95, -79.4, 43.65],
  erie: [-83.4, 41.7, -82.0, 41.45, -79.8, 42.1, -78.9, 42.85, -80.5, 42.6, -82.5, 42.1],
  huron: [-84.5, 45.9, -82.5, 45.4, -80.4, 44.6, -81.7, 43.0, -82.5, 44.0, -83.5, 45.0],
  georgian: [-81.3, 45.2, -80.0, 44.6, -79.8, 45.4, -80.6, 46.0],
};
export const NORTH_AMERICA_RIVERS: Record<string, Ring> = {
  stLawrence: [-76.3, 44.2, -75.0, 45.0, -73.6, 45.5, -71.2, 46.85],
  ottawaRiver: [-79.3, 46.3, -77.0, 45.8, -75.7, 45.45, -74.0, 45.55],
  potomac: [-76.3, 38.0, -77.0, 38.4, -77.05, 38.9, -77.5, 39.3],
};

// ---------------------------------------------------------------------------------------------
// Places.

export type Dir = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
export const DIRS: readonly Dir[] = ['e', 'w', 'n', 's', 'ne', 'se', 'nw', 'sw'];

export interface PlaceGeo {
  lon: number;
  lat: number;
  label: string;
  /** Drawn in the North America inset, not on the main map. */
  inset?: boolean;
  /** London and Moscow: bigger dot and label, in their side's colour. */
  capital?: 'britain' | 'ussr';
  /** Where the label goes, best first; the layout tries these, then the other directions, then further out. */
  prefer: readonly Dir[];
}

export const PLACE_GEO: Record<Place, PlaceGeo> = {
  london: { lon: -0.13, lat: 51.51, label: 'London', capital: 'britain', prefer: ['w', 'sw', 'nw'] },
  moscow: { lon: 37.62, lat: 55.75, label: 'Moscow', capital: 'ussr', prefer: ['e', 'se', 'ne'] },
  geneva: { lon: 6.14, lat: 46.2, label: 'Geneva', prefer: ['se', 'e', 's', 'sw'] },
  paris: { lon: 2.35, lat: 48.86, label: 'Paris', prefer: ['w', 'sw', 's'] },
  berlin: { lon: 13.4, lat: 52.52, label: 'Berlin', prefer: ['s', 'se', 'e', 'n'] },
  warsaw: { lon: 21.01, lat: 52.23, label: 'Warsaw', prefer: ['se', 's', 'e'] },
  rome: { lon: 12.5, lat: 41.9, label: 'Rome', prefer: ['e', 'se', 'sw'] },
  brussels: { lon: 4.35, lat: 50.85, label: 'Brussels', prefer: ['s', 'se', 'e'] },
  riga: { lon: 24.11, lat: 56.95, label: 'Riga', prefer: ['e', 'se', 'w'] },
  leningrad: { lon: 30.32, lat: 59.94, label: 'Leningrad', prefer: ['e', 'ne', 'n'] },
  peking: { lon: 116.4, lat: 39.9, label: 'Peking', prefer: ['w', 'nw', 'n'] },
  shanghai: { lon: 121.47, lat: 31.23, label: 'Shanghai', prefer: ['e', 'se', 'w'] },
  tokyo: { lon: 139.69, lat: 35.69, label: 'Tokyo', prefer: ['s', 'se', 'n'] },
  delhi: { lon: 77.21, lat: 28.61, label: 'Delhi', prefer: ['e', 's', 'w'] },
  kabul: { lon: 69.17, lat: 34.53, label: 'Kabul', prefer: ['w', 'nw', 'n'] },
  ottawa: { lon: -75.7, lat: 45.42, label: 'Ottawa', inset: true, prefer: ['n', 'e', 'w'] },
  ankara: { lon: 32.85, lat: 39.93, label: 'Ankara', prefer: ['e', 's', 'n'] },
  hague: { lon: 4.3, lat: 52.08, label: 'The Hague', prefer: ['n', 'ne', 'nw'] },
  stockholm: { lon: 18.07, lat: 59.33, label: 'Stockholm', prefer: ['w', 'nw', 'n'] },
  washington: { lon: -77.04, lat: 38.91, label: 'Washington', inset: true, prefer: ['s', 'e', 'w'] },
};

// ---------------------------------------------------------------------------------------------
// Projection and the view's frame.

export interface GeoWindow {
  lon0: number;
  lon1: number;
  lat0: number;
  lat1: number;
}

export interface Projection {
  box: Box;
  win: GeoWindow;
  x(lon: number): number;
  y(lat: number): number;
}

/** Scale along an axis: [degree, relative px per degree] nodes, linear between. */
export type Density = readonly (readonly [number, number])[];

/**
 * Europe gets more room than the rest (it holds most of the places): px per degree along each
 * axis follows these nodes. Shapes stay close to plate carrée inside each band.
 */
export const DENSITY_LON: Density = [
  [-37, 0.8],
  [-16, 0.85],
  [-8, 1.7],
  [36, 1.7],
  [50, 0.8],
  [147, 0.72],
];
export const DENSITY_LAT: Density = [
  [5, 0.72],
  [32, 0.85],
  [38, 1.65],
  [57, 1.65],
  [62, 1.25],
  [70, 1.05],
];

/** A monotone map from degrees to [0, 1] by integrating a density. */
function axis(d0: number, d1: number, dens: Density | null): (v: number) => number {
  if (!dens) return v => (v - d0) / (d1 - d0);
  const at = (v: number) => {
    if (v <= dens[0]![0]) return dens[0]![1];
    for (let i = 1; i < dens.length; i++) {
      const [a, da] = dens[i - 1]!,
        [b, db] = dens[i]!;
      if (v <= b) return da + ((db - da) * (v - a)) / (b - a);
    }
    return dens[dens.length - 1]![1];
  };
  const steps = 512,
    h = (d1 - d0) / steps;
  const cum = [0];
  for (let i = 0; i < steps; i++) cum.push(cum[i]! + ((at(d0 + i * h) + at(d0 + (i + 1) * h)) / 2) * h);
  const total = cum[steps]!;
  return v => {
    const t = (v - d0) / h;
    if (t <= 0) return (t * h * at(d0)) / total;
    if (t >= steps) return 1 + ((t - steps) * h * at(d1)) / total;
    const i = Math.floor(t);
    return (cum[i]! + (cum[i + 1]! - cum[i]!) * (t - i)) / total;
  };
}

export function project(box: Box, win: GeoWindow, dens: { lon: Density; lat: Density } | null = null): Projection {
  const ax = axis(win.lon0, win.lon1, dens?.lon ?? null);
  const ay = axis(win.lat0, win.lat1, dens?.lat ?? null);
  return { box, win, x: lon => box.x + ax(lon) * box.w, y: lat => box.y + (1 - ay(lat)) * box.h };
}

/** Where everything sits in a view of size w x h (local pixels, origin top left). */
export interface MapFrame {
  w: number;
  h: number;
  /** The map itself, inside the neat line. */
  map: Box;
  proj: Projection;
  cartouche: Box;
  /** The North America inset (its frame), its map area and projection. */
  inset: Box;
  insetMap: Box;
  insetProj: Projection;
  dial: Box;
}

/** Width of the border between the view's edge and the map's neat line. */
export const BORDER = 6;

export function mapFrame(w: number, h: number): MapFrame {
  const map: Box = { x: BORDER, y: BORDER, w: w - 2 * BORDER, h: h - 2 * BORDER };
  const proj = project(map, VIEW, { lon: DENSITY_LON, lat: DENSITY_LAT });
  // The Atlantic strip west of Ireland: from the neat line to about 12.5°W.
  const stripW = Math.max(100, Math.round(proj.x(-12.6) - map.x - 8));
  const pad = 4;
  // North of Scotland the sea runs east to Norway (about 4°E): room for the cartouche.
  const cartouche: Box = { x: map.x + pad, y: map.y + pad, w: Math.min(200, Math.round(proj.x(2) - map.x - 2 * pad)), h: 42 };
  const dialH = 64;
  const dial: Box = { x: map.x + pad, y: map.y + map.h - pad - dialH, w: stripW, h: dialH };
  const insetTop = cartouche.y + cartouche.h + 8;
  const insetH = Math.min(150, dial.y - 8 - insetTop);
  const inset: Box = { x: map.x + pad, y: insetTop, w: stripW, h: insetH };
  const titleH = 16;
  const insetMap: Box = { x: inset.x + 2, y: inset.y + titleH, w: inset.w - 4, h: inset.h - titleH - 2 };
  // Keep the inset's own scale near the main map's proportions: fit the window, centre it.
  const win = INSET_VIEW;
  const aspect = ((win.lon1 - win.lon0) * Math.cos((43 * Math.PI) / 180)) / (win.lat1 - win.lat0);
  let iw = insetMap.w,
    ih = insetMap.w / aspect;
  if (ih > insetMap.h) {
    ih = insetMap.h;
    iw = ih * aspect;
  }
  // Stretch the window (not the shapes) to fill the box.
  const lonSpan = ((win.lon1 - win.lon0) * insetMap.w) / iw;
  const latSpan = ((win.lat1 - win.lat0) * insetMap.h) / ih;
  const cLon = (win.lon0 + win.lon1) / 2,
    cLat = (win.lat0 + win.lat1) / 2;
  const insetProj = project(insetMap, { lon0: cLon - lonSpan / 2, lon1: cLon + lonSpan / 2, lat0: cLat - latSpan / 2, lat1: cLat + latSpan / 2 });
  return { w, h, map, proj, cartouche, inset, insetMap, insetProj, dial };
}

/** A place's position in the view (in the inset for Ottawa and Washington). */
export function placeXY(f: MapFrame, p: Place): { x: number; y: number } {
  const g = PLACE_GEO[p];
  const pr = g.inset ? f.insetProj : f.proj;
  return { x: pr.x(g.lon), y: pr.y(g.lat) };
}

/** Project a ring to flat x, y pixels. */
export function projectRing(pr: Projection, ring: Ring): number[] {
  const out: number[] = [];
  for (let i = 0; i < ring.length; i += 2) out.push(pr.x(ring[i]!), pr.y(ring[i + 1]!));
  return out;
}

/** Clip a closed polygon (flat x, y) to a box (Sutherland-Hodgman). Concave input gives seams along the box's edges, which the frame hides. */
export function clipPolygon(pts: readonly number[], b: Box): number[] {
  const edges: [(x: number, y: number) => boolean, (ax: number, ay: number, bx: number, by: number) => [number, number]][] = [
    [x => x >= b.x, (ax, ay, bx, by) => [b.x, ay + ((by - ay) * (b.x - ax)) / (bx - ax)]],
    [x => x <= b.x + b.w, (ax, ay, bx, by) => [b.x + b.w, ay + ((by - ay) * (b.x + b.w - ax)) / (bx - ax)]],
    [(_x, y) => y >= b.y, (ax, ay, bx, by) => [ax + ((bx - ax) * (b.y - ay)) / (by - ay), b.y]],
    [(_x, y) => y <= b.y + b.h, (ax, ay, bx, by) => [ax + ((bx - ax) * (b.y + b.h - ay)) / (by - ay), b.y + b.h]],
  ];
  let cur = pts.slice();
  for (const [inside, cut] of edges) {
    const n = cur.length / 2;
    if (!n) break;
    const next: number[] = [];
    for (let i = 0; i < n; i++) {
      const ax = cur[2 * i]!,
        ay = cur[2 * i + 1]!;
      const j = (i + n - 1) % n;
      const px = cur[2 * j]!,
        py = cur[2 * j + 1]!;
      const aIn = inside(ax, ay),
        pIn = inside(px, py);
      if (aIn) {
        if (!pIn) next.push(...cut(px, py, ax, ay));
        next.push(ax, ay);
      } else if (pIn) next.push(...cut(px, py, ax, ay));
    }
    cur = next;
  }
  return cur;
}

/** Clip an open polyline to a box: the runs that lie inside it. */
export function clipPolyline(pts: readonly number[], b: Box): number[][] {
  const inside = (x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i]!,
      y = pts[i + 1]!;
    if (inside(x, y)) run.push(x, y);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter(r => r.length >= 4);
}

/** The Soviet Union as one polygon: its Arctic and Pacific coast from the shared ring, the frontiers. */
export function sovietRing(): number[] {
  const find = ([lon, lat]: readonly [number, number]) => {
    for (let i = 0; i < EURASIA.length; i += 2) if (EURASIA[i] === lon && EURASIA[i + 1] === lat) return i;
    throw new Error(`ring mark ${lon},${lat} not in EURASIA`);
  };
  const a = find(RING_MARKS.petsamo),
    b = find(RING_MARKS.tumen);
  const c = find(RING_MARKS.estonia),
    d = find(RING_MARKS.sestroretsk);
  return [...EURASIA.slice(a, b), ...SOVIET_FRONTIER.slice(0, -2), ...EURASIA.slice(c, d), ...FINNISH_FRONTIER.slice(0, -2)];
}

/** Points along the London-Moscow line: a great circle, which bows north on this projection. */
export function greatCircle(a: { lon: number; lat: number }, b: { lon: number; lat: number }, n: number): number[] {
  const rad = Math.PI / 180;
  const v = (p: { lon: number; lat: number }) => [Math.cos(p.lat * rad) * Math.cos(p.lon * rad), Math.cos(p.lat * rad) * Math.sin(p.lon * rad), Math.sin(p.lat * rad)] as const;
  const va = v(a),
    vb = v(b);
  const dot = va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2];
  const om = Math.acos(Math.min(1, Math.max(-1, dot)));
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const s0 = Math.sin((1 - t) * om) / Math.sin(om),
      s1 = Math.sin(t * om) / Math.sin(om);
    const x = s0 * va[0] + s1 * vb[0],
      y = s0 * va[1] + s1 * vb[1],
      z = s0 * va[2] + s1 * vb[2];
    out.push(Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad);
  }
  return out;
}
