import { Suspense } from "react";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { AppCatalog, AppTableSkeleton } from "@/components/apps/AppCatalog";
import { DemoScenariosNotice } from "@/components/demo-scenarios/DemoScenariosNotice";

export default function HomePage() {
  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h4" component="h1" gutterBottom>
          Applications with provisioning
        </Typography>
        <Typography sx={{ color: "text.secondary" }}>
          Pick an application, then one of its jobs, to provision a single user, group or on-premises user on
          demand and see exactly what the provisioning service did.
        </Typography>
      </div>
      <DemoScenariosNotice />
      {/* useSearchParams in AppCatalog needs a Suspense boundary during prerendering. */}
      <Suspense fallback={<AppTableSkeleton />}>
        <AppCatalog />
      </Suspense>
    </Stack>
  );
}
