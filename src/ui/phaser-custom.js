// A smaller Phaser for a menu-and-dashboard game: the core (game loop, scenes, WebGL renderer with
// the Canvas fallback, 2D cameras, textures, loader, pointer and keyboard input, scale manager,
// tweens, timers, Math, the Geom shapes for hit areas) and these game objects: Container,
// Graphics, Image, Layer, Sprite, Text, Zone and the Arc, Ellipse, Line, Polygon, Rectangle and
// Triangle shapes. Not included: physics, tilemaps, particles, video, DOM elements, bitmap text,
// meshes, lights, groups (and Actions), gamepads, Geom.Intersects, and Phaser's sound (audio is
// Howler's).
//
// Built from Phaser's CommonJS sources in the shape of node_modules/phaser/src/phaser-core.js;
// `phaser-src/` is an alias for node_modules/phaser/src, and vite.config.ts also resolves Phaser's
// compile-time flags (`typeof WEBGL_RENDERER` ...). Production builds alias `phaser` to this file,
// so `src/ui/phaser.ts` exports it; the dev server and Vitest use the full `phaser` package.
// TypeScript types always come from `phaser`.
//
// Anything left out is `undefined` at run time though TypeScript allows it. To use another game
// object, import its class below and add it to GameObjects, and import its Factory and Creator
// for their side effects (they register `scene.add.x` and `scene.make.x`); then check the size
// with `npm run bench:web`.

import CONST from 'phaser-src/const.js';
import Extend from 'phaser-src/utils/object/Extend.js';

import Animations from 'phaser-src/animations/index.js';
import BlendModes from 'phaser-src/renderer/BlendModes.js';
import Cache from 'phaser-src/cache/index.js';
import Cameras2D from 'phaser-src/cameras/2d/index.js';
import Core from 'phaser-src/core/index.js';
import Class from 'phaser-src/utils/Class.js';
import Data from 'phaser-src/data/index.js';
import Align from 'phaser-src/display/align/index.js';
import Bounds from 'phaser-src/display/bounds/index.js';
import Canvas from 'phaser-src/display/canvas/index.js';
import Color from 'phaser-src/display/color/index.js';
import Masks from 'phaser-src/display/mask/index.js';
import DOM from 'phaser-src/dom/index.js';
import Events from 'phaser-src/events/index.js';
import Filters from 'phaser-src/filters/index.js';
import Game from 'phaser-src/core/Game.js';
import GEOM_CONST from 'phaser-src/geom/const.js';
import Circle from 'phaser-src/geom/circle/index.js';
import GeomEllipse from 'phaser-src/geom/ellipse/index.js';
import GeomLine from 'phaser-src/geom/line/index.js';
import GeomPolygon from 'phaser-src/geom/polygon/index.js';
import GeomRectangle from 'phaser-src/geom/rectangle/index.js';
import GeomTriangle from 'phaser-src/geom/triangle/index.js';
import INPUT_CONST from 'phaser-src/input/const.js';
import CreatePixelPerfectHandler from 'phaser-src/input/CreatePixelPerfectHandler.js';
import CreateInteractiveObject from 'phaser-src/input/CreateInteractiveObject.js';
import InputEvents from 'phaser-src/input/events/index.js';
import InputManager from 'phaser-src/input/InputManager.js';
import InputPlugin from 'phaser-src/input/InputPlugin.js';
import InputPluginCache from 'phaser-src/input/InputPluginCache.js';
import Keyboard from 'phaser-src/input/keyboard/index.js';
import Mouse from 'phaser-src/input/mouse/index.js';
import Pointer from 'phaser-src/input/Pointer.js';
import Touch from 'phaser-src/input/touch/index.js';
import PhaserMath from 'phaser-src/math/index.js';
import Plugins from 'phaser-src/plugins/index.js';
import Renderer from 'phaser-src/renderer/index.js';
import Scale from 'phaser-src/scale/index.js';
import ScaleModes from 'phaser-src/renderer/ScaleModes.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scenes from 'phaser-src/scene/index.js';
import Structs from 'phaser-src/structs/index.js';
import Textures from 'phaser-src/textures/index.js';
import Time from 'phaser-src/time/index.js';
import TintModes from 'phaser-src/renderer/TintModes.js';
import Tweens from 'phaser-src/tweens/index.js';
import Utils from 'phaser-src/utils/index.js';

import LoaderFile from 'phaser-src/loader/File.js';
import FileTypesManager from 'phaser-src/loader/FileTypesManager.js';
import GetURL from 'phaser-src/loader/GetURL.js';
import LoaderPlugin from 'phaser-src/loader/LoaderPlugin.js';
import MergeXHRSettings from 'phaser-src/loader/MergeXHRSettings.js';
import MultiFile from 'phaser-src/loader/MultiFile.js';
import XHRLoader from 'phaser-src/loader/XHRLoader.js';
import XHRSettings from 'phaser-src/loader/XHRSettings.js';
import LoaderEvents from 'phaser-src/loader/events/index.js';
import ImageFile from 'phaser-src/loader/filetypes/ImageFile.js';
import SVGFile from 'phaser-src/loader/filetypes/SVGFile.js';
import JSONFile from 'phaser-src/loader/filetypes/JSONFile.js';
import TextFile from 'phaser-src/loader/filetypes/TextFile.js';
import AtlasJSONFile from 'phaser-src/loader/filetypes/AtlasJSONFile.js';
import SpriteSheetFile from 'phaser-src/loader/filetypes/SpriteSheetFile.js';

