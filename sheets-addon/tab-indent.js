// Re-indents the Sheets bundle with tabs instead of four spaces: the same readable code in fewer bytes (SPEC 9 bundle budget).
const ts = require('typescript');

/** Lines that start inside a template literal: their leading spaces are part of a string and stay as they are. */
function linesInsideTemplates(code) {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const inside = new Set();
  const visit = (node) => {
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      for (let line = first + 1; line <= last; line++) inside.add(line);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return inside;
}

/** Four leading spaces become one tab, line by line, except inside template literals. */
function tabIndent(code) {
  const inside = linesInsideTemplates(code);
  return code
    .split('\n')
    .map((line, i) => {
      if (inside.has(i)) return line;
      const spaces = line.length - line.trimStart().length;
      if (spaces < 4 || line.slice(0, spaces).includes('\t')) return line;
      return '\t'.repeat(Math.floor(spaces / 4)) + ' '.repeat(spaces % 4) + line.slice(spaces);
    })
    .join('\n');
}

module.exports = { tabIndent };
