/** The build report's file name in the site folder: what the report stage writes, the CLI reads back from the last build, and the output stage takes as the sign of an earlier Digest build. */
export const REPORT_FILE = "build-report.json";
