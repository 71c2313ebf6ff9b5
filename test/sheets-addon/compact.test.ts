// The Sheets bundle's compaction (sheets-addon/compact.js): comments and unused declarations go, and nothing else changes — strings, templates, regular expressions and the code's behaviour stay.
import * as vm from 'vm';

interface CompactModule {
  stripComments(code: string, keep?: (comment: string) => boolean): string;
  dropUnused(code: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stripComments, dropUnused } = require('../../sheets-addon/compact') as CompactModule;

/** Runs a script and returns what it leaves in `out`. */
function run(code: string): unknown {
  const context: { out?: unknown } = {};
  vm.runInNewContext(code, context);
  return context.out;
}

describe('stripComments', () => {
  it('removes line and block comments, whole lines when they stand alone', () => {
    const code = ['// heading', 'const a = 1; // after code', '/**', ' * JSDoc', ' */', 'function f(x) {', '\treturn x /* inline */ + a;', '}', 'out = f(2);', ''].join('\n');
    const stripped = stripComments(code);
    expect(stripped).toBe(['const a = 1;', 'function f(x) {', '\treturn x + a;', '}', 'out = f(2);', ''].join('\n'));
    expect(run(stripped)).toBe(3);
  });

  it('leaves comment-like text in strings, templates and regular expressions alone', () => {
    const code = [
      "const url = 'https://example.org/*x*/'; // remove me",
      'const t = `a // b ${url} /* c */`;',
      'const re = /\\/\\/ not a comment/;',
      'out = [url, t, re.source];',
    ].join('\n');
    const stripped = stripComments(code);
    expect(stripped).not.toContain('remove me');
    expect(stripped).toContain('/\\/\\/ not a comment/');
    expect(run(stripped)).toEqual(run(code));
  });

  it('keeps tokens apart and line breaks where a comment held them', () => {
    const code = 'function f() {\n\treturn /* a\n\tb */ 1;\n}\nconst x = 1/**/+/**/2;\nout = [f(), x];';
    const stripped = stripComments(code);
    expect(run(stripped)).toEqual(run(code)); // [undefined, 3]: the line break after `return` still counts
    expect(run(stripped)).toEqual([undefined, 3]);
  });

  it('keeps the comments it is told to, and drops a line-start comment with its space', () => {
    const code = ';// ./core/common/a1.ts\n/******/ \tconst a = 1;\nout = a;';
    expect(stripComments(code, (comment) => comment.startsWith('// ./'))).toBe(';// ./core/common/a1.ts\n\tconst a = 1;\nout = a;');
  });
});

describe('dropUnused', () => {
  const wrap = (body: string[]): string => ['(() => {', ...body.map((line) => `\t${line}`), '})();', ''].join('\n');

  it('removes functions, classes and constants nothing refers to, also once their only user is gone', () => {
    const code = wrap([
      'const TABLE = { a: 1, b: [2, 3] };',
      'function helper() { return TABLE.a; }',
      'function unusedCaller() { return helper(); }',
      'class Unused { run() { return 1; } }',
      'const alsoUnused = (x) => x * 2;',
      'function used(x) { return { used: x, helper: 1 }; }',
      'globalThis.out = used(1);',
    ]);
    const dropped = dropUnused(code);
    expect(dropped).toBe(wrap(['function used(x) { return { used: x, helper: 1 }; }', 'globalThis.out = used(1);']));
    expect(run(dropped)).toEqual({ used: 1, helper: 1 });
  });

  it('keeps what is referred to, shorthand properties included, and declarations whose evaluation does something', () => {
    const code = wrap([
      'const counter = { n: 0 };',
      'const sideEffect = (counter.n++, 1);',
      'const fromCall = String(5);',
      'const shorthand = 2;',
      'function recursive(n) { return n > 0 ? recursive(n - 1) : 0; }',
      'globalThis.out = { shorthand, n: counter.n };',
    ]);
    const dropped = dropUnused(code);
    expect(dropped).toContain('const sideEffect');
    expect(dropped).toContain('const fromCall');
    expect(dropped).toContain('const shorthand');
    expect(dropped).not.toContain('recursive');
    expect(run(dropped)).toEqual({ shorthand: 2, n: 1 });
  });

  it('leaves code outside a bootstrap function as it is', () => {
    const code = 'function unused() {}\nout = 1;\n';
    expect(dropUnused(code)).toBe(code);
  });
});
