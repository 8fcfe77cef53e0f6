// The one place the UI imports Phaser from. Production builds (vite build) resolve 'phaser' to the
// smaller custom build in ./phaser-custom.js, which has only the parts a menu-and-dashboard game
// needs (see the list there); the dev server and Vitest use the full package. Types come from
// 'phaser' either way. Import this module only from code that is loaded lazily (e.g. through
// `await import('./ui/game')`), so that Phaser stays out of the first page load.
import Phaser from 'phaser';
export default Phaser;
