// The layout lives in shared/ so the renderer can recognise an export from its first bytes before uploading it.
export * from '../../../shared/export-layout';
