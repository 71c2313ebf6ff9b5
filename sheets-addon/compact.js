// Makes the Sheets bundle smaller without minifying it (SPEC 9 bundle budget): removes comments and the declarations
// nothing calls, leaving every other line as webpack wrote it (names, line breaks, indentation, spacing).
const ts = require('typescript');

function parse(code) {
  return ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
}

/** Removes text ranges (sorted, not overlapping) from code. */
function cut(code, ranges) {
  let out = '';
  let at = 0;
  for (const [start, end, insert] of ranges) {
    out += code.slice(at, start) + (insert ?? '');
    at = end;
  }
  return out + code.slice(at);
}

/** Widens [start, end) to whole lines when nothing but spaces shares them with it (the line break after goes too). */
function wholeLines(code, start, end) {
  let lineStart = start;
  while (lineStart > 0 && (code[lineStart - 1] === ' ' || code[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (lineEnd < code.length && (code[lineEnd] === ' ' || code[lineEnd] === '\t' || code[lineEnd] === '\r')) lineEnd++;
  const alone = (lineStart === 0 || code[lineStart - 1] === '\n') && (lineEnd === code.length || code[lineEnd] === '\n');
  return alone ? [lineStart, Math.min(code.length, lineEnd + 1)] : null;
}

/**
 * Removes every comment for which `keep` (given the comment's text) is not true: a comment alone on its lines takes the
 * lines with it; one after code takes the spaces before it; one between two tokens leaves a space where they would
 * otherwise touch, and a line break where it held one (so that no statement runs on into the next). Comments are found
 * as TypeScript's scanner finds them (in the trivia between tokens), never inside strings, templates or regular
 * expressions.
 */
function stripComments(code, keep = () => false) {
  const file = parse(code);
  const seen = new Set();
  const ranges = [];
  const collect = (pos) => {
    const add = (start, end) => {
      if (seen.has(start)) return;
      seen.add(start);
      if (!keep(code.slice(start, end))) ranges.push([start, end]);
    };
    ts.forEachLeadingCommentRange(code, pos, add);
    ts.forEachTrailingCommentRange(code, pos, add);
  };
  const visit = (node) => {
    collect(node.pos);
    collect(node.end);
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  ranges.sort((a, b) => a[0] - b[0]);
  const cuts = [];
  let last = -1;
  for (const [start, end] of ranges) {
    if (start < last) continue;
    const lines = wholeLines(code, start, end);
    if (lines && lines[0] >= last) {
      cuts.push(lines);
      last = lines[1];
      continue;
    }
    let from = start;
    while (from > last && (code[from - 1] === ' ' || code[from - 1] === '\t')) from--;
    const before = from > 0 ? code[from - 1] : '\n';
    if (before === '\n' && code[end] === ' ') {
      // A comment that starts a line of code (`/******/ \tcode`) goes with the space that followed it.
      cuts.push([from, end + 1, '']);
      last = end + 1;
      continue;
    }
    const after = end < code.length ? code[end] : '\n';
    // Two tokens the comment separated must stay apart (`a/* x */b`); a comment that ends its line keeps the break.
    const needsSpace = !/\s/.test(before) && !/\s/.test(after) && !'([{,;'.includes(before) && !')]},;.'.includes(after);
    const insert = code.slice(start, end).includes('\n') ? '\n' : needsSpace ? ' ' : '';
    cuts.push([from, end, insert]);
    last = end;
  }
  return cut(code, cuts);
}

/** True for an expression whose evaluation has no effect beyond its value: literals, functions, classes, data. */
function isPure(node) {
  if (!node) return true;
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return true;
    case ts.SyntaxKind.ClassExpression:
      return isPureClass(node);
    case ts.SyntaxKind.ParenthesizedExpression:
      return isPure(node.expression);
    case ts.SyntaxKind.PrefixUnaryExpression:
      return isPure(node.operand) && node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken;
    case ts.SyntaxKind.BinaryExpression:
      return isPure(node.left) && isPure(node.right) && !ts.isAssignmentOperator(node.operatorToken.kind);
    case ts.SyntaxKind.TemplateExpression:
      return node.templateSpans.every((span) => isPure(span.expression));
    case ts.SyntaxKind.ArrayLiteralExpression:
      return node.elements.every((element) => (ts.isSpreadElement(element) ? ts.isIdentifier(element.expression) : isPure(element)));
    case ts.SyntaxKind.ObjectLiteralExpression:
      return node.properties.every((property) => {
        if (ts.isPropertyAssignment(property)) return !ts.isComputedPropertyName(property.name) && isPure(property.initializer);
        return ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property);
      });
    case ts.SyntaxKind.NewExpression:
      // A new Set, Map or other built-in collection of pure contents.
      return ts.isIdentifier(node.expression) && ['Set', 'Map', 'WeakMap', 'WeakSet', 'RegExp'].includes(node.expression.text) && (node.arguments ?? []).every(isPure);
    case ts.SyntaxKind.CallExpression: {
      // Object.freeze / Object.fromEntries / Object.keys / Object.entries of pure data.
      const callee = node.expression;
      return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && ['freeze', 'fromEntries', 'keys', 'values', 'entries'].includes(callee.name.text) && node.arguments.every(isPure);
    }
    default:
      return false;
  }
}

/** A class whose definition runs no code: no computed heritage, static initialisers or static blocks that could. */
function isPureClass(node) {
  const heritage = (node.heritageClauses ?? []).every((clause) => clause.types.every((type) => ts.isIdentifier(type.expression)));
  return (
    heritage &&
    node.members.every((member) => {
      if (ts.isClassStaticBlockDeclaration(member)) return false;
      if (member.name && ts.isComputedPropertyName(member.name)) return false;
      const isStatic = ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      return !isStatic || !ts.isPropertyDeclaration(member) || isPure(member.initializer);
    })
  );
}

/** The name a top-level statement declares, when removing the statement has no effect but to drop that name. */
function removableName(statement) {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
    if (ts.isClassDeclaration(statement) && !isPureClass(statement)) return null;
    return statement.name.text;
  }
  if (ts.isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations;
    if (declarations.length === 1 && ts.isIdentifier(declarations[0].name) && isPure(declarations[0].initializer)) return declarations[0].name.text;
  }
  return null;
}

/** An identifier that names a property or member rather than referring to a binding. */
function isMemberName(node) {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) && parent.name === node) return true;
  return false;
}

