import { AppError } from '../../shared/errors';

export interface ResolvedFile {
  /** What to send to the core for this file (see ChosenFile in shared/files.ts). */
  ref: string;
  /** Where the file is, to show. */
  path: string;
  /** True when it is a copy the headless host received (deleted once the job is done). */
  uploaded: boolean;
}

/**
 * Sends a dropped or picked file to the headless host, which stores it in a private folder and answers its
 * path there. XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadFile(
  url: string,
  file: File,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ResolvedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 200) {
        const { path } = JSON.parse(xhr.responseText) as { path: string };
        resolve({ ref: path, path, uploaded: true });
      } else {
        reject(
          AppError.fromData({
            code: 'INVALID_INPUT',
            message: `Could not send ${file.name}: ${xhr.responseText.trim() || xhr.status}`,
          }),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        AppError.fromData({
          code: 'DISCONNECTED',
          message: `Could not send ${file.name}: the connection failed.`,
        }),
      );
    xhr.onabort = () =>
      reject(AppError.fromData({ code: 'CANCELLED', message: `Sending ${file.name} was cancelled.` }));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
