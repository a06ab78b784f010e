const ATTRIBUTE_TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)$/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;
const ESCAPABLE = new Set([",", "+", '"', "\\", "<", ">", ";", "=", "#", " "]);
const CONTAINER_TYPES = new Set(["dc", "ou", "cn"]);

/** Splits on `separator` where it is not escaped with a backslash; null when an escape is malformed. */
function splitUnescaped(text: string, separator: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") {
      const next = text[i + 1];
      if (next === undefined) return null;
      if (ESCAPABLE.has(next)) {
        i += 1;
      } else if (HEX_PAIR.test(text.slice(i + 1, i + 3))) {
        i += 2;
      } else {
        return null;
      }
    } else if (char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * What is wrong with an Active Directory distinguished name such as
 * `CN=Vest\, Adele,OU=Staff,DC=corp,DC=contoso,DC=com`, or null when it looks right.
 */
export function distinguishedNameProblem(dn: string): string | null {
  const rdns = splitUnescaped(dn, ",");
  if (rdns === null)
    return "The distinguished name has a backslash that does not escape a special character or a hex pair.";
  let hasContainer = false;
  for (const [index, rdn] of rdns.entries()) {
    const avas = splitUnescaped(rdn, "+") ?? [];
    for (const ava of avas) {
      const equals = ava.indexOf("=");
      if (ava.trim() === "") {
        return `Part ${index + 1} of the distinguished name is empty (two commas in a row, or a comma at the start or end).`;
      }
      if (equals < 0)
        return `Part ${index + 1} of the distinguished name ("${ava.trim()}") is not in the form NAME=value.`;
      const type = ava.slice(0, equals).trim();
      if (!ATTRIBUTE_TYPE.test(type)) {
        return `Part ${index + 1} of the distinguished name has "${type}" where an attribute name such as CN, OU or DC belongs.`;
      }
      if (ava.slice(equals + 1).trim() === "")
        return `Part ${index + 1} of the distinguished name (${type}=) has no value.`;
      if (CONTAINER_TYPES.has(type.toLowerCase())) hasContainer = true;
    }
  }
  if (!hasContainer)
    return "The distinguished name has no CN=, OU= or DC= part, e.g. CN=AdeleV,CN=Users,DC=corp,DC=contoso,DC=com.";
  return null;
}
