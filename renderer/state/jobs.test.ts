import { beforeEach, describe, expect, it } from 'vitest';
import { testJob } from '../../test/helpers/fixtures';
import { useJobs } from './jobs';

beforeEach(() => useJobs.setState({ jobs: {}, heardAt: {} }));

describe('jobs store', () => {
  it('keeps a job announced while a pull was under way (the pull is older)', () => {
    const since = Date.now();
    useJobs.getState().upsert(testJob('m', 'queued', 'create', { id: 'job-new', rev: 3 }));
    useJobs.getState().merge([], since);
    expect(Object.keys(useJobs.getState().jobs)).toEqual(['job-new']);
  });

  it('never lets an older copy of a job replace a newer one', () => {
    useJobs.getState().upsert(testJob('m', 'running', 'export', { id: 'job-a', rev: 5 }));
    useJobs.getState().upsert(testJob('m', 'queued', 'export', { id: 'job-a', rev: 2 }));
    expect(useJobs.getState().jobs['job-a']!.state).toBe('running');
    useJobs.getState().merge([testJob('m', 'queued', 'export', { id: 'job-a', rev: 1 })], 0);
    expect(useJobs.getState().jobs['job-a']!.state).toBe('running');
  });

  it('forgets jobs the core no longer knows (it restarted) unless heard of since the pull began', () => {
    useJobs.setState({
      jobs: { 'job-old': testJob('m', 'running', 'export', { id: 'job-old', rev: 1 }) },
      heardAt: { 'job-old': 1 },
    });
    useJobs.getState().merge([testJob('n', 'succeeded', 'start', { id: 'job-b', rev: 9 })], Date.now());
    expect(Object.keys(useJobs.getState().jobs)).toEqual(['job-b']);
  });
});
