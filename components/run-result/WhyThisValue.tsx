"use client";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { expressionLabHref } from "@/components/expression-lab/lab-url-state";
import type { MappingFactsView, PropertyExplanationView } from "@/lib/api/contracts";
import { useRunContext } from "./run-context";

function Code({ children }: { children: string }) {
  return (
    <Box component="code" sx={{ fontFamily: "monospace", fontSize: "0.875rem", overflowWrap: "anywhere" }}>
      {children}
    </Box>
  );
}

function MappingCard({ facts, sourceObject }: { facts: MappingFactsView; sourceObject: string | null }) {
  const { servicePrincipalId, jobId, runId } = useRunContext();
  const labHref =
    servicePrincipalId && jobId
      ? expressionLabHref(servicePrincipalId, jobId, {
          expression: facts.expression ?? "",
          mapping: facts.targetAttributeName,
          object: sourceObject,
          runId,
        })
      : null;
  return (
    <Box sx={{ display: "grid", gap: 0.75 }}>
      <Typography variant="body2" component="div">
        <strong>Mapping:</strong> <Code>{facts.targetAttributeName}</Code> ←{" "}
        {facts.expression ? <Code>{facts.expression}</Code> : <em>no source: a constant</em>}
      </Typography>
      {facts.defaultValue !== null && (
        <Typography variant="body2">
          <strong>Default value if empty:</strong> <Code>{facts.defaultValue}</Code>
          {facts.expression ? " (used when the object is created)" : ""}
        </Typography>
      )}
      <Typography variant="body2">
        <strong>Flows:</strong> {facts.flow}
        {facts.flowBehavior ? ` (${facts.flowBehavior})` : ""}
      </Typography>
      {facts.matchingPriority !== null && (
        <Typography variant="body2">
          <strong>Matching attribute</strong>, priority {facts.matchingPriority}: source and target objects
          are matched on it{facts.matchingPriority === 1 ? " first" : ""}.
        </Typography>
      )}
      {facts.sources.length > 0 && (
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            Source values it read (from the Import step):
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {facts.sources.map((source) => (
              <Typography component="li" variant="body2" key={source.attribute}>
                <Code>{`[${source.attribute}]`}</Code> ={" "}
                {source.imported ? (
                  <Code>{source.value ?? ""}</Code>
                ) : (
                  <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
                    no value (not in the Import step)
                  </Box>
                )}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {labHref && facts.expression && (
        <MuiLink component={NextLink} href={labHref} variant="body2">
          Try this expression in the expression lab
        </MuiLink>
      )}
    </Box>
  );
}

/** Why a property has its value: the mapping that produced it, its flow and the source values it read. */
export function WhyThisValue({
  explanation,
  sourceObject,
}: {
  explanation: PropertyExplanationView | undefined;
  sourceObject: string | null;
}) {
  if (!explanation || explanation.mappings.length === 0) {
    return (
      <Typography variant="body2">
        {explanation?.role === "source"
          ? "No attribute mapping of this rule reads this attribute; the service imported it for scoping or matching."
          : "No attribute mapping of this rule writes this property; the service sets it itself (for example a reference or the members of a group)."}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      {explanation.role === "source" && (
        <Typography variant="body2">
          A source value, evaluated but not written.{" "}
          {explanation.mappings.length === 1 ? "This mapping reads" : "These mappings read"} it:
        </Typography>
      )}
      {explanation.mappings.map((facts, index) => (
        <MappingCard
          key={`${facts.targetAttributeName}-${index}`}
          facts={facts}
          sourceObject={sourceObject}
        />
      ))}
    </Box>
  );
}
