import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFailure, LoadError, loadChecker } from '../../src/islands/common/check-failure';

describe('a failed check says what failed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a site that cannot be reached is a network failure, and the work is safe', () => {
    expect(checkFailure(new LoadError('network', '/projects/x/rubric.json'), 'the answer key').text).toMatch(
      /could not be reached to load the answer key.*Your work is saved/,
    );
  });

  it('an error answer from the site names its HTTP status, not the network', () => {
    const message = checkFailure(new LoadError('http', '/projects/x/rubric.json', 404), 'the answer key');
    expect(message.text).toContain('HTTP 404');
    expect(message.text).not.toContain('could not be reached');
  });

  it('a grader exception is reported as the checker failing, and logged with its stack', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = new TypeError("Cannot read properties of undefined (reading 'threats')");
    expect(checkFailure(bug, 'the answer key').text).toMatch(/checker failed on this work/);
    expect(log).toHaveBeenCalledWith('The checker failed:', bug);
  });

  it('checker code that cannot be fetched counts as a network failure', async () => {
    const failed = loadChecker(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await expect(failed).rejects.toBeInstanceOf(LoadError);
    await expect(failed).rejects.toMatchObject({ reason: 'network' });
  });
});
