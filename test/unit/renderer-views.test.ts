import { describe, expect, it } from 'vitest';
import { viewFromHash } from '../../renderer/src/app/views';

describe('viewFromHash', () => {
  it.each([
    ['', { view: 'recent' }],
    ['#/popover', { view: 'popover' }],
    ['#popover', { view: 'popover' }],
    ['#/settings', { view: 'settings' }],
    ['#/details/pop-42', { view: 'details', historyId: 'pop-42' }],
    ['#/details/a%2Fb', { view: 'details', historyId: 'a/b' }],
    ['#/details', { view: 'recent' }],
    ['#/unknown', { view: 'recent' }],
  ])('reads %j', (hash, expected) => {
    expect(viewFromHash(hash)).toEqual(expected);
  });
});
