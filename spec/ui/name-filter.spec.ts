import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editFilter, effectiveFilter, filterByName, filterKeyAction } from '../../lib/ui/name-filter.js';
import type { NameFilter } from '../../lib/ui/name-filter.js';

describe('name filter', () => {
  const items = [{ name: 'api-gateway' }, { name: 'Payments' }, { name: 'a.b' }, { name: 'axb' }];

  it('keeps the names containing the filter, ignoring case, and everything for a blank filter', () => {
    assert.deepEqual(filterByName(items, 'PAY').map((i) => i.name), ['Payments']);
    assert.deepEqual(filterByName(items, '  ').length, 4);
    assert.deepEqual(filterByName(items, 'a.b').map((i) => i.name), ['a.b'], 'a dot is a dot, not any character');
  });

  it('types, deletes, keeps and clears a filter as / Enter Esc do', () => {
    const none: NameFilter = { filter: '', filterDraft: undefined };
    assert.equal(editFilter(none, { type: 'filter-input', text: 'x' }), none, 'typing counts only after /');
    let f = editFilter(none, { type: 'filter-start' });
    f = editFilter(f, { type: 'filter-input', text: 'p' });
    f = editFilter(f, { type: 'filter-input', text: 'ä' });
    assert.equal(effectiveFilter(f), 'pä', 'applied while typed');
    f = editFilter(f, { type: 'filter-backspace' });
    f = editFilter(f, { type: 'filter-commit' });
    assert.deepEqual(f, { filter: 'p', filterDraft: undefined });
    assert.deepEqual(editFilter(editFilter(f, { type: 'filter-start' }), { type: 'filter-input', text: 'a' }).filterDraft, 'pa', '/ starts from the filter in force');
    assert.deepEqual(editFilter(f, { type: 'filter-cancel' }), { filter: '', filterDraft: undefined });
  });

  it('keeps other fields of the state it edits', () => {
    const state = { filter: '', filterDraft: undefined, focus: 'tree' as const };
    assert.equal(editFilter(state, { type: 'filter-start' }).focus, 'tree');
  });

  it('maps keys while typing: Enter keeps, Esc clears, Backspace deletes, arrows move, characters type', () => {
    assert.deepEqual(filterKeyAction('enter', '\r'), { type: 'filter-commit' });
    assert.deepEqual(filterKeyAction('escape', undefined), { type: 'filter-cancel' });
    assert.deepEqual(filterKeyAction('backspace', '\x7f'), { type: 'filter-backspace' });
    assert.deepEqual(filterKeyAction('down', undefined), { type: 'move', delta: 1 });
    assert.deepEqual(filterKeyAction('q', 'q'), { type: 'filter-input', text: 'q' });
    assert.deepEqual(filterKeyAction('/', '/'), { type: 'filter-input', text: '/' });
    assert.equal(filterKeyAction('tab', '\t'), undefined);
  });
});
