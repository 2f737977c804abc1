import { describe, expect, it } from 'vitest';
import { testJob } from '../test/helpers/fixtures';
import { jobEnding, pastTense } from './job-endings';

describe('jobEnding', () => {
  it('says what a long job did, with its size and its file', () => {
    const exported = testJob('api', 'succeeded', 'export', {
      title: 'Export api to api-20261206-101500.tar.zst',
      durationMs: 13_000,
      bytes: 394_000_000,
      path: '/Users/me/Downloads/api-20261206-101500.tar.zst',
    });
    expect(jobEnding(exported)).toEqual({
      text: 'Exported api to api-20261206-101500.tar.zst, 394.0 MB',
      path: '/Users/me/Downloads/api-20261206-101500.tar.zst',
    });
    const cloned = testJob('web', 'succeeded', 'clone', { title: 'Clone web as web-2', durationMs: 4000 });
    expect(jobEnding(cloned)).toEqual({ text: 'Cloned web as web-2' });
    const ran = testJob('web', 'succeeded', 'run', {
      title: 'Run “make” in web',
      durationMs: 5000,
      outcome: 'The command exited with 0 in 5.0 s.',
    });
    expect(jobEnding(ran)?.text).toBe('Ran “make” in web. The command exited with 0 in 5.0 s.');
  });

  it('keeps quiet about quick jobs and about jobs that did not succeed', () => {
    expect(
      jobEnding(testJob('web', 'succeeded', 'start', { title: 'Start web', durationMs: 900 })),
    ).toBeNull();
    expect(
      jobEnding(testJob('web', 'failed', 'export', { title: 'Export web', durationMs: 9000 })),
    ).toBeNull();
  });

  it('puts a title in the past tense, or says it is done', () => {
    expect(pastTense('Copy hello.txt to ubuntu')).toBe('Copied hello.txt to ubuntu');
    expect(pastTense('Something new')).toBe('Something new: done');
  });
});
