import type { Metadata } from "next";
import { DemoScenariosPanel } from "@/components/demo-scenarios/DemoScenariosPanel";

export const metadata: Metadata = { title: "Demo scenarios" };

export default function DemoScenariosPage() {
  return <DemoScenariosPanel />;
}
