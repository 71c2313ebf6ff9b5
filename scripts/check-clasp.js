// Run by `npm run push:sheets` before clasp: checks that .clasp.json names a real Apps Script project and pushes dist/sheets, and says how to make one if not.
const fs = require('fs');
const path = require('path');

const ROOT_DIR = 'dist/sheets';
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';
const HOW = [
  'Skapa projektet en gång / Create the project once:',
  '  npx clasp login',
  `  npx clasp create --type standalone --title Målkoll --rootDir ${ROOT_DIR}`,
  'eller kopiera / or copy .clasp.json.example to .clasp.json and put your script ID in "scriptId".',
].join('\n');

/** The problem with the .clasp.json in `dir`, in Swedish and English, or null when it is usable. */
function claspProblem(dir) {
  const file = path.join(dir, '.clasp.json');
  if (!fs.existsSync(file)) return `.clasp.json saknas / .clasp.json is missing.\n${HOW}`;
  let settings;
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return `.clasp.json är inte giltig JSON / is not valid JSON: ${error.message}`;
  }
  if (!settings || typeof settings.scriptId !== 'string' || !settings.scriptId || settings.scriptId === PLACEHOLDER) {
    return `.clasp.json har inget skript-ID / has no script ID ("scriptId").\n${HOW}`;
  }
  const rootDir = typeof settings.rootDir === 'string' ? settings.rootDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') : '';
  if (rootDir !== ROOT_DIR) {
    return `.clasp.json: "rootDir" är / is "${settings.rootDir ?? ''}", ska vara / must be "${ROOT_DIR}" (the built add-on; clasp would push other files).`;
  }
  return null;
}

if (require.main === module) {
  const problem = claspProblem(process.cwd());
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

module.exports = { claspProblem };
