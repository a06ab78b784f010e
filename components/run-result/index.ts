export { RunResult, type RunResultProps } from "./RunResult";
export { RunProgress, type RunProgressProps } from "./RunProgress";
export { RunPageView } from "./RunPageView";
export { toCurl, toPowerShell } from "./request-snippets";
export { provisionAnotherHrefOf } from "./provision-another";
export { runTitleOf } from "./summary-facts";
