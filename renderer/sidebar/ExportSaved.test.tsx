import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExportSaved } from './ExportSaved';

describe('ExportSaved', () => {
  it('says where the file went and lists what Postman cannot express', () => {
    const html = renderToString(
      <ExportSaved path="/tmp/Team API.postman_collection.json" report={['Collection: RoleCall signs with AWS profile "api".', 'Orders / Upload: unsigned payload is not carried over']} />,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('/tmp/Team API.postman_collection.json');
    expect(html).toContain('Postman cannot express:');
    expect(html).toMatch(/<li>Collection: RoleCall signs with AWS profile &quot;api&quot;\.<\/li><li>Orders \/ Upload: unsigned payload is not carried over<\/li>/);
  });

  it('has no list when there is nothing to report (or no report: RoleCall’s own format)', () => {
    for (const report of [[], undefined]) {
      const html = renderToString(<ExportSaved path="/tmp/x.json" report={report} />);
      expect(html).toContain('/tmp/x.json');
      expect(html).not.toContain('cannot express');
      expect(html).not.toContain('<ul');
    }
  });
});
