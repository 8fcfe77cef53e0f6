// The one place the UI imports Phaser from, so the build can swap in a smaller custom build.
import Phaser from 'phaser';
export default Phaser;
