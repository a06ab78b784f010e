export { ExportRunButtons } from "./ExportRunButtons";
export { HistoryPage } from "./HistoryPage";
export { historyKeys, historyQueries, runExportHref } from "./queries";
