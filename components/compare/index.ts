export { CompareWithPreviousButton } from "./CompareWithPreviousButton";
export { compareHref } from "./compare-request";
