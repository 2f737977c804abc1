/**
 * Files a host received as uploads (the headless host: a browser cannot tell the core a dropped file's path, so
 * it sends the bytes and the core works from the copy). The core only asks whether a path is one, and holds or
 * releases it around the job that reads it; the host owns where uploads live and when they expire.
 */
export interface UploadedFiles {
  isUpload(path: string): boolean;
  /** A job works from this upload: it must not expire until released. */
  hold(path: string): void;
  /** The upload is no longer needed: its file goes. */
  release(path: string): void;
}
