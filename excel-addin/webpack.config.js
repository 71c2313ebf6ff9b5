// Webpack build of the Excel add-in into dist/excel: task pane page, custom functions and their generated functions.json.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const root = path.resolve(__dirname, '..');

module.exports = (env = {}, argv = {}) => ({
  name: 'excel',
  mode: argv.mode || 'production',
  devtool: false,
  context: root,
  entry: {
    taskpane: './excel-addin/taskpane.ts',
    functions: './excel-addin/functions.ts',
  },
  output: { path: path.join(root, 'dist', 'excel'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true } }],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './excel-addin/functions.ts' }),
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './excel-addin/taskpane.html', chunks: ['taskpane', 'functions'] }),
    new CopyWebpackPlugin({ patterns: [{ from: 'manifest.xml', to: 'manifest.xml' }] }),
  ],
  performance: { hints: false },
  devServer: {
    static: { directory: path.join(root, 'dist', 'excel') },
    port: 3000,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: { type: 'https', options: env.httpsOptions || {} },
  },
});
