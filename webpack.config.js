// Builds both add-ins: `--config-name excel` (task pane + custom functions) and `--config-name sheets` (Apps Script bundle).
const excel = require('./excel-addin/webpack.config');
const sheets = require('./sheets-addon/webpack.config');

module.exports = (env = {}, argv = {}) => [excel(env, argv), sheets(env, argv)];
