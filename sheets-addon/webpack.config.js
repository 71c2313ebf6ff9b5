// Webpack build of the Google Sheets add-on into dist/sheets: one unminified Code.js with top-level entry points, appsscript.json.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = path.resolve(__dirname, '..');

module.exports = (env = {}, argv = {}) => ({
  name: 'sheets',
  mode: 'production',
  devtool: false,
  context: root,
  entry: { Code: './sheets-addon/main.ts' },
  output: { path: path.join(root, 'dist', 'sheets'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true } }],
  },
  // Unminified: minification would drop the @customfunction JSDoc that Sheets reads.
  optimization: { minimize: false },
  plugins: [
    new GasPlugin({ autoGlobalExportsFiles: [] }),
    new CopyWebpackPlugin({ patterns: [{ from: 'sheets-addon/appsscript.json', to: 'appsscript.json' }] }),
  ],
  performance: { hints: false },
});
