// Webpack build of the Google Sheets add-on into dist/sheets: one unminified Code.js with top-level entry points (comments and unused declarations stripped, code not minified), sidebar.html with its script and stylesheet inlined, appsscript.json.
const fs = require('fs');
const path = require('path');
const { Compilation, RuntimeGlobals, sources } = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const { tabIndent } = require('./tab-indent');
const { dropUnused, stripComments } = require('./compact');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = path.resolve(__dirname, '..');
const SIDEBAR_TEMPLATE = path.join(__dirname, 'sidebar.html');
const PANEL_CSS = path.join(root, 'ui', 'panel.css');
const MAIN = path.join(__dirname, 'main.ts');

/**
 * Apps Script's HtmlService serves one file per page and clasp pushes every .js file in dist/sheets as
 * server code, so the sidebar's bundle (and the panel's stylesheet) go inside sidebar.html and
 * sidebar.js is not emitted.
 */
class InlineSidebarPlugin {
  apply(compiler) {
    // gas-webpack-plugin asks every module for webpack's `global` runtime, whose fallback is
    // `new Function('return this')`, so the browser bundle would carry it too. Only main.ts assigns to
    // `global` (a module that mentions it keeps the runtime). Tapped on `compilation`, after
    // gas-webpack-plugin's own tap, which this plugin follows in the plugin list.
    compiler.hooks.compilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.additionalModuleRuntimeRequirements.tap('InlineSidebarPlugin', (module, set) => {
        const root = module.rootModule || module;
        if (root.resource === MAIN) return;
        const source = typeof root.originalSource === 'function' ? root.originalSource() : null;
        if (source && !/\bglobal\b/.test(source.source().toString())) set.delete(RuntimeGlobals.global);
      });
    });
    compiler.hooks.thisCompilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineSidebarPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        const js = compilation.getAsset('sidebar.js');
        if (!js) return;
        compilation.fileDependencies.add(SIDEBAR_TEMPLATE);
        compilation.fileDependencies.add(PANEL_CSS);
        const css = fs.existsSync(PANEL_CSS) ? fs.readFileSync(PANEL_CSS, 'utf8') : '';
        // A literal "</script" or "</style" inside the inlined text would end the element early.
        const script = js.source.source().toString().replace(/<\/script/gi, '<\\/script');
        const style = css.replace(/<\/style/gi, '<\\/style');
        // Replacer functions: `$&` and friends in the bundle must not be read as replacement patterns.
        const html = fs
          .readFileSync(SIDEBAR_TEMPLATE, 'utf8')
          .replace('/* inline:css */', () => style)
          .replace('/* inline:js */', () => script);
        compilation.deleteAsset('sidebar.js');
        compilation.emitAsset('sidebar.html', new sources.RawSource(html));
      });
    });
  }
}

/** Webpack's note of where each module starts (`// ./core/read/rows.ts`): kept, it shows whose code follows. */
const MODULE_MARKER = /^\/\/ \.\/[\w./-]+$/;

/**
 * Shapes Code.js after gas-webpack-plugin, which copies the JSDoc of each `global.X = …` assignment onto a generated
 * top-level `function X() {}` (where Sheets reads @customfunction for autocomplete). Those declarations and their
 * JSDoc stay as they are. In the bundle below them:
 * - comments are stripped (among them the second copy of each entry point's JSDoc: Sheets must see each
 *   @customfunction once), except webpack's module markers;
 * - declarations that nothing refers to are dropped (webpack leaves unused code to a minifier, and there is none);
 * - indentation is one tab per level instead of four spaces.
 * The code is NOT minified: names, line breaks, the order of lines, indentation and spacing are webpack's and
 * TypeScript's, as readable as before; only comments and unused declarations are gone (SPEC 8, SPEC 9 bundle budget).
 */
class CompactBundlePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CompactBundlePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CompactBundlePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        const asset = compilation.getAsset('Code.js');
        if (!asset) return;
        const code = asset.source.source().toString();
        const bundleStart = code.indexOf('/******/');
        if (bundleStart < 0) return;
        // The bundle starts on a line of its own (gas-webpack-plugin puts it right after the last declaration's brace).
        const declarations = code.slice(0, bundleStart).replace(/\s*$/, '\n');
        const bundle = dropUnused(stripComments(code.slice(bundleStart), (comment) => MODULE_MARKER.test(comment)));
        compilation.updateAsset('Code.js', new sources.RawSource(declarations + tabIndent(bundle)));
      });
    });
  }
}

function tsLoaderOptions(removeComments) {
  return { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true, compilerOptions: { removeComments, module: 'es2020' } };
}

module.exports = (env = {}, argv = {}) => ({
  name: 'sheets',
  mode: 'production',
  devtool: false,
  context: root,
  entry: {
    Code: './sheets-addon/main.ts',
    sidebar: './sheets-addon/sidebar.ts',
  },
  output: { path: path.join(root, 'dist', 'sheets'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      // The add-on's own files keep their comments here: gas-webpack-plugin copies the entry points' JSDoc from them
      // (CompactBundlePlugin then strips the bundle's comments).
      { test: /\.ts$/, include: __dirname, loader: 'ts-loader', options: tsLoaderOptions(false) },
      // Core and panel code ship without comments, and as ES modules so that webpack joins them into one
      // scope (plain names instead of `(0, module_1.name)(…)`): the readable, unminified Code.js stays small.
      { test: /\.ts$/, exclude: [/node_modules/, __dirname], loader: 'ts-loader', options: tsLoaderOptions(true) },
    ],
  },
  // Unminified: Apps Script shows this code to its users, and the @customfunction JSDoc must survive.
  optimization: { minimize: false, concatenateModules: true },
  plugins: [
    // Only main.ts declares entry points; the sidebar bundle runs in the browser.
    new GasPlugin({ autoGlobalExportsFiles: [], include: ['sheets-addon/main.ts'] }),
    new CompactBundlePlugin(),
    new InlineSidebarPlugin(),
    new CopyWebpackPlugin({ patterns: [{ from: 'sheets-addon/appsscript.json', to: 'appsscript.json' }] }),
  ],
  performance: { hints: false },
});
