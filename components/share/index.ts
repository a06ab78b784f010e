export { ShareRunButton } from "./ShareRunButton";
export { SharedRunView } from "./SharedRunView";
export { shareKeys, shareQueries } from "./queries";
