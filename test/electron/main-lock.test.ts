import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import { app, recorded } from '../support/electron-stand-in';

describe('electron/main as a second instance', () => {
  it('quits without starting', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);

    await import('../../electron/main');

    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(recorded.trays).toHaveLength(0);
  });
});
