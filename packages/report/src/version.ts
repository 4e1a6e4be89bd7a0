/** Version of the report formats (columns, file names, document layout); bumped when any of them changes. */
export const REPORT_FORMAT_VERSION = '1.0.0';
