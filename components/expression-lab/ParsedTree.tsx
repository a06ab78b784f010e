"use client";
import Box from "@mui/material/Box";
import type { MappingSource } from "@/lib/provisioning";

function NodeLabel({ node }: { node: MappingSource }) {
  if (node.type === "Attribute")
    return (
      <>
        <Box component="code">[{node.name}]</Box>{" "}
        <Box component="span" sx={{ color: "text.secondary" }}>
          attribute
        </Box>
      </>
    );
  if (node.type === "Constant")
    return (
      <>
        <Box component="code">
          {node.name === null || node.name === undefined ? "(empty)" : JSON.stringify(node.name)}
        </Box>{" "}
        <Box component="span" sx={{ color: "text.secondary" }}>
          constant
        </Box>
      </>
    );
  return (
    <>
      <Box component="code" sx={{ fontWeight: 700 }}>
        {node.name}
      </Box>{" "}
      <Box component="span" sx={{ color: "text.secondary" }}>
        function
      </Box>
    </>
  );
}

function TreeNode({
  node,
  parameter,
  depth,
}: {
  node: MappingSource;
  parameter: string | null;
  depth: number;
}) {
  const children = (node.parameters ?? []).filter((p) => p?.value);
  return (
    <Box component="li" sx={{ py: 0.25 }}>
      {parameter && (
        <Box component="span" sx={{ color: "text.secondary", mr: 0.5 }}>
          {parameter}:
        </Box>
      )}
      <NodeLabel node={node} />
      {children.length > 0 && depth < 64 && (
        <Box component="ul" sx={{ m: 0, pl: 3, listStyle: "none", borderLeft: 1, borderColor: "divider" }}>
          {children.map((child, index) => (
            <TreeNode key={index} node={child!.value!} parameter={child!.key ?? null} depth={depth + 1} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Graph's parsed expression (attributeMappingSource) as a tree of functions, attributes and constants. */
export function ParsedTree({ tree }: { tree: unknown }) {
  if (typeof tree !== "object" || tree === null) return null;
  return (
    <Box
      component="ul"
      aria-label="Parsed expression"
      sx={{ m: 0, pl: 0, listStyle: "none", fontSize: "0.875rem" }}
    >
      <TreeNode node={tree as MappingSource} parameter={null} depth={0} />
    </Box>
  );
}
