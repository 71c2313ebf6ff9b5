import * as fs from 'fs';
import * as path from 'path';

const dist = path.join(__dirname, '..', '..', 'dist', 'excel');

describe('Excel build', () => {
  it('has a task pane page and generated function metadata', () => {
    expect(fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8')).toContain('Målkoll');
    const metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions.length).toBeGreaterThan(0);
  });
});
