// Builds hostile .xlsx packages part by part (the XML that LibreOffice, openpyxl and Excel 365 write) and reads packages back with a reader independent of the CLI's (fflate + a saxes tree).
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';

export type Flavour = 'excel365' | 'libreoffice' | 'openpyxl' | 'xlsm';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell spec: [ref, value, style?, formula?]. Strings go to shared strings (or inline for openpyxl's inline cells). */
type CellSpec = [string, string | number | boolean, number?, string?];

const GOALS: CellSpec[][] = [
  [['A1', 'Nivå'], ['B1', 'Nummer'], ['C1', 'Mål'], ['D1', 'Bedömning']],
  [['A2', 'Inriktningsmål'], ['B2', '1'], ['C2', 'Ett Stockholm som håller samman'], ['D2', 'Uppfylls helt']],
  [['A3', 'Nämndmål'], ['B3', '1.1'], ['C3', 'Barn får en trygg uppväxt'], ['D3', 'Uppfylls helt']],
  [['A4', 'Nämndmål'], ['B4', '1.2'], ['C4', 'Äldre får god omsorg'], ['D4', 'Uppfylls delvis']],
];

const INDICATORS: CellSpec[][] = [
  [['A1', 'Mål'], ['B1', 'Indikator'], ['C1', 'Periodicitet'], ['D1', 'Period'], ['E1', 'Periodens utfall'], ['F1', 'Prognos helår'], ['G1', 'Årsmål'], ['H1', 'Riktning']],
  [['A2', '1.1'], ['B2', 'Andel nöjda barn'], ['C2', 'Tertial'], ['D2', 'Tertial 1 2024'], ['E2', 0.71, 3], ['F2', 0.72, 3], ['G2', 0.7, 3, '0.5+0.2'], ['H2', 'Högre är bättre']],
  [['A3', '1.1'], ['B3', 'Antal placeringar'], ['C3', 'Tertial'], ['D3', 'Tertial 1 2024'], ['E3', 40], ['F3', 45], ['G3', 'okänt värde', 2], ['H3', 'Lägre är bättre']],
  [['A4', '1.2'], ['B4', 'Nöjdhet hemtjänst'], ['C4', 'Tertial'], ['D4', 'Tertial 1 2024'], ['E4', 88], ['F4', 86], ['G4', 90], ['H4', 'Högre är bättre']],
  [['A5', '1.9'], ['B5', 'Indikator utan mål'], ['C5', 'Tertial'], ['D5', 'Tertial 1 2024'], ['E5', 5], ['F5', 5], ['G5', 5], ['H5', 'Högre är bättre']],
];

/** A sheet Målkoll does not read: a merged title, a formula, a date over 1e8, a value in column XFD, a table and a chart on it. */
const DATA: CellSpec[][] = [
  [['A1', 'Diagramunderlag'], ['XFD1', 'slut']],
  [['A2', 'År'], ['B2', 'Värde']],
  [['A3', 2023], ['B3', 10]],
  [['A4', 2024], ['B4', 12]],
  [['A5', 'Summa'], ['B5', 22, 0, 'SUM(B3:B4)'], ['C5', 123456789, 1]],
];

export interface BuiltPackage {
  bytes: Buffer;
  /** Parts the checked copy may change: everything else must come out byte for byte. */
  sheetParts: { goals: string; indicators: string; data: string };
}

/** A workbook package as the named tool writes it. */
export function hostilePackage(flavour: Flavour): BuiltPackage {
  const files: Record<string, string | Uint8Array> = {};
  const strings = new SharedStrings();
  const inline = flavour === 'openpyxl';
  const sheets = ['Mål', 'Indikatorer', 'Diagramdata'];
  files['xl/worksheets/sheet1.xml'] = sheetXml(GOALS, strings, inline, '', flavour);
  files['xl/worksheets/sheet2.xml'] = sheetXml(INDICATORS, strings, inline, indicatorExtras(flavour), flavour);
  files['xl/worksheets/sheet3.xml'] = sheetXml(DATA, strings, inline, dataExtras(flavour), flavour);
  files['xl/worksheets/_rels/sheet2.xml.rels'] = rels(indicatorRels(flavour));
  files['xl/worksheets/_rels/sheet3.xml.rels'] = rels([
    ['rId1', `${RT}/drawing`, '../drawings/drawing1.xml'],
    ['rId2', `${RT}/table`, '../tables/table1.xml'],
    ['rId3', `${RT}/printerSettings`, '../printerSettings/printerSettings1.bin'],
  ]);
  Object.assign(files, commentParts(flavour), chartParts(flavour), pivotParts(), otherParts(flavour));
  files['xl/sharedStrings.xml'] = strings.xml();
  files['xl/styles.xml'] = STYLES;
  files['xl/workbook.xml'] = workbookXml(sheets, flavour);
  files['xl/_rels/workbook.xml.rels'] = rels([
    ['rId1', `${RT}/worksheet`, 'worksheets/sheet1.xml'],
    ['rId2', `${RT}/worksheet`, 'worksheets/sheet2.xml'],
    ['rId3', `${RT}/worksheet`, 'worksheets/sheet3.xml'],
    ['rId4', `${RT}/worksheet`, 'worksheets/sheet4.xml'],
    ['rId5', `${RT}/styles`, 'styles.xml'],
    ['rId6', `${RT}/sharedStrings`, 'sharedStrings.xml'],
    ['rId7', `${RT}/theme`, 'theme/theme1.xml'],
    ['rId8', `${RT}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml'],
    ['rId9', `${RT}/externalLink`, 'externalLinks/externalLink1.xml'],
    ...(flavour === 'xlsm' ? [['rId10', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'] as [string, string, string]] : []),
  ]);
  files['[Content_Types].xml'] = contentTypes(flavour);
  files['_rels/.rels'] = rels([
    ['rId1', `${RT}/officeDocument`, 'xl/workbook.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${RT}/extended-properties`, 'docProps/app.xml'],
    ['rId4', `${RT}/custom-properties`, 'docProps/custom.xml'],
  ]);
  const ordered: Record<string, Uint8Array> = {};
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) ordered[name] = typeof files[name] === 'string' ? strToU8(files[name] as string) : (files[name] as Uint8Array);
  return {
    bytes: Buffer.from(zipSync(ordered, { level: 6 })),
    sheetParts: { goals: 'xl/worksheets/sheet1.xml', indicators: 'xl/worksheets/sheet2.xml', data: 'xl/worksheets/sheet3.xml' },
  };
}

