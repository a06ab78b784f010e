"use client";
import { useEffect, useState } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import { onAuthRefusal } from "@/components/api/api-fetch";

/**
 * When the server could not get a Microsoft Graph token for the signed-in admin because consent is
 * missing, says so once at the top of the page, with who can fix it.
 */
export function ConsentPrompt() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(
    () =>
      onAuthRefusal((error) => {
        if (error.authReason === "consent_required") setMessage(error.message);
      }),
    [],
  );
  if (!message) return null;
  return (
    <Alert severity="warning" onClose={() => setMessage(null)} sx={{ mb: 3 }}>
      <AlertTitle>Consent to Microsoft Graph is missing</AlertTitle>
      {message}
      <br />
      The console reads applications, users and groups and runs provisioning through Microsoft Graph
      (Synchronization.ReadWrite.All, Application.Read.All, User.Read.All, GroupMember.Read.All). A Cloud
      Application Administrator or Application Administrator (for application permissions, a Privileged Role
      Administrator) can grant admin consent in the Entra admin center: Enterprise applications → the console
      → Permissions → Grant admin consent.
    </Alert>
  );
}