import GameObjectEvents from 'phaser-src/gameobjects/events/index.js';
import DisplayList from 'phaser-src/gameobjects/DisplayList.js';
import GameObjectCreator from 'phaser-src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser-src/gameobjects/GameObjectFactory.js';
import UpdateList from 'phaser-src/gameobjects/UpdateList.js';
import Components from 'phaser-src/gameobjects/components/index.js';
import GetCalcMatrix from 'phaser-src/gameobjects/GetCalcMatrix.js';
import BuildGameObject from 'phaser-src/gameobjects/BuildGameObject.js';
import BuildGameObjectAnimation from 'phaser-src/gameobjects/BuildGameObjectAnimation.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';

import Container from 'phaser-src/gameobjects/container/Container.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import Layer from 'phaser-src/gameobjects/layer/Layer.js';
import Sprite from 'phaser-src/gameobjects/sprite/Sprite.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import GetTextSize from 'phaser-src/gameobjects/text/GetTextSize.js';
import MeasureText from 'phaser-src/gameobjects/text/MeasureText.js';
import TextStyle from 'phaser-src/gameobjects/text/TextStyle.js';
import Zone from 'phaser-src/gameobjects/zone/Zone.js';
import Shape from 'phaser-src/gameobjects/shape/Shape.js';
import Arc from 'phaser-src/gameobjects/shape/arc/Arc.js';
import Ellipse from 'phaser-src/gameobjects/shape/ellipse/Ellipse.js';
import Line from 'phaser-src/gameobjects/shape/line/Line.js';
import Polygon from 'phaser-src/gameobjects/shape/polygon/Polygon.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import Triangle from 'phaser-src/gameobjects/shape/triangle/Triangle.js';

import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/layer/LayerFactory.js';
import 'phaser-src/gameobjects/sprite/SpriteFactory.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import 'phaser-src/gameobjects/zone/ZoneFactory.js';
import 'phaser-src/gameobjects/shape/arc/ArcFactory.js';
import 'phaser-src/gameobjects/shape/ellipse/EllipseFactory.js';
import 'phaser-src/gameobjects/shape/line/LineFactory.js';
import 'phaser-src/gameobjects/shape/polygon/PolygonFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';
import 'phaser-src/gameobjects/shape/triangle/TriangleFactory.js';

import 'phaser-src/gameobjects/container/ContainerCreator.js';
import 'phaser-src/gameobjects/graphics/GraphicsCreator.js';
import 'phaser-src/gameobjects/image/ImageCreator.js';
import 'phaser-src/gameobjects/layer/LayerCreator.js';
import 'phaser-src/gameobjects/sprite/SpriteCreator.js';
import 'phaser-src/gameobjects/text/TextCreator.js';
import 'phaser-src/gameobjects/zone/ZoneCreator.js';

const Phaser = Extend(false, {
    Animations,
    BlendModes,
    Cache,
    Cameras: {
        Scene2D: Cameras2D
    },
    Core,
    Class,
    Data,
    Display: {
        Align,
        Bounds,
        Canvas,
        Color,
        Masks
    },
    DOM,
    Events,
    Filters,
    Game,
    GameObjects: {
        Events: GameObjectEvents,
        DisplayList,
        GameObjectCreator,
        GameObjectFactory,
        UpdateList,
        Components,
        GetCalcMatrix,
        BuildGameObject,
        BuildGameObjectAnimation,
        GameObject,
        Container,
        Graphics,
        Image,
        Layer,
        Sprite,
        Text,
        GetTextSize,
        MeasureText,
        TextStyle,
        Zone,
        Shape,
        Arc,
        Ellipse,
        Line,
        Polygon,
        Rectangle,
        Triangle
    },
    Geom: Extend(false, {
        Circle,
        Ellipse: GeomEllipse,
        Line: GeomLine,
        Polygon: GeomPolygon,
        Rectangle: GeomRectangle,
        Triangle: GeomTriangle
    }, GEOM_CONST),
    Input: Extend(false, {
        CreatePixelPerfectHandler,
        CreateInteractiveObject,
        Events: InputEvents,
        InputManager,
        InputPlugin,
        InputPluginCache,
        Keyboard,
        Mouse,
        Pointer,
        Touch
    }, INPUT_CONST),
    Loader: {
        Events: LoaderEvents,
        FileTypes: { AtlasJSONFile, ImageFile, JSONFile, SpriteSheetFile, SVGFile, TextFile },
        File: LoaderFile,
        FileTypesManager,
        GetURL,
        LoaderPlugin,
        MergeXHRSettings,
        MultiFile,
        XHRLoader,
        XHRSettings
    },
    Math: PhaserMath,
    Plugins,
    Renderer,
    Scale,
    ScaleModes,
    Scene,
    Scenes,
    Structs,
    Textures,
    Time,
    TintModes,
    Tweens,
    Utils
}, CONST);

export default Phaser;