class SharedStrings {
  private readonly list: string[] = [];
  index(text: string): number {
    let i = this.list.indexOf(text);
    if (i < 0) i = this.list.push(text) - 1;
    return i;
  }
  xml(): string {
    // an <rPh> phonetic run must not become part of the text
    const items = this.list.map((s, i) => (i === 0 ? `<si><t>${esc(s)}</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>` : `<si><t xml:space="preserve">${esc(s)}</t></si>`));
    return `${XML}<sst xmlns="${NS}" count="${this.list.length}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellXml([ref, value, style, formula]: CellSpec, strings: SharedStrings, inline: boolean): string {
  const s = style ? ` s="${style}"` : '';
  const f = formula ? `<f>${esc(formula)}</f>` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (inline) return `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.index(value)}</v></c>`;
}

function sheetXml(rows: CellSpec[][], strings: SharedStrings, inline: boolean, extras: string, flavour: Flavour): string {
  const body = rows
    .map((cells, i) => {
      const spans = flavour === 'excel365' ? ` spans="1:8" x14ac:dyDescent="0.25"` : '';
      return `<row r="${i + 1}"${spans}>${cells.map((c) => cellXml(c, strings, inline)).join('')}</row>`;
    })
    .join('');
  const mc =
    flavour === 'excel365'
      ? ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}"`
      : '';
  const cols = flavour === 'libreoffice' ? '<cols><col min="1" max="1024" width="11.5" style="0"/></cols>' : '<cols><col min="2" max="3" width="30" customWidth="1"/></cols>';
  const [head, tail] = extras.split('|');
  return `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}"${mc}><sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:H${rows.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${body}</sheetData>${head ?? ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tail ?? ''}</worksheet>`;
}

