// Webpack build of the Excel add-in into dist/excel: task pane page (which also hosts the custom functions in the shared runtime), functions.js, the generated functions.json, manifest and icons.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { baseUrl, withBaseUrl } = require('./base-url');
const { devHttpsOptions } = require('./dev-certs');

const root = path.resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The dev server's HTTPS server, created only when `webpack serve` starts it: the certificates come from
 * office-addin-dev-certs (installed and trusted on first use), never during a build or a test.
 */
async function createDevHttpsServer(options, app) {
  const https = require('https');
  const certs = await devHttpsOptions();
  return https.createServer({ ...options, ca: certs.ca, key: certs.key, cert: certs.cert }, app);
}

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
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './excel-addin/taskpane.html',
      // Shared runtime: the task pane page is also the custom functions' page, so it loads both bundles.
      chunks: ['taskpane', 'functions'],
      chunksSortMode: 'manual',
      scriptLoading: 'blocking',
      inject: 'body',
      templateParameters: {
        officeJs: OFFICE_JS,
        // The panel's stylesheet is inlined: one request less, and the same file serves the Sheets sidebar.
        panelCss: fs.readFileSync(path.join(root, 'ui', 'panel.css'), 'utf8'),
      },
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => withBaseUrl(content.toString('utf8'), baseUrl()) }, // MALKOLL_BASE_URL (SPEC 8)
        { from: 'excel-addin/assets/*.png', to: 'assets/[name][ext]' },
      ],
    }),
  ],
  performance: { hints: false },
  devServer: {
    static: { directory: path.join(root, 'dist', 'excel') },
    port: 3000,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: { type: createDevHttpsServer },
  },
});
