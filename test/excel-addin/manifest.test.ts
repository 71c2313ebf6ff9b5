// Invariants of manifest.xml: well-formed, shared runtime wired to one resource, custom functions namespace MAL, resources defined and short, URLs that the build serves.
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'excel');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);

/** A small XML parser for the manifest: elements, attributes and text; throws on unbalanced or stray tags. */
function parseXml(source: string): XmlElement {
  const body = source.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const document: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [document];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = token.exec(body))) {
    if (match.index !== consumed) throw new Error(`unparsable XML at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const [, closing, name, attrText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[key] = decode(value);
    const element: XmlElement = { name, attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (consumed !== body.length) throw new Error('trailing content');
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (document.children.length !== 1) throw new Error('more than one root element');
  return document.children[0];
}

function descendants(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (!name || child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

const child = (element: XmlElement, name: string): XmlElement => {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
};

const app = parseXml(xml);
const resources = descendants(app, 'Resources')[0];
/** Every resource id with its DefaultValue. */
const resourceValues = new Map<string, string>();
for (const group of resources.children) for (const item of group.children) resourceValues.set(item.attributes.id, item.attributes.DefaultValue);

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel with the fixed GUID and ReadWriteDocument', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(child(app, 'Id').text).toBe('6f1d2c3e-8a4b-4e7f-9c21-5b3a7d9e0f12');
    expect(child(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(app, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
    expect(descendants(child(app, 'Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
    expect(child(app, 'DefaultLocale').text).toBe('sv-SE');
  });

  it('requires SharedRuntime 1.1 and the ExcelApi set of the newest call the adapter makes unguarded', () => {
    const sets = descendants(child(app, 'Requirements'), 'Sets')[0];
    expect(sets.attributes.DefaultMinVersion).toBe('1.1');
    // The ExcelApi 1.x set (its minor version) that introduced each call of excel-addin/ (Microsoft's API reference).
    const introduced: [RegExp, number][] = [
      [/\.getUsedRangeOrNullObject\(/, 4],
      [/\.getIntersectionOrNullObject\(/, 4],
      [/\.getRangeByIndexes\(/, 7],
      [/\.freezePanes\./, 7],
      [/\.hyperlink =/, 7],
      [/\.dataValidation\./, 8],
      [/\.useStandardHeight =/, 7],
      [/\.pageLayout\b/, 9],
      [/\.setPrintTitleRows\(/, 9],
      [/\.getCellProperties\(/, 9],
      [/\.getRanges\(/, 9],
      [/workbook\.comments/, 10],
      [/\.getMergedAreasOrNullObject\(/, 13],
    ];
    const source = ['adapter.ts', 'taskpane.ts'].map((f) => fs.readFileSync(path.join(__dirname, '..', '..', 'excel-addin', f), 'utf8')).join('\n');
    const newest = Math.max(...introduced.filter(([pattern]) => pattern.test(source)).map(([, version]) => version));
    const excelApi = sets.children.find((s) => s.attributes.Name === 'ExcelApi');
    expect(sets.children.map((s) => s.attributes.Name)).toEqual(['SharedRuntime', 'ExcelApi']);
    expect(excelApi?.attributes.MinVersion).toBe(`1.${newest}`);
    expect(excelApi?.attributes.MinVersion).toBe('1.13');
    // Notes (ExcelApi 1.18) are used only behind a requirement check.
    expect(source).toMatch(/supportsExcelApi\('1\.18'\) \? context\.workbook\.notes/);
  });

  it('has one long-lived runtime whose resource also serves the task pane, the function file and the functions page', () => {
    const runtimes = descendants(app, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const resid = runtimes[0].attributes.resid;
    expect(descendants(app, 'FunctionFile').map((f) => f.attributes.resid)).toEqual([resid]);
    const functionsPoint = descendants(app, 'ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'CustomFunctions')!;
    expect(child(child(functionsPoint, 'Page'), 'SourceLocation').attributes.resid).toBe(resid);
    const action = descendants(app, 'Action').find((a) => a.attributes['xsi:type'] === 'ShowTaskpane')!;
    expect(child(action, 'SourceLocation').attributes.resid).toBe(resid);
    expect(resourceValues.get(resid)).toBe(child(descendants(app, 'DefaultSettings')[0], 'SourceLocation').attributes.DefaultValue);
  });

  it('declares custom functions with script, metadata and the namespace MAL', () => {
    const point = descendants(app, 'ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'CustomFunctions')!;
    expect(resourceValues.get(child(child(point, 'Script'), 'SourceLocation').attributes.resid)).toBe('https://localhost:3000/functions.js');
    expect(resourceValues.get(child(child(point, 'Metadata'), 'SourceLocation').attributes.resid)).toBe('https://localhost:3000/functions.json');
    const namespace = child(point, 'Namespace').attributes.resid;
    const shortStrings = descendants(resources, 'bt:ShortStrings')[0].children;
    expect(shortStrings.find((s) => s.attributes.id === namespace)?.attributes.DefaultValue).toBe('MAL');
  });

  it('puts a button on the Home tab that shows the task pane', () => {
    const tab = descendants(app, 'OfficeTab')[0];
    expect(tab.attributes.id).toBe('TabHome');
    const button = descendants(tab, 'Control').find((c) => c.attributes['xsi:type'] === 'Button')!;
    expect(descendants(button, 'Action')[0].attributes['xsi:type']).toBe('ShowTaskpane');
    expect(descendants(button, 'bt:Image').map((i) => i.attributes.size)).toEqual(['16', '32', '80']);
  });

  it('defines every resid it uses, each at most 32 characters, and resource ids are unique', () => {
    const used = [...xml.matchAll(/resid="([^"]*)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) {
      expect(resid.length).toBeLessThanOrEqual(32);
      expect(resourceValues.has(resid)).toBe(true);
    }
    const ids = resources.children.flatMap((group) => group.children.map((item) => item.attributes.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('has Swedish default strings with English overrides', () => {
    const strings = [...descendants(resources, 'bt:ShortStrings')[0].children, ...descendants(resources, 'bt:LongStrings')[0].children];
    for (const s of strings.filter((s) => s.attributes.id !== 'Functions.Namespace')) {
      const overrides = s.children.filter((o) => o.name === 'bt:Override');
      expect(overrides.map((o) => o.attributes.Locale)).toEqual(['en-US']);
    }
    const tooltip = strings.find((s) => s.attributes.id === 'TaskpaneButton.Tooltip')!;
    expect(tooltip.attributes.DefaultValue).toMatch(/kontrollera arbetsboken/);
    expect(tooltip.children[0].attributes.Value).toMatch(/check the workbook/);
    expect(child(app, 'Description').children[0].attributes.Locale).toBe('en-US');
  });

  it('points only at https://localhost:3000 files that the build writes to dist/excel', () => {
    const urls = [...xml.matchAll(/"(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) {
      const file = new URL(url).pathname.slice(1);
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
    expect(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8')).toBe(xml);
  });

  it('ships PNG icons of the declared sizes', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(root, 'excel-addin', 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