/** After sheetData | after pageMargins (schema order). */
function indicatorExtras(flavour: Flavour): string {
  const protection = flavour === 'libreoffice' ? '<sheetProtection sheet="true" objects="true" scenarios="true" formatColumns="false"/>' : '';
  const dataBar =
    '<conditionalFormatting sqref="E2:E5"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
    '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{8C1A5B8A-7C8C-4C2B-9E1A-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>';
  const legacy = '<legacyDrawing r:id="rId1"/>';
  const ext =
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{8C1A5B8A-7C8C-4C2B-9E1A-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>E2:E5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
  return `${protection}${dataBar}|${legacy}${ext}`;
}

function indicatorRels(flavour: Flavour): [string, string, string][] {
  const comments = flavour === 'openpyxl' ? '/xl/comments/comment1.xml' : '../comments1.xml';
  const list: [string, string, string][] = [
    ['rId1', `${RT}/vmlDrawing`, '../drawings/vmlDrawing1.vml'],
    ['rId2', `${RT}/comments`, comments],
  ];
  if (flavour === 'excel365') list.push(['rId3', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml']);
  return list;
}

function dataExtras(flavour: Flavour): string {
  void flavour;
  return '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>|<pageSetup paperSize="9" orientation="landscape" r:id="rId3"/><drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts>';
}

function rels(list: [string, string, string][]): string {
  return `${XML}<Relationships xmlns="${PR}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function commentParts(flavour: Flavour): Record<string, string> {
  const part = flavour === 'openpyxl' ? 'xl/comments/comment1.xml' : 'xl/comments1.xml';
  const legacyText = flavour === 'excel365' ? '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.' : 'Källa: SCB';
  const files: Record<string, string> = {
    [part]: `${XML}<comments xmlns="${NS}"><authors><author>Controller</author></authors><commentList><comment ref="G4" authorId="0"><text><r><rPr><b/></rPr><t>Controller:</t></r><r><t xml:space="preserve"> ${esc(legacyText)}</t></r></text></comment><comment ref="B2" authorId="0"><text><t>Mätt i enkät</t></text></comment></commentList></comments>`,
    'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>6</x:Column></x:ClientData></v:shape></xml>',
  };
  if (flavour === 'excel365') {
    files['xl/threadedComments/threadedComment1.xml'] = `${XML}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS}"><threadedComment ref="G4" dT="2024-04-30T10:00:00.00" personId="{11111111-2222-3333-4444-555555555555}" id="{AAAAAAAA-2222-3333-4444-555555555555}"><text>Målet ändrades i april</text></threadedComment></ThreadedComments>`;
    files['xl/persons/person.xml'] = `${XML}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS}"><person displayName="Controller" id="{11111111-2222-3333-4444-555555555555}" userId="c@example.se" providerId="AD"/></personList>`;
  }
  return files;
}

function chartParts(flavour: Flavour): Record<string, string> {
  const drawing =
    flavour === 'openpyxl'
      ? `${XML}<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><oneCellAnchor><from><col>3</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><ext cx="4800000" cy="2700000"/><graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`
      : `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  return {
    'xl/drawings/drawing1.xml': drawing,
    'xl/drawings/_rels/drawing1.xml.rels': rels([['rId1', `${RT}/chart`, '../charts/chart1.xml']]),
    'xl/charts/chart1.xml': `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Diagramdata!$B$3:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    'xl/tables/table1.xml': `${XML}<table xmlns="${NS}" id="1" name="Underlag" displayName="Underlag" ref="A2:B4" headerRowCount="1" totalsRowShown="0"><autoFilter ref="A2:B4"/><tableColumns count="2"><tableColumn id="1" name="År"/><tableColumn id="2" name="Värde"/></tableColumns></table>`,
    'xl/printerSettings/printerSettings1.bin': '\u0000\u0001PRINTER\u0000SETTINGS\u0002',
  };
}

