import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { urlOfSelection } from '../../lib/ui/selection-url.js';

describe('selection URL', () => {
  const base = { region: 'eu-west-1', cluster: 'demo' };

  it('links the most specific selection: container, task, service, else the cluster', () => {
    assert.match(urlOfSelection(base), /\/clusters\/demo\/services\?region=eu-west-1$/);
    assert.match(urlOfSelection({ ...base, service: 'api' }), /\/clusters\/demo\/services\/api\/health/);
    assert.match(urlOfSelection({ ...base, service: 'api', taskId: 'abc123' }), /\/clusters\/demo\/tasks\/abc123\/configuration\?/);
    assert.match(urlOfSelection({ ...base, service: 'api', taskId: 'abc123', containerName: 'app' }), /\/tasks\/abc123\/configuration\/containers\/app\?/);
    assert.match(urlOfSelection(base), /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/ecs\/v2\//);
  });
});