/** The statements of the webpack bootstrap's function: the bundle's one shared scope. */
function bundleScope(file) {
  for (const statement of file.statements) {
    let expression = ts.isExpressionStatement(statement) ? statement.expression : null;
    if (!expression || !ts.isCallExpression(expression)) continue;
    expression = expression.expression;
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    if ((ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) && expression.body && ts.isBlock(expression.body)) return expression.body.statements;
  }
  return null;
}

/**
 * Removes declarations of the bundle's shared scope that nothing refers to (webpack marks unused exports but leaves
 * their code to a minifier): functions, classes, and constants whose value is plain data or a function. Repeated until
 * nothing more goes, as a removal can leave another declaration unused. A name counts as used wherever it appears as
 * an identifier outside its own declaration, even where an inner variable of the same name shadows it: a declaration
 * may stay that could go, never the reverse.
 */
function dropUnused(code) {
  for (;;) {
    const file = parse(code);
    const statements = bundleScope(file);
    if (!statements) return code;
    const candidates = new Map();
    for (const statement of statements) {
      const name = removableName(statement);
      if (name !== null) candidates.set(name, statement);
    }
    const used = new Set();
    const visit = (node) => {
      if (ts.isIdentifier(node) && !isMemberName(node)) {
        const declaration = candidates.get(node.text);
        if (declaration && !(node.pos >= declaration.pos && node.end <= declaration.end)) used.add(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    const ranges = [];
    for (const [name, statement] of candidates) {
      if (used.has(name)) continue;
      const start = statement.getStart(file);
      ranges.push(wholeLines(code, start, statement.end) ?? [start, statement.end]);
    }
    if (ranges.length === 0) return code;
    ranges.sort((a, b) => a[0] - b[0]);
    code = cut(code, ranges);
  }
}

module.exports = { stripComments, dropUnused };