function pivotParts(): Record<string, string> {
  return {
    'xl/worksheets/sheet4.xml': `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}"><dimension ref="A3:B5"/><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>Radetiketter</t></is></c><c r="B3" t="inlineStr"><is><t>Summa av Värde</t></is></c></row><row r="4"><c r="A4"><v>2023</v></c><c r="B4"><v>10</v></c></row><row r="5"><c r="A5"><v>2024</v></c><c r="B5"><v>12</v></c></row></sheetData></worksheet>`,
    'xl/worksheets/_rels/sheet4.xml.rels': rels([['rId1', `${RT}/pivotTable`, '../pivotTables/pivotTable1.xml']]),
    'xl/pivotTables/pivotTable1.xml': `${XML}<pivotTableDefinition xmlns="${NS}" name="Pivottabell1" cacheId="5" dataCaption="Värden" updatedVersion="8"><location ref="A3:B5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Summa av Värde" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    'xl/pivotTables/_rels/pivotTable1.xml.rels': rels([['rId1', `${RT}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml']]),
    'xl/pivotCache/pivotCacheDefinition1.xml': `${XML}<pivotCacheDefinition xmlns="${NS}" xmlns:r="${R}" r:id="rId1" refreshedBy="Controller" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A2:B4" sheet="Diagramdata"/></cacheSource><cacheFields count="2"><cacheField name="År" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="2023" maxValue="2024" count="2"><n v="2023"/><n v="2024"/></sharedItems></cacheField><cacheField name="Värde" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="10" maxValue="12"/></cacheField></cacheFields></pivotCacheDefinition>`,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': rels([['rId1', `${RT}/pivotCacheRecords`, 'pivotCacheRecords1.xml']]),
    'xl/pivotCache/pivotCacheRecords1.xml': `${XML}<pivotCacheRecords xmlns="${NS}" count="2"><r><x v="0"/><n v="10"/></r><r><x v="1"/><n v="12"/></r></pivotCacheRecords>`,
  };
}

function otherParts(flavour: Flavour): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Controller</dc:creator></cp:coreProperties>`,
    'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${flavour === 'libreoffice' ? 'LibreOffice/7.6' : 'Microsoft Excel'}</Application></Properties>`,
    'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0a1b2c3d-0000-4000-8000-000000000000_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_0a1b2c3d-0000-4000-8000-000000000000_Name"><vt:lpwstr>Intern</vt:lpwstr></property></Properties>`,
    'xl/theme/theme1.xml': `${XML}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1></a:clrScheme></a:themeElements></a:theme>`,
    'xl/externalLinks/externalLink1.xml': `${XML}<externalLink xmlns="${NS}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Budget"/></sheetNames></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels': `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${RT}/externalLinkPath" Target="file:///C:/Budget/budget2024.xlsx" TargetMode="External"/></Relationships>`,
  };
  if (flavour === 'xlsm') files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4, 0, 0, 255, 254, 86, 66, 65]);
  return files;
}

const STYLES =
  `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>';

function workbookXml(sheets: string[], flavour: Flavour): string {
  const tags = [...sheets, 'Pivot'].map((name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const pr = flavour === 'xlsm' ? '<workbookPr codeName="ThisWorkbook"/>' : '<workbookPr/>';
  return `${XML}<workbook xmlns="${NS}" xmlns:r="${R}">${pr}<bookViews><workbookView activeTab="1"/></bookViews><sheets>${tags}</sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">Diagramdata!$A$2:$B$4</definedName><definedName name="Summa">Diagramdata!$B$5</definedName></definedNames><calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="5" r:id="rId8"/></pivotCaches></workbook>`;
}

function contentTypes(flavour: Flavour): string {
  const main = flavour === 'xlsm' ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', main],
    ...[1, 2, 3, 4].map((n): [string, string] => [`/xl/worksheets/sheet${n}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']),
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
    ['/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml'],
    [flavour === 'openpyxl' ? '/xl/comments/comment1.xml' : '/xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml'],
    ['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
    ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    ['/xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml'],
    ['/xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml'],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'],
    ['/xl/pivotCache/pivotCacheRecords1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml'],
    ['/xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
    ['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
  ];
  if (flavour === 'excel365') {
    overrides.push(['/xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml']);
    overrides.push(['/xl/persons/person.xml', 'application/vnd.ms-excel.person+xml']);
  }
  const defaults =
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="bin" ContentType="' +
    (flavour === 'xlsm' ? 'application/vnd.ms-office.vbaProject' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings') +
    '"/>';
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`;
}

// ---------------------------------------------------------------------------------------------
// The independent reader: fflate unzips, saxes builds a plain element tree.
// ---------------------------------------------------------------------------------------------

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Every part of a package, uncompressed. */
export function unzipParts(bytes: Buffer): Map<string, Buffer> {
  const files = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}

/** A well-formedness-checking parse into a tree (throws on any XML error). */
export function parseXml(xml: Buffer | string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name.replace(/^\w+:/, ''), attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.write(typeof xml === 'string' ? xml : strFromU8(new Uint8Array(xml))).close();
  return root.children[0];
}

export function find(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

export interface PlainCell {
  value: string | null;
  formula: string | null;
  style: number;
}

/** A worksheet's cells by address: value as text (shared strings resolved), formula text, style index. */
export function sheetCells(parts: Map<string, Buffer>, sheetPart: string): Map<string, PlainCell> {
  const strings = parts.has('xl/sharedStrings.xml')
    ? find(parseXml(parts.get('xl/sharedStrings.xml')!), 'si').map((si) => si.children.filter((c) => c.name === 't' || c.name === 'r').map((c) => (c.name === 't' ? c.text : find(c, 't').map((t) => t.text).join(''))).join(''))
    : [];
  const cells = new Map<string, PlainCell>();
  for (const c of find(parseXml(parts.get(sheetPart)!), 'c')) {
    const v = c.children.find((n) => n.name === 'v')?.text ?? null;
    const is = c.children.find((n) => n.name === 'is');
    const t = c.attributes.t;
    const value = t === 's' && v !== null ? strings[Number(v)] : t === 'inlineStr' && is ? find(is, 't').map((n) => n.text).join('') : v;
    const f = c.children.find((n) => n.name === 'f');
    cells.set(c.attributes.r, { value: value === '' ? null : value, formula: f ? f.text : null, style: Number(c.attributes.s ?? 0) });
  }
  return cells;
}

/** The `<fill>` and `<font>` of a cell style, as normalised XML, and its number format id. */
export function styleOf(parts: Map<string, Buffer>, index: number): { fill: string; font: string; numFmtId: string } {
  const styles = parseXml(parts.get('xl/styles.xml')!);
  const xf = find(styles.children.find((n) => n.name === 'cellXfs')!, 'xf')[index];
  const fills = find(styles.children.find((n) => n.name === 'fills')!, 'fill');
  const fonts = find(styles.children.find((n) => n.name === 'fonts')!, 'font');
  return { fill: JSON.stringify(fills[Number(xf.attributes.fillId ?? 0)]), font: JSON.stringify(fonts[Number(xf.attributes.fontId ?? 0)]), numFmtId: xf.attributes.numFmtId ?? '0' };
}

export function mergesOf(parts: Map<string, Buffer>, sheetPart: string): string[] {
  return find(parseXml(parts.get(sheetPart)!), 'mergeCell').map((m) => m.attributes.ref);
}

/** A plain package of grids (strings inline, numbers as numbers), as a minimal writer would make it: for large-input tests. */
export function plainPackage(sheets: { name: string; values: (string | number | boolean | null)[][] }[]): Buffer {
  const files: Record<string, Uint8Array> = {};
  const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
  sheets.forEach((sheet, i) => {
    const rows = sheet.values.map((row, r) => {
      const cells = row.map((v, c) => {
        if (v === null || v === '') return '';
        const ref = `${colName(c)}${r + 1}`;
        return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    });
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`${XML}<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  });
  files['xl/workbook.xml'] = strToU8(`${XML}<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(rels(sheets.map((_, i) => [`rId${i + 1}`, `${RT}/worksheet`, `worksheets/sheet${i + 1}.xml`])));
  files['_rels/.rels'] = strToU8(rels([['rId1', `${RT}/officeDocument`, 'xl/workbook.xml']]));
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}</Types>`,
  );
  return Buffer.from(zipSync(files, { level: 6 }));
}
